package cn.egov.kiosk.queue;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.EscPosPrinter;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import java.time.Clock;
import java.time.Duration;

/**
 * The real ESC/POS driver on one end of an in-memory cable and a virtual printer on the other, as
 * the demo's simulator wires them, with short timings: opened, claimed and enabled.
 */
public final class PrinterRig implements AutoCloseable {
    public final PipeLink.Pair cable = PipeLink.pair("ticket-printer");
    public final VirtualEscPosPrinter virtual = new VirtualEscPosPrinter();
    public final EscPosPrinter printer;

    /** @param poll the idle status poll; long to leave discovering a problem to the job itself */
    public PrinterRig(int columns, Duration poll) throws DeviceException, LinkException {
        cable.device().open(); // before the driver's first status request, which must not be lost
        virtual.serve(cable.device(), "virtual-ticket-printer");
        printer = new EscPosPrinter(
                "ticket-printer",
                "escpos",
                cable.host(),
                new EscPosPrinter.Options(columns, Duration.ofMillis(300), Duration.ofSeconds(5), poll),
                StatisticsStore.NONE,
                Clock.systemUTC());
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
    }

    /** What the virtual printer has printed, decoded. */
    public ReceiptDocument printed() {
        return new EscPosDecoder().decode(virtual.received()).document();
    }

    @Override
    public void close() {
        printer.close();
        virtual.stop();
    }
}
