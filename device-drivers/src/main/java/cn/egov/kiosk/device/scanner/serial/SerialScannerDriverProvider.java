package cn.egov.kiosk.device.scanner.serial;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.LinkSpec;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.LinkConnections;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import java.util.List;
import java.util.Set;

/**
 * {@code driver: serial-scanner}: a code scanner that sends each code as a line of text, on a serial
 * port (RS-232, or USB in its CDC/virtual-COM mode: {@code /dev/ttyACM0}) or a serial server on TCP.
 */
public final class SerialScannerDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "serial-scanner";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.BARCODE_SCANNER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = LinkConnections.check(
                spec,
                Set.of(LinkSpec.Scheme.SIM, LinkSpec.Scheme.FILE),
                "serial: or tcp: (a scanner that types like a keyboard is driver: wedge; a simulated one driver: sim)");
        OptionReader options = new OptionReader(spec.options());
        SerialScanner.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(SerialScanner.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        return new SerialScanner(
                spec.id(),
                name(),
                LinkConnections.create(spec, context),
                SerialScanner.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }
}
