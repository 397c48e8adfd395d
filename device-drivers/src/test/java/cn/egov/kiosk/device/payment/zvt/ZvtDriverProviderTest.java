package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.LinkSpec;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code driver: zvt} as configuration checks it, through the registry. */
class ZvtDriverProviderTest {
    private final DriverRegistry registry = DriverRegistry.load();

    private static DeviceSpec spec(String connection, Map<String, String> options) {
        return new DeviceSpec("pos", DeviceClass.PAYMENT_TERMINAL, "zvt", connection, options);
    }

    @Test
    void serialAndTcpConnectionsWithTheirOptionsAreValid() {
        assertThat(registry.validate(spec("serial:/dev/ttyS1", Map.of()))).isEmpty();
        assertThat(registry.validate(spec(
                        "tcp:192.168.10.30:20007",
                        Map.of("password", "123456", "t3Ms", "5000", "t4Ms", "180000", "charset", "GB18030"))))
                .isEmpty();
    }

    @Test
    void theDeviceIsBuiltWithItsOptionsAndZvtsSerialDefaults() {
        Device device = registry.create(
                spec("serial:/dev/ttyS1", Map.of("password", "123456", "t4Ms", "60000")), DeviceContext.ephemeral());

        assertThat(device).isInstanceOf(ZvtPaymentTerminal.class).isInstanceOf(PaymentTerminal.class);
        ZvtPaymentTerminal pos = (ZvtPaymentTerminal) device;
        assertThat(pos.options())
                .isEqualTo(new ZvtPaymentTerminal.Options(
                        "123456",
                        156,
                        0xBA,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(5),
                        Charset.forName("ISO-8859-1")));
        assertThat(pos.connection()).isEqualTo("serial:/dev/ttyS1@9600 (ZVT)");
        assertThat(pos.driverName()).isEqualTo("zvt");
        assertThat(registry.create(spec("tcp:127.0.0.1:20007", Map.of()), DeviceContext.ephemeral())
                        .connection())
                .isEqualTo("tcp:127.0.0.1:20007 (ZVT over TCP)");
    }

    @Test
    void aSerialLineIs9600With8DataBitsAndTwoStopBitsUnlessTheConnectionSays() {
        SerialLink plain = (SerialLink) ZvtDriverProvider.link(LinkSpec.parse("serial:/dev/ttyS1"));
        assertThat(plain.baud()).isEqualTo(9600);
        assertThat(plain.bitsPerByte()).as("start, 8 data, no parity, 2 stop").isEqualTo(11);

        SerialLink even = (SerialLink) ZvtDriverProvider.link(LinkSpec.parse("serial:/dev/ttyS1?parity=even"));
        assertThat(even.bitsPerByte()).as("start, 8 data, even parity, 2 stop").isEqualTo(12);

        SerialLink fast = (SerialLink) ZvtDriverProvider.link(LinkSpec.parse("serial:COM3?baud=115200&stopBits=1"));
        assertThat(fast.baud()).isEqualTo(115_200);
        assertThat(fast.bitsPerByte()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sim:           | serial: or tcp: (a simulated terminal is driver: sim)",
                "file:/dev/pos0 | serial: or tcp: (a simulated terminal is driver: sim)",
            })
    void aConnectionATerminalCannotUseSaysWhatItCan(String connection, String expected) {
        assertThat(registry.validate(spec(connection, Map.of())))
                .containsExactly(new SpecProblem("connection", expected, connection));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "password        | 12345    | six digits",
                "password        | 12345a   | six digits",
                "currency        | 1000     | a whole number from 1 to 999",
                "t3Ms            | 50       | a whole number from 100 to 30000",
                "t4Ms            | 10000000 | a whole number from 500 to 600000",
                "answerTimeoutMs | 0        | a whole number from 100 to 60000",
                "configByte      | 256      | a whole number from 0 to 255",
                "charset         | GBK      | one of [ISO-8859-1, GB18030, UTF-8]",
            })
    void aBadOptionSaysWhatWasExpected(String option, String value, String expected) {
        assertThat(registry.validate(spec("serial:/dev/ttyS1", Map.of(option, value))))
                .containsExactly(new SpecProblem("options." + option, expected, value));
    }

    @Test
    void anUnknownOptionListsTheKnownOnes() {
        assertThat(registry.validate(spec("serial:/dev/ttyS1", Map.of("baud", "9600"))))
                .containsExactly(new SpecProblem(
                        "options.baud",
                        "one of [answerTimeoutMs, charset, configByte, currency, password, t3Ms, t4Ms]",
                        "baud"));
    }
}
