package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.testkit.Cupsd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the print server keeps of a printed licence: read from cupsd.conf and from each job's
 * {@code job-preserved}, said to the engineer as the device's advisories; and, against the real
 * cupsd, that a server set up as the hall's keeps no document in its spool while CUPS's default
 * keeps it, and the driver says so.
 */
class CupsRetentionTest {
    private static final Path CONF = Path.of("/etc/cups/cupsd.conf");

    @AfterAll
    static void backToTheHallsSetting() {
        Cupsd.preserveJobFiles("No");
    }

    @Test
    void cupsdsDefaultsKeepDocumentsADayAndHistoryForEver() {
        CupsRetention defaults = CupsRetention.parse(CONF, List.of("LogLevel warn", "# PreserveJobFiles No"));
        assertThat(defaults.keepsFiles()).isTrue();
        assertThat(defaults.keepsLongHistory()).isTrue();
        List<String> advice = defaults.advice(new CupsServer("localhost", 631));
        assertThat(advice).hasSize(2);
        assertThat(advice.get(0))
                .contains("PreserveJobFiles 86400 in /etc/cups/cupsd.conf")
                .contains("set PreserveJobFiles No");
        assertThat(advice.get(1)).contains("for ever").contains("set PreserveJobHistory 300");
    }

    @Test
    void theHallsSettingsNeedNoAdvice() {
        for (List<String> lines : List.of(
                List.of("PreserveJobFiles No", "PreserveJobHistory 300"),
                List.of("preservejobfiles off", "PreserveJobHistory No"),
                List.of("PreserveJobFiles Yes", "PreserveJobFiles No", "PreserveJobHistory 5m"))) {
            CupsRetention r = CupsRetention.parse(CONF, lines);
            assertThat(r.advice(new CupsServer("localhost", 631)))
                    .as(lines.toString())
                    .isEmpty();
        }
        assertThat(CupsRetention.parse(CONF, List.of("PreserveJobFiles No", "PreserveJobHistory 2h"))
                        .keepsLongHistory())
                .isTrue();
        assertThat(CupsRetention.parse(CONF, List.of("PreserveJobFiles 1h")).keepsFiles())
                .isTrue();
        assertThat(CupsRetention.isLocal("print.hall.example")).isFalse();
        assertThat(CupsRetention.isLocal("127.0.0.1")).isTrue();
    }

    @Test
    void aServerThatKeepsDocumentsIsCaughtAndOneThatDoesNotKeepsNothingInItsSpool() throws Exception {
        Cupsd.preserveJobFiles("No");
        PrintedJob hall = printOnce();
        assertThat(hall.advisories()).as("the hall's cupsd.conf").isEmpty();
        assertThat(hall.spoolFile()).as("no document left in " + Cupsd.SPOOL).doesNotExist();

        Cupsd.preserveJobFiles("86400");
        PrintedJob keeping = printOnce();
        assertThat(keeping.spoolFile()).as("CUPS's default keeps the document").exists();
        assertThat(keeping.advisories())
                .anySatisfy(a -> assertThat(a).contains("PreserveJobFiles 86400 in /etc/cups/cupsd.conf"));
        assertThat(keeping.advisories())
                .anySatisfy(a -> assertThat(a)
                        .contains("kept the document of job " + keeping.jobId())
                        .contains("job-preserved"));
    }

    private record PrintedJob(String jobId, Path spoolFile, List<String> advisories) {}

    private static PrintedJob printOnce() throws Exception {
        Cupsd.resetQueue();
        CupsDocumentPrinter printer = (CupsDocumentPrinter) new CupsDriverProvider()
                .create(
                        new DeviceSpec(
                                "licence-printer",
                                DeviceClass.DOCUMENT_PRINTER,
                                "cups",
                                "cups:" + Cupsd.QUEUE,
                                Map.of()),
                        DeviceContext.ephemeral());
        try {
            printer.open();
            printer.claim(Duration.ofSeconds(1));
            printer.enable();
            PrintOutcome outcome = printer.print(new DocumentJob(
                    "licence", CupsDocumentPrinterTest.pdf(PDRectangle.A4, "RETENTION TEST"), DocumentJob.Media.A4, 1));
            Path spool = Cupsd.SPOOL.resolve(String.format("d%05d-001", Cupsd.jobNumber(outcome.jobId())));
            Thread.sleep(500); // CUPS removes the files of a job not preserved as it finishes it
            return new PrintedJob(outcome.jobId(), spool, printer.advisories());
        } finally {
            printer.close();
        }
    }
}
