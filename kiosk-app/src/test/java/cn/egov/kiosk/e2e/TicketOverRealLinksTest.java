package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.text.DisplayWidth;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.runtime.KioskRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue ticket through the real ESC/POS driver, configured as a hall would configure it: on a
 * serial port (a socat pseudo-terminal at 115200 baud) and on a TCP socket, with a virtual printer
 * at the other end that answers the status requests and keeps the bytes.
 */
class TicketOverRealLinksTest {
    @TempDir
    Path dir;

    @Test
    void ticketPrintsOverASerialPseudoTerminal() throws Exception {
        try (PtyPair pty = PtyPair.start(dir.resolve("pty"))) {
            VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
            printer.serve(new SerialLink(pty.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1), "virtual-printer");
            try {
                String devices =
                        "devices:\n  ticket-printer: {class: receipt-printer, driver: escpos, connection: \"serial:"
                                + pty.hostPath()
                                + "?baud=115200\", options: {columns: 32, jobTimeoutMs: 5000}}\n";
                issueAndCheck(TestConfigs.write(dir.resolve("serial"), devices), printer, 32);
            } finally {
                printer.stop();
            }
        }
    }

    @Test
    void ticketPrintsOverTcp() throws Exception {
        TcpServerLink server = TcpServerLink.listen(0);
        VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
        printer.serve(server, "virtual-network-printer");
        try {
            String devices =
                    "devices:\n  ticket-printer: {class: receipt-printer, driver: escpos, connection: \"tcp:127.0.0.1:"
                            + server.port()
                            + "\", options: {columns: 48, jobTimeoutMs: 5000}}\n";
            issueAndCheck(TestConfigs.write(dir.resolve("tcp"), devices), printer, 48);
        } finally {
            printer.stop();
            server.shutdown();
        }
    }

    @Test
    void paperOutOnTheSerialPrinterVoidsTheNumber() throws Exception {
        try (PtyPair pty = PtyPair.start(dir.resolve("pty2"))) {
            VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
            printer.serve(new SerialLink(pty.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1), "virtual-printer");
            String devices =
                    "devices:\n  ticket-printer: {class: receipt-printer, driver: escpos, connection: \"serial:"
                            + pty.hostPath()
                            + "\", options: {jobTimeoutMs: 5000}}\n";
            try (KioskRuntime runtime = started(TestConfigs.write(dir.resolve("serial2"), devices))) {
                printer.runOutAfter(60);
                IssueOutcome outcome = runtime.tickets().issue("A", Locale.SIMPLIFIED_CHINESE, Optional.empty());
                assertThat(outcome).isInstanceOf(IssueOutcome.NotIssued.class);
                IssueOutcome.NotIssued failed = (IssueOutcome.NotIssued) outcome;
                assertThat(failed.reason()).isEqualTo(IssueOutcome.Reason.PAPER_OUT);
                assertThat(failed.voided()).get().extracting(t -> t.number()).isEqualTo("A001");
                assertThat(runtime.queue().ticketsOfDay(runtime.queue().today()))
                        .singleElement()
                        .extracting(t -> t.status())
                        .isEqualTo(TicketStatus.VOIDED);
            } finally {
                printer.stop();
            }
        }
    }

    private void issueAndCheck(KioskConfig config, VirtualEscPosPrinter printer, int columns) {
        try (KioskRuntime runtime = started(config)) {
            IssueOutcome outcome = runtime.tickets().issue("B", Locale.SIMPLIFIED_CHINESE, Optional.empty());
            assertThat(outcome).isInstanceOf(IssueOutcome.Issued.class);
            IssueOutcome.Issued issued = (IssueOutcome.Issued) outcome;
            assertThat(issued.ticket().number()).isEqualTo("B001");
            ReceiptDocument printed =
                    new EscPosDecoder().decode(printer.received()).document();
            assertThat(printed.lines()).contains("B001", "社保医保", "测试区政务服务中心");
            assertThat(printed.qrPayloads()).containsExactly(issued.ticket().id());
            assertThat(printed.cuts()).isEqualTo(1);
            assertThat(printed.lines())
                    .allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(columns));
            // the ticket's bytes and then GS r 1, the request answered once the ticket is on paper
            assertThat(issued.print().bytesSent()).isEqualTo(printer.received().length - 3);
        }
    }

    private static KioskRuntime started(KioskConfig config) {
        KioskRuntime runtime =
                new KioskRuntime(config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        runtime.start();
        Await.until(
                () -> runtime.devices()
                        .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                        .map(p -> p.isEnabled())
                        .orElse(false),
                Duration.ofSeconds(10),
                "the printer to come up");
        return runtime;
    }
}
