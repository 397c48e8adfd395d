package cn.egov.kiosk.ui.idlogin;

import static cn.egov.kiosk.identity.IdReaderRig.SAFETY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.PhotoDecoder;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.identity.AppCodeLogin;
import cn.egov.kiosk.identity.IdReaderRig;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.identity.IdentityService;
import cn.egov.kiosk.identity.LoginFailedException;
import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.idlogin.IdLoginViewModel.Step;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ID-card login screen's model over the real identity service and SAM driver, with a virtual
 * reader on an in-memory cable; no FX toolkit (but for the photo). Background work runs on the test
 * thread ({@link TaskRunner#DIRECT}), when the test says ({@link HeldTasks}), or on a pool with the
 * results on a "UI" thread of its own ({@link Background}), where the screen reads on by itself.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IdLoginViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Duration SHORT = Duration.ofMillis(600);

    /** Counts the work handed over, and runs it at once on the calling thread. */
    static final class CountingTasks implements TaskRunner {
        final AtomicInteger started = new AtomicInteger();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            started.incrementAndGet();
            DIRECT.run(work, onSuccess, onFailure);
        }
    }

    /** Holds background work until {@link #runAll()}. */
    static final class HeldTasks implements TaskRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> DIRECT.run(work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    /** Work on a pool, results on one "UI" thread, as {@code FxTaskRunner} does with the FX thread. */
    static final class Background implements TaskRunner, AutoCloseable {
        final AtomicInteger started = new AtomicInteger();
        private final ExecutorService pool = Executors.newCachedThreadPool(daemon("test-task"));
        private final ExecutorService ui = Executors.newSingleThreadExecutor(daemon("test-ui"));

        private static ThreadFactory daemon(String name) {
            return r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            };
        }

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            started.incrementAndGet();
            pool.execute(() -> {
                try {
                    T result;
                    try {
                        result = work.call();
                    } catch (Exception e) {
                        ui.execute(() -> onFailure.accept(e));
                        return;
                    }
                    ui.execute(() -> onSuccess.accept(result));
                } catch (RejectedExecutionException closed) {
                    // the test is over
                }
            });
        }

        /** Runs on the UI thread and waits for it. */
        <T> T onUi(Callable<T> c) {
            try {
                return ui.submit(c).get(SAFETY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("the UI thread did not answer", e);
            }
        }

        void onUi(Runnable r) {
            onUi(() -> {
                r.run();
                return null;
            });
        }

        @Override
        public void close() {
            pool.shutdownNow();
            ui.shutdownNow();
        }
    }

    /** A stand-in for a vendor's decoder: a 2 × 3 picture whose pixels carry the photo's first byte. */
    static final class TinyDecoder implements PhotoDecoder {
        final List<byte[]> given = new CopyOnWriteArrayList<>();
        final List<DecodedPhoto> decoded = new CopyOnWriteArrayList<>();
        final List<byte[]> contents = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        @Override
        public String name() {
            return "tiny test decoder";
        }

        @Override
        public DecodedPhoto decode(byte[] wlt) throws IOException {
            given.add(wlt);
            contents.add(wlt.clone());
            if (fail) {
                throw new IOException("not a photo");
            }
            int[] argb = new int[6];
            Arrays.fill(argb, 0xFF000000 | (wlt[0] & 0xFF));
            DecodedPhoto photo = new DecodedPhoto(2, 3, argb);
            decoded.add(photo);
            return photo;
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final SessionManager sessions = new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final Navigator navigator = new Navigator();
    private IdReaderRig rig;
    private IdentityService identities;
    private Session session;
    private Background background;

    @BeforeEach
    void start() throws Exception {
        rig = new IdReaderRig();
        identities = new IdentityService(() -> Optional.<IdCardReader>of(rig.reader), Optional::empty, clock, SHANGHAI);
        session = sessions.start(ZH);
        navigator.go(Screen.HOME);
    }

    @AfterEach
    void stop() {
        if (background != null) {
            background.close();
        }
        rig.close();
    }

    private IdLoginViewModel vm(TaskRunner tasks, Duration readTimeout) {
        return vm(tasks, readTimeout, Optional.empty());
    }

    private IdLoginViewModel vm(TaskRunner tasks, Duration readTimeout, Optional<PhotoDecoder> photos) {
        return new IdLoginViewModel(
                i18n,
                identities,
                tasks,
                sessions,
                navigator,
                readTimeout,
                photos,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A model whose reads run in the background, with every step and problem it showed recorded. */
    private IdLoginViewModel backgroundVm(List<Step> steps, List<LoginProblem> problems) {
        background = new Background();
        IdLoginViewModel vm = vm(background, SAFETY);
        background.onUi(() -> {
            vm.stepProperty().addListener((obs, old, now) -> steps.add(now));
            vm.problemProperty().addListener((obs, old, now) -> problems.add(now));
        });
        return vm;
    }

    // ---- the way through ----------------------------------------------------------------------

    @Test
    void aFlowThatNeedsTheIdentityGoesThroughTheLoginAndShowsItMasked() {
        IdLoginViewModel vm = vm(TaskRunner.DIRECT, SAFETY);
        List<Screen> shown = new ArrayList<>();
        navigator.currentProperty().addListener((obs, old, now) -> shown.add(now));
        rig.virtual.place(DemoCards.resident());

        vm.require(Screen.TICKET);

        assertThat(shown).containsExactly(Screen.ID_LOGIN);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.maskedNameProperty().get()).isEqualTo("王*明");
        assertThat(vm.maskedNumberProperty().get()).isEqualTo("110105********002X");
        assertThat(vm.documentProperty().get()).isEqualTo(Identity.Document.RESIDENT_ID_CARD);
        assertThat(vm.documentText().get()).isEqualTo("居民身份证");
        assertThat(session.get(Identity.SESSION_KEY))
                .get()
                .extracting(Identity::number)
                .isEqualTo("11010519491231002X");
        assertThat(vm.photoProperty().get()).as("no decoder: the placeholder").isNull();

        vm.proceed();

        assertThat(navigator.current()).isEqualTo(Screen.TICKET);
        i18n.setLocale(EN);
        assertThat(vm.documentText().get()).isEqualTo("Resident ID card");
    }

    /** The platform's side of 扫码登录, as a test needs it: one code known, the rest refused. */
    static final class OneCodeLogin implements AppCodeLogin {
        final List<String> asked = new ArrayList<>();

        @Override
        public Identity resolve(String code) throws LoginFailedException {
            asked.add(code);
            if (code.equals("ZWAPP1.good")) {
                return Identity.ofProvinceApp(
                        Identity.Document.RESIDENT_ID_CARD,
                        "王小明",
                        "11010519491231002X",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("北京市东城区示例大街1号"),
                        Optional.of("13812345678"));
            }
            throw new LoginFailedException(LoginProblem.APP_CODE_EXPIRED, "expired", null);
        }
    }

    private IdLoginViewModel appVm(TaskRunner tasks, AppCodeLogin login) {
        return new IdLoginViewModel(
                i18n,
                identities,
                tasks,
                sessions,
                navigator,
                SHORT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(login),
                Optional.empty());
    }

    @Test
    void aFlowThatTakesTheAppsCodeSignsInByItAsByTheCard() {
        HeldTasks tasks = new HeldTasks();
        OneCodeLogin platform = new OneCodeLogin();
        IdLoginViewModel vm = appVm(tasks, platform);

        vm.require(Screen.LICENCE, IdLoginViewModel.Logins.CARD_OR_APP);
        assertThat(vm.appAcceptedProperty().get()).isTrue();
        assertThat(vm.appCode("ZWAPP1.good")).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHECKING);
        // the phone still under the scanner: read again while it is checked, taken and not asked again
        assertThat(vm.appCode("ZWAPP1.good")).isTrue();
        tasks.runAll(); // the card read, cancelled, ends without a card; the code is resolved
        assertThat(vm.appCode("ZWAPP1.good")).isTrue(); // and once signed in

        assertThat(platform.asked).containsExactly("ZWAPP1.good");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.maskedNameProperty().get()).isEqualTo("王*明");
        assertThat(vm.maskedNumberProperty().get()).isEqualTo("110105********002X");
        assertThat(vm.documentText().get()).isEqualTo("省政务服务APP扫码登录（居民身份证）");
        Identity held = session.get(Identity.SESSION_KEY).orElseThrow();
        assertThat(held.login()).isEqualTo(Identity.Login.PROVINCE_APP);
        assertThat(held.phone()).contains("13812345678");
        assertThat(held.toString()).doesNotContain("王小明").doesNotContain("11010519491231002X");
        vm.proceed();
        assertThat(navigator.current()).isEqualTo(Screen.LICENCE);
    }

    @Test
    void aCodeThePlatformRefusesIsSaidPlainlyAndTheCardStillWorks() {
        HeldTasks tasks = new HeldTasks();
        IdLoginViewModel vm = appVm(tasks, new OneCodeLogin());
        vm.require(Screen.LICENCE, IdLoginViewModel.Logins.CARD_OR_APP);

        vm.appCode("ZWAPP1.old");
        tasks.runAll();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo(LoginProblem.APP_CODE_EXPIRED);
        assertThat(vm.problemText().get()).isEqualTo("这个登录码已经过期了。");
        assertThat(vm.adviceText().get()).contains("刷新");
        assertThat(vm.problemCodeText().get()).contains("L-CODE-EXPIRED");
        // the card is read again meanwhile
        rig.virtual.place(DemoCards.resident());
        tasks.runAll();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(session.get(Identity.SESSION_KEY).orElseThrow().login()).isEqualTo(Identity.Login.CARD);
    }

    @Test
    void aFlowThatTakesTheCardOnlyIgnoresTheAppsCode() {
        HeldTasks tasks = new HeldTasks();
        OneCodeLogin platform = new OneCodeLogin();
        IdLoginViewModel vm = appVm(tasks, platform);

        vm.require(Screen.TICKET);

        assertThat(vm.appAcceptedProperty().get()).isFalse();
        assertThat(vm.appCode("ZWAPP1.good")).isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);
        assertThat(platform.asked).isEmpty();
    }

    @Test
    void withoutAPlatformOrScannerTheAppIsNotOffered() {
        IdLoginViewModel vm = vm(new HeldTasks(), SHORT);
        vm.require(Screen.LICENCE, IdLoginViewModel.Logins.CARD_OR_APP);
        assertThat(vm.appAcceptedProperty().get()).isFalse();
        assertThat(vm.appCode("ZWAPP1.good")).isFalse();
    }

    @Test
    void withTheIdentityInTheSessionAFlowGoesStraightOn() {
        CountingTasks tasks = new CountingTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);
        session.put(Identity.SESSION_KEY, Identity.of(DemoCards.residencePermit()));
        List<Screen> shown = new ArrayList<>();
        navigator.currentProperty().addListener((obs, old, now) -> shown.add(now));

        vm.require(Screen.TICKET);

        assertThat(shown).containsExactly(Screen.TICKET);
        assertThat(tasks.started).as("no card read").hasValue(0);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);
    }

    @Test
    void eachDocumentIsNamed() {
        IdLoginViewModel vm = vm(TaskRunner.DIRECT, SAFETY);
        rig.virtual.place(DemoCards.foreign2023());

        vm.require(Screen.TICKET);

        assertThat(vm.documentProperty().get()).isEqualTo(Identity.Document.FOREIGN_PERMANENT_RESIDENT_CARD);
        assertThat(vm.documentText().get()).isEqualTo("外国人永久居留身份证");
        assertThat(vm.maskedNumberProperty().get())
                .isEqualTo(DemoCards.foreign2023().maskedNumber());
    }

    // ---- failures --------------------------------------------------------------------------------

    @Test
    void aRefusedCardShowsWhyAndWhatToDoAndWaitsForTheCitizen() {
        CountingTasks tasks = new CountingTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);
        rig.virtual.place(DemoCards.expiredResident());

        vm.require(Screen.TICKET);

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo(LoginProblem.CARD_EXPIRED);
        assertThat(vm.problemText().get()).isEqualTo("这张证件已过有效期。");
        assertThat(vm.adviceText().get()).isEqualTo("请携带有效证件到窗口办理，或先办理证件换领。");
        assertThat(tasks.started).as("not read again by itself").hasValue(1);
        assertThat(vm.maskedNameProperty().get()).isEmpty();
        assertThat(session.get(Identity.SESSION_KEY)).isEmpty();
        i18n.setLocale(EN);
        assertThat(vm.problemText().get()).isEqualTo("This card has expired.");

        vm.proceed(); // nothing to go on with

        assertThat(navigator.current()).isEqualTo(Screen.ID_LOGIN);
    }

    @Test
    void noCardInTimeThenReadAgainOnTouch() {
        CountingTasks tasks = new CountingTasks();
        IdLoginViewModel vm = vm(tasks, SHORT);

        vm.require(Screen.TICKET);

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo(LoginProblem.NO_CARD);
        assertThat(vm.adviceText().get()).isEqualTo("请把身份证放在读卡区，然后点“重新读取”。");
        assertThat(tasks.started).as("the citizen touches 重新读取").hasValue(1);

        rig.virtual.place(DemoCards.resident());
        vm.read();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.maskedNameProperty().get()).isEqualTo("王*明");
        vm.proceed();
        assertThat(navigator.current()).isEqualTo(Screen.TICKET);
    }

    @Test
    void aCardThatMovedWhileReadIsReadAgainWithoutATouch() {
        List<Step> steps = new CopyOnWriteArrayList<>();
        List<LoginProblem> problems = new CopyOnWriteArrayList<>();
        IdLoginViewModel vm = backgroundVm(steps, problems);
        // the answer to the read's "card found" stops half-way: as when the card slides off
        AtomicBoolean once = new AtomicBoolean();
        rig.virtual.onEvent(e -> {
            if (e.what().equals("found") && once.compareAndSet(false, true)) {
                rig.virtual.inject(VirtualSamReader.Fault.TRUNCATED);
            }
        });
        background.onUi(() -> vm.require(Screen.TICKET));
        Await.until(() -> rig.reader.state() == DeviceState.BUSY, SAFETY, "the read waiting for a card");

        rig.virtual.place(DemoCards.resident());

        Await.until(
                () -> steps.contains(Step.DONE),
                SAFETY,
                "the card read (steps " + steps + ", problems " + problems + ")");
        assertThat(steps).containsExactly(Step.FAILED, Step.DONE);
        assertThat(problems).containsExactly(LoginProblem.PLACE_AGAIN);
        assertThat(background.started).as("read again by itself").hasValue(2);
        assertThat(background.onUi(() -> vm.maskedNameProperty().get())).isEqualTo("王*明");
        assertThat(background.onUi(() -> navigator.current())).isEqualTo(Screen.ID_LOGIN);
    }

    @Test
    void aCardAlreadyReadIsAskedToBeLiftedAndTheScreenReadsOnByItself() throws Exception {
        rig.virtual.place(DemoCards.resident());
        identities.readCard(SAFETY); // read, and left lying there
        List<Step> steps = new CopyOnWriteArrayList<>();
        List<LoginProblem> problems = new CopyOnWriteArrayList<>();
        IdLoginViewModel vm = backgroundVm(steps, problems);

        background.onUi(() -> vm.require(Screen.TICKET));

        Await.until(() -> problems.contains(LoginProblem.LIFT_AND_PLACE_AGAIN), SAFETY, "the card asked to be lifted");
        assertThat(background.onUi(() -> vm.adviceText().get())).isEqualTo("请拿起身份证，再平放到读卡区，放好后不要移动。");
        rig.lift();
        rig.virtual.place(DemoCards.residencePermit());

        Await.until(() -> steps.contains(Step.DONE), SAFETY, "the new card read without a touch (steps " + steps + ")");
        assertThat(background.onUi(() -> vm.documentProperty().get())).isEqualTo(Identity.Document.RESIDENCE_PERMIT);
        assertThat(background.onUi(
                        () -> session.get(Identity.SESSION_KEY).orElseThrow().document()))
                .isEqualTo(Identity.Document.RESIDENCE_PERMIT);
    }

    @Test
    void whileTheReadCardLiesThereTheScreenDoesNotHammerTheReader() throws Exception {
        rig.virtual.place(DemoCards.resident());
        identities.readCard(SAFETY); // read, and left lying there
        long failuresBefore = rig.reader.statistics().get(SamIdCardReader.READS_ASKED);
        List<Step> steps = new CopyOnWriteArrayList<>();
        List<LoginProblem> problems = new CopyOnWriteArrayList<>();
        IdLoginViewModel vm = backgroundVm(steps, problems);
        background.onUi(() -> vm.require(Screen.TICKET));
        Await.until(() -> problems.contains(LoginProblem.LIFT_AND_PLACE_AGAIN), SAFETY, "the card asked to be lifted");

        Thread.sleep(
                500); // the citizen reads the message and reaches for the card: a rate, not a duration, is asserted

        int reads = background.started.get();
        long failures = rig.reader.statistics().get(SamIdCardReader.READS_ASKED) - failuresBefore;
        background.onUi(vm::reset);
        // the driver notices a lifted card at its next poll (50 ms here, 300 ms by default): a look or two
        // per poll is plenty; the bug makes it over 20,000 in this half second
        assertThat(reads).as("reads started while the read card lay there").isLessThan(50);
        assertThat(failures).as("reads asked of the reader meanwhile").isLessThan(50);
    }

    @Test
    void aReaderBackInServiceReadsAgainOnTheScreenThatSaidItWasOut() {
        AtomicReference<Optional<IdCardReader>> fitted = new AtomicReference<>(Optional.empty());
        identities = new IdentityService(fitted::get, Optional::empty, clock, SHANGHAI);
        CountingTasks tasks = new CountingTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);

        vm.require(Screen.TICKET);
        assertThat(vm.problemProperty().get()).isEqualTo(LoginProblem.READER_OUT_OF_SERVICE);
        assertThat(vm.adviceText().get()).isEqualTo("请联系工作人员，或到窗口办理。");
        assertThat(tasks.started).hasValue(1);

        fitted.set(Optional.of(rig.reader));
        rig.virtual.place(DemoCards.resident());
        vm.readerBackInService();

        assertThat(tasks.started).hasValue(2);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);

        vm.readerBackInService(); // nothing to do when the screen is not out of service
        assertThat(tasks.started).hasValue(2);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
    }

    @Test
    void aReaderBackInServiceLeavesOtherFailuresAlone() {
        CountingTasks tasks = new CountingTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);
        rig.virtual.place(DemoCards.expiredResident());
        vm.require(Screen.TICKET);
        assertThat(vm.problemProperty().get()).isEqualTo(LoginProblem.CARD_EXPIRED);

        vm.readerBackInService();

        assertThat(tasks.started).hasValue(1);
        assertThat(vm.problemProperty().get()).isEqualTo(LoginProblem.CARD_EXPIRED);
    }

    // ---- the screen's own state ----------------------------------------------------------------

    @Test
    void aCardSeenWhileWaitingShowsReading() {
        HeldTasks tasks = new HeldTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);
        vm.require(Screen.TICKET);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);

        vm.cardPresence(false);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);
        vm.cardPresence(true);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.READING);

        rig.virtual.place(DemoCards.resident());
        tasks.runAll();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        vm.cardPresence(true);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
    }

    @Test
    void resetForgetsTheCitizen() {
        IdLoginViewModel vm = vm(TaskRunner.DIRECT, SAFETY);
        rig.virtual.place(DemoCards.resident());
        vm.require(Screen.TICKET);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);

        vm.reset();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.maskedNameProperty().get()).isEmpty();
        assertThat(vm.maskedNumberProperty().get()).isEmpty();
        assertThat(vm.documentProperty().get()).isNull();
        assertThat(vm.documentText().get()).isEmpty();
        assertThat(vm.photoProperty().get()).isNull();
    }

    @Test
    void resetClearsAProblemShown() {
        IdLoginViewModel vm = vm(TaskRunner.DIRECT, SHORT);
        vm.require(Screen.TICKET);
        assertThat(vm.problemText().get()).isNotEmpty();

        vm.reset();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.problemText().get()).isEmpty();
        assertThat(vm.adviceText().get()).isEmpty();
    }

    @Test
    void aCardReadAfterResetIsNotShownToTheNextCitizen() {
        HeldTasks tasks = new HeldTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);
        rig.virtual.place(DemoCards.resident());
        vm.require(Screen.TICKET);

        vm.reset();
        tasks.runAll(); // the read in flight comes back

        assertThat(vm.stepProperty().get()).isEqualTo(Step.WAITING);
        assertThat(vm.maskedNameProperty().get()).isEmpty();
        assertThat(session.get(Identity.SESSION_KEY)).isEmpty();
    }

    @Test
    void aCardReadAfterTheSessionEndedIsDropped() {
        HeldTasks tasks = new HeldTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY);
        rig.virtual.place(DemoCards.resident());
        vm.require(Screen.TICKET);

        sessions.end(EndReason.INACTIVITY);
        tasks.runAll();

        assertThat(vm.stepProperty().get()).isNotEqualTo(Step.DONE);
        assertThat(vm.maskedNameProperty().get()).isEmpty();
        assertThat(sessions.current()).isEmpty();
    }

    @Test
    void theDemoButtonsPlaceTheDemoCards() {
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger inserted = new AtomicInteger();
        IdLoginViewModel demo = new IdLoginViewModel(
                i18n,
                identities,
                TaskRunner.DIRECT,
                sessions,
                navigator,
                SAFETY,
                Optional.empty(),
                Optional.of(placed::incrementAndGet),
                Optional.of(inserted::incrementAndGet),
                Optional.empty(),
                Optional.empty());
        IdLoginViewModel plain = vm(TaskRunner.DIRECT, SAFETY);

        demo.placeDemoCard();
        demo.insertDemoSocialSecurityCard();
        plain.placeDemoCard();

        assertThat(placed).hasValue(1);
        assertThat(inserted).hasValue(1);
        assertThat(demo.demo()).isTrue();
        assertThat(plain.demo()).isFalse();
        assertThat(demo.demoSocialSecurityCard())
                .as("not without the social security card accepted")
                .isFalse();
        assertThat(demo.acceptsSocialSecurityCard()).isFalse();
    }

    // ---- the photo -------------------------------------------------------------------------------

    /** Whether JavaFX images can be made here: they may need the toolkit, started once per JVM. */
    private static boolean imagesWork() {
        try {
            new WritableImage(1, 1);
            return true;
        } catch (Throwable notYet) {
            // start the toolkit (headless Monocle in the tests) and try again
        }
        try {
            Platform.startup(() -> {});
        } catch (IllegalStateException alreadyStarted) {
            // fine
        } catch (Throwable cannot) {
            return false;
        }
        try {
            new WritableImage(1, 1);
            return true;
        } catch (Throwable cannot) {
            return false;
        }
    }

    @Test
    void aDecoderGivesThePhotoAndResetWipesIt() {
        assumeTrue(imagesWork(), "JavaFX images cannot be made here");
        TinyDecoder decoder = new TinyDecoder();
        IdLoginViewModel vm = vm(TaskRunner.DIRECT, SAFETY, Optional.of(decoder));
        rig.virtual.place(DemoCards.resident());

        vm.require(Screen.TICKET);

        WritableImage image = vm.photoProperty().get();
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(2);
        assertThat(image.getHeight()).isEqualTo(3);
        int expected = 0xFF000000 | (DemoCards.resident().photo()[0] & 0xFF);
        assertThat(image.getPixelReader().getArgb(1, 2)).isEqualTo(expected);
        assertThat(decoder.contents).hasSize(1);
        assertThat(decoder.contents.get(0))
                .as("the card's photo decoded")
                .isEqualTo(DemoCards.resident().photo());
        assertThat(decoder.given.get(0))
                .as("the copy handed to the decoder, wiped")
                .containsOnly((byte) 0);
        assertThat(decoder.decoded.get(0).argb())
                .as("the decoded pixels, wiped once shown")
                .containsOnly(0);
        assertThat(session.get(Identity.SESSION_KEY).orElseThrow().photo())
                .as("the session's copy stays")
                .isEqualTo(DemoCards.resident().photo());

        vm.reset();

        assertThat(vm.photoProperty().get()).isNull();
        assertThat(image.getPixelReader().getArgb(1, 2))
                .as("the shown pixels overwritten")
                .isZero();
        assertThat(image.getPixelReader().getArgb(0, 0)).isZero();
    }

    @Test
    void aPhotoThatCannotBeDecodedLeavesThePlaceholder() {
        TinyDecoder decoder = new TinyDecoder();
        decoder.fail = true;
        IdLoginViewModel vm = vm(TaskRunner.DIRECT, SAFETY, Optional.of(decoder));
        rig.virtual.place(DemoCards.resident());

        vm.require(Screen.TICKET);

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(decoder.given).hasSize(1);
        assertThat(decoder.given.get(0))
                .as("the copy handed to the decoder, wiped")
                .containsOnly((byte) 0);
        assertThat(vm.photoProperty().get()).isNull();
    }

    @Test
    void aPhotoDecodedAfterResetIsNotShown() {
        TinyDecoder decoder = new TinyDecoder();
        HeldTasks tasks = new HeldTasks();
        IdLoginViewModel vm = vm(tasks, SAFETY, Optional.of(decoder));
        rig.virtual.place(DemoCards.resident());
        vm.require(Screen.TICKET);
        tasks.runAll(); // the card: the photo's decoding is handed over
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);

        vm.reset();
        tasks.runAll(); // the photo comes back for a citizen who has gone

        assertThat(vm.photoProperty().get()).isNull();
        assertThat(decoder.decoded).hasSize(1);
        assertThat(decoder.decoded.get(0).argb())
                .as("the decoded pixels wiped all the same")
                .containsOnly(0);
    }
}
