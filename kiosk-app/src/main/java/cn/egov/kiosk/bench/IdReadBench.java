package cn.egov.kiosk.bench;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.runtime.KioskRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Label;

/**
 * Time from "card placed" (the virtual reader's event) to the masked identity handed to the
 * JavaFX thread, through the kiosk's own login service and the real SAM driver on a socat
 * pseudo-terminal at 115200 baud. The virtual reader sends its answers at the line rate, as a real
 * reader's UART does (a pseudo-terminal itself does not pace bytes).
 *
 * <p>Two parts, reported apart: the wait for the driver's next look at the reader (the polling
 * interval: a card placed just after a look waits for the next one), and the read from the look
 * that finds the card to the identity, against the time its bytes need on the wire (every command
 * and answer of the read, 10 bits a byte). Cards are placed at random moments of the poll cycle.
 */
final class IdReadBench {
    private static final int BAUD = 115200;
    /** The driver's default: the benchmark measures the kiosk as it comes. */
    private static final long POLL_MS =
            SamIdCardReader.Options.DEFAULTS.pollInterval().toMillis();
    /** How long the line is watched with no card and no read, for what polling costs it. */
    private static final Duration IDLE = Duration.ofSeconds(3);

    private final int reads;

    IdReadBench(int reads) {
        this.reads = reads;
    }

