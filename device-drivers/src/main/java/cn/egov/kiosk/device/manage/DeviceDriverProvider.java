package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import java.util.List;
import java.util.Set;

/**
 * The service-provider interface of device drivers. A vendor driver is a jar on the class path
 * with a {@code META-INF/services/cn.egov.kiosk.device.manage.DeviceDriverProvider} entry; the
 * configuration then names it as a device's {@code driver}.
 */
public interface DeviceDriverProvider {

    /** The name configuration uses, for example {@code escpos}. Unique among providers. */
    String name();

    /**
     * Whether the driver simulates the hardware instead of driving it. A real hall's configuration
     * may not use such a driver: only a demo kiosk ({@code kiosk.demo: true}).
     */
    default boolean simulatesHardware() {
        return false;
    }

    /** The device classes this driver implements. */
    Set<DeviceClass> deviceClasses();

    /**
     * Checks a spec naming this driver: the connection and each option. An empty list means {@link
     * #create} will accept it.
     */
    List<SpecProblem> validate(DeviceSpec spec);

    /**
     * The options this driver reads for a device of that class, each with its default and what it
     * accepts (for a settings screen): what {@link #validate} checks. None by default (a vendor
     * driver that does not say).
     */
    default List<OptionDeclaration> options(DeviceClass deviceClass) {
        return List.of();
    }

    /** Builds the device, closed. Called only with a spec that {@link #validate} accepted. */
    Device create(DeviceSpec spec, DeviceContext context);
}
