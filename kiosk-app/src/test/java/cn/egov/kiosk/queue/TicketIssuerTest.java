package cn.egov.kiosk.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.print.ticket.QueueTicket;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.queue.IssueOutcome.Issued;
import cn.egov.kiosk.queue.IssueOutcome.NotIssued;
import cn.egov.kiosk.queue.IssueOutcome.Reason;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.TicketRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketIssuerTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final TicketIssuer.HallTexts TEXTS = new TicketIssuer.HallTexts(
            l -> l.getLanguage().equals("zh") ? "西湖区政务服务中心" : "Xihu Service Centre",
            (code, l) -> switch (code) {
                case "A" -> l.getLanguage().equals("zh") ? "户籍业务" : "Household registration";
                case "B" -> l.getLanguage().equals("zh") ? "社保业务" : "Social security";
                default -> code;
            },
            "0571-12345");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z")); // 14:00 in Shanghai
    private Database db;
    private QueueService queue;
    private PrintRecordRepository printLog;
    private PrinterRig rig;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        queue = new QueueService(new TicketRepository(db), clock, SHANGHAI, "K01", Set.of("A", "B"));
        printLog = new PrintRecordRepository(db, "K01");
    }

    /** The one audit record the issue made. */
    private PrintRecord audited() {
        List<PrintRecord> recent = printLog.recent(10);
        assertThat(recent).hasSize(1);
        return recent.get(0);
    }

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
        db.close();
    }

    private TicketIssuer issuerWithPrinter(Duration poll) throws Exception {
        rig = new PrinterRig(32, poll);
        return issuer(() -> Optional.of(rig.printer));
    }

    private TicketIssuer issuer(Supplier<Optional<ReceiptPrinter>> printer) {
        return new TicketIssuer(queue, TestTemplates.queueTicket(), printer, printLog, TEXTS, SHANGHAI, clock);
    }

    private List<Ticket> today() {
        return queue.ticketsOfDay(queue.today());
    }

    private TicketStatus statusOf(String number) {
        return today().stream()
                .filter(t -> t.number().equals(number))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void aTicketIsPrintedAndTheNumberHandedOut() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));

        IssueOutcome outcome = issuer.issue("A", ZH, Optional.of("330106199001011234")); // the template masks it

        assertThat(outcome).isInstanceOf(Issued.class);
        Issued issued = (Issued) outcome;
        assertThat(issued.ticket().number()).isEqualTo("A001");
        assertThat(issued.ticket().id()).isEqualTo("K01-20261128-A001");
        assertThat(issued.ticket().status()).isEqualTo(TicketStatus.PRINTED);
        // the job, then GS r 1: the end-of-job request
        assertThat(issued.print().bytesSent()).isEqualTo(rig.virtual.received().length - 3);
        assertThat(statusOf("A001")).isEqualTo(TicketStatus.PRINTED);

        ReceiptDocument paper = rig.printed();
        assertThat(paper.lines())
                .contains(
                        "西湖区政务服务中心",
                        "户籍业务",
                        "A001",
                        "取号时间：2026-11-28 14:00:00",
                        "证件号码：330106********1234",
                        "K01-20261128-A001");
        assertThat(paper.qrPayloads()).containsExactly("K01-20261128-A001");
        assertThat(paper.cuts()).isEqualTo(1);
        // nobody knows who the hall has served yet: no "people ahead" line
        assertThat(paper.lines()).noneMatch(l -> l.contains("等候"));
    }

    @Test
    void onceTheHallCallsNumbersTheTicketSaysWhoIsAheadInTheCitizensLanguage() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        Issued first = (Issued) issuer.issue("A", ZH, Optional.empty());
        queue.markCalled(first.ticket().id());
        issuer.issue("A", ZH, Optional.empty());
        rig.virtual.clearReceived();

        Issued third = (Issued) issuer.issue("A", Locale.ENGLISH, Optional.empty());

        assertThat(third.ticket().number()).isEqualTo("A003");
        ReceiptDocument paper = rig.printed();
        assertThat(paper.lines())
                .contains(
                        "Xihu Service Centre", "A003", "1 person is waiting ahead of you", "Time: 2026-11-28 14:00:00");
        assertThat(String.join(" ", paper.lines())).contains("Household registration");
        assertThat(paper.lines()).noneMatch(l -> l.startsWith("ID:"));
        assertThat(paper.qrPayloads()).containsExactly("K01-20261128-A003");
    }

    @Test
    void paperOutFoundWhenTheJobStartsVoidsTheNumberAndPrintsNothing() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofHours(1)); // the poll has not seen it yet
        rig.virtual.setPaperOut(true);

        IssueOutcome outcome = issuer.issue("A", ZH, Optional.empty());

        assertThat(outcome).isInstanceOf(NotIssued.class);
        NotIssued failed = (NotIssued) outcome;
        assertThat(failed.reason()).isEqualTo(Reason.PAPER_OUT);
        assertThat(failed.voided()).map(Ticket::number).contains("A001");
        assertThat(failed.voided()).map(Ticket::status).contains(TicketStatus.VOIDED);
        assertThat(statusOf("A001")).isEqualTo(TicketStatus.VOIDED);
        assertThat(failed.partlyPrinted()).isFalse();
        assertThat(rig.virtual.received()).isEmpty();
        PrintRecord record = audited();
        assertThat(record.result()).isEqualTo(PrintRecord.Result.REFUSED);
        assertThat(record.reason()).contains("PAPER_OUT");
        assertThat(record.reference()).isEqualTo("K01-20261128-A001");
        assertThat(record.template()).isEqualTo("queue-ticket");
    }

    @Test
    void paperOutAlreadyKnownSpendsNoNumber() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        rig.virtual.setPaperOut(true);
        Await.until(
                () -> rig.printer.conditions().contains(Condition.PAPER_OUT),
                Duration.ofSeconds(5),
                "the poll to see paper out");

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PAPER_OUT);
        assertThat(failed.voided()).isEmpty();
        assertThat(today()).isEmpty();
        assertThat(audited().result()).isEqualTo(PrintRecord.Result.REFUSED);
        assertThat(audited().reason()).contains("PAPER_OUT");
    }

    @Test
    void paperRunningOutDuringTheJobVoidsTheNumber() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        rig.virtual.runOutAfter(40);

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PAPER_OUT);
        assertThat(failed.voided()).map(Ticket::number).contains("A001");
        assertThat(statusOf("A001")).isEqualTo(TicketStatus.VOIDED);
        assertThat(rig.virtual.received().length).isGreaterThanOrEqualTo(40); // a part was printed
        assertThat(failed.partlyPrinted()).isTrue(); // the citizen is told not to use a half ticket
        PrintRecord record = audited();
        assertThat(record.result()).isEqualTo(PrintRecord.Result.FAILED);
        assertThat(record.reason()).contains("PAPER_OUT");
        assertThat(record.deviceId()).isPresent();
        assertThat(record.printedAt()).isEqualTo(clock.instant());
    }

    @Test
    void afterAVoidedNumberTheNextOneFollowsAndTheVoidedOneIsNeverReused() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        rig.virtual.runOutAfter(40);
        issuer.issue("A", ZH, Optional.empty());
        rig.virtual.setPaperOut(false); // a new roll
        Await.until(() -> rig.printer.conditions().isEmpty(), Duration.ofSeconds(5), "the poll to see the new roll");
        rig.virtual.clearReceived(); // what reached the printer of the failed job

        Issued next = (Issued) issuer.issue("A", ZH, Optional.empty());

        assertThat(next.ticket().number()).isEqualTo("A002");
        assertThat(today())
                .extracting(Ticket::number, Ticket::status)
                .containsExactly(Tuple.tuple("A001", TicketStatus.VOIDED), Tuple.tuple("A002", TicketStatus.PRINTED));
        assertThat(rig.printed().lines()).contains("A002").doesNotContain("A001");
    }

    @Test
    void aPrinterThatStopsAnsweringIsOffline() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofSeconds(60)); // the job finds out, not the poll
        rig.virtual.setMute(true); // powered off behind a live cable

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PRINTER_OFFLINE);
        assertThat(failed.voided()).map(Ticket::number).contains("A001");
        assertThat(statusOf("A001")).isEqualTo(TicketStatus.VOIDED);
        assertThat(rig.printer.state()).isEqualTo(DeviceState.OFFLINE);

        // known to be offline now: refused before a number is taken
        NotIssued again = (NotIssued) issuer.issue("A", ZH, Optional.empty());
        assertThat(again.reason()).isEqualTo(Reason.PRINTER_OFFLINE);
        assertThat(again.voided()).isEmpty();
        assertThat(today()).hasSize(1);
    }

    @Test
    void aSeveredCableDuringTheRequestIsOffline() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofSeconds(60));
        rig.cable.sever();

        NotIssued failed = (NotIssued) issuer.issue("B", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PRINTER_OFFLINE);
        assertThat(failed.voided()).map(Ticket::number).contains("B001");
        assertThat(statusOf("B001")).isEqualTo(TicketStatus.VOIDED);
        assertThat(rig.virtual.received()).isEmpty();
    }

    @Test
    void aPrinterSeenOfflineByThePollTakesNoNumber() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        rig.cable.sever();
        Await.until(
                () -> rig.printer.state() == DeviceState.OFFLINE,
                Duration.ofSeconds(5),
                "the poll to find the printer offline");

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PRINTER_OFFLINE);
        assertThat(failed.voided()).isEmpty();
        assertThat(today()).isEmpty();
        assertThat(audited().result()).isEqualTo(PrintRecord.Result.REFUSED);
        assertThat(audited().reason()).contains("PRINTER_OFFLINE");
    }

    @Test
    void aClosedPrinterTakesNoNumber() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        rig.printer.close();

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PRINTER_OFFLINE);
        assertThat(today()).isEmpty();
    }

    @Test
    void coverOpenIsItsOwnReason() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofSeconds(60));
        rig.virtual.setCoverOpen(true);

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.COVER_OPEN);
        assertThat(statusOf("A001")).isEqualTo(TicketStatus.VOIDED);
    }

    @Test
    void noPrinterConfiguredConsumesNoNumber() {
        TicketIssuer issuer = issuer(Optional::empty);

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.PRINTER_MISSING);
        assertThat(failed.voided()).isEmpty();
        assertThat(today()).isEmpty();
        assertThat(queue.allocate("A").number()).isEqualTo("A001");
    }

    @Test
    void aStoreThatFailsIsReportedAndNothingPrinted() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        db.close(); // the store is gone

        NotIssued failed = (NotIssued) issuer.issue("A", ZH, Optional.empty());

        assertThat(failed.reason()).isEqualTo(Reason.STORE_FAILED);
        assertThat(failed.voided()).isEmpty();
        assertThat(rig.virtual.received()).isEmpty();
        db = Database.open(dir.resolve("kiosk.db")); // for close()
    }

    @Test
    void anUnknownBusinessTypeIsACallersMistake() {
        TicketIssuer issuer = issuer(Optional::empty);

        assertThatThrownBy(() -> issuer.issue("Z", ZH, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Z is not offered");
    }

    // ---- appointments: the number a check-in gave ------------------------------------------------

    private static TicketIssuer.CheckedIn checkedIn(boolean priority) {
        return new TicketIssuer.CheckedIn(
                "A",
                "A012",
                new QueueTicket.Appointment(priority, LocalDateTime.of(2026, 11, 28, 14, 30), "出生登记（新生儿落户）"));
    }

    @Test
    void aCheckedInAppointmentsTicketCarriesItsPriorityServiceAndTime() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));

        Issued issued = (Issued) issuer.issueCheckedIn(checkedIn(true), ZH);

        assertThat(issued.ticket().number()).isEqualTo("A012");
        assertThat(statusOf("A012")).isEqualTo(TicketStatus.PRINTED);
        ReceiptDocument paper = rig.printed();
        assertThat(paper.lines()).contains("A012", "预约优先");
        assertThat(String.join("", paper.lines())).contains("预约事项：出生登记（新生儿落户）").contains("预约时间：11月28日 星期六 下午2:30");
        assertThat(audited().result()).isEqualTo(PrintRecord.Result.PRINTED);
    }

    @Test
    void withoutPriorityTheTicketSaysTheAppointmentButNotThePriority() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));

        issuer.issueCheckedIn(checkedIn(false), Locale.ENGLISH);

        String all = String.join(" ", rig.printed().lines());
        assertThat(all)
                .contains("Booked: ")
                .contains("Saturday 28 November, 2:30 PM")
                .doesNotContain("called first");
    }

    @Test
    void aCheckedInNumberWhoseTicketDidNotPrintIsLeftToStaffNotVoided() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        rig.virtual.runOutAfter(40);

        NotIssued failed = (NotIssued) issuer.issueCheckedIn(checkedIn(true), ZH);

        assertThat(failed.reason()).isEqualTo(Reason.PAPER_OUT);
        assertThat(failed.partlyPrinted()).isTrue();
        assertThat(failed.voided()).map(Ticket::number).contains("A012");
        assertThat(statusOf("A012")).isEqualTo(TicketStatus.INTERRUPTED);
    }

    @Test
    void thePrintersKnownProblemIsToldBeforeACheckInIsMade() throws Exception {
        TicketIssuer issuer = issuerWithPrinter(Duration.ofMillis(200));
        assertThat(issuer.printerProblem()).isEmpty();
        rig.virtual.setPaperOut(true);
        Await.until(
                () -> rig.printer.conditions().contains(Condition.PAPER_OUT), Duration.ofSeconds(5), "paper out seen");

        assertThat(issuer.printerProblem()).contains(Reason.PAPER_OUT);
        assertThat(issuer(Optional::empty).printerProblem()).contains(Reason.PRINTER_MISSING);
    }
}
