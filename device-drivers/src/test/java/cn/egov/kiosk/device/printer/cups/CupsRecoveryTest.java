package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.Cupsd;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CUPS server goes away and comes back while the kiosk runs: the licence printer goes offline
 * and the device manager brings it back, in the same JVM.
 */
class CupsRecoveryTest {
    private static final Duration SAFETY = Duration.ofSeconds(30);
    private static final Backoff SMALL = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    private final RecordingListener events = new RecordingListener();
    private DeviceManager manager;
    private DocumentPrinter printer;

    @BeforeEach
    void start() {
        Cupsd.ensurePdfQueue();
        DeviceSpec spec = new DeviceSpec(
                "licence-printer",
                DeviceClass.DOCUMENT_PRINTER,
                "cups",
                "cups:" + Cupsd.QUEUE,
                Map.of("pollMs", "200"));
        manager = new DeviceManager(
                List.of(spec),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()),
                SMALL);
        printer = manager.first(DeviceClass.DOCUMENT_PRINTER, DocumentPrinter.class)
                .orElseThrow();
        printer.addListener(events);
        manager.start();
        Await.until(() -> health().healthy(), SAFETY, "the licence printer healthy (" + health() + ")");
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
        Cupsd.ensurePdfQueue(); // whatever a test did to it
    }

    private DeviceHealth health() {
        return manager.health().get("licence-printer").orElseThrow();
    }

    @Test
    void whileCupsIsDownThePrinterIsOfflineAndComesBackWithIt() throws Exception {
        events.clear();

        Cupsd.stop();

        Await.until(
                () -> events.events(DeviceEvent.StatusEvent.class).stream()
                        .anyMatch(e -> e.condition() == Condition.OFFLINE && e.raised()),
                SAFETY,
                "the printer to go offline (" + events.statusNames() + ")");
        Await.until(
                () -> health().problem().equals(Optional.of(HealthProblem.OFFLINE)),
                SAFETY,
                "the health model to say offline (" + health() + ")");
        assertThat(events.stateChanges()).doesNotContain("CLOSED->IDLE"); // no reopen works while CUPS is away

        Cupsd.ensurePdfQueue(); // cupsd again, with the queue it had
        Await.until(() -> health().healthy(), SAFETY, "the printer healthy again (" + health() + ")");
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
        assertThat(printer.statistics().get(DeviceStatistics.RECONNECTS)).isPositive();
        PrintOutcome outcome = printer.print(new DocumentJob(
                "after restart", CupsDocumentPrinterTest.pdf(PDRectangle.A4, "Back"), DocumentJob.Media.A4, 1));
        assertThat(Cupsd.awaitOutput(Cupsd.jobNumber(outcome.jobId()), Duration.ofSeconds(15)))
                .exists();
    }
}
