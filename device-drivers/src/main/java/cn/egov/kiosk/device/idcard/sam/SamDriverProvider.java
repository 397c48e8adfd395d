package cn.egov.kiosk.device.idcard.sam;

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
 * {@code driver: sam}: a resident ID card reader with a SAM module on a serial port (115200 8N1
 * unless the connection says otherwise), or on TCP for readers behind a serial server.
 */
public final class SamDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "sam";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.ID_CARD_READER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = LinkConnections.check(
                spec,
                Set.of(LinkSpec.Scheme.SIM, LinkSpec.Scheme.FILE),
                "serial: or tcp: (for a simulated reader use driver: sim)");
        OptionReader options = new OptionReader(spec.options());
        SamIdCardReader.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(SamIdCardReader.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        return new SamIdCardReader(
                spec.id(),
                name(),
                LinkConnections.create(spec, context),
                SamIdCardReader.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }
}
