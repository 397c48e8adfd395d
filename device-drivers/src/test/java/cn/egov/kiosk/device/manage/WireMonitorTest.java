package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.scanner.serial.ScannerFrameMasker;
import cn.egov.kiosk.device.sim.SimulatedIdCardReader;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor's lines on the demo's simulated reader (the real SAM driver over a pipe). */
class WireMonitorTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);
    private final SimulatorRegistry simulators = new SimulatorRegistry();
    private DeviceManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
    }

    private List<WireMonitor.Line> readACard(boolean showPersonalData) throws Exception {
        manager = new DeviceManager(
                List.of(new DeviceSpec("id-reader", DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of())),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), simulators),
                Backoff.DEFAULT);
        List<WireMonitor.Line> lines = new ArrayList<>();
        try (WireMonitor monitor = manager.monitor("id-reader", showPersonalData)) {
            assertThat(monitor.masked()).isEqualTo(!showPersonalData);
            manager.start();
            Await.until(() -> manager.health().allHealthy(), SAFETY, "the reader healthy");
            ((SimulatedIdCardReader) simulators.find("id-reader").orElseThrow()).place(DemoCards.resident());
            manager.first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                    .orElseThrow()
                    .read(SAFETY);
            Thread.sleep(200);
            lines.addAll(monitor.drain());
            assertThat(monitor.dropped()).isZero();
        }
        return lines;
    }

    @Test
    void linesShowTimeArrowHexAndTextWithTheCardMasked() throws Exception {
        List<WireMonitor.Line> lines = readACard(false);
        List<String> text = lines.stream()
                .map(l -> l.format(ZoneOffset.UTC, Locale.CHINESE))
                .toList();
        assertThat(text).anyMatch(s -> s.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} → AA AA AA 96 69 .*"));
        assertThat(text).anyMatch(s -> s.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ← AA AA AA 96 69 .*"));
        assertThat(String.join("\n", text)).contains("[文字 256 字节 已遮蔽]").contains("[照片 1024 字节 已遮蔽]");
        assertThat(lines)
                .allSatisfy(l -> assertThat(l.parts().stream()
                                .filter(p -> !p.isHidden())
                                .map(p -> new String(p.bytes(), StandardCharsets.UTF_16LE))
                                .toList())
                        .noneMatch(s -> s.contains(DemoCards.resident().number())));
    }

    @Test
    void askedForThePersonalDataTheBytesAreAllShown() throws Exception {
        List<WireMonitor.Line> lines = readACard(true);
        assertThat(lines).allSatisfy(l -> assertThat(l.parts()).noneMatch(FrameMasker.Part::isHidden));
        assertThat(lines.stream().mapToInt(WireMonitor.Line::length).sum()).isGreaterThan(1295);
    }

    @Test
    void aScannersCodesShowOnlyTheirLength() {
        List<FrameMasker.Part> parts = new ScannerFrameMasker()
                .mask(WireTap.Direction.IN, "281234567890123456\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).kind().label(parts.get(0).count(), Locale.CHINESE))
                .isEqualTo("[码 18 字节 已遮蔽]");
        assertThat(parts.get(1).bytes()).containsExactly('\r', '\n');
    }

    @Test
    void everyClassHasAMasker() {
        for (DeviceClass c : DeviceClass.values()) {
            assertThat(FrameMaskers.of(c)).isNotNull();
        }
    }
}
