package cn.egov.kiosk.device.payment.vendor;

import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.SpecProblem;
import java.util.List;

/**
 * The service-provider interface of payment adapters. A vendor's jar on the class path with a
 * {@code META-INF/services/cn.egov.kiosk.device.payment.vendor.PaymentAdapterProvider} entry adds a
 * driver of that {@link #name()} for the payment-terminal class; configuration names it as a
 * device's {@code driver}, like any other.
 */
public interface PaymentAdapterProvider {

    /** The driver name configuration uses, for example {@code acme-mispos}. Unique among drivers. */
    String name();

    /**
     * Checks the device's connection and options (the same check must pass before {@link #create}
     * is called): an empty list means it will accept them. Configuration shows each problem with
     * its file and line.
     */
    List<SpecProblem> validate(DeviceSpec spec);

    /** The adapter for a device, not yet open. */
    PaymentAdapter create(DeviceSpec spec);
}
