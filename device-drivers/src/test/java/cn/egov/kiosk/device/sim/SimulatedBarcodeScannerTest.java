package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedBarcodeScannerTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);

    private final SimulatedBarcodeScanner scanner =
            new SimulatedBarcodeScanner("scanner", StatisticsStore.NONE, Clock.systemUTC());
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void ready() throws DeviceException {
        scanner.addListener(events);
        scanner.open();
        scanner.claim(Duration.ofSeconds(1));
        scanner.enable();
    }

    @AfterEach
    void close() {
        scanner.close();
    }

    @Test
    void aScanIsADataEventOnTheEventThread() {
        scanner.apply("scan", "https://zwfw.example.cn/e/3100");

        DeviceEvent.DataEvent event = events.awaitEvent(DeviceEvent.DataEvent.class, e -> true, SAFETY, "the scan");
        assertThat(event.payload()).isEqualTo("https://zwfw.example.cn/e/3100");
        assertThat(events.received())
                .filteredOn(r -> r.event() instanceof DeviceEvent.DataEvent)
                .extracting(RecordingListener.Received::threadName)
                .containsExactly("device-scanner-events");
        assertThat(scanner.statistics().get(DeviceStatistics.READS)).isEqualTo(1);
    }

    @Test
    void awaitScanReturnsTheCodesInOrder() throws DeviceException {
        scanner.apply("scan", "A");
        scanner.apply("scan", "B");

        assertThat(scanner.awaitScan(Duration.ofMillis(10))).contains("A");
        assertThat(scanner.awaitScan(Duration.ofMillis(10))).contains("B");
        assertThat(scanner.awaitScan(Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void aDisabledScannerReportsNothing() throws DeviceException {
        scanner.apply("scan", "before");
        scanner.disable();
        scanner.apply("scan", "while disabled");
        scanner.enable();
        scanner.apply("scan", "after");

        assertThat(scanner.awaitScan(Duration.ofMillis(10))).contains("after");
        events.awaitEvent(DeviceEvent.DataEvent.class, e -> e.payload().equals("after"), SAFETY, "the last scan");
        assertThat(events.dataPayloads()).containsExactly("before", "after");
    }

    @Test
    void scanNeedsACode() {
        assertThatThrownBy(() -> scanner.apply("scan", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scan needs the code");
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThatThrownBy(() -> scanner.apply("beep"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator command \"beep\"");
    }
}
