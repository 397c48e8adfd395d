package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control of a simulated receipt printer. The device itself is the real ESC/POS driver; this is
 * the virtual printer at the far end of its (in-memory) cable, and the cable.
 */
public final class SimulatedReceiptPrinter implements Simulator {
    private final String deviceId;
    private final VirtualEscPosPrinter printer;
    private final PipeLink.Pair cable;

    public SimulatedReceiptPrinter(String deviceId, VirtualEscPosPrinter printer, PipeLink.Pair cable) {
        this.deviceId = deviceId;
        this.printer = printer;
        this.cable = cable;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    public VirtualEscPosPrinter printer() {
        return printer;
    }

    /** Every byte the printer has received, as sent by the driver. */
    public byte[] received() {
        return printer.received();
    }

    /** What the printer has printed so far, decoded. */
    public ReceiptDocument printed() {
        return new EscPosDecoder().decode(printer.received()).document();
    }

    @Override
    public Map<String, String> commands() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("paper-low", "the roll is near its end");
        map.put("paper-out", "the roll is empty");
        map.put(
                "paper-out-during-job",
                "paper-out-during-job [BYTES]: the roll runs out after BYTES more bytes (default 40)");
        map.put("paper-ok", "a new roll is loaded");
        map.put("cover-open", "the cover is opened");
        map.put("cover-close", "the cover is closed");
        map.put("jam", "the cutter jams");
        map.put("clear", "the cutter jam is cleared");
        map.put("power-off", "the printer stops answering (powered off, cable still in)");
        map.put("power-on", "the printer answers again");
        map.put("disconnect", "pull the cable: the device goes offline");
        map.put("reconnect", "plug the cable back in: the device manager reconnects");
        return map;
    }

    @Override
    public void apply(String command, String argument) {
        switch (command) {
            case "paper-low" -> printer.setPaperLow(true);
            case "paper-out" -> printer.setPaperOut(true);
            case "paper-out-during-job" -> printer.runOutAfter(argument.isBlank() ? 40 : parseCount(argument));
            case "paper-ok" -> printer.setPaperOut(false);
            case "cover-open" -> printer.setCoverOpen(true);
            case "cover-close" -> printer.setCoverOpen(false);
            case "jam" -> printer.setCutterJam(true);
            case "clear" -> printer.setCutterJam(false);
            case "power-off" -> printer.setMute(true);
            case "power-on" -> printer.setMute(false);
            case "disconnect" -> cable.sever();
            case "reconnect" -> cable.restore();
            default -> throw new IllegalArgumentException("unknown simulator command \"" + command + "\"");
        }
    }

    private static long parseCount(String text) {
        try {
            long n = Long.parseLong(text.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a positive number of bytes, not \"" + text + "\"");
        }
    }

    @Override
    public void close() {
        printer.stop();
    }

    @Override
    public String describe() {
        return (cable.severed() ? "cable pulled" : "connected") + ", "
                + printer.status().describe() + ", " + printer.received().length + " bytes received";
    }
}
