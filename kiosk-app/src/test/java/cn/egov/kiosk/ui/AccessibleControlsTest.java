package cn.egov.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.UiWiring;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.checkin.CheckInViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every control a finger can tap says what it is (its accessible name, in the screen's language)
 * and what it does (its role), on every screen of the demo, in both languages: the kiosk end to end
 * on the demo configuration (simulated devices, the embedded platform), headless, walked as a
 * citizen walks it. On failure it prints a table of the controls that do not: screen, id, class,
 * role, name.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleControlsTest {
    @TempDir
    static Path dir;

    private KioskRuntime runtime;
    private KioskUi ui;
    private FxTaskRunner tasks;
    private Stage stage;
    private final OffsetClock clock = new OffsetClock(ZoneId.of("Asia/Shanghai"));
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> perScreen = new LinkedHashMap<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startKiosk(FxRobot robot) throws Exception {
        // the demo's configuration, its files in a scratch folder
        Path home = dir.resolve("run-" + System.nanoTime());
        Files.createDirectories(home);
        String demo = Files.readString(Path.of("..", "config", "demo.yaml"))
                .replace("../var/demo/kiosk.db", "var/kiosk.db")
                .replace("dataDir: ../var/demo", "dataDir: var")
                .replace("fullScreen: true", "fullScreen: false");
        Path file = home.resolve("kiosk.yaml");
        Files.writeString(file, demo);
        KioskConfig config = ConfigLoader.load(file);
        runtime = new KioskRuntime(config, clock, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        runtime.start();
        KioskFonts.load();
        new I18n(config.kiosk().locales()).warmUp(config.kiosk().timeZone());
        tasks = new FxTaskRunner();
        robot.interact(() -> {
            ui = new KioskUi(UiWiring.services(runtime, tasks), tasks, Platform::runLater, () -> {});
            ui.attach(stage, false);
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
        });
    }

    @AfterEach
    void stop() {
        Platform.runLater(ui::stop);
        tasks.close();
        runtime.close();
    }

    @Test
    void everyControlAFingerCanTapHasANameInTheScreensLanguageAndARole(FxRobot robot) {
        awaitInService();
        check(robot, "attract");
        tap(robot, "touch-to-start");
        awaitShown(robot, "home");
        check(robot, "home");

        // 取号: the ID card first where the flow asks for it, the business types, the number
        tap(robot, "tile-queue_ticket");
        identify(robot, "type-A", true);
        check(robot, "ticket");
        tap(robot, "type-A");
        awaitTrue(() -> !text("ticket-number").isBlank(), "the ticket's number");
        check(robot, "ticket-done");
        tap(robot, "ticket-other");

        // 证照打印: every licence held, one previewed; 免费邮寄: the address, the phone, the confirmation
        tap(robot, "tile-licence_print");
        identify(robot, "licence-row-0", false);
        awaitShown(robot, "licence-row-0");
        check(robot, "licence-list");
        tap(robot, "licence-row-0");
        awaitShown(robot, "licence-preview-page");
        check(robot, "licence-preview");
        tap(robot, "licence-mail");
        awaitShown(robot, "address-confirm");
        check(robot, "postal-address");
        tap(robot, "address-confirm");
        awaitShown(robot, "postal-phone-next");
        check(robot, "postal-phone");
        tap(robot, "nav-home");

        // 办事指南: the start, a list, a facet's groups, the search with its keyboard, an item's page
        tap(robot, "tile-service_guide");
        awaitShown(robot, "guide-entry-zero-trip");
        check(robot, "guide-start");
        tap(robot, "guide-entry-zero-trip");
        awaitShown(robot, "guide-item-0");
        check(robot, "guide-list");
        tap(robot, "nav-back");
        tap(robot, "guide-browse-life-event");
        awaitShown(robot, "guide-group-0");
        check(robot, "guide-groups");
        tap(robot, "nav-back");
        tap(robot, "guide-search-open");
        tap(robot, "guide-query");
        type(robot, "jzzqz"); // 居住证签注: its form has an address
        awaitShown(robot, "guide-hit-0");
        check(robot, "guide-search");
        tap(robot, "guide-hit-0");
        awaitShown(robot, "item-name");
        check(robot, "guide-item");

        // 自助申办 from the item's page: the card's data, the form with its keyboard, the address
        // picker over it, the application read back
        tap(robot, "item-apply");
        identify(robot, "apply-check-ok", false);
        awaitShown(robot, "apply-check-ok");
        check(robot, "apply-check");
        tap(robot, "apply-check-ok");
        awaitShown(robot, "form-next");
        tap(robot, "form-field-phone");
        awaitShown(robot, "key-done");
        check(robot, "apply-form-keyboard");
        type(robot, "13812345678");
        tap(robot, "key-done");
        Optional<Node> pick = shown("form-pick-address-address");
        assertThat(pick).as("the form's address can be picked").isPresent();
        tap(robot, "form-pick-address-address");
        awaitShown(robot, "address-detail");
        check(robot, "address-detail");
        tap(robot, "address-restart");
        awaitShown(robot, "address-option-11");
        check(robot, "address-picker");
        tap(robot, "address-cancel");
        tap(robot, "form-next");
        awaitShown(robot, "apply-submit");
        check(robot, "apply-confirm");

        // appointments: 预约 from its start to the booking read back (signed in already), 我的预约, 签到
        tap(robot, "nav-home");
        tap(robot, "tile-appointment");
        awaitShown(robot, "appointment-by-department");
        check(robot, "appointment-start");
        tap(robot, "appointment-by-department");
        awaitShown(robot, "appointment-department-0");
        check(robot, "appointment-departments");
        tap(robot, "appointment-department-0");
        awaitShown(robot, "appointment-item-0");
        check(robot, "appointment-services");
        tap(robot, "appointment-item-0");
        awaitShown(robot, "appointment-days-item");
        // a day after today, as the tour takes: late in the day today's times are over
        LocalDate today = LocalDate.now(clock);
        int day = firstOpen(() -> ui.appointment().orElseThrow().days().stream()
                .map(d -> !d.full() && d.date().isAfter(today))
                .toList());
        check(robot, "appointment-days");
        tap(robot, "appointment-day-" + day);
        awaitShown(robot, "appointment-slots-item");
        int slot = firstOpen(() -> ui.appointment().orElseThrow().slots().stream()
                .map(t -> !t.full())
                .toList());
        check(robot, "appointment-times");
        tap(robot, "appointment-slot-" + slot);
        tap(robot, "appointment-phone");
        awaitShown(robot, "key-done");
        check(robot, "appointment-phone-keypad");
        type(robot, "13812345678");
        tap(robot, "key-done");
        tap(robot, "appointment-phone-next");
        awaitShown(robot, "appointment-confirm");
        check(robot, "appointment-confirm");
        tap(robot, "appointment-change-phone");
        awaitShown(robot, "appointment-phone-next");
        tap(robot, "nav-home");
        tap(robot, "tile-appointment");
        tap(robot, "appointment-mine");
        awaitTrue(
                () -> shown("mine-item-0").isPresent()
                        || shown("mine-none-text").isPresent(),
                "my appointments");
        check(robot, "my-appointments");
        if (shown("mine-item-0").isPresent()) {
            tap(robot, "mine-item-0");
            awaitShown(robot, "mine-cancel");
            check(robot, "my-appointments-cancel");
            tap(robot, "mine-keep");
        }
        tap(robot, "nav-home");
        tap(robot, "tile-check_in");
        awaitTrue(
                () -> onFx(() -> {
                    var step = ui.checkIn().orElseThrow().stepProperty().get();
                    return step != CheckInViewModel.Step.LOOKING && step != CheckInViewModel.Step.CHECKING_IN;
                }),
                "the check-in's outcome");
        check(
                robot,
                "checkin-"
                        + onFx(() -> ui.checkIn().orElseThrow().stepProperty().get())
                                .name());
        tap(robot, "nav-home");
        // progress: 办件进度, how to look up, where the receipt's code goes, the citizen's
        // applications (signed in already), one application, a code nobody knows
        tap(robot, "nav-home");
        tap(robot, "tile-progress");
        awaitShown(robot, "progress-by-person");
        check(robot, "progress-choose");
        tap(robot, "progress-by-receipt");
        awaitShown(robot, "progress-scan-picture");
        check(robot, "progress-scan");
        tap(robot, "nav-back");
        tap(robot, "progress-by-person");
        awaitShown(robot, "progress-row-0");
        check(robot, "progress-list");
        tap(robot, "progress-row-0");
        awaitShown(robot, "progress-item");
        check(robot, "progress-detail");
        runtime.simulators().all().stream()
                .filter(s -> s.commands().containsKey("scan"))
                .findFirst()
                .orElseThrow()
                .apply("scan", "SQ20991231999999");
        awaitShown(robot, "progress-scan-again");
        check(robot, "progress-unknown-code");
        // enterprise: 企业信息查询: the way in, the code on its pad, the entity's page, the name's keyboard
        tap(robot, "nav-home");
        tap(robot, "tile-enterprise_info");
        awaitShown(robot, "enterprise-by-code");
        check(robot, "enterprise-choose");
        tap(robot, "enterprise-by-code");
        awaitShown(robot, "key-done");
        check(robot, "enterprise-code-keyboard");
        type(robot, "91110101MA0E3PWQ0E");
        tap(robot, "enterprise-code-look-up");
        awaitShown(robot, "enterprise-result-name");
        check(robot, "enterprise-result");
        tap(robot, "nav-back");
        tap(robot, "nav-back");
        tap(robot, "enterprise-by-name");
        awaitShown(robot, "key-done");
        check(robot, "enterprise-name-keyboard");
        type(robot, "keji");
        tap(robot, "candidate-0");
        tap(robot, "enterprise-name-look-up");
        awaitShown(robot, "enterprise-match-0");
        check(robot, "enterprise-matches");

        // the inactivity warning over the screen, then the staff PIN pad
        clock.advance(Duration.ofSeconds(runtime.config().session().inactivityTimeoutSeconds() + 1L));
        awaitShown(robot, "inactivity-continue");
        check(robot, "inactivity");
        tap(robot, "inactivity-continue");
        for (int i = 0; i < 5; i++) {
            tap(robot, "emblem");
        }
        awaitShown(robot, "staff-pin-1");
        check(robot, "staff-pin");
        tap(robot, "staff-pin-cancel");

        assertThat(problems)
                .withFailMessage(
                        "%d controls without a name in the screen's language or a role:%n%s",
                        problems.size(), String.join("\n", problems))
                .isEmpty();
        assertThat(perScreen.values())
                .as("controls found per screen and language: %s", perScreen)
                .allMatch(n -> n > 0);
    }

    // ---- the check -----------------------------------------------------------------------------

    /** The screen as it is now, in each language: every control a finger can tap, and what is wrong with it. */
    private void check(FxRobot robot, String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Locale before = ui.i18n().locale();
            for (Locale language : ui.i18n().supported()) {
                ui.i18n().setLocale(language);
                Parent root = stage.getScene().getRoot();
                root.applyCss();
                root.layout();
                String shown = TapTargets.shownTexts(root);
                String name = screen + " (" + language.getLanguage() + ")";
                List<TapTargets.Target> targets = TapTargets.of(name, root);
                perScreen.put(name, targets.size());
                for (TapTargets.Target t : targets) {
                    String why = TapTargets.problem(t, language, shown);
                    if (why != null) {
                        problems.add(t.row() + "  <- " + why);
                    }
                }
            }
            ui.i18n().setLocale(before);
        });
    }

    // ---- the walk ------------------------------------------------------------------------------

    /** The ID card step if the flow asks for it (checked), else {@code next} at once. */
    private void identify(FxRobot robot, String next, boolean checkIt) {
        awaitTrue(() -> shown("id-login-demo-card").isPresent() || shown(next).isPresent(), "#" + next);
        if (shown(next).isPresent()) {
            return;
        }
        if (checkIt) {
            check(robot, "id-login");
        }
        tap(robot, "id-login-demo-card");
        awaitShown(robot, "id-login-continue");
        if (checkIt) {
            check(robot, "id-login-read");
        }
        tap(robot, "id-login-continue");
        awaitShown(robot, next);
    }

    /** The position of the first choice that can be taken (a day or a time with places). */
    private static int firstOpen(Callable<List<Boolean>> open) {
        awaitTrue(() -> onFx(open).contains(true), "a day or time with places");
        return onFx(open).indexOf(true);
    }

    /** Taps the keys of the keyboard that shows, one per character. */
    private void type(FxRobot robot, String keys) {
        for (char c : keys.toCharArray()) {
            String lower = "key-" + Character.toLowerCase(c);
            String upper = "key-" + Character.toUpperCase(c);
            awaitTrue(() -> shown(lower).isPresent() || shown(upper).isPresent(), "the key " + c);
            tap(robot, shown(lower).isPresent() ? lower : upper);
        }
    }

    /** Touches the shown control with this id once it is laid out (several may share an id: a keyboard's keys). */
    private void tap(FxRobot robot, String id) {
        awaitShown(robot, id);
        Node node = shown(id).orElseThrow();
        robot.interact(() -> reveal(node));
        // a finger waits for what moves (a keyboard sliding in) to stand still
        Bounds[] last = {null};
        awaitTrue(
                () -> {
                    Bounds now = onFx(() -> node.localToScreen(node.getBoundsInLocal()));
                    boolean still = now != null && now.equals(last[0]);
                    last[0] = now;
                    return still;
                },
                "#" + id + " to stand still");
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the scroll pane around a node so that all of it is in sight. */
    private static void reveal(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane pane && pane.getContent() != null) {
                Node content = pane.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double viewport = pane.getViewportBounds().getHeight();
                double height = content.getBoundsInLocal().getHeight();
                double top = pane.getVvalue() * Math.max(0, height - viewport);
                if (height > viewport && (inContent.getMinY() < top || inContent.getMaxY() > top + viewport)) {
                    double wanted = Math.max(0, Math.min(height - viewport, inContent.getMinY() - viewport * 0.2));
                    pane.setVvalue(wanted / (height - viewport));
                    pane.layout();
                }
                return;
            }
        }
    }

    private void awaitShown(FxRobot robot, String id) {
        awaitTrue(() -> shown(id).isPresent(), "#" + id + " on screen");
    }

    /** The node with this id that shows, laid out, in the window (on the FX thread). */
    private Optional<Node> shown(String id) {
        return onFx(() -> stage.getScene().getRoot().lookupAll("#" + id).stream()
                .filter(AccessibleControlsTest::treeVisible)
                .filter(n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    return b.getWidth() > 0 && b.getHeight() > 0;
                })
                .findFirst());
    }

    private String text(String id) {
        return shown(id).map(n -> onFx(() -> ((Labeled) n).getText())).orElse("");
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The devices up, the platform registered and its catalogue here, as a citizen finds the kiosk. */
    private void awaitInService() {
        try {
            WaitForAsyncUtils.waitFor(
                    40,
                    TimeUnit.SECONDS,
                    () -> runtime.devices().health().all().stream()
                                    .allMatch(h -> h.problem().isEmpty())
                            && runtime.platform()
                                    .map(p -> p.featureState().problem().isEmpty()
                                            && p.catalogue().count() > 0)
                                    .orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError("the demo kiosk not in service", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitTrue(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    /** The system's time, moved on by hand: the inactivity limit reached without waiting for it. */
    private static final class OffsetClock extends Clock {
        private final ZoneId zone;
        private final AtomicReference<Duration> offset;

        OffsetClock(ZoneId zone) {
            this(zone, new AtomicReference<>(Duration.ZERO));
        }

        private OffsetClock(ZoneId zone, AtomicReference<Duration> offset) {
            this.zone = zone;
            this.offset = offset;
        }

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new OffsetClock(other, offset); // moved on with this one
        }
    }
}
