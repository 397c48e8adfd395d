package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketRepositoryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private TicketRepository repo;

    @BeforeEach
    void open() {
        file = dir.resolve("kiosk.db");
        db = Database.open(file);
        repo = new TicketRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Ticket allocate(String type) {
        return repo.allocate("K01", DAY, type, NOW);
    }

    private TicketStatus status(Ticket t) {
        return repo.find(t.id()).orElseThrow().status();
    }

    @Test
    void numbersCountPerBusinessType() {
        Ticket a1 = allocate("A");
        Ticket a2 = allocate("A");
        Ticket b1 = allocate("B");

        assertThat(List.of(a1.number(), a2.number(), b1.number())).containsExactly("A001", "A002", "B001");
        assertThat(List.of(a1.seq(), a2.seq(), b1.seq())).containsExactly(1, 2, 1);
        assertThat(a1.id()).isEqualTo("K01-20261128-A001");
        assertThat(b1.id()).isEqualTo("K01-20261128-B001");
        assertThat(a1.status()).isEqualTo(TicketStatus.ALLOCATED);
        assertThat(a1.serviceDay()).isEqualTo(DAY);
        assertThat(a1.issuedAt()).isEqualTo(NOW);
        assertThat(repo.find(a2.id())).contains(a2);
    }

    @Test
    void aRestartContinuesTheSequence() {
        allocate("A");
        allocate("A");
        db.close();

        db = Database.open(file); // the kiosk restarted
        repo = new TicketRepository(db);
        Ticket a3 = allocate("A");

        assertThat(a3.number()).isEqualTo("A003");
        assertThat(a3.id()).isEqualTo("K01-20261128-A003");
    }

    @Test
    void aNewDayStartsAtOne() {
        allocate("A");
        allocate("A");

        Ticket next = repo.allocate("K01", DAY.plusDays(1), "A", NOW.plusSeconds(86_400));

        assertThat(next.number()).isEqualTo("A001");
        assertThat(next.id()).isEqualTo("K01-20261129-A001");
        assertThat(repo.ofDay(DAY)).extracting(Ticket::number).containsExactly("A001", "A002");
        assertThat(repo.ofDay(DAY.plusDays(1))).extracting(Ticket::number).containsExactly("A001");
    }

    @Test
    void pastNineHundredNinetyNineTheNumberGrowsADigit() {
        Ticket last = null;
        for (int i = 0; i < 1000; i++) {
            last = allocate("C");
        }
        assertThat(last.number()).isEqualTo("C1000");
    }

    @Test
    void aTicketIsPrintedOnlyOnce() {
        Ticket t = allocate("A");

        assertThat(repo.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW))
                .isTrue();
        assertThat(repo.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW))
                .isFalse();
        assertThat(repo.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.VOIDED, "late", NOW))
                .isFalse();
        assertThat(status(t)).isEqualTo(TicketStatus.PRINTED);
        assertThat(repo.transition("K01-20261128-Z999", TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW))
                .isFalse();
    }

    @Test
    void markInterruptedTouchesOnlyAllocatedTickets() {
        Ticket printed = allocate("A");
        repo.transition(printed.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        Ticket called = allocate("A");
        repo.transition(called.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        repo.transition(called.id(), TicketStatus.PRINTED, TicketStatus.CALLED, null, NOW);
        Ticket interruptedA = allocate("A");
        Ticket interruptedB = allocate("B");
        Ticket yesterday = repo.allocate("K01", DAY.minusDays(1), "A", NOW.minusSeconds(86_400));

        assertThat(repo.markInterrupted(NOW)).isEqualTo(3);

        assertThat(status(printed)).isEqualTo(TicketStatus.PRINTED);
        assertThat(status(called)).isEqualTo(TicketStatus.CALLED);
        assertThat(status(interruptedA)).isEqualTo(TicketStatus.INTERRUPTED);
        assertThat(status(interruptedB)).isEqualTo(TicketStatus.INTERRUPTED);
        assertThat(status(yesterday)).isEqualTo(TicketStatus.INTERRUPTED);
        assertThat(repo.markInterrupted(NOW)).isZero();
        // an interrupted number is never handed out again
        assertThat(allocate("A").number()).isEqualTo("A004");
    }

    @Test
    void waitingIsUnknownUntilTheHallHasCalledANumberOfTheDayAndType() {
        Ticket a1 = allocate("A");
        repo.transition(a1.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        Ticket a2 = allocate("A");
        repo.transition(a2.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);

        // nobody knows who has been served: no count, on screen or on paper
        assertThat(repo.waiting(DAY, "A", Integer.MAX_VALUE)).isEmpty();
        assertThat(a1.waitingAhead()).isEmpty();
        assertThat(a2.waitingAhead()).isEmpty();
    }

    @Test
    void onceCallsAreKnownWaitingCountsPrintedUncalledTicketsOfTheDayAndType() {
        Ticket a1 = allocate("A");
        repo.transition(a1.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        repo.transition(a1.id(), TicketStatus.PRINTED, TicketStatus.CALLED, null, NOW);
        Ticket a2 = allocate("A");
        repo.transition(a2.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        Ticket a3 = allocate("A");
        repo.transition(a3.id(), TicketStatus.ALLOCATED, TicketStatus.VOIDED, "PAPER_OUT", NOW);
        allocate("A"); // A004 still allocated: being printed
        Ticket a5 = allocate("A");
        repo.transition(a5.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        Ticket b1 = allocate("B");
        repo.transition(b1.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);
        Ticket otherDay = repo.allocate("K01", DAY.minusDays(1), "A", NOW);
        repo.transition(otherDay.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, NOW);

        assertThat(repo.waiting(DAY, "A", Integer.MAX_VALUE)).hasValue(2); // A002, A005
        assertThat(repo.waiting(DAY, "B", Integer.MAX_VALUE)).isEmpty(); // no B called yet
        assertThat(a2.waitingAhead()).hasValue(0); // A001 was called
        assertThat(a5.waitingAhead()).hasValue(1); // only A002 printed and waiting before it
        assertThat(allocate("A").waitingAhead()).isEqualTo(OptionalInt.of(2));

        repo.transition(a2.id(), TicketStatus.PRINTED, TicketStatus.CALLED, null, NOW);
        assertThat(repo.waiting(DAY, "A", Integer.MAX_VALUE)).hasValue(1);
        assertThat(repo.find(a5.id()).orElseThrow().waitingAhead()).isEqualTo(OptionalInt.of(1)); // as printed
    }

    @Test
    void concurrentAllocationsNeverShareANumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        mine.add(allocate("A").number());
                    }
                    return mine;
                }));
            }
            Set<String> all = new TreeSet<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(100).startsWith("A001").endsWith("A100");
        } finally {
            pool.shutdownNow();
        }
    }
}
