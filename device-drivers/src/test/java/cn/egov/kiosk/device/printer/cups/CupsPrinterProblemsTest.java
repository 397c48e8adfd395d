package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.Cupsd;
import cn.egov.kiosk.device.testkit.Cupsd.PrinterState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the printer reports through CUPS, with the real cupsd and a scripted test printer behind
 * it ({@link Cupsd#ensureScriptedQueue()}): its backend tells CUPS {@code media-empty-error} or
 * {@code offline-report} exactly as CUPS's own backends do, and CUPS keeps it after the job.
 */
class CupsPrinterProblemsTest {
    private static final String CONNECTION = "cups:" + Cupsd.SCRIPTED_QUEUE;
    private static byte[] pdf;

    private CupsDocumentPrinter printer;
    private ExecutorService background;

    @BeforeAll
    static void cups() throws Exception {
        Cupsd.ensureScriptedQueue();
        pdf = CupsDocumentPrinterTest.pdf(PDRectangle.A4, "Licence");
    }

    @BeforeEach
    void readyPrinter() {
        Cupsd.ensureScriptedQueue();
    }

    @AfterEach
    void closeAll() {
        Cupsd.printer(PrinterState.READY);
        if (background != null) {
            background.shutdownNow();
        }
        if (printer != null) {
            if (printer.isEnabled() && !printer.conditions().isEmpty()) {
                try {
                    printer.printTestPage(); // a failed test leaves no stale paper-out for the next one
                } catch (DeviceException e) {
                    // the next test starts from what this leaves
                }
            }
            printer.close();
        }
    }

    @Test
    void paperRunningOutFailsTheJobAndRefusesTheNextUntilTheTestPageAfterRefilling() throws Exception {
        printer = enabled(Map.of("pollMs", "200"));
        Cupsd.printer(PrinterState.PAPER_OUT);

        // during the job: the backend reports media-empty-error; the job is cancelled at once
        assertThatThrownBy(() -> printer.print(job("runs out")))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isTrue();
                    assertThat(e.code()).isEqualTo(ErrorCode.HARDWARE_ERROR);
                    assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
                });
        assertThat(Cupsd.pendingJobs(Cupsd.SCRIPTED_QUEUE))
                .as("the job was cancelled in CUPS")
                .isEmpty();
        assertThat(printer.conditions()).contains(Condition.PAPER_OUT);
        assertThat(printer.queryStatus().paperOut()).isTrue();
        HealthReport health = printer.checkHealth(HealthLevel.EXTERNAL);
        assertThat(health.healthy()).isFalse();
        assertThat(health.text()).contains("paper-out").contains("media-empty-error");

        // the next job is refused before it starts
        assertThatThrownBy(() -> printer.print(job("refused")))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isFalse();
                    assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
                    assertThat(e.getMessage()).contains("paper out");
                });
        assertThat(Cupsd.pendingJobs(Cupsd.SCRIPTED_QUEUE)).isEmpty();

        // refilled: CUPS still says paper out until a job's backend reports afresh
        Cupsd.printer(PrinterState.READY);
        assertThat(printer.queryStatus().paperOut())
                .as("CUPS keeps what the backend last said")
                .isTrue();
        HealthReport afterTestPage = printer.checkHealth(HealthLevel.INTERACTIVE);
        assertThat(afterTestPage.healthy()).as(afterTestPage.text()).isTrue();
        assertThat(printer.conditions()).isEmpty();

        PrintOutcome outcome = printer.print(job("after refilling"));
        assertThat(outcome.statusAfter().paperOut()).isFalse();
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isEqualTo(2); // test page and this
    }

    @Test
    void aPrinterOfflineForAMomentDuringTheJobDoesNotFailIt() throws Exception {
        printer = enabled(Map.of("jobTimeoutMs", "20000"));
        Cupsd.printer(PrinterState.OFFLINE);

        Future<PrintOutcome> job = background().submit(() -> printer.print(job("printer wakes up")));
        Cupsd.awaitPendingJob(Cupsd.SCRIPTED_QUEUE, Duration.ofSeconds(10));
        Thread.sleep(1000); // the backend retries a printer that does not answer
        assertThat(job).isNotDone();
        Cupsd.printer(PrinterState.READY);

        PrintOutcome outcome = job.get(20, TimeUnit.SECONDS);
        assertThat(outcome.statusAfter().online()).isTrue();
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void aPrinterThatStaysOfflineTimesTheJobOut() throws Exception {
        printer = enabled(Map.of("jobTimeoutMs", "2000"));
        Cupsd.printer(PrinterState.OFFLINE);

        assertThatThrownBy(() -> printer.print(job("never answered")))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isTrue();
                    assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                    assertThat(e.extendedCode()).isEqualTo("JOB_TIMEOUT");
                    assertThat(e.getMessage()).contains("The printer is not responding");
                });
        assertThat(Cupsd.pendingJobs(Cupsd.SCRIPTED_QUEUE))
                .as("the driver cancelled the job in CUPS")
                .isEmpty();
        // unlike paper out, CUPS drops offline-report when the job's backend ends
        assertThat(printer.queryStatus().online()).isTrue();
    }

    @Test
    void aJobAheadThatCannotReachThePrinterMakesItOfflineAndOursIsRefused(@TempDir Path dir) throws Exception {
        printer = enabled(Map.of("pollMs", "200"));
        Cupsd.printer(PrinterState.OFFLINE);
        Path file = Files.write(dir.resolve("other.pdf"), pdf);
        Cupsd.submit(Cupsd.SCRIPTED_QUEUE, file);

        Await.until(
                () -> printer.conditions().contains(Condition.HARDWARE_FAULT),
                Duration.ofSeconds(10),
                "the poll to see the printer offline");
        assertThat(printer.queryStatus().online()).isFalse();
        assertThat(printer.checkHealth(HealthLevel.EXTERNAL).text()).contains("offline-report");
        assertThatThrownBy(() -> printer.print(job("refused")))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isFalse();
                    assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
                    assertThat(e.extendedCode()).isEqualTo("OFFLINE");
                });

        Cupsd.printer(PrinterState.READY); // the printer answers: the job ahead prints
        Await.until(() -> printer.conditions().isEmpty(), Duration.ofSeconds(10), "the poll to see the printer back");
        printer.print(job("after the printer came back"));
    }

    private DocumentJob job(String name) {
        return new DocumentJob(name, pdf, DocumentJob.Media.A4, 1);
    }

    private CupsDocumentPrinter enabled(Map<String, String> options) throws DeviceException {
        DeviceSpec spec = new DeviceSpec("licence-printer", DeviceClass.DOCUMENT_PRINTER, "cups", CONNECTION, options);
        CupsDocumentPrinter p = (CupsDocumentPrinter) new CupsDriverProvider().create(spec, DeviceContext.ephemeral());
        p.open();
        p.claim(Duration.ofSeconds(1));
        p.enable();
        return p;
    }

    private ExecutorService background() {
        if (background == null) {
            background = Executors.newSingleThreadExecutor();
        }
        return background;
    }
}
