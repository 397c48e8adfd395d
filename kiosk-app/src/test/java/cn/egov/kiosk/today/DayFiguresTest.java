package cn.egov.kiosk.today;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.payment.Answer;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.DayFiguresRepository;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.PaymentJournalRepository;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.store.TicketRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day's figures over a real SQLite file with seeded records: the hours are the hall's (Beijing
 * time, UTC+8), a record a minute either side of the hall's midnight falls on its own day, an
 * interrupted ticket is listed by its number, and the device faults are the health model's changes
 * into a problem (not "starting", not the same problem twice).
 */
class DayFiguresTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOON = Instant.parse("2026-12-07T04:00:00Z"); // 12:00 in the hall

    @TempDir
    Path dir;

    private Database db;
    private TicketRepository tickets;
    private PrintRecordRepository prints;
    private PaymentJournalRepository journal;
    private DayFiguresRepository recorded;
    private OutboxRepository outbox;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), Clock.fixed(NOON, HALL));
        tickets = new TicketRepository(db, Optional.of(outbox), HALL);
        prints = new PrintRecordRepository(db, "K1", Optional.of(outbox));
        journal = new PaymentJournalRepository(db);
        recorded = new DayFiguresRepository(db, Optional.of(outbox));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DayFigures figures(Optional<ApplicationRepository> applications) {
        return new DayFigures(
                tickets, applications, journal, prints, recorded, List.of("A", "B"), HALL, Clock.fixed(NOON, HALL));
    }

    private Ticket ticket(LocalDate day, String type, String at, TicketStatus to) {
        Ticket t = tickets.allocate("K1", day, type, "", Instant.parse(at));
        if (to != TicketStatus.ALLOCATED) {
            tickets.transition(
                    t.id(),
                    TicketStatus.ALLOCATED,
                    to,
                    to == TicketStatus.VOIDED ? "PAPER_OUT" : null,
                    Instant.parse(at));
        }
        return t;
    }

    @Test
    void ticketsCountByTheHallsHourAndListTheInterruptedNumbers() {
        ticket(DAY.minusDays(1), "A", "2026-12-06T15:59:00Z", TicketStatus.PRINTED); // 23:59 the day before
        ticket(DAY, "A", "2026-12-07T01:30:00Z", TicketStatus.PRINTED); // 09:30
        ticket(DAY, "B", "2026-12-07T02:20:00Z", TicketStatus.PRINTED); // 10:20
        ticket(DAY, "B", "2026-12-07T03:00:00Z", TicketStatus.VOIDED); // 11:00, never handed out
        ticket(DAY, "A", "2026-12-07T15:59:00Z", TicketStatus.PRINTED); // 23:59
        ticket(DAY.plusDays(1), "A", "2026-12-07T16:01:00Z", TicketStatus.PRINTED); // 00:01 the next day
        ticket(DAY, "A", "2026-12-07T02:10:00Z", TicketStatus.ALLOCATED); // 10:10, the kiosk stops
        tickets.markInterrupted(Instant.parse("2026-12-07T02:15:00Z"));

        DaySummary s = figures(Optional.empty()).of(DAY);

        assertThat(s.tickets().issued()).isEqualTo(3);
        assertThat(s.tickets().interrupted()).isEqualTo(1);
        assertThat(s.tickets().interruptedNumbers()).containsExactly("A003");
        assertThat(s.tickets().voided()).isEqualTo(1);
        assertThat(s.tickets().perHour()).containsOnlyKeys("A", "B");
        List<Integer> a = s.tickets().perHour().get("A");
        assertThat(a).hasSize(24);
        assertThat(a.get(9)).isEqualTo(1);
        assertThat(a.get(10)).as("the interrupted ticket was taken at 10:10").isEqualTo(1);
        assertThat(a.get(23)).isEqualTo(1);
        assertThat(a.get(0)).as("00:01 of the next day is not this day's").isZero();
        assertThat(a.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(s.tickets().perHour().get("B").get(10)).isEqualTo(1);
        assertThat(s.tickets().perHour().get("B").get(11))
                .as("voided: never handed out")
                .isZero();

        DaySummary before = figures(Optional.empty()).of(DAY.minusDays(1));
        assertThat(before.tickets().issued()).isEqualTo(1);
        assertThat(before.tickets().perHour().get("A").get(23)).isEqualTo(1);
    }

    @Test
    void flowsFaultsPrintsPaymentsAndApplicationsOfTheDay() {
        recorded.flowStarted(Instant.parse("2026-12-06T15:59:59Z"), "ticket"); // 23:59:59 the day before
        recorded.flowStarted(Instant.parse("2026-12-06T16:00:00Z"), "ticket"); // 00:00 the day
        recorded.flowEnded(Instant.parse("2026-12-06T16:01:00Z"), "ticket", FlowLog.DONE);
        recorded.flowStarted(Instant.parse("2026-12-07T02:00:00Z"), "ticket");
        recorded.flowEnded(Instant.parse("2026-12-07T02:01:00Z"), "ticket", FlowLog.LEFT);
        recorded.flowStarted(Instant.parse("2026-12-07T03:00:00Z"), "licence");
        recorded.flowEnded(Instant.parse("2026-12-07T03:05:00Z"), "licence", FlowLog.DONE);

        DayRecorder recorder = new DayRecorder(recorded, Clock.fixed(NOON, HALL));
        recorder.accept(health("printer", HealthProblem.STARTING, "2026-12-07T00:59:00Z"));
        recorder.accept(health("printer", null, "2026-12-07T01:00:00Z"));
        recorder.accept(health("printer", HealthProblem.PAPER_OUT, "2026-12-07T02:00:00Z")); // 10:00
        recorder.accept(health("printer", HealthProblem.PAPER_OUT, "2026-12-07T02:00:05Z")); // the same fault
        recorder.accept(health("printer", null, "2026-12-07T02:30:00Z"));
        recorder.accept(health("printer", HealthProblem.PAPER_OUT, "2026-12-07T06:00:00Z")); // 14:00
        recorder.accept(health("reader", HealthProblem.OFFLINE, "2026-12-07T06:10:00Z")); // 14:10
        recorder.accept(health("reader", HealthProblem.OFFLINE, "2026-12-07T16:30:00Z")); // the same, still
        recorder.close();

        print("2026-12-07T01:00:00Z", "payment-receipt", PrintRecord.Result.PRINTED, false);
        print("2026-12-07T01:10:00Z", "acceptance-receipt", PrintRecord.Result.FAILED, false);
        print("2026-12-07T01:20:00Z", "queue-ticket", PrintRecord.Result.REFUSED, false);
        print("2026-12-07T01:30:00Z", "payment-receipt", PrintRecord.Result.PRINTED, true);
        print("2026-12-07T16:00:00Z", "payment-receipt", PrintRecord.Result.PRINTED, false); // the next day

        pay("p1", 1500, "2026-12-07T02:00:00Z", PaymentState.DELIVERED);
        pay("p2", 2000, "2026-12-07T02:30:00Z", PaymentState.SENT);
        pay("p3", 990, "2026-12-06T15:00:00Z", PaymentState.DELIVERED); // the day before

        ApplicationRepository early = applications("2026-12-06T16:10:00Z");
        early.queue("a1", "item-1", "{}".getBytes(StandardCharsets.UTF_8));
        applications("2026-12-07T15:50:00Z").queue("a2", "item-2", "{}".getBytes(StandardCharsets.UTF_8));
        applications("2026-12-07T16:10:00Z").queue("a3", "item-3", "{}".getBytes(StandardCharsets.UTF_8));

        DaySummary s = figures(Optional.of(early)).of(DAY);

        assertThat(s.flows())
                .containsExactly(
                        new DaySummary.FlowCount("ticket", 2, 1, 1), new DaySummary.FlowCount("licence", 1, 1, 0));

        assertThat(s.faults().count()).isEqualTo(3);
        assertThat(s.faults().perHour().get(10)).isEqualTo(1);
        assertThat(s.faults().perHour().get(14)).isEqualTo(2);
        assertThat(s.faults().perDevice()).containsExactly(Map.entry("printer", 2), Map.entry("reader", 1));
        assertThat(s.faults().list())
                .extracting(DaySummary.Fault::code)
                .containsExactly("paper-out", "paper-out", "offline");
        assertThat(s.faults().list().get(2).deviceClass()).isEqualTo("ID_CARD_READER");

        assertThat(s.prints().count()).isEqualTo(4);
        assertThat(s.prints().printed()).isEqualTo(2);
        assertThat(s.prints().failed()).isEqualTo(1);
        assertThat(s.prints().refused()).isEqualTo(1);
        assertThat(s.prints().reprints()).isEqualTo(1);
        assertThat(s.prints().failures())
                .extracting(DaySummary.PrintFailure::template)
                .containsExactly("acceptance-receipt", "queue-ticket");

        assertThat(s.payments().count()).isEqualTo(2);
        assertThat(s.payments().paid()).isEqualTo(1);
        assertThat(s.payments().paidFen()).isEqualTo(1500);
        assertThat(s.payments().inDoubt()).isEqualTo(1);
        assertThat(s.payments().reconciliation()).isEmpty();

        assertThat(s.applications().submitted()).isEqualTo(2);
        assertThat(s.applications().waiting()).isEqualTo(2);
    }

    private ApplicationRepository applications(String at) {
        return new ApplicationRepository(outbox, Clock.fixed(Instant.parse(at), HALL));
    }

    private void print(String at, String template, PrintRecord.Result result, boolean reprint) {
        prints.record(new PrintRecord(
                UUID.nameUUIDFromBytes((at + template).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                Instant.parse(at),
                template,
                "ref-" + at,
                Optional.of("receipt-printer"),
                Medium.ESCPOS,
                result,
                result == PrintRecord.Result.PRINTED ? Optional.empty() : Optional.of("PAPER_OUT"),
                reprint));
    }

    private void pay(String ref, long fen, String at, PaymentState to) {
        Instant t = Instant.parse(at);
        journal.open(ref, new PaymentOrder("svc", "due-" + ref, "测试", fen, PaymentMethod.CARD, Optional.empty()), t);
        PaymentState from = PaymentState.NEW;
        for (PaymentState next : List.of(PaymentState.SENT, PaymentState.APPROVED, PaymentState.DELIVERED)) {
            journal.advance(ref, from, next, PaymentStep.Actor.KIOSK, Answer.NONE, t);
            from = next;
            if (next == to) {
                return;
            }
        }
    }

    private static DeviceHealth health(String id, HealthProblem problem, String at) {
        DeviceClass c = id.equals("printer") ? DeviceClass.RECEIPT_PRINTER : DeviceClass.ID_CARD_READER;
        DeviceState state = problem == HealthProblem.OFFLINE ? DeviceState.OFFLINE : DeviceState.IDLE;
        Set<Condition> conditions = problem == HealthProblem.PAPER_OUT ? Set.of(Condition.PAPER_OUT) : Set.of();
        return new DeviceHealth(
                id,
                c,
                "test",
                "test:",
                state,
                conditions,
                Optional.ofNullable(problem),
                "",
                Map.of(),
                Instant.parse(at));
    }
}
