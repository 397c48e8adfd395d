package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A simulated barcode/QR scanner: {@code scan CODE} delivers a code as if it had been scanned. */
public final class SimulatedBarcodeScanner extends SimulatedDevice implements BarcodeScanner {
    /** Codes kept for {@link #awaitScan}, as the serial driver keeps them. */
    private static final int WAITING = 16;

    private final LinkedBlockingQueue<String> scanned = new LinkedBlockingQueue<>();

    public SimulatedBarcodeScanner(String id, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.BARCODE_SCANNER, store, clock);
    }

    /** Delivers a code as if a person had held it under the scanner. */
    public void scan(String code) {
        if (!isEnabled()) {
            return; // a disabled scanner does not report
        }
        statistics().increment(DeviceStatistics.READS);
        while (scanned.size() >= WAITING) {
            scanned.poll(); // nobody waits for them (the kiosk listens to the data events): the oldest go
        }
        scanned.add(code);
        publishData(code);
    }

    @Override
    public Optional<String> awaitScan(Duration timeout) throws DeviceException {
        return operate("awaitScan", () -> {
            requirePlugged();
            try {
                return Optional.ofNullable(scanned.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(ErrorCode.CANCELLED, null, "scan cancelled", e);
            }
        });
    }

    @Override
    protected void doDisable() {
        scanned.clear();
    }

    @Override
    protected Map<String, String> deviceCommands() {
        return Map.of("scan", "scan CODE: deliver CODE as a scanned barcode");
    }

    @Override
    protected void applyDeviceCommand(String command, String argument) {
        if (!"scan".equals(command)) {
            throw unknown(command);
        }
        if (argument.isBlank()) {
            throw new IllegalArgumentException("scan needs the code to deliver, for example: scan 1234567890");
        }
        scan(argument);
    }

    @Override
    public String describe() {
        return (plugged() ? "plugged" : "unplugged") + ", " + scanned.size() + " codes waiting";
    }
}
