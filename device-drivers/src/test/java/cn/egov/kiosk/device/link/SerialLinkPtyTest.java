package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.Await;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial link over a real pseudo-terminal pair (socat) and jSerialComm, at 115200 8N1. Needs
 * socat: without it these tests fail with a message saying to install it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialLinkPtyTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private PtyPair socat;
    private SerialLink host;
    private SerialLink device;

    @BeforeEach
    void startSocat() throws Exception {
        socat = PtyPair.start(dir);
        host = new SerialLink(socat.hostPath(), 115200, 8, SerialLink.Parity.NONE, 1);
        device = new SerialLink(socat.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1);
    }

    @AfterEach
    void stop() {
        host.close();
        device.close();
        socat.close();
    }

    @Test
    void everyByteValueTravelsBothWaysUnchanged() throws LinkException {
        host.open();
        device.open();
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i; // LF, CR, XON/XOFF, ^C, DEL: raw mode passes them all
        }

        host.write(all);
        assertThat(device.readExactly(256, SAFETY)).isEqualTo(all);

        device.write(all, 10, 100);
        byte[] expected = new byte[100];
        System.arraycopy(all, 10, expected, 0, 100);
        assertThat(host.readExactly(100, SAFETY)).isEqualTo(expected);
    }

    @Test
    void aLongerMessageArrivesWhole() throws LinkException {
        host.open();
        device.open();
        byte[] receipt = "政务服务 一网通办\n".repeat(200).getBytes(Charset.forName("GB18030"));

        host.write(receipt);

        assertThat(device.readExactly(receipt.length, SAFETY)).isEqualTo(receipt);
    }

    @Test
    void readTimeoutReturnsZero() throws LinkException {
        host.open();
        device.open();

        assertThat(host.read(new byte[16], 0, 16, Duration.ofMillis(100))).isZero();
        assertThat(host.isOpen()).isTrue();
    }

    @Test
    void aPathThatDoesNotExistIsNotFound() {
        SerialLink missing = new SerialLink(dir.resolve("ttyNOPE").toString(), 115200, 8, SerialLink.Parity.NONE, 1);

        assertThatThrownBy(missing::open)
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.NOT_FOUND))
                .hasMessageContaining("ttyNOPE");
        assertThat(missing.isOpen()).isFalse();
    }

    @Test
    void aBareNameThatDoesNotExistIsNotFoundToo() {
        SerialLink missing = new SerialLink("ttyNOPE42", 115200, 8, SerialLink.Parity.NONE, 1);

        assertThatThrownBy(missing::open)
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.NOT_FOUND));
    }

    @Test
    void openFlushesBytesLeftUnreadFromBefore() throws LinkException {
        host.open();
        device.open();
        device.write(ascii("stale")); // one write: socat passes it on in one piece
        assertThat(host.readExactly(1, SAFETY)).isEqualTo(ascii("s")); // "tale" now waits in the pty
        host.close();

        host.open();

        assertThat(host.read(new byte[64], 0, 64, Duration.ofMillis(200))).isZero();
        device.write(ascii("fresh"));
        assertThat(host.readExactly(5, SAFETY)).isEqualTo(ascii("fresh"));
    }

    @Test
    void killingSocatMakesTheNextReadFailAsDisconnected() throws LinkException {
        host.open();
        device.open();

        socat.kill();

        assertThatThrownBy(() -> host.read(new byte[16], 0, 16, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.DISCONNECTED));
        Await.until(() -> !host.isOpen(), SAFETY, "the host end to report itself closed");
    }

    @Test
    void killingSocatMakesTheNextWriteFailAsDisconnected() throws LinkException {
        host.open();
        device.open();

        socat.kill();

        assertThatThrownBy(() -> host.write(ascii("are you there?")))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.DISCONNECTED));
        assertThatThrownBy(() -> host.write(ascii("still there?")))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.DISCONNECTED));
    }

    @Test
    void afterADisconnectTheLinkOpensAgainOnANewCable() throws Exception {
        host.open();
        socat.kill();
        assertThatThrownBy(() -> host.read(new byte[1], 0, 1, SAFETY)).isInstanceOf(LinkException.class);
        host.close();

        socat = PtyPair.start(dir);
        host.open();
        device.open();
        device.write(ascii("hello"));

        assertThat(host.readExactly(5, SAFETY)).isEqualTo(ascii("hello"));
    }

    @Test
    void wireTimeAt115200With8N1() {
        SerialLink link = new SerialLink("/dev/null", 115200, 8, SerialLink.Parity.NONE, 1);

        assertThat(link.bitsPerByte()).isEqualTo(10);
        assertThat(link.wireTime(1152)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void wireTimeCountsParityAndStopBits() {
        SerialLink link = new SerialLink("/dev/null", 9600, 7, SerialLink.Parity.EVEN, 2);

        assertThat(link.bitsPerByte()).isEqualTo(11);
        assertThat(link.wireTime(96)).isEqualTo(Duration.ofNanos(96L * 11 * 1_000_000_000L / 9600));
    }

    @Test
    void describeNamesPathAndRate() {
        assertThat(host.describe()).isEqualTo("serial:" + socat.hostPath() + "@115200");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
