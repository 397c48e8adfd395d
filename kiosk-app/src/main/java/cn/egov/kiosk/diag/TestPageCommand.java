package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.FileStatisticsStore;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.ConfigFiles;
import cn.egov.kiosk.runtime.LogSetup;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk diag test-page [--device ID]}: the engineer's test page on each configured printer
 * (or one), from the {@code test-page} template: the thermal printer gets it as ESC/POS, the licence
 * printer as a PDF on A4. Each print is recorded in the audit trail like any other.
 */
@Command(
        name = "test-page",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the engineer's test page on every configured printer, or on --device.",
            "Exit 0 printed everywhere, 1 a printer refused or failed, 2 bad configuration or device."
        })
public final class TestPageCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the kiosk's).")
    Path config;

    @Option(names = "--device", paramLabel = "ID", description = "Only this printer.")
    String device;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskConfig loaded;
        TemplateLibrary templates;
        try {
            loaded = ConfigLoader.load(Subcommands.configFile(spec, config));
            templates = TemplateLibrary.load(ConfigFiles.templatesDir());
        } catch (ConfigException | TemplateException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        LogSetup.useDirectory(loaded.storage().dataDir().resolve("logs"));
        List<DeviceSpec> printers = loaded.devices().stream()
                .filter(d -> d.deviceClass() == DeviceClass.RECEIPT_PRINTER
                        || d.deviceClass() == DeviceClass.DOCUMENT_PRINTER)
                .filter(d -> device == null || d.id().equals(device))
                .toList();
        if (printers.isEmpty()) {
            err.println(device == null ? "No printer is configured." : "No printer \"" + device + "\" is configured.");
            err.flush();
            return 2;
        }
        Clock clock = Clock.system(loaded.kiosk().timeZone());
        DeviceContext context = new DeviceContext(
                StatisticsStore.readOnly(
                        new FileStatisticsStore(loaded.storage().dataDir().resolve("device-stats"))),
                clock,
                new SimulatorRegistry());
        DriverRegistry drivers = DriverRegistry.load();
        boolean allPrinted = true;
        try (Database db = Database.open(loaded.storage().database())) {
            PrintRecordRepository log =
                    new PrintRecordRepository(db, loaded.kiosk().id());
            Renderings renderings = new Renderings(null);
            for (DeviceSpec spec : printers) {
                Device d = drivers.create(spec, context);
                try {
                    d.open();
                    d.claim(Duration.ofSeconds(2));
                    d.enable();
                    Printing printing = new Printing(
                            templates,
                            renderings,
                            () -> d instanceof ReceiptPrinter r ? Optional.of(r) : Optional.empty(),
                            () -> d instanceof DocumentPrinter p ? Optional.of(p) : Optional.empty(),
                            log,
                            clock);
                    ObjectNode data = data(templates, loaded.kiosk().id(), d, clock);
                    Medium medium = d instanceof DocumentPrinter ? Medium.PDF : Medium.ESCPOS;
                    Printing.Outcome outcome = printing.print(
                            "test-page",
                            data,
                            Locale.SIMPLIFIED_CHINESE,
                            "test-page:" + d.id(),
                            false,
                            Optional.of(medium));
                    if (outcome instanceof Printing.NotPrinted np) {
                        allPrinted = false;
                        out.printf(
                                Locale.ROOT,
                                "%-18s NOT PRINTED %s%s: %s%n",
                                d.id(),
                                np.problem(),
                                np.partly() ? " (part of it came out)" : "",
                                np.detail());
                    } else {
                        out.printf(
                                Locale.ROOT,
                                "%-18s printed (record %s)%n",
                                d.id(),
                                outcome.record().id());
                    }
                } catch (DeviceException | TemplateException e) {
                    allPrinted = false;
                    out.printf(Locale.ROOT, "%-18s NOT PRINTED %s%n", spec.id(), e.getMessage());
                } finally {
                    d.close();
                }
            }
        }
        out.flush();
        return allPrinted ? 0 : 1;
    }

    /** The test page's data for a printer: the template's sample with the kiosk, the printer and the time. */
    static ObjectNode data(TemplateLibrary templates, String kioskId, Device d, Clock clock) throws TemplateException {
        ObjectNode data = (ObjectNode) templates.sample("test-page");
        data.put("kioskId", kioskId);
        data.put("printer", d.id() + " (" + d.driverName() + ", " + d.connection() + ")");
        data.put("printedAt", LocalDateTime.now(clock).withNano(0).toString());
        data.put("qr", "TEST-" + kioskId + "-" + d.id());
        return data;
    }
}
