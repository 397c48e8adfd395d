package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLinkTest {
    @TempDir
    Path dir;

    @Test
    void writesLandInTheFile() throws IOException {
        Path file = Files.createFile(dir.resolve("lp0"));
        FileLink link = new FileLink(file);
        link.open();
        try {
            link.write(ascii("\u001b@first "));
            link.write(ascii("..second.."), 2, 6);
        } finally {
            link.close();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(ascii("\u001b@first second"));
    }

    @Test
    void whatTheDeviceSendsCanBeRead() throws IOException {
        Path file = Files.write(dir.resolve("lp0"), new byte[] {0x12, 0x12, 0x1A});
        FileLink link = new FileLink(file);
        link.open();
        try {
            assertThat(link.readExactly(3, Duration.ofSeconds(5))).containsExactly(0x12, 0x12, 0x1A);
            assertThat(link.read(new byte[4], 0, 4, Duration.ofMillis(50))).isZero();
        } finally {
            link.close();
        }
    }

    @Test
    void aMissingFileIsNotFound() {
        FileLink link = new FileLink(dir.resolve("no-printer"));

        assertThatThrownBy(link::open)
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.NOT_FOUND))
                .hasMessage("file:" + dir.resolve("no-printer") + ": no such device file");
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void aClosedLinkRefusesWork() throws IOException {
        FileLink link = new FileLink(Files.createFile(dir.resolve("lp0")));
        link.open();
        assertThat(link.isOpen()).isTrue();
        link.close();

        assertThat(link.isOpen()).isFalse();
        assertThatThrownBy(() -> link.write(ascii("x")))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.IO));
        assertThatThrownBy(() -> link.read(new byte[1], 0, 1, Duration.ofMillis(10)))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.IO));
    }

    @Test
    void describeNamesTheFile() {
        assertThat(new FileLink(Path.of("/dev/usb/lp0")).describe()).isEqualTo("file:/dev/usb/lp0");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
