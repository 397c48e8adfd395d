package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.sim.Ledger;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.sync.PlatformLink;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.sync.SampleApplications;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day without the platform: it goes away (its port refuses connections) for a simulated day of
 * the hall's traffic. The kiosk keeps serving: queue numbers from its own range with its prefix,
 * applications saved to send later, audit kept; it says the platform is offline and its copy is
 * stale. When the platform returns, the backlog drains: nothing lost, nothing twice.
 */
class OfflineDayTest {
    private static final int OPERATIONS = 600;
    private static final Duration DAY_STEP = Duration.ofDays(1).dividedBy(OPERATIONS);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theKioskServesADayOfflineAndTheBacklogDrainsWithoutLossOrDuplicate() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T00:30:00Z")); // Monday 08:30 in the hall
        // the platform keeps the hall's time: the kiosk's clock moves through the day, and the platform's with it
        // (a kiosk refuses to move its idea of the platform's time by days)
        try (PlatformSimulator sim =
                PlatformSimulator.start(PlatformSimulator.Options.loopback(0).withClock(clock))) {
            sim.allowRegistrationCode("OFFLINE-REG-1");
            KioskConfig config =
                    TestConfigs.write(dir, TestConfigs.platform(sim.url(), "OFFLINE-REG-1") + TestConfigs.SIM_DEVICES);
            try (KioskRuntime runtime =
                    new KioskRuntime(config, clock, new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
                runtime.start();
                PlatformServices platform = runtime.platform().orElseThrow();
                awaitPrinter(runtime);
                platform.checkNow();
                assertThat(platform.link().status().state()).isEqualTo(PlatformLink.State.ONLINE);
                assertThat(platform.catalogue().count()).isEqualTo(sim.catalogueSize());
                assertThat(platform.freshness().stale()).isFalse();
                IssueOutcome online = runtime.tickets().issue("A", Locale.SIMPLIFIED_CHINESE, Optional.empty());
                assertThat(((IssueOutcome.Issued) online).ticket().number())
                        .as("a number of the hall's central queue")
                        .matches("A\\d{3}");

                sim.down(Duration.ofHours(1));
                Set<String> applications = new HashSet<>();
                Set<String> numbers = new HashSet<>();
                for (int i = 0; i < OPERATIONS; i++) {
                    clock.advance(DAY_STEP);
                    switch (i % 3) {
                        case 0: {
                            IssueOutcome o = runtime.tickets()
                                    .issue(i % 2 == 0 ? "A" : "B", Locale.SIMPLIFIED_CHINESE, Optional.empty());
                            assertThat(o).as("ticket %d", i).isInstanceOf(IssueOutcome.Issued.class);
                            String number = ((IssueOutcome.Issued) o).ticket().number();
                            assertThat(number)
                                    .as("a number of the kiosk's own range")
                                    .matches("Z\\d+[AB]\\d{3}");
                            numbers.add(((IssueOutcome.Issued) o).ticket().serviceDay() + " " + number);
                            break;
                        }
                        case 1: {
                            var a = platform.applications()
                                    .submit(
                                            SampleApplications.ITEM,
                                            new Applications.Applicant(
                                                    Applications.IdType.RESIDENT,
                                                    "11010519491231002X",
                                                    "王小明",
                                                    "13800138000",
                                                    "北京市东城区示例大街1号"),
                                            SampleApplications.form("第" + i + "份"),
                                            List.of());
                            assertThat(a.state()).isEqualTo(ApplicationRepository.State.QUEUED);
                            applications.add(a.id());
                            break;
                        }
                        default:
                            platform.audit()
                                    .record(
                                            UUID.randomUUID().toString(),
                                            clock.instant(),
                                            "test.op",
                                            "SYSTEM",
                                            Map.of("op", i));
                    }
                }
                assertThat(numbers).as("no number given twice").hasSize(OPERATIONS / 3);
                assertThat(platform.link().status().state()).isEqualTo(PlatformLink.State.OFFLINE);
                clock.advance(Duration.ofHours(1)); // and the next morning
                assertThat(platform.freshness().stale())
                        .as("over a day without sync")
                        .isTrue();
                long backlog = platform.outbox().counts().pending();
                assertThat(backlog).isGreaterThanOrEqualTo(OPERATIONS);
                assertThat(sim.ledger().entries(Batch.APPLICATION_SUBMIT)).isEmpty();

                sim.up();
                long start = System.nanoTime();
                platform.checkNow();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (platform.outbox().counts().pending() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                long drainMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(platform.outbox().counts().pending())
                        .as("backlog left")
                        .isZero();
                assertThat(platform.outbox().counts().dead()).isZero();
                assertThat(platform.link().online()).isTrue();
                assertThat(platform.freshness().stale()).isFalse();

                platform.heartbeatNow();
                var beat = sim.lastHeartbeat(platform.registration()
                                .credentials()
                                .orElseThrow()
                                .kioskId())
                        .orElseThrow();
                assertThat(beat.outboxBacklog()).isZero();
                assertThat(beat.deadLetters()).isZero();
                assertThat(beat.devices())
                        .extracting(d -> d.id())
                        .contains("ticket-printer", "id-reader", "licence-printer");
                assertThat(beat.devices())
                        .filteredOn(d -> d.id().equals("ticket-printer"))
                        .singleElement()
                        .satisfies(d -> assertThat(d.counters().get("prints"))
                                .as("tickets printed that day")
                                .isGreaterThanOrEqualTo(200L));

                Ledger ledger = sim.ledger();
                assertThat(ledger.duplicates()).isEmpty();
                assertThat(ids(ledger, Batch.APPLICATION_SUBMIT)).isEqualTo(applications);
                assertThat(runtime.platform()
                                .get()
                                .applications()
                                .find(applications.iterator().next())
                                .orElseThrow()
                                .applicationNo())
                        .isPresent();
                Set<String> printed = new HashSet<>();
                runtime.queue()
                        .ticketsOfDay(runtime.queue().today().minusDays(1))
                        .forEach(t -> printed.add(t.id()));
                runtime.queue().ticketsOfDay(runtime.queue().today()).forEach(t -> printed.add(t.id()));
                assertThat(ids(ledger, Batch.TICKET_ISSUED)).isEqualTo(printed);
                assertThat(ledger.entries(Batch.AUDIT_EVENT).stream()
                                .filter(e -> e.body().path("kind").asText().equals("test.op")))
                        .hasSize(OPERATIONS / 3);
                System.out.printf(
                        "offline day: %d operations while the platform was down, backlog %d records, drained in %d ms after it returned; ledger %s%n",
                        OPERATIONS, backlog, drainMs, ledger.counts());
            }
        }
    }

    private static Set<String> ids(Ledger ledger, String kind) {
        return ledger.entries(kind).stream().map(Ledger.Entry::id).collect(Collectors.toSet());
    }

    private static void awaitPrinter(KioskRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runtime.devices()
                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                .map(p -> !p.isEnabled())
                .orElse(true)) {
            assertThat(System.nanoTime()).as("the ticket printer comes up").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
