package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.printer.escpos.EscPosPrinter;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code driver: sim}: an in-process simulator of any device class, connection {@code sim:}. */
public final class SimulatorDriverProvider implements DeviceDriverProvider {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public boolean simulatesHardware() {
        return true;
    }

    @Override
    public Set<DeviceClass> deviceClasses() {
        return EnumSet.allOf(DeviceClass.class);
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!spec.connection().equals("sim:")) {
            problems.add(new SpecProblem("connection", "sim: for a simulated device", spec.connection()));
        }
        OptionReader options = new OptionReader(spec.options());
        readOptions(spec.deviceClass(), options);
        problems.addAll(options.problems());
        return problems;
    }

    private static Object readOptions(DeviceClass deviceClass, OptionReader options) {
        return switch (deviceClass) {
            case RECEIPT_PRINTER -> EscPosPrinter.Options.read(options);
            case PAYMENT_TERMINAL -> cardDelay(options);
            case ID_CARD_READER -> SamIdCardReader.Options.read(options);
            default -> "";
        };
    }

    @Override
    public List<OptionDeclaration> options(DeviceClass deviceClass) {
        return OptionReader.declarations(r -> readOptions(deviceClass, r));
    }

    @Override
    public Device create(DeviceSpec spec, DeviceContext context) {
        OptionReader options = new OptionReader(spec.options());
        String id = spec.id();
        SimulatorRegistry registry = context.simulators();
        switch (spec.deviceClass()) {
            case RECEIPT_PRINTER -> {
                PipeLink.Pair cable = PipeLink.pair(id);
                VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
                openDeviceEnd(cable);
                printer.serve(cable.device(), "sim-" + id);
                registry.register(new SimulatedReceiptPrinter(id, printer, cable));
                return new EscPosPrinter(
                        id,
                        name(),
                        context.taps().link(id, cable.host()),
                        EscPosPrinter.Options.read(options),
                        context.statistics(),
                        context.clock());
            }
            case ID_CARD_READER -> {
                // the real SAM driver, talking to a virtual reader over an in-memory cable
                PipeLink.Pair cable = PipeLink.pair(id);
                VirtualSamReader reader = new VirtualSamReader();
                openDeviceEnd(cable);
                reader.serve(cable.device(), "sim-" + id);
                registry.register(new SimulatedIdCardReader(id, reader, cable));
                return new SamIdCardReader(
                        id,
                        name(),
                        context.taps().link(id, cable.host()),
                        SamIdCardReader.Options.read(options),
                        context.statistics(),
                        context.clock());
            }
            case SMART_CARD_READER -> {
                return register(registry, new SimulatedSmartCardReader(id, context.statistics(), context.clock()));
            }
            case DOCUMENT_PRINTER -> {
                return register(registry, new SimulatedDocumentPrinter(id, context.statistics(), context.clock()));
            }
            case PAYMENT_TERMINAL -> {
                return register(
                        registry,
                        new SimulatedPaymentTerminal(id, cardDelay(options), context.statistics(), context.clock()));
            }
            case BARCODE_SCANNER -> {
                return register(registry, new SimulatedBarcodeScanner(id, context.statistics(), context.clock()));
            }
            default -> throw new IllegalArgumentException("no simulator for " + spec.deviceClass());
        }
    }

    /** The simulated hardware listens before the driver first asks. */
    private static void openDeviceEnd(PipeLink.Pair cable) {
        try {
            cable.device().open();
        } catch (LinkException e) {
            throw new IllegalStateException("a fresh pipe cannot open", e);
        }
    }

    /** {@code cardDelayMs}: how long the simulated citizen takes to present a card. */
    private static Duration cardDelay(OptionReader options) {
        return options.millis("cardDelayMs", Duration.ofMillis(1500), 0, 60_000);
    }

    private static <T extends SimulatedDevice> T register(SimulatorRegistry registry, T device) {
        registry.register(device);
        return device;
    }
}
