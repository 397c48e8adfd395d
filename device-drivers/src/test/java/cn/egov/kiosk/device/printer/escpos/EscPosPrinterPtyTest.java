package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ESC/POS driver over a real serial pseudo-terminal (socat + jSerialComm) at 115200 8N1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EscPosPrinterPtyTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private PtyPair socat;
    private SerialLink deviceEnd;
    private VirtualEscPosPrinter virtual;
    private EscPosPrinter printer;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void wire() throws Exception {
        socat = PtyPair.start(dir);
        deviceEnd = new SerialLink(socat.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1);
        virtual = new VirtualEscPosPrinter();
        virtual.serve(deviceEnd, "virtual-pty");
        Await.until(deviceEnd::isOpen, SAFETY, "the virtual printer to open " + socat.devicePath());
        printer = new EscPosPrinter(
                "pty-printer",
                "escpos",
                new SerialLink(socat.hostPath(), 115200, 8, SerialLink.Parity.NONE, 1),
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
        socat.close();
    }

    @Test
    void aDocumentPrintsWithExactlyTheEncodersBytes() throws DeviceException {
        PrintOutcome outcome = printer.print(EscPosPrinterTest.TICKET);

        byte[] expected = new EscPosEncoder().encode(EscPosPrinterTest.TICKET);
        assertThat(Bytes.hex(virtual.received())).isEqualTo(Bytes.hex(EscPosPrinterTest.onTheWire(expected)));
        assertThat(outcome.bytesSent()).isEqualTo(expected.length);
        assertThat(outcome.statusAfter().online()).isTrue();
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
    void killingSocatMakesThePrinterGoOffline() {
        socat.kill();

        events.awaitStatus("offline", SAFETY); // noticed by the status poll
        assertThat(printer.state()).isEqualTo(DeviceState.OFFLINE);
        assertThatThrownBy(() -> printer.print(EscPosPrinterTest.TICKET))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
    }

    @Test
    void aJobOnAPulledCableFailsAsOffline() throws DeviceException {
        printer.disable(); // no polling: the job itself finds the cable gone
        printer.enable();
        socat.kill();

        assertThatThrownBy(() -> printer.print(EscPosPrinterTest.TICKET))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
                    assertThat(e.extendedCode()).isEqualTo("LINK_LOST");
                });
        assertThat(printer.state()).isEqualTo(DeviceState.OFFLINE);
    }
}
