package cn.egov.kiosk.device.manage;

import java.util.List;

/**
 * A source of several drivers at once, found by {@link java.util.ServiceLoader} beside the drivers
 * themselves: how another plug-in interface offers its plug-ins as drivers without this package
 * knowing it (the payment terminal's vendor adapters, {@code device.payment.vendor}).
 */
public interface DriverSource {

    /** The drivers it offers now, each with its own name. */
    List<DeviceDriverProvider> drivers();
}
