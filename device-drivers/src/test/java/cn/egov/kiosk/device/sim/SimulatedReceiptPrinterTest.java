package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.printer.escpos.EscPosPrinter;
import cn.egov.kiosk.device.testkit.Await;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated receipt printer: the real ESC/POS driver and a virtual printer on a pipe. */
class SimulatedReceiptPrinterTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);
    private static final ReceiptDocument TICKET =
            ReceiptDocument.builder("t").text("取号 A001").feed(1).cut().build();

    private final DeviceContext context = DeviceContext.ephemeral();
    private ReceiptPrinter printer;
    private SimulatedReceiptPrinter sim;

    @BeforeEach
    void create() throws DeviceException {
        printer = (ReceiptPrinter) new SimulatorDriverProvider()
                .create(
                        new DeviceSpec(
                                "ticket-printer",
                                DeviceClass.RECEIPT_PRINTER,
                                "sim",
                                "sim:",
                                Map.of("statusTimeoutMs", "200", "jobTimeoutMs", "5000", "pollMs", "60000")),
                        context);
        sim = context.simulators()
                .find("ticket-printer", SimulatedReceiptPrinter.class)
                .orElseThrow();
        Await.until(
                () -> {
                    try {
                        printer.open();
                        return true;
                    } catch (DeviceException e) {
                        return false; // the virtual printer is still opening its end
                    }
                },
                SAFETY,
                "the simulated printer to answer");
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
    }

    @AfterEach
    void close() {
        printer.close();
        sim.printer().stop();
    }

    @Test
    void theDeviceIsTheRealDriver() {
        assertThat(printer).isInstanceOf(EscPosPrinter.class);
        assertThat(printer.driverName()).isEqualTo("sim");
    }

    @Test
    void whatWasPrintedCanBeRead() throws DeviceException {
        printer.print(TICKET);

        assertThat(sim.printed().elements()).containsExactlyElementsOf(TICKET.elements());
        assertThat(sim.describe()).startsWith("connected, online, ");
    }

    @Test
    void paperOutDuringAJob() {
        sim.apply("paper-out-during-job", "5");

        assertThatThrownBy(() -> printer.print(TICKET))
                .isInstanceOfSatisfying(
                        PrintFailedException.class, e -> assertThat(e.started()).isTrue());
    }

    @Test
    void paperCoverAndCutter() {
        for (String[] c : new String[][] {
            {"paper-out", "PAPER_OUT", "paper-ok"},
            {"cover-open", "COVER_OPEN", "cover-close"},
            {"jam", "CUTTER_ERROR", "clear"}
        }) {
            sim.apply(c[0]);
            assertThatThrownBy(() -> printer.print(TICKET))
                    .as(c[0])
                    .isInstanceOfSatisfying(
                            PrintFailedException.class,
                            e -> assertThat(e.extendedCode()).isEqualTo(c[1]));
            sim.apply(c[2]);
        }
    }

    @Test
    void powerOffAndDisconnectTakeThePrinterOffline() {
        sim.apply("power-off");
        assertThatThrownBy(() -> printer.print(TICKET))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
        assertThat(printer.state()).isEqualTo(DeviceState.OFFLINE);

        sim.apply("disconnect");
        assertThat(sim.describe()).startsWith("cable pulled");
        sim.apply("reconnect");
        assertThat(sim.describe()).startsWith("connected");
    }

    @Test
    void badCommandsAreRefused() {
        assertThatThrownBy(() -> sim.apply("paper-jam"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator command \"paper-jam\"");
        assertThatThrownBy(() -> sim.apply("paper-out-during-job", "-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a positive number of bytes, not \"-3\"");
        assertThat(sim.commands()).containsKeys("paper-out", "power-off", "disconnect", "reconnect");
    }
}
