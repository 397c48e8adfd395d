package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.sim.Ledger;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.TicketRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform hears how every queue number ended, over real HTTP: printed, voided, and a central
 * number whose answer the kiosk never got, voided under the ticket id it sent so that the hall
 * does not keep it for nobody.
 */
class CentralQueueReportTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void aCentralNumberWhoseAnswerNeverCameIsVoidedAndTheOthersReportedAsTheyEnded() throws Exception {
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
                Database db = Database.open(dir.resolve("kiosk.db"))) {
            sim.allowRegistrationCode("QUEUE-1");
            Platform config = new Platform(
                    Optional.of(URI.create(sim.url())),
                    "110101-01",
                    Optional.of("QUEUE-1"),
                    dir.resolve("credentials.json"),
                    dir.resolve("store.key"),
                    Optional.empty(),
                    List.of(),
                    60,
                    24,
                    600,
                    30,
                    900,
                    30);
            try (PlatformServices platform =
                    new PlatformServices(config, db, Clock.systemUTC(), HALL, "K01", List::of)) {
                platform.checkNow();
                assertThat(platform.link().online()).isTrue();
                String kioskId =
                        platform.registration().credentials().orElseThrow().kioskId();
                QueueService queue = new QueueService(
                        new TicketRepository(db, Optional.of(platform.outbox()), HALL),
                        Clock.systemUTC(),
                        HALL,
                        "K01",
                        Set.of("A"),
                        Optional.of(platform.centralQueue()));

                Ticket printed = queue.confirmPrinted(queue.allocate("A"));
                Ticket voided = queue.voidTicket(queue.allocate("A"), "PAPER_OUT");
                Ticket cutShort = queue.allocate("A"); // A003: the kiosk stops while printing it
                // the platform issues the next number and its answer comes after the kiosk gave up (4 s)
                sim.faults().answerLate(1, Duration.ofSeconds(8));
                Ticket instead = queue.allocate("A");
                assertThat(instead.number())
                        .as("the kiosk's own range instead")
                        .startsWith(platform.registration().queuePrefix());
                queue.confirmPrinted(instead);
                queue.recoverAfterRestart(); // the next start: A003 interrupted

                platform.startNow();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((platform.outbox().counts().pending() > 0
                                || sim.ledger().entries(Batch.TICKET_ISSUED).size() < 5)
                        && System.nanoTime() < until) {
                    Thread.sleep(20);
                }

                List<Ledger.Entry> reported = sim.ledger().entries(Batch.TICKET_ISSUED);
                assertThat(reported)
                        .extracting(e -> e.body().path("status").asText())
                        .containsExactlyInAnyOrder("PRINTED", "VOIDED", "VOIDED", "PRINTED", "INTERRUPTED");
                assertThat(sim.centralTicket(kioskId, cutShort.id()))
                        .as("an interrupted ticket may be in someone's hand: not voided, staff decide")
                        .hasValueSatisfying(c -> assertThat(c.voided()).isFalse());
                assertThat(reported)
                        .filteredOn(e -> e.id().equals(printed.id()))
                        .singleElement()
                        .satisfies(e ->
                                assertThat(e.body().path("status").asText()).isEqualTo("PRINTED"));
                assertThat(reported)
                        .filteredOn(e -> e.id().equals(voided.id()))
                        .singleElement()
                        .satisfies(e ->
                                assertThat(e.body().path("number").asText()).isEqualTo(voided.number()));
                assertThat(sim.centralTicket(kioskId, voided.id()))
                        .hasValueSatisfying(c -> assertThat(c.voided()).isTrue());
                Ledger.Entry abandoned = reported.stream()
                        .filter(e -> !Set.of(printed.id(), voided.id(), instead.id(), cutShort.id())
                                .contains(e.id()))
                        .findFirst()
                        .orElseThrow();
                assertThat(abandoned.body().path("status").asText()).isEqualTo("VOIDED");
                assertThat(abandoned.body().has("number"))
                        .as("the kiosk never learnt it")
                        .isFalse();
                assertThat(sim.centralTicket(kioskId, abandoned.id()))
                        .as("the number the hall issued for nobody")
                        .hasValueSatisfying(c -> {
                            assertThat(c.number()).isEqualTo("A004");
                            assertThat(c.voided()).isTrue();
                        });
                assertThat(sim.ledger().duplicates()).isEmpty();
            }
        }
    }
}
