package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens each device once, claims it, checks its health at a level and closes it again. Devices in
 * use by a running kiosk (a serial port already open) report as busy or unavailable.
 */
public final class Diagnostics {
    private final DriverRegistry drivers;
    private final DeviceContext context;

    public Diagnostics(DriverRegistry drivers, DeviceContext context) {
        this.drivers = drivers;
        this.context = context;
    }

    public List<DeviceReport> run(List<DeviceSpec> specs, HealthLevel level) {
        List<DeviceReport> reports = new ArrayList<>();
        for (DeviceSpec spec : specs) {
            reports.add(check(spec, level));
        }
        return reports;
    }

    private DeviceReport check(DeviceSpec spec, HealthLevel level) {
        Device device = drivers.create(spec, context);
        try {
            device.open();
            device.claim(Duration.ofSeconds(2));
            if (level != HealthLevel.INTERNAL) {
                device.enable();
            }
            HealthReport health = device.checkHealth(level);
            return report(device, health.healthy(), health.text());
        } catch (DeviceException e) {
            return report(device, false, e.summary());
        } finally {
            device.close();
        }
    }

    private static DeviceReport report(Device device, boolean healthy, String text) {
        return new DeviceReport(
                device.id(),
                device.deviceClass().configName(),
                device.driverName(),
                device.connection(),
                device.state().name().toLowerCase(Locale.ROOT),
                healthy,
                text,
                device.statistics().snapshot(),
                device.advisories());
    }
}
