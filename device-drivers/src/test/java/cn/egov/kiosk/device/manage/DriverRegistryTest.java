package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent.DataEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.printer.escpos.EscPosDriverProvider;
import cn.egov.kiosk.device.printer.escpos.EscPosPrinter;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import cn.egov.kiosk.device.sim.SimulatedIdCardReader;
import cn.egov.kiosk.device.sim.SimulatorDriverProvider;
import cn.egov.kiosk.device.testkit.RecordingListener;
import cn.egov.kiosk.device.testvendor.AcmeScannerProvider;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriverRegistryTest {
    private final DriverRegistry registry = DriverRegistry.load();

    private static DeviceSpec spec(
            DeviceClass deviceClass, String driver, String connection, Map<String, String> options) {
        return new DeviceSpec("dev-1", deviceClass, driver, connection, options);
    }

    private static DeviceSpec printer(String connection, Map<String, String> options) {
        return spec(DeviceClass.RECEIPT_PRINTER, "escpos", connection, options);
    }

    @Test
    void serviceLoaderFindsTheBuiltInDrivers() {
        assertThat(registry.find("sim")).get().isInstanceOf(SimulatorDriverProvider.class);
        assertThat(registry.find("escpos")).get().isInstanceOf(EscPosDriverProvider.class);
        assertThat(registry.find("sim").orElseThrow().deviceClasses()).containsExactlyInAnyOrder(DeviceClass.values());
        assertThat(registry.find("escpos").orElseThrow().deviceClasses()).containsExactly(DeviceClass.RECEIPT_PRINTER);
    }

    @Test
    void theTestClassPathMergesTheServiceFilesOfMainAndTest() throws IOException {
        List<URL> files = Collections.list(
                getClass().getClassLoader().getResources("META-INF/services/" + DeviceDriverProvider.class.getName()));

        assertThat(files).hasSize(2); // main's (target/classes) and the test vendor's (target/test-classes)
        assertThat(registry.all().keySet())
                .containsExactlyInAnyOrder(
                        "acme",
                        "acme-mispos",
                        "cups",
                        "escpos",
                        "pcsc",
                        "sam",
                        "serial-scanner",
                        "sim",
                        "wedge",
                        "zvt");
    }

    @Test
    void aValidSpecHasNoProblems() {
        assertThat(registry.validate(
                        printer("serial:/dev/ttyUSB0?baud=9600", Map.of("columns", "32", "pollMs", "5000"))))
                .isEmpty();
        assertThat(registry.validate(printer("tcp:192.168.1.50:9100", Map.of())))
                .isEmpty();
        assertThat(registry.validate(printer("file:/dev/usb/lp0", Map.of()))).isEmpty();
        assertThat(registry.validate(spec(DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of())))
                .isEmpty();
        assertThat(registry.validate(spec(DeviceClass.PAYMENT_TERMINAL, "sim", "sim:", Map.of("cardDelayMs", "0"))))
                .isEmpty();
    }

    @Test
    void anUnknownDriverListsTheKnownOnes() {
        List<SpecProblem> problems =
                registry.validate(spec(DeviceClass.RECEIPT_PRINTER, "zebra", "serial:/dev/ttyUSB0", Map.of()));

        assertThat(problems)
                .containsExactly(new SpecProblem(
                        "driver",
                        "one of [acme, acme-mispos, cups, escpos, pcsc, sam, serial-scanner, sim, wedge, zvt]",
                        "zebra"));
        assertThat(problems.get(0).describe())
                .isEqualTo(
                        "driver: expected one of [acme, acme-mispos, cups, escpos, pcsc, sam, serial-scanner, sim, wedge, zvt], found \"zebra\"");
    }

    @Test
    void aDriverForAnotherClass() {
        List<SpecProblem> problems =
                registry.validate(spec(DeviceClass.ID_CARD_READER, "escpos", "serial:/dev/ttyUSB0", Map.of()));

        assertThat(problems)
                .containsExactly(new SpecProblem(
                        "driver", "a driver for a id-card-reader (\"escpos\" drives [receipt-printer])", "escpos"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/dev/ttyUSB0             | a connection that starts with serial:, tcp:, file: or sim:, not \"/dev/ttyUSB0\"",
                "usb:/dev/x               | serial:, tcp:, file: or sim: at the start of the connection, not \"usb:\"",
                "sim:                     | serial:, tcp: or file: (for a simulated printer use driver: sim)",
                "tcp:printer              | tcp:HOST:PORT, not \"tcp:printer\"",
                "tcp:printer:99999        | a TCP port from 1 to 65535, not \"99999\"",
                "serial:/dev/x?parity=mark | parity none, odd or even, not \"mark\"",
                "serial:/dev/x?baud=fast  | a whole number for \"baud\" in the connection, not \"fast\"",
            })
    void aBadConnectionSaysWhatWasExpected(String connection, String expected) {
        assertThat(registry.validate(printer(connection, Map.of())))
                .containsExactly(new SpecProblem("connection", expected, connection));
    }

    @Test
    void aSimulatorNeedsTheSimConnection() {
        assertThat(registry.validate(spec(DeviceClass.BARCODE_SCANNER, "sim", "serial:/dev/ttyACM0", Map.of())))
                .containsExactly(new SpecProblem("connection", "sim: for a simulated device", "serial:/dev/ttyACM0"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "columns         | abc  | a whole number from 16 to 96",
                "columns         | 8    | a whole number from 16 to 96",
                "columns         | 200  | a whole number from 16 to 96",
                "statusTimeoutMs | 10   | a whole number from 50 to 10000",
                "jobTimeoutMs    | 500  | a whole number from 1000 to 120000",
                "pollMs          | 100  | a whole number from 200 to 60000",
            })
    void aBadOptionSaysWhatWasExpected(String option, String value, String expected) {
        assertThat(registry.validate(printer("serial:/dev/ttyUSB0", Map.of(option, value))))
                .containsExactly(new SpecProblem("options." + option, expected, value));
    }

    @Test
    void anUnknownOptionListsTheKnownOnes() {
        assertThat(registry.validate(printer("serial:/dev/ttyUSB0", Map.of("colour", "red"))))
                .containsExactly(new SpecProblem(
                        "options.colour", "one of [columns, jobTimeoutMs, pollMs, statusTimeoutMs]", "colour"));
        assertThat(registry.validate(spec(DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of("speed", "1"))))
                .containsExactly(new SpecProblem(
                        "options.speed",
                        "one of [appendedAddress, commandTimeoutMs, fingerprint, pollMs, readTimeoutMs]",
                        "speed"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(registry.validate(printer("tcp:printer", Map.of("columns", "wide", "colour", "red"))))
                .extracting(SpecProblem::key)
                .containsExactly("connection", "options.columns", "options.colour");
    }

    @Test
    void createBuildsAClosedDevice() {
        Device device = registry.create(
                printer("serial:/dev/ttyUSB9?baud=9600", Map.of("columns", "32")), DeviceContext.ephemeral());

        assertThat(device).isInstanceOf(EscPosPrinter.class);
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(device.id()).isEqualTo("dev-1");
        assertThat(device.driverName()).isEqualTo("escpos");
        assertThat(device.connection()).isEqualTo("serial:/dev/ttyUSB9@9600");
        assertThat(((EscPosPrinter) device).columns()).isEqualTo(32);
    }

    @Test
    void createRegistersSimulators() {
        DeviceContext context = DeviceContext.ephemeral();

        Device device = registry.create(spec(DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of()), context);

        // the real SAM driver, with the virtual reader at the far end of its cable as the simulator
        assertThat(device).isInstanceOf(SamIdCardReader.class);
        assertThat(context.simulators().find("dev-1", SimulatedIdCardReader.class))
                .isPresent();
        context.simulators().closeAll();
    }

    @Test
    void createRefusesAnInvalidSpecWithTheFirstProblem() {
        assertThatThrownBy(() -> registry.create(
                        printer("serial:/dev/ttyUSB0", Map.of("columns", "0")), DeviceContext.ephemeral()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device dev-1: options.columns: expected a whole number from 16 to 96, found \"0\"");
    }

    @Test
    void twoDifferentDriversWithOneNameAreRefused() {
        DeviceDriverProvider impostor = new DeviceDriverProvider() {
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
                return List.of();
            }

            @Override
            public Device create(DeviceSpec spec, DeviceContext context) {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> new DriverRegistry(List.of(new EscPosDriverProvider(), impostor)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two device drivers are called \"escpos\"");
    }

    // ---- a vendor's plug-in ----------------------------------------------------------------------

    @Test
    void aVendorDriverOnTheClassPathIsFoundAndBuiltWithNoChangeToTheKiosk() throws DeviceException {
        DeviceSpec acme = spec(DeviceClass.BARCODE_SCANNER, "acme", "acme:SN0042", Map.of("beepVolume", "3"));

        assertThat(registry.validate(acme)).isEmpty();
        Device device = registry.create(acme, DeviceContext.ephemeral());

        assertThat(device).isInstanceOf(AcmeScannerProvider.AcmeScanner.class).isInstanceOf(BarcodeScanner.class);
        AcmeScannerProvider.AcmeScanner scanner = (AcmeScannerProvider.AcmeScanner) device;
        assertThat(scanner.driverName()).isEqualTo("acme");
        assertThat(scanner.connection()).isEqualTo("acme:SN0042");
        assertThat(scanner.beepVolume()).isEqualTo(3);

        RecordingListener events = new RecordingListener();
        scanner.addListener(events);
        scanner.open();
        scanner.claim(Duration.ofSeconds(1));
        scanner.enable();
        try {
            scanner.deliver("6901234567892");
            assertThat(scanner.awaitScan(Duration.ofSeconds(1))).contains("6901234567892");
            events.awaitEvent(DataEvent.class, e -> true, Duration.ofSeconds(5), "the scan event");
            assertThat(events.dataPayloads()).containsExactly("6901234567892");
        } finally {
            scanner.close();
        }
    }

    @Test
    void aVendorDriverValidatesItsOwnSpec() {
        assertThat(registry.validate(
                        spec(DeviceClass.BARCODE_SCANNER, "acme", "serial:/dev/ttyACM0", Map.of("beepVolume", "11"))))
                .containsExactly(
                        new SpecProblem("connection", "acme:SERIALNUMBER", "serial:/dev/ttyACM0"),
                        new SpecProblem("options.beepVolume", "a whole number from 0 to 10", "11"));
        assertThat(registry.validate(spec(DeviceClass.RECEIPT_PRINTER, "acme", "acme:SN0042", Map.of())))
                .extracting(SpecProblem::key)
                .containsExactly("driver");
    }
}
