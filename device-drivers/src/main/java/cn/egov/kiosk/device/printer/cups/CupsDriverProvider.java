package cn.egov.kiosk.device.printer.cups;

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

/** {@code driver: cups}: the licence printer behind a CUPS print queue, {@code connection: "cups:QUEUE"}. */
public final class CupsDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "cups";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.DOCUMENT_PRINTER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        try {
            CupsDocumentPrinter.queueOf(spec.connection());
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem("connection", e.getMessage(), spec.connection()));
        }
        OptionReader options = new OptionReader(spec.options());
        CupsDocumentPrinter.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(CupsDocumentPrinter.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        return new CupsDocumentPrinter(
                spec.id(),
                name(),
                spec.connection(),
                CupsDocumentPrinter.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }
}
