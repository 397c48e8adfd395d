package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Cupsd;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A licence printed through the real cupsd leaves the holder's name and ID number nowhere on disk
 * once its job has completed: not under /tmp (the JDK's print service spooled every document to
 * /tmp/javaprint*), not in the kiosk's data folder, not in CUPS's spool (CUPS keeps printed
 * documents a day unless told not to: the hall's cupsd.conf says {@code PreserveJobFiles No}). The
 * printed page itself, cups-pdf's output, is the paper the citizen takes away and is not searched.
 * The scan reads PDF text as well as bytes, and is shown to find the licence where CUPS keeps it
 * with its default setting. Outside the test's own data folder it reads the files written since the
 * print began: what other programs left in /tmp before is not this print's doing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LicencePrintPrivacyTest {
    private static final String NAME = "王小明";
    private static final String NUMBER = "11010519491231002X";
    private static final PersonalDataScan SCAN =
            new PersonalDataScan(Map.of(NAME, "the holder's name", NUMBER, "the ID number"));
    private static final List<Path> SPOOLS = List.of(Cupsd.SPOOL, Path.of("/var/spool/cups-pdf"));

    @TempDir
    Path dir;

    @AfterEach
    void hallsSettingAgain() {
        Cupsd.preserveJobFiles("No");
    }

    @Test
    void afterTheJobNothingOnDiskHoldsTheHoldersNameOrIdNumber() throws Exception {
        Path paper = Cupsd.preserveJobFiles("No");
        Printed run = printLicence(paper);

        assertThat(run.findings())
                .as("personal data left on disk after the licence was printed")
                .isEmpty();
        System.out.printf(
                "[privacy] licence through cupsd: %d files scanned (the data folder, and what was written under /tmp and the CUPS spool since the print began); nothing found%n",
                run.scanned());
    }

    @Test
    void theScanFindsTheLicenceWhereCupsKeepsItByDefault() throws Exception {
        Path paper = Cupsd.preserveJobFiles("86400"); // CUPS's default: the document stays a day

        Printed run = printLicence(paper);

        assertThat(run.findings())
                .as("the document kept in the spool")
                .anySatisfy(f -> assertThat(f).startsWith(Cupsd.SPOOL + "/d").contains("the holder's name"));
    }

    private record Printed(List<String> findings, int scanned) {}

    private Printed printLicence(Path paper) throws Exception {
        Cupsd.resetQueue();
        // a second back: file times are kept in whole seconds on some file systems
        FileTime began = FileTime.from(Instant.now().minusSeconds(1));
        Path dataDir = dir.resolve("var-" + System.nanoTime());
        Files.createDirectories(dataDir);
        DocumentPrinter printer = (DocumentPrinter) DriverRegistry.load()
                .create(
                        new DeviceSpec(
                                "licence-printer",
                                DeviceClass.DOCUMENT_PRINTER,
                                "cups",
                                "cups:" + Cupsd.QUEUE,
                                Map.of()),
                        new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()));
        try (Database db = Database.open(dataDir.resolve("kiosk.db"))) {
            printer.open();
            printer.claim(Duration.ofSeconds(2));
            printer.enable();
            TemplateLibrary templates = TestTemplates.library();
            Printing printing = new Printing(
                    templates,
                    new Renderings(null),
                    Optional::empty,
                    () -> Optional.of(printer),
                    new PrintRecordRepository(db, "K01"),
                    Clock.systemUTC());
            var data = templates.sample("licence-example");
            assertThat(data.toString()).as("the licence names its holder").contains(NAME);

            Printing.Outcome outcome =
                    printing.print("licence-example", data, Locale.SIMPLIFIED_CHINESE, "92110101MA00DEM06M", false);
            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(Printing.Printed.class);
        } finally {
            printer.close();
        }
        Thread.sleep(500); // CUPS removes a job's files as it finishes it

        List<String> found = new ArrayList<>();
        int scanned = 0;
        List<Path> roots = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.io.tmpdir")).toRealPath(),
                Path.of("/tmp").toRealPath(),
                dataDir));
        roots.addAll(SPOOLS);
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            for (Path file : PersonalDataScan.regularFiles(root)) {
                if (file.startsWith(paper)
                        || !seen.add(file)
                        || !(file.startsWith(dataDir) || writtenSince(file, began))) {
                    continue;
                }
                scanned++;
                found.addAll(SCAN.scan(file));
            }
        }
        assertThat(seen).as("the data folder was scanned").anyMatch(p -> p.startsWith(dataDir));
        return new Printed(found, scanned);
    }

    private static boolean writtenSince(Path file, FileTime began) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(began) >= 0;
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }
}
