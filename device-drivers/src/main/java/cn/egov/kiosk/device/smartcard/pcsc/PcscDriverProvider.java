package cn.egov.kiosk.device.smartcard.pcsc;

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
 * {@code driver: pcsc}: a smart-card reader through pcscd, {@code connection: "pcsc:"} (the first
 * reader) or {@code "pcsc:NAME"} (the first reader whose name contains NAME); option {@code pollMs}.
 * PC/SC is not a byte link, so the connection is checked here, not by {@code LinkSpec}.
 */
public final class PcscDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "pcsc";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.SMART_CARD_READER);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        try {
            String filter = PcscSmartCardReader.readerFilter(spec.connection());
            if (filter.contains("?")) {
                problems.add(new SpecProblem(
                        "connection",
                        "a reader name without parameters (options go under options:)",
                        spec.connection()));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem("connection", e.getMessage(), spec.connection()));
        }
        OptionReader options = new OptionReader(spec.options());
        PcscSmartCardReader.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(PcscSmartCardReader.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        return new PcscSmartCardReader(
                spec.id(),
                name(),
                spec.connection(),
                PcscSmartCardReader.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }
}
