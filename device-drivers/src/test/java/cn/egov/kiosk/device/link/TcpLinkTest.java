package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TcpLinkTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);
    private static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    private TcpServerLink server;
    private TcpLink host;

    @BeforeEach
    void connect() throws IOException {
        server = TcpServerLink.listen(0);
        host = new TcpLink(LOOPBACK, server.port(), 2000);
        host.open(); // the kernel completes the connection; accept() below takes it
        server.open();
    }

    @AfterEach
    void close() {
        host.close();
        server.shutdown();
    }

    @Test
    void hostToDevice() throws LinkException {
        host.write(ascii("\u001b@hello"));

        assertThat(server.readExactly(7, SAFETY)).isEqualTo(ascii("\u001b@hello"));
    }

    @Test
    void deviceToHost() throws LinkException {
        server.write(new byte[] {0x12, 0x1A, 0x32, 0x7E});

        assertThat(host.readExactly(4, SAFETY)).containsExactly(0x12, 0x1A, 0x32, 0x7E);
    }

    @Test
    void readTimeoutReturnsZeroOnBothEnds() throws LinkException {
        assertThat(host.read(new byte[8], 0, 8, Duration.ofMillis(50))).isZero();
        assertThat(server.read(new byte[8], 0, 8, Duration.ofMillis(50))).isZero();
        assertThat(host.isOpen()).isTrue();
    }

    @Test
    void drainInputThrowsAwayWhatArrived() throws LinkException {
        server.write(ascii("old"));
        // wait until the bytes are there by reading the first of them
        assertThat(host.readExactly(1, SAFETY)).isEqualTo(ascii("o"));
        host.drainInput();
        server.write(ascii("new"));

        assertThat(host.readExactly(3, SAFETY)).isEqualTo(ascii("new"));
    }

    @Test
    void peerCloseIsDisconnected() {
        server.close();

        assertThatThrownBy(() -> host.read(new byte[8], 0, 8, SAFETY))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.DISCONNECTED));
    }

    @Test
    void hostCloseIsDisconnectedForTheDeviceSide() {
        host.close();

        assertThatThrownBy(() -> server.read(new byte[8], 0, 8, SAFETY))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.DISCONNECTED));
    }

    @Test
    void theServerTakesTheHostBackAfterADrop() throws LinkException {
        host.close();
        server.close();

        host.open();
        server.open();
        host.write(ascii("again"));

        assertThat(server.readExactly(5, SAFETY)).isEqualTo(ascii("again"));
    }

    @Test
    void connectingToAClosedPortIsNotFound() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        TcpLink link = new TcpLink(LOOPBACK, closedPort, 2000);

        assertThatThrownBy(link::open)
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.NOT_FOUND))
                .hasMessageStartingWith("tcp:" + LOOPBACK + ":" + closedPort);
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void anUnknownHostIsNotFound() {
        TcpLink link = new TcpLink("no-such-printer.invalid", 9100, 2000);

        assertThatThrownBy(link::open)
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.NOT_FOUND));
    }

    @Test
    void aServerWithNobodyConnectingTimesOut() throws IOException {
        TcpServerLink lonely = TcpServerLink.listen(0);
        try {
            assertThatThrownBy(lonely::open)
                    .isInstanceOfSatisfying(
                            LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.TIMEOUT));
        } finally {
            lonely.shutdown();
        }
    }

    @Test
    void aClosedLinkRefusesWork() {
        host.close();

        assertThat(host.isOpen()).isFalse();
        assertThatThrownBy(() -> host.write(ascii("x")))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.kind()).isEqualTo(LinkException.Kind.IO));
    }

    @Test
    void describeAndWireTime() {
        assertThat(host.describe()).isEqualTo("tcp:" + LOOPBACK + ":" + server.port());
        assertThat(server.describe()).isEqualTo("tcp-listen:" + server.port());
        assertThat(host.wireTime(10_000)).isEqualTo(Duration.ZERO);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    @Timeout(30)
    void aWriteToAPeerThatStoppedReadingTimesOutAndClosesTheLink() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpLink link = new TcpLink("127.0.0.1", silent.getLocalPort(), 1000, Duration.ofMillis(300));
            link.open();
            try (Socket accepted = silent.accept()) { // accepted, never read
                byte[] chunk = new byte[1 << 20];
                LinkException e = Assertions.assertThrows(LinkException.class, () -> {
                    for (int i = 0; i < 64; i++) { // far more than the socket buffers hold
                        link.write(chunk);
                    }
                });
                assertThat(e.kind()).isEqualTo(LinkException.Kind.TIMEOUT);
                assertThat(e.getMessage()).contains("did not go out within 300 ms");
                assertThat(link.isOpen()).isFalse();
            }
        }
    }
}
