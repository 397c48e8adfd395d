package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipeLinkTest {
    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration SAFETY = Duration.ofSeconds(5);

    private PipeLink.Pair pair;
    private PipeLink host;
    private PipeLink device;

    @BeforeEach
    void openBothEnds() throws LinkException {
        pair = PipeLink.pair("test");
        host = pair.host();
        device = pair.device();
        host.open();
        device.open();
    }

    @AfterEach
    void closeBothEnds() {
        host.close();
        device.close();
    }

    @Test
    void hostToDevice() throws LinkException {
        host.write(bytes("ESC/POS \u0000\u00ff"));

        assertThat(device.readExactly(10, SAFETY)).isEqualTo(bytes("ESC/POS \u0000\u00ff"));
    }

    @Test
    void deviceToHost() throws LinkException {
        device.write(new byte[] {0x12, 0x12, 0x1A, 0x7E});

        assertThat(host.readExactly(4, SAFETY)).containsExactly(0x12, 0x12, 0x1A, 0x7E);
    }

    @Test
    void writeWithOffsetAndLength() throws LinkException {
        host.write(bytes("xxABCxx"), 2, 3);

        assertThat(device.readExactly(3, SAFETY)).isEqualTo(bytes("ABC"));
        assertThat(device.read(new byte[8], 0, 8, SHORT)).isZero();
    }

    @Test
    void readReturnsWhatHasArrivedUpToTheBufferLength() throws LinkException {
        host.write(bytes("abcdef"));
        byte[] buffer = new byte[10];

        int n = device.read(buffer, 2, 4, SAFETY);

        assertThat(n).isEqualTo(4);
        assertThat(new String(buffer, 2, 4, StandardCharsets.ISO_8859_1)).isEqualTo("abcd");
        assertThat(device.readExactly(2, SAFETY)).isEqualTo(bytes("ef"));
    }

    @Test
    void readTimeoutReturnsZero() throws LinkException {
        assertThat(device.read(new byte[16], 0, 16, SHORT)).isZero();
    }

    @Test
    void readExactlyTimesOutWithWhatItGot() throws LinkException {
        device.write(bytes("ab"));

        assertThatThrownBy(() -> host.readExactly(4, Duration.ofMillis(100)))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.TIMEOUT))
                .hasMessage("pipe:test/host: 2 of 4 bytes after 100 ms");
    }

    @Test
    void aBlockedReadReturnsAsSoonAsDataArrives() throws Exception {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return device.readExactly(3, Duration.ofSeconds(30));
            } catch (LinkException e) {
                throw new IllegalStateException(e);
            }
        });

        host.write(bytes("xyz"));

        assertThat(read.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(bytes("xyz"));
    }

    @Test
    void drainInputThrowsAwayWhatArrived() throws LinkException {
        host.write(bytes("old"));
        device.drainInput();
        host.write(bytes("new"));

        assertThat(device.readExactly(3, SAFETY)).isEqualTo(bytes("new"));
    }

    @Test
    void openFlushesWhatTheEndHeldFromBefore() throws LinkException {
        host.write(bytes("stale"));
        device.close();
        device.open();

        assertThat(device.read(new byte[16], 0, 16, SHORT)).isZero();
    }

    @Test
    void aClosedEndIsNotOpen() {
        host.close();

        assertThat(host.isOpen()).isFalse();
        assertThatThrownBy(() -> host.write(bytes("x")))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.IO));
        assertThatThrownBy(() -> host.read(new byte[1], 0, 1, SHORT))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.IO));
    }

    @Test
    void severDisconnectsBothEndsAndOpenFailsUntilRestored() throws LinkException {
        pair.sever();

        assertThat(pair.severed()).isTrue();
        for (PipeLink end : new PipeLink[] {host, device}) {
            assertKind(() -> end.write(bytes("x")), LinkException.Kind.DISCONNECTED);
            assertKind(() -> end.read(new byte[1], 0, 1, SHORT), LinkException.Kind.DISCONNECTED);
            end.close();
            assertKind(end::open, LinkException.Kind.NOT_FOUND);
        }

        pair.restore();
        host.open();
        device.open();
        host.write(bytes("back"));

        assertThat(pair.severed()).isFalse();
        assertThat(device.readExactly(4, SAFETY)).isEqualTo(bytes("back"));
    }

    @Test
    void severWakesABlockedReaderWithDisconnected() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        device.read(new byte[1], 0, 1, Duration.ofSeconds(30));
                    } catch (LinkException e) {
                        failure.set(e);
                    }
                },
                "blocked-reader");
        reader.start();
        Await.until(() -> reader.getState() == Thread.State.TIMED_WAITING, SAFETY, "the reader to block");

        pair.sever();
        reader.join(SAFETY.toMillis());

        assertThat(reader.isAlive()).isFalse();
        assertThat(failure.get())
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.DISCONNECTED));
    }

    @Test
    void aLargeWriteArrivesWhole() throws LinkException {
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }

        host.write(big);

        assertThat(device.readExactly(big.length, SAFETY)).isEqualTo(big);
    }

    @Test
    void describeNamesTheEnd() {
        assertThat(host.describe()).isEqualTo("pipe:test/host");
        assertThat(device.describe()).isEqualTo("pipe:test/device");
        assertThat(host.wireTime(1000)).isEqualTo(Duration.ZERO);
    }

    private interface LinkCall {
        void run() throws LinkException;
    }

    private static void assertKind(LinkCall call, LinkException.Kind kind) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
