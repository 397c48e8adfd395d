package cn.egov.kiosk.device.scanner.wedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code driver: wedge}: configured, built, and fed as the kiosk's window feeds it. */
class WedgeScannerTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);

    private final DriverRegistry registry = DriverRegistry.load();
    private final RecordingListener events = new RecordingListener();
    private WedgeScanner scanner;

    private static DeviceSpec spec(String connection, Map<String, String> options) {
        return new DeviceSpec("qr-scanner", DeviceClass.BARCODE_SCANNER, "wedge", connection, options);
    }

    private WedgeScanner ready(Map<String, String> options) throws DeviceException {
        scanner = (WedgeScanner) registry.create(spec("keyboard:", options), DeviceContext.ephemeral());
        scanner.addListener(events);
        scanner.open();
        scanner.claim(Duration.ofSeconds(1));
        scanner.enable();
        return scanner;
    }

    @AfterEach
    void close() {
        if (scanner != null) {
            scanner.close();
        }
    }

    @Test
    void theKeyboardConnectionAndTheDetectorsOptionsAreValid() {
        assertThat(registry.validate(spec("keyboard:", Map.of()))).isEmpty();
        assertThat(registry.validate(spec("keyboard:", Map.of("maxGapMs", "50", "minLength", "8"))))
                .isEmpty();
        assertThat(registry.validate(spec("serial:/dev/ttyACM0", Map.of())))
                .containsExactly(new SpecProblem(
                        "connection",
                        "\"keyboard:\" (a wedge scanner types into the kiosk's window)",
                        "serial:/dev/ttyACM0"));
        assertThat(registry.validate(spec("keyboard:", Map.of("maxGapMs", "200"))))
                .containsExactly(new SpecProblem("options.maxGapMs", "a whole number from 10 to 150", "200"));
    }

    @Test
    void aTypedCodeIsADataEventAndWhatAWaitingScanGets() throws Exception {
        ready(Map.of("maxGapMs", "50", "minLength", "8"));
        assertThat(scanner.options()).isEqualTo(new BurstDetector.Options(Duration.ofMillis(50), 8));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return scanner.awaitScan(SAFETY).orElseThrow();
            } catch (DeviceException e) {
                throw new CompletionException(e);
            }
        });

        scanner.typed("6901234567892");

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("6901234567892");
        DeviceEvent.DataEvent data =
                events.awaitEvent(DeviceEvent.DataEvent.class, e -> true, SAFETY, "the data event");
        assertThat(data.payload()).isEqualTo("6901234567892");
        assertThat(scanner.statistics().get(DeviceStatistics.READS)).isEqualTo(1);
    }

    @Test
    void aDisabledScannerDropsWhatIsTypedAndAWaitingScanIsCancelled() throws Exception {
        ready(Map.of());
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return scanner.awaitScan(SAFETY).orElse("none");
            } catch (DeviceException e) {
                throw new CompletionException(e);
            }
        });
        while (!scanner.state().name().equals("BUSY")) {
            Thread.onSpinWait();
        }
        scanner.disable();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        scanner.typed("DROPPED-1");
        scanner.enable();
        assertThat(scanner.awaitScan(Duration.ofMillis(50))).isEmpty();
        assertThat(scanner.statistics().get(DeviceStatistics.READS)).isZero();
    }

    @Test
    void externalHealthSaysWhetherAWindowFeedsIt() throws Exception {
        ready(Map.of());

        assertThat(scanner.checkHealth(HealthLevel.EXTERNAL).healthy()).isTrue();
        assertThat(scanner.checkHealth(HealthLevel.EXTERNAL).text())
                .contains("a scan is 4+ characters less than 35 ms apart, then Enter")
                .contains("no window feeds it in this process");
        scanner.attachInput("the kiosk's window");
        assertThat(scanner.checkHealth(HealthLevel.EXTERNAL).text()).contains("keys from the kiosk's window");
        assertThat(scanner.connection()).isEqualTo("keyboard:");
    }
}
