package cn.egov.kiosk.device.scanner.wedge;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code driver: wedge}, {@code connection: "keyboard:"}: a code scanner that types like a USB
 * keyboard; the kiosk's window feeds it (see {@link WedgeScanner}).
 */
public final class WedgeDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "wedge";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.BARCODE_SCANNER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!WedgeScanner.CONNECTION.equals(spec.connection().trim())) {
            problems.add(new SpecProblem(
                    "connection",
                    "\"" + WedgeScanner.CONNECTION + "\" (a wedge scanner types into the kiosk's window)",
                    spec.connection()));
        }
        OptionReader options = new OptionReader(spec.options());
        BurstDetector.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(BurstDetector.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        return new WedgeScanner(
                spec.id(),
                name(),
                BurstDetector.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }
}
