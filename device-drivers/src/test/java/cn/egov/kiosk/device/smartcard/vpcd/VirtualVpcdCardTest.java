package cn.egov.kiosk.device.smartcard.vpcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.Await;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vpcd protocol of the virtual card, against this test playing vpcd on a loopback port. */
class VirtualVpcdCardTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ServerSocket vpcd;
    private VirtualVpcdCard card;
    private Socket link;
    private DataInputStream in;
    private DataOutputStream out;

    @BeforeEach
    void listen() throws IOException {
        vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        card = new VirtualVpcdCard("127.0.0.1", vpcd.getLocalPort(), VirtualSocialSecurityCard.secondGeneration());
    }

    @AfterEach
    void close() throws IOException {
        card.remove();
        if (link != null) {
            link.close();
        }
        vpcd.close();
    }

    private void insertAndAccept() throws IOException {
        card.insert();
        link = vpcd.accept();
        link.setSoTimeout(10_000);
        in = new DataInputStream(link.getInputStream());
        out = new DataOutputStream(link.getOutputStream());
    }

    private void send(String hex) throws IOException {
        byte[] payload = HEX.parseHex(hex);
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private String receive() throws IOException {
        byte[] payload = new byte[in.readUnsignedShort()];
        in.readFully(payload);
        return HEX.formatHex(payload);
    }

    @Test
    void getAtrIsAnsweredWithTheAtr() throws IOException {
        insertAndAccept();

        send("04");

        assertThat(receive())
                .isEqualTo(HEX.formatHex(VirtualSocialSecurityCard.ATR))
                .startsWith("3B6B0000");
        assertThat(card.isInserted()).isTrue();
    }

    @Test
    void powerAndResetAreNotAnsweredAndCommandApdusAre() throws IOException {
        insertAndAccept();

        send("01"); // power on
        send("02"); // reset
        send("00A404000F7378312E73682EC9E7BBE1B1A3D5CF");
        send("00"); // power off: the card forgets the selection
        send("00B2012C12");

        // the first frame back is the SELECT's answer: nothing was sent for 01 and 02
        assertThat(receive()).isEqualTo("6113");
        assertThat(receive()).isEqualTo("6A82");
        assertThat(card.instructions()).containsExactly(0xA4, 0xB2);
        assertThat(card.apdus()).isEqualTo(2);
    }

    @Test
    void aCommandApduIsAnsweredByTheResponder() throws IOException {
        insertAndAccept();

        send("00A404000F7378312E73682EC9E7BBE1B1A3D5CF");
        assertThat(receive()).isEqualTo("6113");
        send("00C0000013");
        assertThat(receive()).isEqualTo("6F11840F7378312E73682EC9E7BBE1B1A3D5CF9000");
        send("00B2032C06");
        assertThat(receive()).isEqualTo("0304322E30309000"); // "2.00"
    }

    @Test
    void removingTheCardClosesTheConnection() throws IOException {
        insertAndAccept();

        card.remove();

        assertThat(in.read()).isEqualTo(-1); // vpcd sees the end of the stream: card removed
        assertThat(card.isInserted()).isFalse();
    }

    @Test
    void whenVpcdClosesTheConnectionTheCardIsOut() throws IOException {
        insertAndAccept();

        link.close(); // pcscd stopped

        Await.until(() -> !card.isInserted(), SAFETY, "the card to notice that vpcd has gone");
        // and it can be inserted again
        insertAndAccept();
        send("04");
        assertThat(receive()).startsWith("3B");
    }

    @Test
    void aCardIsInsertedOnce() throws IOException {
        insertAndAccept();

        assertThatThrownBy(card::insert).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutVpcdInsertingFailsAfterItsPatience() throws IOException {
        int port = vpcd.getLocalPort();
        vpcd.close();
        VirtualVpcdCard nowhere = new VirtualVpcdCard("127.0.0.1", port, VirtualSocialSecurityCard.secondGeneration());

        assertThatThrownBy(() -> nowhere.insert(Duration.ofMillis(200))).isInstanceOf(ConnectException.class);
        assertThat(nowhere.isInserted()).isFalse();
    }

    @Test
    void aResponderThatFailsAnswers6F00() throws IOException {
        card = new VirtualVpcdCard("127.0.0.1", vpcd.getLocalPort(), new ApduResponder() {
            @Override
            public byte[] atr() {
                return new byte[] {0x3B, 0x00};
            }

            @Override
            public byte[] respond(byte[] command) {
                throw new IllegalStateException("broken on purpose");
            }
        });
        insertAndAccept();

        send("00B2012C00");

        assertThat(receive()).isEqualTo("6F00");
    }
}
