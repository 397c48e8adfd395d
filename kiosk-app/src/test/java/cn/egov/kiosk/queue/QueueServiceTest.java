package cn.egov.kiosk.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.TicketRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueServiceTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    // 2026-11-28 23:59 in Shanghai
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T15:59:00Z"));
    private Database db;
    private QueueService queue;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        queue = service(db);
    }

    private QueueService service(Database database) {
        return new QueueService(new TicketRepository(database), clock, SHANGHAI, "K01", Set.of("A", "B"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDayEndsAtTheHallsMidnight() {
        Ticket late = queue.allocate("A");
        queue.allocate("A");
        clock.advance(Duration.ofMinutes(2)); // 00:01 in Shanghai, still 16:01 the day before in UTC

        Ticket early = queue.allocate("A");

        assertThat(late.serviceDay()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(late.id()).isEqualTo("K01-20261128-A001");
        assertThat(early.serviceDay()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(early.number()).isEqualTo("A001");
        assertThat(early.id()).isEqualTo("K01-20261129-A001");
        assertThat(queue.today()).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void utcMidnightIsNotTheHallsMidnight() {
        clock.set(Instant.parse("2026-11-28T23:59:00Z")); // 07:59 on the 29th in Shanghai
        queue.allocate("A");
        clock.set(Instant.parse("2026-11-29T00:01:00Z")); // 08:01, the same hall day

        Ticket next = queue.allocate("A");

        assertThat(next.number()).isEqualTo("A002");
        assertThat(next.id()).isEqualTo("K01-20261129-A002");
    }

    @Test
    void anUnknownBusinessTypeIsRefusedWithoutTakingANumber() {
        assertThatThrownBy(() -> queue.allocate("Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("business type Z is not offered here");
        assertThatThrownBy(() -> queue.waiting("Z")).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.offers("A")).isTrue();
        assertThat(queue.offers("Z")).isFalse();

        assertThat(queue.ticketsOfDay(queue.today())).isEmpty();
        assertThat(queue.allocate("A").number()).isEqualTo("A001");
    }

    @Test
    void recoverAfterRestartMarksInterruptedNumbersForStaff() {
        Ticket printed = queue.confirmPrinted(queue.allocate("A"));
        Ticket interrupted = queue.allocate("A"); // the kiosk stops while this one prints
        db.close();

        db = Database.open(dir.resolve("kiosk.db"));
        QueueService restarted = service(db);
        restarted.recoverAfterRestart();

        assertThat(restarted.ticketsOfDay(restarted.today()))
                .extracting(Ticket::number, Ticket::status)
                .containsExactly(
                        Tuple.tuple(printed.number(), TicketStatus.PRINTED),
                        Tuple.tuple(interrupted.number(), TicketStatus.INTERRUPTED));
        assertThat(restarted.allocate("A").number()).isEqualTo("A003");
    }

    @Test
    void confirmAndVoidMoveTheTicketOn() {
        Ticket a1 = queue.allocate("A");
        Ticket a2 = queue.allocate("A");

        assertThat(queue.confirmPrinted(a1).status()).isEqualTo(TicketStatus.PRINTED);
        assertThat(queue.voidTicket(a2, "PAPER_OUT").status()).isEqualTo(TicketStatus.VOIDED);
        assertThatThrownBy(() -> queue.confirmPrinted(a1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not allocated");
        assertThatThrownBy(() -> queue.confirmPrinted(a2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queue.voidTicket(a1, "late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitingIsKnownOnlyOnceTheHallCallsNumbers() {
        Ticket a1 = queue.confirmPrinted(queue.allocate("A"));
        queue.confirmPrinted(queue.allocate("A"));
        assertThat(queue.waiting("A")).isEmpty();

        assertThat(queue.markCalled(a1.id())).isTrue();

        assertThat(queue.waiting("A")).isEqualTo(OptionalInt.of(1));
        assertThat(queue.waiting("B")).isEmpty();
        assertThat(queue.markCalled(a1.id())).isFalse(); // called once
    }

    @Test
    void waitingIsCountedForTheHallsToday() {
        queue.markCalled(queue.confirmPrinted(queue.allocate("A")).id());
        queue.confirmPrinted(queue.allocate("A"));
        assertThat(queue.waiting("A")).isEqualTo(OptionalInt.of(1));

        clock.advance(Duration.ofMinutes(2)); // past midnight in Shanghai: nothing known of the new day

        assertThat(queue.waiting("A")).isEmpty();
    }
}