    List<Figure> run(Path scratch) throws ConfigException, InterruptedException {
        PtyPair pty;
        try {
            pty = PtyPair.start(scratch.resolve("pty"));
        } catch (IOException e) {
            return List.of(Figure.skipped("idcard.pty115200.placed-to-identity", e.getMessage()));
        }
        VirtualSamReader virtual = new VirtualSamReader();
        virtual.setLineRate(BAUD);
        virtual.serve(new SerialLink(pty.devicePath(), BAUD, 8, SerialLink.Parity.NONE, 1), "bench-virtual-reader");
        ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-login"));
        try (KioskRuntime runtime = runtime(scratch, pty.hostPath())) {
            SamIdCardReader reader = (SamIdCardReader) runtime.devices()
                    .first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                    .orElseThrow();
            AtomicLong foundNanos = new AtomicLong();
            AtomicLong bytesAtFound = new AtomicLong();
            virtual.onEvent(e -> {
                if (e.what().equals("found") && foundNanos.get() == 0) {
                    foundNanos.set(e.nanos());
                    bytesAtFound.set(reader.bytesExchanged());
                }
            });
            boolean fx = fxThread();
            List<IdCard> cards = List.of(DemoCards.resident(), DemoCards.foreign2023(), DemoCards.residencePermit());
            Random random = new Random(20261128);
            double[] total = new double[reads];
            double[] pollWait = new double[reads];
            double[] read = new double[reads];
            double[] wire = new double[reads];
            for (int i = -1; i < reads; i++) { // -1: a warm-up read, not counted
                foundNanos.set(0);
                CompletableFuture<Identity> login = CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return runtime.identities().readCard(Duration.ofSeconds(10));
                            } catch (Exception e) {
                                throw new IllegalStateException("the benchmark's login failed: " + e.getMessage(), e);
                            }
                        },
                        background);
                Thread.sleep(50 + random.nextInt((int) POLL_MS)); // a citizen places the card at any moment
                long placed = System.nanoTime();
                virtual.place(cards.get(Math.floorMod(i, cards.size())));
                Identity identity = login.get(15, TimeUnit.SECONDS);
                String masked = identity.maskedName() + " " + identity.maskedNumber();
                long shown = fx ? handOver(masked) : System.nanoTime();
                // from the find command's answer on (the command itself went out before the "found" moment)
                long bytes = reader.bytesExchanged() - bytesAtFound.get();
                identity.wipe();
                virtual.lift();
                awaitLifted(reader);
                if (i >= 0) {
                    total[i] = (shown - placed) / 1e6;
                    pollWait[i] = (foundNanos.get() - placed) / 1e6;
                    read[i] = (shown - foundNanos.get()) / 1e6;
                    wire[i] = bytes * 10.0 * 1000 / BAUD;
                }
            }
            // what polling alone costs the line: no card, no read waiting, only the driver's looks
            long idleBytes = reader.bytesExchanged();
            long idleStart = System.nanoTime();
            Thread.sleep(IDLE.toMillis());
            double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
            double lineShare = (reader.bytesExchanged() - idleBytes) * 10.0 / (idleSeconds * BAUD) * 100;
            String handOver = fx
                    ? "handed to the JavaFX thread"
                    : "ready for the screen (no JavaFX toolkit here: the hand-over to its thread is not included)";
            return List.of(
                    Figure.against(
                            "idcard.pty115200.placed-to-identity",
                            Stats.median(total),
                            Stats.median(wire),
                            "ms",
                            "card placed to masked identity " + handOver + ", median of " + reads + ", p95 "
                                    + String.format(Locale.ROOT, "%.1f", Stats.percentile(total, 95))
                                    + " ms; includes the poll wait (pollMs " + POLL_MS
                                    + "); baseline: the read's wire time at " + BAUD
                                    + " baud (target ratio at most 1.5)"),
                    Figure.of(
                            "idcard.pty115200.poll-line-share",
                            lineShare,
                            "%",
                            "share of the line's " + BAUD
                                    + " baud the driver's looks take with no card on the reader (every " + POLL_MS
                                    + " ms, " + IDLE.toSeconds() + " s watched; target under 5 %)"),
                    Figure.of(
                            "idcard.pty115200.poll-wait",
                            Stats.median(pollWait),
                            "ms",
                            "card placed to the driver's next look finding it; cards placed at random points of the "
                                    + POLL_MS + " ms poll cycle (max "
                                    + String.format(Locale.ROOT, "%.1f", Stats.percentile(pollWait, 100)) + " ms)"),
                    Figure.against(
                            "idcard.pty115200.found-to-identity",
                            Stats.median(read),
                            Stats.median(wire),
                            "ms",
                            "the look that finds the card to the masked identity: find answer, select, read text+photo, appended address ("
                                    + Math.round(Stats.median(wire) * BAUD / 10_000)
                                    + " bytes both ways); baseline: their wire time at " + BAUD
                                    + " baud, 10 bits a byte; ratio - 1 is the overhead above wire time (target under 0.20)"));
        } catch (ExecutionException | TimeoutException e) {
            return List.of(Figure.skipped("idcard.pty115200.placed-to-identity", "a read failed: " + e));
        } finally {
            background.shutdownNow();
            virtual.stop();
            pty.close();
        }
    }

    /** The JavaFX toolkit, where a display is: the identity is shown on its thread. */
    private static boolean fxThread() {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            return false;
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return true;
        } catch (RuntimeException | Error e) {
            return false;
        }
        try {
            return up.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Hands the masked text to the JavaFX thread, as the login screen does; when it ran there. */
    private static long handOver(String masked) throws InterruptedException {
        AtomicLong at = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            Label label = new Label();
            label.setText(masked);
            at.set(System.nanoTime());
            done.countDown();
        });
        done.await(5, TimeUnit.SECONDS);
        return at.get();
    }

    private static void awaitLifted(IdCardReader reader) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reader.conditions().contains(Condition.CARD_PRESENT) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static KioskRuntime runtime(Path dir, String port) throws ConfigException, InterruptedException {
        String yaml = """
        kiosk: {id: BENCH, hallName: {zh-CN: 演示区政务服务中心, en: Demo District Service Centre}, timeZone: Asia/Shanghai}
        storage: {database: kiosk.db, dataDir: data}
        queue: {businessTypes: [{code: A, name: {zh-CN: 综合受理, en: General services}}]}
        devices:
          id-reader: {class: id-card-reader, driver: sam, connection: "serial:%s?baud=%d"}
        """.formatted(port, BAUD);
        KioskRuntime runtime = new KioskRuntime(
                ConfigLoader.parse(yaml, dir.resolve("bench.yaml")),
                Clock.systemUTC(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        runtime.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!runtime.devices()
                .first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                .map(IdCardReader::isEnabled)
                .orElse(false)) {
            if (System.nanoTime() > deadline) {
                runtime.close();
                throw new IllegalStateException("the ID card reader did not come up for the benchmark");
            }
            Thread.sleep(10);
        }
        return runtime;
    }
}
