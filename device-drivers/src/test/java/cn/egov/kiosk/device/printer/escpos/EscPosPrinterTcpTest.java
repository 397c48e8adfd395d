package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.LinkSpec;
import cn.egov.kiosk.device.link.Links;
import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ESC/POS driver over TCP, as to a network receipt printer on port 9100. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EscPosPrinterTcpTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);

    private TcpServerLink server;
    private VirtualEscPosPrinter virtual;
    private EscPosPrinter printer;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void wire() throws IOException, DeviceException {
        server = TcpServerLink.listen(0);
        virtual = new VirtualEscPosPrinter();
        virtual.serve(server, "virtual-tcp");
        String connection = "tcp:" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.port();
        printer = new EscPosPrinter(
                "net-printer",
                "escpos",
                Links.create(LinkSpec.parse(connection)),
                new EscPosPrinter.Options(48, Duration.ofMillis(1000), Duration.ofSeconds(5), Duration.ofMillis(100)),
                StatisticsStore.NONE,
                Clock.systemUTC());
        printer.addListener(events);
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
    }

    @AfterEach
    void unwire() {
        printer.close();
        virtual.stop();
        server.shutdown();
    }

    @Test
    void aDocumentPrintsWithExactlyTheEncodersBytes() throws DeviceException {
        PrintOutcome outcome = printer.print(EscPosPrinterTest.TICKET);

        byte[] expected = new EscPosEncoder().encode(EscPosPrinterTest.TICKET);
        assertThat(Bytes.hex(virtual.received())).isEqualTo(Bytes.hex(EscPosPrinterTest.onTheWire(expected)));
        assertThat(outcome.bytesSent()).isEqualTo(expected.length);
    }

    @Test
    void paperOutRefusesTheJob() {
        virtual.setPaperOut(true);

        assertThatThrownBy(() -> printer.print(EscPosPrinterTest.TICKET))
                .isInstanceOfSatisfying(PrintFailedException.class, e -> {
                    assertThat(e.started()).isFalse();
                    assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
                });
        assertThat(virtual.received()).isEmpty();
    }

    @Test
    void aPrinterThatDropsTheConnectionGoesOffline() {
        virtual.stop();
        server.shutdown();

        events.awaitStatus("offline", SAFETY);
        assertThat(printer.state()).isEqualTo(DeviceState.OFFLINE);
        assertThatThrownBy(() -> printer.print(EscPosPrinterTest.TICKET))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
    }
}
