package cn.egov.kiosk.device.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import cn.egov.kiosk.device.scanner.ScannerCode;
import cn.egov.kiosk.device.scanner.serial.VirtualLineScanner.Suffix;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The serial scanner as the kiosk configures it ({@code driver: serial-scanner} on a serial
 * connection, the device manager with the kiosk's own backoff), over a real pseudo-terminal pair
 * (socat + jSerialComm), a virtual scanner writing on the other end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialScannerPtyTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);
    private static final String PAYMENT_CODE = "134567890123456789";

    @TempDir
    Path dir;

    private PtyPair socat;
    private SerialLink deviceEnd;
    private DeviceManager manager;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void wire() throws Exception {
        plugIn();
        DeviceSpec spec = new DeviceSpec(
                "scanner",
                DeviceClass.BARCODE_SCANNER,
                "serial-scanner",
                "serial:" + socat.hostPath() + "?baud=9600",
                Map.of("maxLength", "64"));
        manager = new DeviceManager(
                List.of(spec),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()),
                Backoff.DEFAULT);
        manager.device("scanner").orElseThrow().addListener(events);
        manager.start();
        Await.until(
                () -> manager.health().allHealthy(),
                SAFETY,
                "the scanner healthy (" + manager.health().all() + ")");
    }

    /** The cable: a pty pair, and the scanner's end opened. */
    private void plugIn() throws Exception {
        socat = PtyPair.start(dir);
        deviceEnd = new SerialLink(socat.devicePath(), 9600, 8, SerialLink.Parity.NONE, 1);
        deviceEnd.open();
    }

    @AfterEach
    void unwire() {
        manager.close();
        deviceEnd.close();
        socat.close();
    }

    private BarcodeScanner scanner() {
        return manager.first(DeviceClass.BARCODE_SCANNER, BarcodeScanner.class).orElseThrow();
    }

    private VirtualLineScanner virtual(Suffix suffix) {
        return new VirtualLineScanner(deviceEnd, StandardCharsets.UTF_8, suffix);
    }

    private String next() throws DeviceException {
        return scanner().awaitScan(SAFETY).orElseThrow(() -> new AssertionError("no code within " + SAFETY));
    }

    private long failures() {
        return scanner().statistics().get(DeviceStatistics.FAILURES);
    }

    @Test
    void aCodeSplitAcrossWritesIsOneCodeAsAStringDataEvent() throws Exception {
        virtual(Suffix.CRLF).scanInPieces(PAYMENT_CODE, 4, Duration.ofMillis(20));

        assertThat(next()).isEqualTo(PAYMENT_CODE);
        DeviceEvent.DataEvent data =
                events.awaitEvent(DeviceEvent.DataEvent.class, e -> true, SAFETY, "the data event");
        assertThat(data.payload()).isEqualTo(PAYMENT_CODE);
        assertThat(scanner().statistics().get(DeviceStatistics.READS)).isEqualTo(1);
        assertThat(failures()).as("CRLF is one end: no empty line").isZero();
    }

    @Test
    void crLfAndCrlfScannersAllGiveOneCodePerScan() throws Exception {
        virtual(Suffix.CR).scan("CR-0001");
        virtual(Suffix.LF).scan("LF-0002");
        virtual(Suffix.CRLF).scan("https://zwfw.example.cn/e/3100?t=CRLF");
        virtual(Suffix.CRLF).scan("预约-0004");

        assertThat(List.of(next(), next(), next(), next()))
                .containsExactly("CR-0001", "LF-0002", "https://zwfw.example.cn/e/3100?t=CRLF", "预约-0004");
        assertThat(scanner().awaitScan(Duration.ofMillis(300))).isEmpty();
        assertThat(failures()).isZero();
    }

    @Test
    void aCodeWithoutALineEndIsDeliveredAfterTheQuietGap() throws Exception {
        long sent = System.nanoTime();
        virtual(Suffix.NONE).scan("NO-SUFFIX-42");

        assertThat(next()).isEqualTo("NO-SUFFIX-42");
        System.out.printf(
                "[scanner pty] a code without its end delivered %d ms after it was sent (endGapMs 150)%n",
                (System.nanoTime() - sent) / 1_000_000);
        assertThat(failures()).isZero();
    }

    @Test
    void garbageIsRejectedCountedAndPublishedAndTheNextGoodCodeStands() throws Exception {
        VirtualLineScanner scanner = virtual(Suffix.CRLF);
        scanner.send(new byte[] {0x00, (byte) 0xFF, 0x13, '\r', '\n'}); // noise with a line end
        scanner.scan("GOOD-1");
        assertThat(next()).isEqualTo("GOOD-1");
        assertThat(failures()).isEqualTo(1);

        scanner.send(new byte[] {'A', 0x07, 'B'}); // noise without a line end, well before the next scan
        Await.until(() -> failures() == 2, SAFETY, "the noise rejected after the quiet gap");
        scanner.scan("GOOD-2");
        assertThat(next()).isEqualTo("GOOD-2");

        Await.until(() -> events.dataPayloads().size() == 2, SAFETY, "the two data events");
        assertThat(events.events(DeviceEvent.ErrorEvent.class))
                .extracting(e -> e.error().extended().orElseThrow())
                .containsExactly(ScannerCode.BAD_ENCODING, ScannerCode.CONTROL_CHARACTER);
        assertThat(events.dataPayloads()).containsExactly("GOOD-1", "GOOD-2");
        assertThat(scanner().statistics().get(DeviceStatistics.READS)).isEqualTo(2);
    }

    @Test
    void aLineLongerThanMaxLengthIsRejectedAndTheNextCodeStands() throws Exception {
        VirtualLineScanner scanner = virtual(Suffix.LF);
        scanner.scan("9".repeat(200)); // maxLength 64
        scanner.scan("AFTER-LONG");

        assertThat(next()).isEqualTo("AFTER-LONG");
        assertThat(failures()).isEqualTo(1);
        events.awaitEvent(DeviceEvent.DataEvent.class, e -> true, SAFETY, "the data event");
        assertThat(events.events(DeviceEvent.ErrorEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.error().is(ScannerCode.LINE_TOO_LONG)).isTrue();
            assertThat(e.error().getMessage()).contains("200 bytes").doesNotContain("9999");
        });
    }

    @Test
    void noLogLineHoldsTheCodeEvenAtDebug() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("cn.egov.kiosk");
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try {
            virtual(Suffix.CR).scan(PAYMENT_CODE);
            assertThat(next()).isEqualTo(PAYMENT_CODE);
            virtual(Suffix.CR).scan(PAYMENT_CODE + "\u0007");
            Await.until(() -> failures() == 1, SAFETY, "the bad line rejected");
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        assertThat(appender.list)
                .as("the driver logged the code's length")
                .anyMatch(e -> e.getFormattedMessage().contains("a code of 18 characters"));
        assertThat(appender.list)
                .anyMatch(e -> e.getLevel() == Level.WARN
                        && e.getFormattedMessage().contains("control character U+0007 at character 19"));
        for (ILoggingEvent e : appender.list) {
            assertThat(e.getFormattedMessage()).doesNotContain("34567890");
        }
    }

    @Test
    void externalHealthReadsTheLink() throws Exception {
        assertThat(scanner().checkHealth(HealthLevel.EXTERNAL).healthy()).isTrue();
        assertThat(scanner().checkHealth(HealthLevel.INTERNAL).text())
                .contains("UTF-8")
                .contains("lines up to 64 bytes")
                .contains("end gap 150 ms");
    }

    @Test
    void pullingTheCableFailsTheWaitingScanTakesTheScannerOfflineAndItComesBackWithoutARestart() throws Exception {
        CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return scanner().awaitScan(SAFETY);
            } catch (DeviceException e) {
                throw new CompletionException(e);
            }
        });
        Await.until(() -> scanner().state() == DeviceState.BUSY, SAFETY, "the scan waiting");

        long pulled = System.nanoTime();
        deviceEnd.close();
        socat.kill();
        Await.until(
                () -> manager.health().get("scanner").orElseThrow().problem().isPresent(),
                SAFETY,
                "the scanner out of service");
        long noticedMs = (System.nanoTime() - pulled) / 1_000_000;
        assertThat(noticedMs).as("out of service noticed (ms)").isLessThan(2000);
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
                    assertThat(e.is(CommonCode.LINK_LOST)).isTrue();
                });
        assertThat(scanner().state()).isIn(DeviceState.OFFLINE, DeviceState.CLOSED);
        assertThat(events.statusNames()).contains("offline");

        Thread.sleep(1500); // out of service a while: the backoff has grown
        plugIn(); // the same paths again: the cable plugged back
        long back = System.nanoTime();
        Await.until(() -> manager.health().allHealthy(), SAFETY, "the scanner back in service");
        long backMs = (System.nanoTime() - back) / 1_000_000;
        assertThat(backMs).as("back in service (ms)").isLessThan(5000);

        virtual(Suffix.CRLF).scan("AFTER-REPLUG");
        assertThat(next()).isEqualTo("AFTER-REPLUG");
        assertThat(scanner().statistics().get(DeviceStatistics.RECONNECTS)).isGreaterThanOrEqualTo(1);
        System.out.printf(
                "[scanner pty] out of service %d ms after the cable was pulled, back %d ms after it returned%n",
                noticedMs, backMs);
    }
}
