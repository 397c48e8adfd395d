package cn.egov.kiosk.device.smartcard.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration of {@code driver: pcsc}; needs no pcscd. */
class PcscDriverProviderTest {
    private final DriverRegistry registry = DriverRegistry.load();

    private static DeviceSpec spec(String connection, Map<String, String> options) {
        return new DeviceSpec("card-reader", DeviceClass.SMART_CARD_READER, "pcsc", connection, options);
    }

    @Test
    void theDriverIsFoundThroughTheServiceLoader() {
        assertThat(registry.find("pcsc")).get().isInstanceOf(PcscDriverProvider.class);
        assertThat(registry.find("pcsc").orElseThrow().deviceClasses()).containsExactly(DeviceClass.SMART_CARD_READER);
        assertThat(registry.find("pcsc").orElseThrow().simulatesHardware()).isFalse();
    }

    @Test
    void anyReaderOrANamedOneIsAValidConnection() {
        assertThat(registry.validate(spec("pcsc:", Map.of()))).isEmpty();
        assertThat(registry.validate(spec("pcsc:Virtual PCD 00 00", Map.of("pollMs", "250"))))
                .isEmpty();
        assertThat(registry.validate(spec("PCSC:ACS ACR39U", Map.of()))).isEmpty();
    }

    @Test
    void otherConnectionsAndBadOptionsAreProblems() {
        List<SpecProblem> serial = registry.validate(spec("serial:/dev/ttyUSB0", Map.of()));
        assertThat(serial).extracting(SpecProblem::key).containsExactly("connection");
        assertThat(serial.get(0).expected()).contains("pcsc:");

        assertThat(registry.validate(spec("pcsc:reader?pollMs=100", Map.of())))
                .extracting(SpecProblem::key)
                .containsExactly("connection");
        assertThat(registry.validate(spec("pcsc:", Map.of("pollMs", "10"))))
                .containsExactly(new SpecProblem("options.pollMs", "a whole number from 50 to 10000", "10"));
        assertThat(registry.validate(spec("pcsc:", Map.of("baud", "9600"))))
                .containsExactly(new SpecProblem("options.baud", "one of [pollMs]", "baud"));
    }

    @Test
    void theDeviceIsBuiltClosedWithItsConnection() {
        Device device = registry.create(spec("pcsc:Virtual PCD 00 00", Map.of()), DeviceContext.ephemeral());

        assertThat(device).isInstanceOf(PcscSmartCardReader.class);
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(device.driverName()).isEqualTo("pcsc");
        assertThat(device.connection()).isEqualTo("pcsc:Virtual PCD 00 00");
        assertThat(PcscSmartCardReader.readerFilter("pcsc:")).isEmpty();
    }
}
