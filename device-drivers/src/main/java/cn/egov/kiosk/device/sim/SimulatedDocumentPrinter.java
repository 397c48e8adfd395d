package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.printer.PrinterCode;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** A simulated licence printer: keeps the name, size and media of each job (never the content). */
public final class SimulatedDocumentPrinter extends SimulatedDevice implements DocumentPrinter {

    /** What the simulated printer printed. */
    public record PrintedJob(String jobId, String name, int bytes, DocumentJob.Media media, int copies) {}

    private final List<PrintedJob> printed = new ArrayList<>();
    private boolean paperOut;
    private boolean jamNextJob;

    private volatile Consumer<byte[]> outputTray;

    public SimulatedDocumentPrinter(String id, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.DOCUMENT_PRINTER, store, clock);
    }

    @Override
    public synchronized PrinterStatus queryStatus() throws DeviceException {
        requirePlugged();
        boolean jammed = conditions().contains(Condition.JAM);
        return new PrinterStatus(!paperOut && !jammed, false, paperOut, false, false, jammed, false);
    }

    @Override
    public PrintOutcome print(DocumentJob job) throws DeviceException {
        return operate("print", () -> printNow(job));
    }

    private synchronized PrintOutcome printNow(DocumentJob job) throws DeviceException {
        requirePlugged();
        long start = System.nanoTime();
        String jobId = UUID.randomUUID().toString();
        if (paperOut || conditions().contains(Condition.JAM)) {
            throw new PrintFailedException(
                    ErrorCode.HARDWARE_ERROR,
                    paperOut ? PrinterCode.PAPER_OUT : PrinterCode.JAM,
                    "simulated licence printer cannot print",
                    false,
                    null);
        }
        if (jamNextJob) {
            jamNextJob = false;
            setCondition(Condition.JAM, true);
            throw new PrintFailedException(
                    ErrorCode.HARDWARE_ERROR, PrinterCode.JAM, "simulated paper jam during the job", true, null);
        }
        printed.add(new PrintedJob(jobId, job.name(), job.pdf().length, job.media(), job.copies()));
        Consumer<byte[]> tray = outputTray;
        if (tray != null) {
            tray.accept(job.pdf());
        }
        statistics().increment(DeviceStatistics.PRINTS);
        publishOutputComplete(jobId);
        return new PrintOutcome(jobId, job.pdf().length, Duration.ofNanos(System.nanoTime() - start), queryStatus());
    }

    /**
     * Hands each printed document's PDF to {@code tray} as it "comes out" (a walk-through reads what
     * was printed); null to stop. Nothing is kept here: the tray decides what it keeps.
     */
    public void outputTray(Consumer<byte[]> tray) {
        this.outputTray = tray;
    }

    public synchronized List<PrintedJob> printed() {
        return List.copyOf(printed);
    }

    @Override
    protected Map<String, String> deviceCommands() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("paper-out", "the paper tray is empty");
        map.put("paper-ok", "the paper tray is refilled");
        map.put("jam", "the next job jams");
        map.put("clear", "clear a jam");
        return map;
    }

    @Override
    protected void applyDeviceCommand(String command, String argument) {
        synchronized (this) {
            switch (command) {
                case "paper-out" -> paperOut = true;
                case "paper-ok" -> paperOut = false;
                case "jam" -> jamNextJob = true;
                case "clear" -> jamNextJob = false;
                default -> throw unknown(command);
            }
        }
        switch (command) {
            case "paper-out" -> setCondition(Condition.PAPER_OUT, true);
            case "paper-ok" -> setCondition(Condition.PAPER_OUT, false);
            case "clear" -> setCondition(Condition.JAM, false);
            default -> {}
        }
    }

    @Override
    public synchronized String describe() {
        return (plugged() ? "plugged" : "unplugged") + (paperOut ? ", paper out" : "") + ", " + printed.size()
                + " jobs";
    }
}
