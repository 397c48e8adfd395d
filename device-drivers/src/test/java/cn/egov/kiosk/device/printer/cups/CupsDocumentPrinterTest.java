package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import cn.egov.kiosk.device.printer.PrinterStatus;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.Cupsd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CUPS driver against the real cupsd with a cups-pdf queue ({@link Cupsd}): what comes out of
 * the queue is read back with PDFBox (page size and count), and the queue is stopped, made to
 * refuse and hold jobs with the CUPS commands an engineer would use.
 */
class CupsDocumentPrinterTest {
    private static final Duration OUTPUT = Duration.ofSeconds(15);
    private static final double A4_W = 595.28;
    private static final double A4_H = 841.89;
    private static final double A5_W = 419.53;
    private static final double A5_H = 595.28;

    private static Path outDir;
    private final List<CupsDocumentPrinter> opened = new ArrayList<>();
    private ExecutorService background;

    @BeforeAll
    static void cups() {
        outDir = Cupsd.ensurePdfQueue();
    }

    @BeforeEach
    void emptyQueue() {
        Cupsd.resetQueue();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(CupsDocumentPrinter::close);
        if (background != null) {
            background.shutdownNow();
        }
        Cupsd.resetQueue();
    }

    @Test
    void printsATwoPageA4DocumentOnA4() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of());

        PrintOutcome outcome = printer.print(
                new DocumentJob("licence A4", pdf(PDRectangle.A4, "Page one", "Page two"), DocumentJob.Media.A4, 1));

        System.out.printf(
                "A4, 2 pages: job %s done in %d ms%n",
                outcome.jobId(), outcome.elapsed().toMillis());
        assertThat(outcome.jobId()).startsWith(Cupsd.QUEUE + "-");
        assertThat(outcome.statusAfter()).isEqualTo(PrinterStatus.READY);
        try (PDDocument out = Loader.loadPDF(
                Cupsd.awaitOutput(Cupsd.jobNumber(outcome.jobId()), OUTPUT).toFile())) {
            assertThat(out.getNumberOfPages()).isEqualTo(2);
            for (PDPage page : out.getPages()) {
                assertSize(page, A4_W, A4_H); // the queue's default is Letter: A4 came from the job
            }
            assertThat(new PDFTextStripper().getText(out)).contains("Page one").contains("Page two");
        }
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isEqualTo(1);
        assertThat(printer.statistics().get(DeviceStatistics.FAILURES)).isZero();
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void printsAnA5DocumentOnA5() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of());

        PrintOutcome outcome =
                printer.print(new DocumentJob("receipt A5", pdf(PDRectangle.A5, "A5 page"), DocumentJob.Media.A5, 1));

        try (PDDocument out = Loader.loadPDF(
                Cupsd.awaitOutput(Cupsd.jobNumber(outcome.jobId()), OUTPUT).toFile())) {
            assertThat(out.getNumberOfPages()).isEqualTo(1);
            assertSize(out.getPage(0), A5_W, A5_H);
        }
    }

    @Test
    void printsTheCopiesAskedFor() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of());

        PrintOutcome outcome =
                printer.print(new DocumentJob("three copies", pdf(PDRectangle.A4, "Copy me"), DocumentJob.Media.A4, 3));

        try (PDDocument out = Loader.loadPDF(
                Cupsd.awaitOutput(Cupsd.jobNumber(outcome.jobId()), OUTPUT).toFile())) {
            assertThat(out.getNumberOfPages()).isEqualTo(3);
            for (PDPage page : out.getPages()) {
                assertSize(page, A4_W, A4_H);
            }
        }
    }

    @Test
    void aStoppedQueueIsAStatusProblemAndRefusesTheJobUntilItIsEnabledAgain() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of("pollMs", "200"));
        byte[] pdf = pdf(PDRectangle.A4, "Stopped");

        Cupsd.run("cupsdisable", Cupsd.QUEUE);
        PrinterStatus status = printer.queryStatus();
        assertThat(status.online()).isFalse();
        assertThat(printer.conditions()).contains(Condition.HARDWARE_FAULT);
        assertThat(printer.state()).isEqualTo(DeviceState.ERROR);
        HealthReport health = printer.checkHealth(HealthLevel.EXTERNAL);
        assertThat(health.healthy()).isFalse();
        assertThat(health.text()).contains("hardware-fault").contains("stopped");

        assertThatThrownBy(() -> printer.print(new DocumentJob("refused", pdf, DocumentJob.Media.A4, 1)))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isFalse();
                    assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
                    assertThat(e.extendedCode()).isEqualTo("QUEUE_STOPPED");
                    assertThat(e.getMessage()).contains("queue stopped");
                });
        assertThat(Cupsd.pendingJobs()).as("nothing was queued").isEmpty();

        // enabled again: the status poll sees it, and the next job prints
        Cupsd.run("cupsenable", Cupsd.QUEUE);
        Await.until(() -> printer.conditions().isEmpty(), Duration.ofSeconds(5), "the poll to see the queue enabled");
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
        PrintOutcome outcome = printer.print(new DocumentJob("after enable", pdf, DocumentJob.Media.A4, 1));
        assertThat(Cupsd.awaitOutput(Cupsd.jobNumber(outcome.jobId()), OUTPUT)).exists();
    }

    @Test
    void aQueueThatRejectsJobsRefusesThem() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of());
        Cupsd.run("cupsreject", Cupsd.QUEUE);

        assertThatThrownBy(() ->
                        printer.print(new DocumentJob("rejected", pdf(PDRectangle.A4, "x"), DocumentJob.Media.A4, 1)))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isFalse();
                    assertThat(e.extendedCode()).isEqualTo("NOT_ACCEPTING");
                });
        assertThat(printer.conditions()).contains(Condition.HARDWARE_FAULT);
    }

    @Test
    void aQueueThatDoesNotExistIsNoHardwareAtOpen() {
        CupsDocumentPrinter printer = created("cups:no-such-queue", Map.of());

        assertThatThrownBy(printer::open).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_HARDWARE);
            assertThat(e.extendedCode()).isEqualTo("NO_QUEUE");
            assertThat(e.getMessage()).contains("no-such-queue");
        });
        assertThat(printer.state()).isEqualTo(DeviceState.CLOSED);
    }

    @Test
    void aQueueAddedWhileTheKioskRunsIsFound() throws Exception {
        enabled("cups:" + Cupsd.QUEUE, Map.of()); // the JDK has looked its print services up
        Cupsd.addPdfQueue("kioskpdf-late");

        CupsDocumentPrinter late = enabled("cups:kioskpdf-late", Map.of());
        PrintOutcome outcome =
                late.print(new DocumentJob("late queue", pdf(PDRectangle.A4, "Late"), DocumentJob.Media.A4, 1));

        assertThat(outcome.jobId()).startsWith("kioskpdf-late-");
        assertThat(Cupsd.awaitOutput(Cupsd.jobNumber(outcome.jobId()), OUTPUT)).exists();
    }

    @Test
    void aJobCancelledInTheQueueIsReportedFailed() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of());
        Cupsd.run("lpadmin", "-p", Cupsd.QUEUE, "-o", "job-hold-until-default=indefinite");
        byte[] pdf = pdf(PDRectangle.A4, "Held");

        Future<PrintOutcome> job =
                background().submit(() -> printer.print(new DocumentJob("held", pdf, DocumentJob.Media.A4, 1)));
        Cupsd.awaitPendingJob(Duration.ofSeconds(10));
        assertThat(printer.state()).isEqualTo(DeviceState.BUSY);
        Cupsd.run("cancel", "-a", Cupsd.QUEUE);

        Throwable failure = failureOf(job);
        assertThat(failure).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isTrue();
            assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED);
            assertThat(e.extendedCode()).isEqualTo("JOB_CANCELED");
        });
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isZero();
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void aJobNotCompletedWithinTheTimeoutIsCancelledAndFails() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of("jobTimeoutMs", "2000"));
        Cupsd.run("lpadmin", "-p", Cupsd.QUEUE, "-o", "job-hold-until-default=indefinite");

        assertThatThrownBy(() -> printer.print(
                        new DocumentJob("never released", pdf(PDRectangle.A4, "x"), DocumentJob.Media.A4, 1)))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isTrue();
                    assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                    assertThat(e.extendedCode()).isEqualTo("JOB_TIMEOUT");
                    assertThat(e.getMessage()).contains("held");
                });
        assertThat(Cupsd.pendingJobs())
                .as("the driver cancelled the job in CUPS")
                .isEmpty();
        assertThat(printer.statistics().get(DeviceStatistics.FAILURES)).isEqualTo(1);
    }

    @Test
    void anInteractiveHealthCheckPrintsTheTestPage() throws Exception {
        CupsDocumentPrinter printer = enabled("cups:" + Cupsd.QUEUE, Map.of());

        HealthReport health = printer.checkHealth(HealthLevel.INTERACTIVE);

        assertThat(health.healthy()).isTrue();
        assertThat(health.text()).contains("queue " + Cupsd.QUEUE + ": idle, accepting jobs");
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isEqualTo(1);
        Path page;
        try (Stream<Path> files = Files.list(outDir)) {
            page = files.filter(f -> f.getFileName().toString().contains("test-page"))
                    .findFirst()
                    .orElseThrow();
        }
        try (PDDocument out = Loader.loadPDF(page.toFile())) {
            assertThat(out.getNumberOfPages()).isEqualTo(1);
            assertSize(out.getPage(0), A4_W, A4_H);
            assertThat(new PDFTextStripper().getText(out)).contains("KIOSK LICENCE PRINTER TEST");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private CupsDocumentPrinter created(String connection, Map<String, String> options) {
        DeviceSpec spec = new DeviceSpec("licence-printer", DeviceClass.DOCUMENT_PRINTER, "cups", connection, options);
        CupsDriverProvider provider = new CupsDriverProvider();
        assertThat(provider.validate(spec)).isEmpty();
        CupsDocumentPrinter printer = (CupsDocumentPrinter) provider.create(spec, DeviceContext.ephemeral());
        opened.add(printer);
        return printer;
    }

    private CupsDocumentPrinter enabled(String connection, Map<String, String> options) throws DeviceException {
        CupsDocumentPrinter printer = created(connection, options);
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
        assertThat(printer.conditions()).isEmpty();
        return printer;
    }

    private ExecutorService background() {
        if (background == null) {
            background = Executors.newSingleThreadExecutor();
        }
        return background;
    }

    private static Throwable failureOf(Future<?> job) throws InterruptedException, TimeoutException {
        try {
            job.get(20, TimeUnit.SECONDS);
            throw new AssertionError("the job did not fail");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static void assertSize(PDPage page, double width, double height) {
        PDRectangle box = page.getMediaBox();
        assertThat((double) box.getWidth()).isCloseTo(width, within(2.0));
        assertThat((double) box.getHeight()).isCloseTo(height, within(2.0));
    }

    /** A PDF of that page size with one page per text, drawn in Helvetica. */
    static byte[] pdf(PDRectangle size, String... pages) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.addRect(36, 36, size.getWidth() - 72, size.getHeight() - 72);
                    content.stroke();
                    content.beginText();
                    content.setFont(font, 24);
                    content.newLineAtOffset(72, size.getHeight() - 108);
                    content.showText(text);
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
