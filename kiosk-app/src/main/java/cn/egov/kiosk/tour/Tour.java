package cn.egov.kiosk.tour;

import cn.egov.kiosk.app.UiWiring;
import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.config.Storage;
import cn.egov.kiosk.config.Ui;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk-through: the kiosk's real screens on a demo configuration (simulated devices, the
 * embedded platform), in a scratch data folder, on a headless screen; each flow walked as a
 * citizen would, then what it did is reported: the screens passed (photographed and timed), the
 * taps, what the platform received, what came out of the printers (the text read back from the
 * ESC/POS bytes or from the PDF).
 */
final class Tour {
    private static final Logger log = LoggerFactory.getLogger(Tour.class);
    /**
     * The screen the tour draws on: full HD, as the hall's kiosks (the launcher makes the headless
     * screen so); a smaller headless screen (a test's) is used whole.
     */
    static final int WIDTH = 1920;

    static final int HEIGHT = 1080;

    /** How long a flow's last upload may take to reach the platform before the count is taken. */
    private static final Duration UPLOAD_WAIT = Duration.ofSeconds(15);

    private final KioskConfig config;
    private final Path out;
    private final Locale locale;
    private final int width;
    private final int height;
    private volatile Theme.Legible limits;

    Tour(KioskConfig demo, Path scratch, Path out, String theme, Locale locale) {
        this(demo, scratch, out, theme, locale, WIDTH, HEIGHT);
    }

    /** A tour on a window of {@code width} x {@code height} (cut to the screen's size). */
    Tour(KioskConfig demo, Path scratch, Path out, String theme, Locale locale, int width, int height) {
        this.config = new KioskConfig(
                demo.source(),
                demo.kiosk(),
                new Ui(false, theme),
                demo.session(),
                demo.identity(),
                new Storage(scratch.resolve("kiosk.db"), scratch),
                demo.queue(),
                demo.payments(),
                demo.platform(),
                demo.devices());
        this.out = out;
        this.locale = locale;
        this.width = width;
        this.height = height;
    }

    /** What the theme promised on the tour's window; known once {@link #walk} has drawn it. */
    Theme.Legible limits() {
        return limits;
    }

