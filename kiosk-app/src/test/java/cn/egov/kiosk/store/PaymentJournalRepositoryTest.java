package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.payment.AlreadyPaying;
import cn.egov.kiosk.payment.Answer;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.payment.PaymentStep.Actor;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payment journal in SQLite: conditional steps, ids kept, one payment per due, days in the hall's zone. */
class PaymentJournalRepositoryTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Instant T = Instant.parse("2026-11-28T01:30:00Z");
    private static final PaymentOrder ORDER = PaymentOrder.of("ITEM-1", "due-1", "签注费", 1500, PaymentMethod.CARD);

    @TempDir
    Path dir;

    private Database db;
    private PaymentJournalRepository journal;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        journal = new PaymentJournalRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStepFromAStateThePaymentIsNotInWritesNothing() {
        journal.open("a", ORDER, T);
        journal.advance("a", PaymentState.NEW, PaymentState.SENT, Actor.KIOSK, Answer.NONE, T);

        assertThat(journal.advance("a", PaymentState.NEW, PaymentState.CANCELLED, Actor.RECOVERY, Answer.NONE, T))
                .isEmpty();
        assertThat(journal.find("a").orElseThrow().state()).isEqualTo(PaymentState.SENT);
        assertThat(journal.steps("a")).hasSize(2);
        assertThatThrownBy(() ->
                        journal.advance("a", PaymentState.SENT, PaymentState.DELIVERED, Actor.KIOSK, Answer.NONE, T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdOnceRecordedIsNeverErasedAndTheCardIsKeptMasked() {
        journal.open("a", ORDER, T);
        journal.advance("a", PaymentState.NEW, PaymentState.SENT, Actor.KIOSK, Answer.NONE, T);
        journal.advance(
                "a",
                PaymentState.SENT,
                PaymentState.APPROVED,
                Actor.KIOSK,
                new Answer("R1", "T1", null, "6222021234567890", "A1", "00", "approved"),
                T.plusSeconds(20));

        PaymentRecord p = journal.advance(
                        "a",
                        PaymentState.APPROVED,
                        PaymentState.DELIVERED,
                        Actor.KIOSK,
                        Answer.note("delivered"),
                        T.plusSeconds(30))
                .orElseThrow();

        assertThat(p.receiptNo()).contains("R1");
        assertThat(p.traceNo()).contains("T1");
        assertThat(p.cardMasked()).contains("622202******7890");
        assertThat(p.sentAt()).contains(T);
        assertThat(p.approvedAt()).contains(T.plusSeconds(20));
        assertThat(p.note()).contains("delivered");
        PaymentStep approved = journal.steps("a").get(2);
        assertThat(approved.from()).contains(PaymentState.SENT);
        assertThat(approved.answer().resultCode()).isEqualTo("00");
        assertThat(journal.withTrace("T1")).map(PaymentRecord::orderRef).contains("a");
    }

    @Test
    void aDueIsHeldByOnePaymentUntilItEndsWithoutTheMoney() {
        journal.open("a", ORDER, T);

        assertThatThrownBy(() -> journal.open("b", ORDER, T))
                .isInstanceOfSatisfying(
                        AlreadyPaying.class,
                        e -> assertThat(e.holder().orderRef()).isEqualTo("a"));
        assertThat(journal.find("b")).isEmpty();

        journal.advance("a", PaymentState.NEW, PaymentState.CANCELLED, Actor.KIOSK, Answer.NONE, T);
        assertThat(journal.open("b", ORDER, T).state()).isEqualTo(PaymentState.NEW);
        // the index holds it too, whatever the code above it does
        assertThatThrownBy(() -> db.transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("INSERT INTO payment (order_ref, service_id, due_id, description, "
                                + "amount_fen, method, state, created_at, updated_at) VALUES "
                                + "('c', 'ITEM-1', 'due-1', 'x', 1, 'CARD', 'SENT', 't', 't')");
                    }
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("UNIQUE");
    }

    @Test
    void noAnswerCountsTriesUntilTheStateChanges() {
        journal.open("a", ORDER, T);
        journal.advance("a", PaymentState.NEW, PaymentState.SENT, Actor.KIOSK, Answer.NONE, T);
        journal.noAnswer("a", PaymentState.SENT, Actor.RECOVERY, "offline", T);
        assertThat(journal.noAnswer("a", PaymentState.SENT, Actor.RECOVERY, "offline", T)
                        .orElseThrow()
                        .attempts())
                .isEqualTo(2);
        assertThat(journal.noAnswer("a", PaymentState.APPROVED, Actor.RECOVERY, "x", T))
                .isEmpty();

        PaymentRecord p = journal.advance("a", PaymentState.SENT, PaymentState.APPROVED, Actor.RECOVERY, Answer.NONE, T)
                .orElseThrow();

        assertThat(p.attempts()).isZero();
        assertThat(journal.unresolved()).extracting(PaymentRecord::orderRef).containsExactly("a");
    }

    @Test
    void aDayIsTheHallsDay() {
        // 2026-11-28 in Shanghai runs from 2026-11-27T16:00Z to 2026-11-28T16:00Z
        journal.open(
                "before",
                PaymentOrder.of("I", "d1", "x", 1, PaymentMethod.CARD),
                Instant.parse("2026-11-27T15:59:59Z"));
        journal.open(
                "first", PaymentOrder.of("I", "d2", "x", 1, PaymentMethod.CARD), Instant.parse("2026-11-27T16:00:00Z"));
        journal.open(
                "last", PaymentOrder.of("I", "d3", "x", 1, PaymentMethod.CARD), Instant.parse("2026-11-28T15:59:59Z"));
        journal.open(
                "after", PaymentOrder.of("I", "d4", "x", 1, PaymentMethod.CARD), Instant.parse("2026-11-28T16:00:00Z"));

        assertThat(journal.ofDay(LocalDate.of(2026, 11, 28), HALL))
                .extracting(PaymentRecord::orderRef)
                .containsExactly("first", "last");
    }

    @Test
    void theCardPaymentSentLastIsBySendingTime() {
        journal.open("a", ORDER, T);
        journal.open("b", PaymentOrder.of("ITEM-1", "due-2", "x", 1, PaymentMethod.CARD), T);
        journal.advance("b", PaymentState.NEW, PaymentState.SENT, Actor.KIOSK, Answer.NONE, T);
        journal.advance("a", PaymentState.NEW, PaymentState.SENT, Actor.KIOSK, Answer.NONE, T.plusSeconds(1));

        assertThat(journal.lastCardSent()).map(PaymentRecord::orderRef).contains("a");
    }
}
