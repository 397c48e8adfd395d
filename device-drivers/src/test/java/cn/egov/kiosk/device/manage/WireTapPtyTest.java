package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.link.WireTapQueue;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.SamOnPty;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire tap on a real serial line: the SAM driver (the device manager's, polling as in a hall)
 * on one end of a socat pseudo-terminal pair, the virtual reader on the other; a tap attached
 * through the manager sees both directions, stays across a pulled cable, and costs the driver
 * nothing when it is slow or full.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WireTapPtyTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);
    private static final String SAM_HEADER = "aaaaaa9669";

    @TempDir
    Path dir;

    private SamOnPty line;
    private VirtualSamReader virtual;
    private DeviceManager manager;

    @BeforeEach
    void wire() throws Exception {
        line = SamOnPty.start(dir, "virtual-sam-pty");
        virtual = line.virtual();
        manager = line.manager(new Backoff(Duration.ofMillis(50), Duration.ofMillis(300)));
    }

    @AfterEach
    void unwire() {
        manager.close();
        line.close();
    }

    private static String hex(List<WireTapQueue.Chunk> chunks, WireTap.Direction direction) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (WireTapQueue.Chunk c : chunks) {
            if (c.direction() == direction) {
                all.writeBytes(c.data());
            }
        }
        return HexFormat.of().formatHex(all.toByteArray());
    }

    private static void collect(WireTapQueue queue, List<WireTapQueue.Chunk> into, Duration during)
            throws InterruptedException {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            WireTapQueue.Chunk c = queue.poll(Duration.ofMillis(50));
            if (c != null) {
                into.add(c);
            }
        }
    }

    @Test
    void aTapSetBeforeTheDeviceOpensSeesBothDirectionsAndACardRead() throws Exception {
        assertThat(manager.tappable("id-reader")).isTrue();
        WireTapQueue queue = new WireTapQueue(10_000);
        List<WireTapQueue.Chunk> chunks = new ArrayList<>();
        try (AutoCloseable tap = manager.tap("id-reader", queue)) {
            manager.start();
            Await.until(() -> manager.health().allHealthy(), SAFETY, "the reader healthy");
            virtual.place(DemoCards.resident());
            IdCardReader reader = manager.first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                    .orElseThrow();
            reader.read(SAFETY);
            collect(queue, chunks, Duration.ofMillis(300));
        }
        String out = hex(chunks, WireTap.Direction.OUT);
        String in = hex(chunks, WireTap.Direction.IN);
        assertThat(out).startsWith(SAM_HEADER);
        assertThat(in).startsWith(SAM_HEADER);
        // the read's answer: text 256 and photo 1024 bytes follow the header, length and status
        assertThat(in.length() / 2).isGreaterThan(1295);
        assertThat(chunks).allSatisfy(c -> assertThat(c.at()).isNotNull());
        assertThat(queue.dropped()).isZero();

        // closed: nothing more arrives
        queue.drain();
        Thread.sleep(400);
        assertThat(queue.drain()).isEmpty();
    }

    @Test
    void theTapStaysWhileTheCableIsPulledAndPluggedBack() throws Exception {
        manager.start();
        Await.until(() -> manager.health().allHealthy(), SAFETY, "the reader healthy");
        WireTapQueue queue = new WireTapQueue(10_000);
        try (AutoCloseable tap = manager.tap("id-reader", queue)) {
            Await.until(() -> !queue.drain().isEmpty(), SAFETY, "the polling seen");
            line.pull();
            Await.until(
                    () -> manager.health()
                            .get("id-reader")
                            .orElseThrow()
                            .problem()
                            .isPresent(),
                    SAFETY,
                    "the reader out of service");
            line.plugBackIn();
            Await.until(() -> manager.health().allHealthy(), SAFETY, "the reader back");
            queue.drain();
            List<WireTapQueue.Chunk> after = new ArrayList<>();
            collect(queue, after, Duration.ofMillis(600));
            assertThat(hex(after, WireTap.Direction.OUT)).contains(SAM_HEADER);
            assertThat(hex(after, WireTap.Direction.IN)).contains(SAM_HEADER);
        }
    }

    @Test
    void aFullQueueDropsAndCountsAndAFailingTapIsRemovedWithoutHarmToTheDriver() throws Exception {
        WireTapQueue tiny = new WireTapQueue(2);
        AtomicInteger calls = new AtomicInteger();
        manager.tap("id-reader", tiny);
        manager.tap("id-reader", (d, data, off, len, at) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a broken tap");
        });
        manager.start();
        Await.until(() -> manager.health().allHealthy(), SAFETY, "the reader healthy");
        Await.until(() -> tiny.dropped() > 0, SAFETY, "chunks dropped");
        assertThat(tiny.drain()).hasSize(2);
        assertThat(calls.get()).isEqualTo(1);
        virtual.place(DemoCards.resident());
        assertThat(manager.first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                        .orElseThrow()
                        .read(SAFETY)
                        .number())
                .isEqualTo(DemoCards.resident().number());
        assertThat(tiny.droppedBytes()).isPositive();
    }

    @Test
    void anUnknownDeviceIsRefused() {
        assertThatThrownBy(() -> manager.tap("nobody", new WireTapQueue(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
        assertThat(manager.tappable("nobody")).isFalse();
    }
}
