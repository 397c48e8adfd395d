package cn.egov.kiosk.device.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code driver: serial-scanner} as configuration checks it, through the registry. */
class SerialScannerDriverProviderTest {
    private final DriverRegistry registry = DriverRegistry.load();

    private static DeviceSpec spec(String connection, Map<String, String> options) {
        return new DeviceSpec("qr-scanner", DeviceClass.BARCODE_SCANNER, "serial-scanner", connection, options);
    }

    @Test
    void serialAndTcpConnectionsWithTheirOptionsAreValid() {
        assertThat(registry.validate(spec("serial:/dev/ttyACM0?baud=9600", Map.of())))
                .isEmpty();
        assertThat(registry.validate(spec(
                        "tcp:192.168.10.30:4001", Map.of("endGapMs", "80", "maxLength", "4096", "charset", "GB18030"))))
                .isEmpty();
    }

    @Test
    void theDeviceIsBuiltWithTheOptions() {
        Device device = registry.create(
                spec("serial:/dev/ttyACM0?baud=9600", Map.of("endGapMs", "80", "charset", "GB18030")),
                DeviceContext.ephemeral());

        assertThat(device).isInstanceOf(SerialScanner.class).isInstanceOf(BarcodeScanner.class);
        SerialScanner scanner = (SerialScanner) device;
        assertThat(scanner.options())
                .isEqualTo(new SerialScanner.Options(Duration.ofMillis(80), 1024, Charset.forName("GB18030")));
        assertThat(scanner.connection()).isEqualTo("serial:/dev/ttyACM0@9600");
        assertThat(scanner.driverName()).isEqualTo("serial-scanner");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sim:              | connection | serial: or tcp: (a scanner that types like a keyboard is driver: wedge; a simulated one driver: sim)",
                "file:/dev/hidraw0 | connection | serial: or tcp: (a scanner that types like a keyboard is driver: wedge; a simulated one driver: sim)",
                "keyboard:         | connection | serial:, tcp:, file: or sim: at the start of the connection, not \"keyboard:\"",
            })
    void aConnectionAScannerCannotUseSaysWhatItCan(String connection, String key, String expected) {
        assertThat(registry.validate(spec(connection, Map.of())))
                .containsExactly(new SpecProblem(key, expected, connection));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "endGapMs  | 5      | a whole number from 20 to 5000",
                "maxLength | 100000 | a whole number from 16 to 8192",
                "charset   | GBK    | one of [UTF-8, GB18030]",
                "charset   | utf8   | one of [UTF-8, GB18030]",
            })
    void aBadOptionSaysWhatWasExpected(String option, String value, String expected) {
        assertThat(registry.validate(spec("serial:/dev/ttyACM0", Map.of(option, value))))
                .containsExactly(new SpecProblem("options." + option, expected, value));
    }

    @Test
    void anUnknownOptionListsTheKnownOnes() {
        assertThat(registry.validate(spec("serial:/dev/ttyACM0", Map.of("suffix", "crlf"))))
                .containsExactly(new SpecProblem("options.suffix", "one of [charset, endGapMs, maxLength]", "suffix"));
    }
}
