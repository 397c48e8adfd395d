package cn.egov.kiosk.device.testvendor;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A vendor's driver, as a third party would ship it: outside the kiosk's packages, registered in
 * its own {@code META-INF/services} file, built only on the public driver SPI. Connection {@code
 * acme:SERIALNUMBER}; option {@code beepVolume} 0..10.
 */
public final class AcmeScannerProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "acme";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.BARCODE_SCANNER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!spec.connection().matches("acme:[A-Z0-9]{4,}")) {
            problems.add(new SpecProblem("connection", "acme:SERIALNUMBER", spec.connection()));
        }
        OptionReader options = new OptionReader(spec.options());
        options.integer("beepVolume", 5, 0, 10);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        int volume = new OptionReader(spec.options()).integer("beepVolume", 5, 0, 10);
        return new AcmeScanner(spec.id(), spec.connection(), volume, context.statistics(), context.clock());
    }

    /** The vendor's scanner: codes come in through {@link #deliver}, as from its USB stack. */
    public static final class AcmeScanner extends AbstractDevice implements BarcodeScanner {
        private final String connection;
        private final int beepVolume;
        private final LinkedBlockingQueue<String> codes = new LinkedBlockingQueue<>();

        AcmeScanner(String id, String connection, int beepVolume, StatisticsStore store, Clock clock) {
            super(id, DeviceClass.BARCODE_SCANNER, "acme", store, clock);
            this.connection = connection;
            this.beepVolume = beepVolume;
        }

        public int beepVolume() {
            return beepVolume;
        }

        /** A code the hardware read. */
        public void deliver(String code) {
            statistics().increment(DeviceStatistics.READS);
            codes.add(code);
            publishData(code);
        }

        @Override
        public String connection() {
            return connection;
        }

        @Override
        protected void doOpen() {}

        @Override
        protected void doClose() {}

        @Override
        public Optional<String> awaitScan(Duration timeout) throws DeviceException {
            return operate("awaitScan", () -> {
                try {
                    return Optional.ofNullable(codes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeviceException(ErrorCode.CANCELLED, null, "scan cancelled", e);
                }
            });
        }
    }
}
