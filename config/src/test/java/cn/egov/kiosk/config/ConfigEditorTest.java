package cn.egov.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff change a value through its declaration; the file keeps its comments, and a bad value is refused. */
class ConfigEditorTest {
    @TempDir
    Path dir;

    private Path file;
    private String original;

    @BeforeEach
    void copyTheDemoFile() throws Exception {
        file = dir.resolve("kiosk.yaml");
        Files.copy(Path.of("demo.yaml"), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        // the demo file's relative paths resolve against its own folder
        original = Files.readString(file)
                .replace(
                        "../var/demo",
                        Path.of("").toAbsolutePath().resolveSibling("var/demo").toString());
        Files.writeString(file, original);
    }

    @Test
    void aChangedValueLoadsAndEveryOtherLineStays() throws Exception {
        KioskConfig changed = ConfigEditor.set(file, "session", Session.INACTIVITY_TIMEOUT, 90);

        assertThat(changed.session().inactivityTimeoutSeconds()).isEqualTo(90);
        assertThat(ConfigLoader.load(file).session().inactivityTimeoutSeconds()).isEqualTo(90);
        List<String> before = original.lines().toList();
        List<String> after = Files.readString(file).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        int differing = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                differing++;
                assertThat(after.get(i)).contains("inactivityTimeoutSeconds: 90");
            }
        }
        assertThat(differing).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void aTextIsQuotedAndAMissingKeyIsAdded() throws Exception {
        ConfigEditor.set(file, "kiosk", Kiosk.HOTLINE, "0571-88888888");
        KioskConfig c = ConfigEditor.set(file, "ui", Ui.THEME, "elderly");

        assertThat(c.kiosk().hotline()).isEqualTo("0571-88888888");
        assertThat(c.ui().theme()).isEqualTo("elderly");
        assertThat(Files.readString(file)).contains("hotline: \"0571-88888888\"");
    }

    @Test
    void aValueTheFileMayNotHaveIsRefusedAndNothingIsWritten() throws Exception {
        assertThatThrownBy(() -> ConfigEditor.set(file, "session.warningSeconds", "5"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("session.warningSeconds: expected a whole number from 20 to 120");

        assertThat(Files.readString(file)).isEqualTo(original);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDeviceIsRemovedWithItsCommentAndAddedAgainInOneSave() throws Exception {
        KioskConfig c = ConfigEditor.apply(file, List.of(new ConfigEditor.Remove("devices.qr-scanner")));

        assertThat(c.device("qr-scanner")).isEmpty();
        String text = Files.readString(file);
        assertThat(text).doesNotContain("qr-scanner").doesNotContain("QR code / barcode scanner");
        assertThat(text).contains("# Bank card payment terminal");

        c = ConfigEditor.apply(
                file,
                List.of(
                        new ConfigEditor.Put(
                                "devices.scanner-2", "{class: barcode-scanner, driver: sim, connection: \"sim:\"}"),
                        new ConfigEditor.Put("devices.ticket-printer.options.columns", "42")));
        assertThat(c.device("scanner-2")).isPresent();
        assertThat(c.device("ticket-printer").orElseThrow().options()).containsEntry("columns", "42");
        assertThat(Files.readString(file)).contains("# Receipt / queue ticket printer");
    }

    @Test
    void checkingChangesWritesNothing() throws Exception {
        KioskConfig c = ConfigEditor.check(file, List.of(new ConfigEditor.Put("voice.volume", "5")));

        assertThat(c.voice().volume()).isEqualTo(5);
        assertThat(Files.readString(file)).isEqualTo(original);
    }

    @Test
    void openingHoursAreCheckedAndAddedAsASection() throws Exception {
        assertThatThrownBy(() -> ConfigEditor.set(file, "hours.monday", "\"25:00-26:00\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hours.monday");

        KioskConfig c = ConfigEditor.apply(
                file,
                List.of(
                        new ConfigEditor.Put("hours.monday", "\"08:30-12:00, 13:30-17:30\""),
                        new ConfigEditor.Put("hours.sunday", "closed"),
                        new ConfigEditor.Put("hours.afterHours", "[service-guide, progress]")));
        var zone = ZoneId.of("Asia/Shanghai");
        var monday = ZonedDateTime.of(2026, 12, 7, 12, 30, 0, 0, zone);
        assertThat(c.hours().isOpen(monday)).isFalse();
        assertThat(c.hours().isOpen(monday.withHour(9))).isTrue();
        assertThat(c.hours().offers("progress", monday)).isTrue();
        assertThat(c.hours().offers("queue-ticket", monday)).isFalse();
        assertThat(c.hours().isOpen(monday.plusDays(6).withHour(10))).isFalse();
        assertThat(c.hours().isOpen(monday.plusDays(1).withHour(3))).isTrue();
    }
}
