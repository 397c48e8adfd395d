package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkSpecTest {

    @Test
    void serialWithParameters() {
        LinkSpec spec = LinkSpec.parse("serial:/dev/ttyUSB0?baud=9600&dataBits=7&parity=even&stopBits=2");

        assertThat(spec.scheme()).isEqualTo(LinkSpec.Scheme.SERIAL);
        assertThat(spec.target()).isEqualTo("/dev/ttyUSB0");
        assertThat(spec.params()).isEqualTo(Map.of("baud", "9600", "dataBits", "7", "parity", "even", "stopBits", "2"));
        assertThat(spec.intParam("baud", 115200)).isEqualTo(9600);
        assertThat(spec.param("parity", "none")).isEqualTo("even");
    }

    @Test
    void serialWithoutParametersUsesTheDefaults() {
        LinkSpec spec = LinkSpec.parse("serial:/dev/ttyS1");

        assertThat(spec.scheme()).isEqualTo(LinkSpec.Scheme.SERIAL);
        assertThat(spec.target()).isEqualTo("/dev/ttyS1");
        assertThat(spec.params()).isEmpty();
        assertThat(spec.intParam("baud", 115200)).isEqualTo(115200);
        assertThat(spec.param("parity", "none")).isEqualTo("none");
    }

    @Test
    void tcpHostPortAndParameters() {
        LinkSpec spec = LinkSpec.parse("tcp:192.168.1.50:9100?connectTimeoutMs=3000");

        assertThat(spec.scheme()).isEqualTo(LinkSpec.Scheme.TCP);
        assertThat(spec.target()).isEqualTo("192.168.1.50:9100");
        assertThat(spec.host()).isEqualTo("192.168.1.50");
        assertThat(spec.port()).isEqualTo(9100);
        assertThat(spec.intParam("connectTimeoutMs", 1)).isEqualTo(3000);
    }

    @Test
    void tcpWithAHostName() {
        LinkSpec spec = LinkSpec.parse("tcp:printer.hall.local:9100");

        assertThat(spec.host()).isEqualTo("printer.hall.local");
        assertThat(spec.port()).isEqualTo(9100);
        assertThat(spec.params()).isEmpty();
    }

    @Test
    void deviceFile() {
        LinkSpec spec = LinkSpec.parse("file:/dev/usb/lp0");

        assertThat(spec.scheme()).isEqualTo(LinkSpec.Scheme.FILE);
        assertThat(spec.target()).isEqualTo("/dev/usb/lp0");
    }

    @Test
    void simulatorNeedsNoTarget() {
        LinkSpec spec = LinkSpec.parse("sim:");

        assertThat(spec.scheme()).isEqualTo(LinkSpec.Scheme.SIM);
        assertThat(spec.target()).isEmpty();
        assertThat(spec.params()).isEmpty();
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(LinkSpec.parse("SERIAL:/dev/ttyS0").scheme()).isEqualTo(LinkSpec.Scheme.SERIAL);
    }

    @Test
    void emptyParameterPairsAreIgnored() {
        assertThat(LinkSpec.parse("serial:/dev/ttyS0?&baud=9600&").params()).isEqualTo(Map.of("baud", "9600"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "serial:/dev/ttyUSB0?baud=9600&parity=odd",
                "tcp:10.0.0.7:9100?connectTimeoutMs=500",
                "file:/dev/usb/lp0",
                "sim:"
            })
    void toStringParsesBackToTheSameSpec(String text) {
        LinkSpec spec = LinkSpec.parse(text);

        assertThat(LinkSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankConnectionSaysWhatAConnectionLooksLike(String text) {
        assertThatThrownBy(() -> LinkSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a connection such as serial:/dev/ttyUSB0, tcp:HOST:PORT, file:/dev/usb/lp0 or sim:");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ttyUSB0              | a connection that starts with serial:, tcp:, file: or sim:, not \"ttyUSB0\"",
                "usb:/dev/x           | serial:, tcp:, file: or sim: at the start of the connection, not \"usb:\"",
                "serial:              | a path or address after \"serial:\"",
                "file:?x=1            | a path or address after \"file:\"",
                "tcp:printer          | tcp:HOST:PORT, not \"tcp:printer\"",
                "tcp::9100            | tcp:HOST:PORT, not \"tcp::9100\"",
                "tcp:printer:0        | a TCP port from 1 to 65535, not \"0\"",
                "tcp:printer:65536    | a TCP port from 1 to 65535, not \"65536\"",
                "tcp:printer:http     | a TCP port from 1 to 65535, not \"http\"",
                "serial:/dev/x?baud   | name=value parameters in the connection, not \"baud\"",
                "serial:/dev/x?=9600  | name=value parameters in the connection, not \"=9600\"",
            })
    void badConnectionsSayWhatWasExpected(String text, String expected) {
        assertThatThrownBy(() -> LinkSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }

    @Test
    void aParameterThatIsNotANumber() {
        LinkSpec spec = LinkSpec.parse("serial:/dev/ttyS0?baud=fast");

        assertThatThrownBy(() -> spec.intParam("baud", 9600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a whole number for \"baud\" in the connection, not \"fast\"");
    }

    // ---- Links.create ----------------------------------------------------------------------------

    @Test
    void linksCreatesTheTransportTheSpecNames() {
        assertThat(Links.create(LinkSpec.parse("serial:/dev/ttyS3?baud=9600")))
                .isInstanceOf(SerialLink.class)
                .extracting(ByteLink::describe)
                .isEqualTo("serial:/dev/ttyS3@9600");
        assertThat(Links.create(LinkSpec.parse("tcp:10.1.2.3:9100")))
                .isInstanceOf(TcpLink.class)
                .extracting(ByteLink::describe)
                .isEqualTo("tcp:10.1.2.3:9100");
        assertThat(Links.create(LinkSpec.parse("file:/dev/usb/lp0")))
                .isInstanceOf(FileLink.class)
                .extracting(ByteLink::describe)
                .isEqualTo("file:/dev/usb/lp0");
    }

    @Test
    void linksCreatesClosedLinks() {
        ByteLink link = Links.create(LinkSpec.parse("serial:/dev/ttyS3"));

        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void simHasNoLink() {
        assertThatThrownBy(() -> Links.create(LinkSpec.parse("sim:")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in-process simulator");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "serial:/dev/x?parity=mark   | parity none, odd or even, not \"mark\"",
                "serial:/dev/x?baud=50       | a baud rate from 300 to 4000000, not 50",
                "serial:/dev/x?dataBits=9    | 5 to 8 data bits, not 9",
                "serial:/dev/x?stopBits=3    | 1 or 2 stop bits, not 3",
                "tcp:h:1?connectTimeoutMs=x  | a whole number for \"connectTimeoutMs\" in the connection, not \"x\"",
            })
    void badSerialSettingsSayWhatWasExpected(String text, String expected) {
        assertThatThrownBy(() -> Links.create(LinkSpec.parse(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }
}
