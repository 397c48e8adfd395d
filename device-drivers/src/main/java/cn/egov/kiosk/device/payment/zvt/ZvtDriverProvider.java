package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkSpec;
import cn.egov.kiosk.device.link.Links;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.LinkConnections;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code driver: zvt}: a bank-card terminal speaking ZVT on a serial line (9600 baud, 8 data bits,
 * no parity, 2 stop bits unless the connection says otherwise: {@code
 * "serial:/dev/ttyS0?parity=even"}) or on TCP (bare APDUs, port 20007 by convention).
 */
public final class ZvtDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "zvt";
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return Set.of(DeviceClass.PAYMENT_TERMINAL);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = LinkConnections.check(
                spec,
                Set.of(LinkSpec.Scheme.SIM, LinkSpec.Scheme.FILE),
                "serial: or tcp: (a simulated terminal is driver: sim)");
        OptionReader options = new OptionReader(spec.options());
        ZvtPaymentTerminal.Options.read(options);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(ZvtPaymentTerminal.Options::read);
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        LinkSpec link = LinkSpec.parse(spec.connection());
        return new ZvtPaymentTerminal(
                spec.id(),
                name(),
                context.taps().link(spec.id(), link(link)),
                link.scheme() == LinkSpec.Scheme.SERIAL
                        ? ZvtPaymentTerminal.Framing.SERIAL
                        : ZvtPaymentTerminal.Framing.BARE,
                ZvtPaymentTerminal.Options.read(new OptionReader(spec.options())),
                context.statistics(),
                context.clock());
    }

    /** The link, with ZVT's serial defaults (9600 8N2) where a serial connection does not say. */
    static ByteLink link(LinkSpec spec) {
        if (spec.scheme() != LinkSpec.Scheme.SERIAL) {
            return Links.create(spec);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("baud", "9600");
        params.put("stopBits", "2");
        params.putAll(spec.params());
        return SerialLink.fromSpec(new LinkSpec(spec.scheme(), spec.target(), params));
    }
}
