package cn.egov.kiosk.device.payment.vendor;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverSource;
import cn.egov.kiosk.device.manage.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Offers every {@link PaymentAdapterProvider} on the class path as a driver of the payment-terminal
 * class, under the adapter's own name: the driver registry finds this source by {@link
 * ServiceLoader} and the adapters through it.
 */
public final class PaymentAdapterDrivers implements DriverSource {

    @Override
    public List<DeviceDriverProvider> drivers() {
        List<DeviceDriverProvider> drivers = new ArrayList<>();
        ServiceLoader.load(PaymentAdapterProvider.class).forEach(p -> drivers.add(new AdapterDriver(p)));
        return drivers;
    }

    /** One adapter as a driver. */
    static final class AdapterDriver implements DeviceDriverProvider {
        private final PaymentAdapterProvider adapters;

        AdapterDriver(PaymentAdapterProvider adapters) {
            this.adapters = adapters;
        }

        @Override
        public String name() {
            return adapters.name();
        }

        @Override
        public Set<DeviceClass> deviceClasses() {
            return Set.of(DeviceClass.PAYMENT_TERMINAL);
        }

        @Override
        public List<SpecProblem> validate(DeviceSpec spec) {
            return adapters.validate(spec);
        }

        @Override
        public Device create(DeviceSpec spec, DeviceContext context) {
            return new AdaptedPaymentTerminal(
                    spec.id(), name(), adapters.create(spec), context.statistics(), context.clock());
        }
    }
}
