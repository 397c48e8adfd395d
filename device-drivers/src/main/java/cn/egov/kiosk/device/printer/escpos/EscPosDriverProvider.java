package cn.egov.kiosk.device.printer.escpos;

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

/** {@code driver: escpos}: an ESC/POS receipt printer on a serial port, TCP socket or device file. */
public final class EscPosDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "escpos";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.RECEIPT_PRINTER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = LinkConnections.check(
                spec, Set.of(LinkSpec.Scheme.SIM), "serial:, tcp: or file: (for a simulated printer use driver: sim)");
        OptionReader options = new OptionReader(spec.options());
        EscPosPrinter.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(EscPosPrinter.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        return new EscPosPrinter(
                spec.id(),
                name(),
                LinkConnections.create(spec, context),
                EscPosPrinter.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }
}