    /** Walks the flows, in order; each starts at the attract screen with no session. */
    List<TourReport.FlowReport> walk(List<Flows.Flow> flows) throws Exception {
        KioskRuntime runtime =
                new KioskRuntime(config, Clock.system(config.kiosk().timeZone()), Backoff.DEFAULT);
        FxTaskRunner tasks = new FxTaskRunner();
        try {
            runtime.start();
            KioskFonts.load();
            new I18n(config.kiosk().locales()).warmUp(config.kiosk().timeZone());
            startToolkit();
            CompletableFuture<KioskUi> built = new CompletableFuture<>();
            CompletableFuture<Scene> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    KioskUi ui = new KioskUi(UiWiring.services(runtime, tasks), tasks, Platform::runLater, () -> {});
                    Stage stage = new Stage();
                    Scene scene = ui.attach(stage, false);
                    Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(Math.min(width, screen.getWidth()));
                    stage.setHeight(Math.min(height, screen.getHeight()));
                    stage.show();
                    limits = ui.themes().legible(scene);
                    built.complete(ui);
                    shown.complete(scene);
                } catch (RuntimeException | Error e) {
                    built.completeExceptionally(e);
                    shown.completeExceptionally(e);
                }
            });
            KioskUi ui = built.get();
            Scene scene = shown.get();
            Paper paper = new Paper(runtime, out);
            awaitReady(runtime);
            List<TourReport.FlowReport> reports = new ArrayList<>();
            for (Flows.Flow flow : flows) {
                reports.add(walkOne(flow, runtime, ui, scene, paper));
            }
            Platform.runLater(ui::stop);
            paper.close();
            return reports;
        } finally {
            tasks.close();
            runtime.close();
        }
    }

    private TourReport.FlowReport walkOne(Flows.Flow flow, KioskRuntime runtime, KioskUi ui, Scene scene, Paper paper)
            throws Exception {
        Walker walker = new Walker(scene, out, flow.name(), limits);
        Map<String, Integer> before = received(runtime);
        paper.start(flow.name());
        long start = System.nanoTime();
        boolean completed;
        String stoppedAt = null;
        String why = null;
        walker.onFx(() -> {
            ui.i18n().setLocale(locale);
            return null;
        });
        try {
            flow.walk(new Flows.Context(walker, runtime, ui, locale));
            completed = true;
        } catch (Walker.Stopped e) {
            completed = false;
            Screen at = walker.onFx(() -> ui.navigator().current());
            stoppedAt = at.name() + " (" + e.step() + ")";
            why = e.getMessage();
            walker.shot("stopped");
            log.warn("Tour: flow {} stopped on {} at {}: {}", flow.name(), at, e.step(), e.getMessage());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        awaitUploads(runtime);
        Map<String, Integer> after = received(runtime);
        List<TourReport.Printed> printed = paper.take();
        // the next flow starts as a new citizen would find the kiosk: the cards taken away, no session
        for (Simulator sim : runtime.simulators().all()) {
            if (sim.commands().containsKey("remove-card")) {
                sim.apply("remove-card", "");
            }
        }
        walker.onFx(() -> {
            runtime.sessions().end(EndReason.EXPLICIT_EXIT);
            ui.navigator().reset();
            return null;
        });
        return new TourReport.FlowReport(
                flow.name(),
                completed,
                stoppedAt,
                why,
                walker.taps(),
                ms,
                walker.shots(),
                difference(before, after),
                printed,
                walker.screens());
    }

    /** The devices up and the platform registered, as a citizen finds a kiosk in service. */
    private static void awaitReady(KioskRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean devices = runtime.devices().health().all().stream()
                    .allMatch(h -> h.problem().isEmpty());
            boolean platform = runtime.platform()
                    .map(p -> p.featureState().problem().isEmpty())
                    .orElse(true);
            boolean catalogue =
                    runtime.platform().map(p -> p.catalogue().count() > 0).orElse(true);
            if (devices && platform && catalogue) {
                return;
            }
            Thread.sleep(100);
        }
        log.warn("Tour: the kiosk was not fully in service after 30 s; walking it as it is");
    }

    /** Waits until what the flow put in the outbox has reached the platform (or a limit). */
    private static void awaitUploads(KioskRuntime runtime) throws InterruptedException {
        Optional<PlatformServices> p = runtime.platform();
        if (p.isEmpty()) {
            return;
        }
        p.get().checkNow();
        long deadline = System.nanoTime() + UPLOAD_WAIT.toNanos();
        Map<String, Integer> seen = received(runtime);
        long quietSince = System.nanoTime();
        // nothing left to send, and nothing more arriving for a second
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            Map<String, Integer> now = received(runtime);
            if (!now.equals(seen)) {
                seen = now;
                quietSince = System.nanoTime();
            }
            if (p.get().outbox().counts().pending() == 0 && System.nanoTime() - quietSince > 1_000_000_000L) {
                return;
            }
        }
    }

    private static Map<String, Integer> received(KioskRuntime runtime) {
        return runtime.platform()
                .flatMap(PlatformServices::embedded)
                .map(e -> e.received())
                .orElse(Map.of());
    }

    private static Map<String, Integer> difference(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> d = new LinkedHashMap<>();
        after.forEach((kind, n) -> {
            int more = n - before.getOrDefault(kind, 0);
            if (more > 0) {
                d.put(kind, more);
            }
        });
        return d;
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException already) {
            up.countDown();
        }
        up.await();
        Platform.setImplicitExit(false);
    }

    /**
     * What came out of the printers during a flow: each print the audit trail recorded, with the text
     * read back from what the device got (the ESC/POS bytes decoded by the virtual printer; the PDF's
     * text). The PDFs are read as they come out and not kept.
     */
    static final class Paper implements AutoCloseable {
        private final List<TourReport.Printed> printed = new ArrayList<>();
        private final ConcurrentLinkedQueue<PrintedText.Page> pdfPages = new ConcurrentLinkedQueue<>();
        private final Path out;
        private String prefix = "";
        private final Optional<SimulatedReceiptPrinter> receipts;
        private final Optional<SimulatedDocumentPrinter> pages;
        private final KioskRuntime runtime;
        private final Consumer<PrintRecord> listener = this::recorded;

        Paper(KioskRuntime runtime, Path out) {
            this.runtime = runtime;
            this.out = out;
            this.receipts = runtime.devices()
                    .health()
                    .first(DeviceClass.RECEIPT_PRINTER)
                    .flatMap(h -> runtime.simulators().find(h.id(), SimulatedReceiptPrinter.class));
            this.pages = runtime.devices().first(DeviceClass.DOCUMENT_PRINTER, SimulatedDocumentPrinter.class);
            pages.ifPresent(p -> p.outputTray(pdf -> pdfPages.add(PrintedText.ofPdf(pdf))));
            runtime.printLog().addListener(listener);
        }

        synchronized void start(String flow) {
            prefix = flow;
            printed.clear();
            pdfPages.clear();
            receipts.ifPresent(r -> r.printer().clearReceived());
        }

        private synchronized void recorded(PrintRecord r) {
            // what came out, even of a print that failed part-way; a page's picture beside the screens
            String text = "";
            String image = null;
            List<String> codes = List.of();
            switch (r.medium()) {
                case ESCPOS -> {
                    if (receipts.isPresent()) {
                        ReceiptDocument paper = receipts.get().printed();
                        text = PrintedText.ofReceipt(paper);
                        codes = PrintedText.codesOf(paper);
                        receipts.get().printer().clearReceived();
                    }
                }
                case PDF -> {
                    PrintedText.Page page = pdfPages.poll();
                    if (page != null) {
                        text = page.text();
                        codes = page.codes();
                        image = String.format("%s-print-%02d-%s.png", prefix, printed.size() + 1, r.template());
                        try {
                            Files.write(out.resolve(image), page.png());
                        } catch (IOException e) {
                            image = null;
                        }
                    }
                }
            }
            printed.add(new TourReport.Printed(
                    r.template(),
                    r.deviceId().orElse(""),
                    r.medium().name(),
                    r.result().name(),
                    text,
                    image,
                    codes));
        }

        synchronized List<TourReport.Printed> take() {
            List<TourReport.Printed> p = List.copyOf(printed);
            printed.clear();
            return p;
        }

        @Override
        public void close() {
            runtime.printLog().removeListener(listener);
            pages.ifPresent(p -> p.outputTray(null));
        }
    }
}
