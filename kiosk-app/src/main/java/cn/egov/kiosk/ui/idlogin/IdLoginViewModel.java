package cn.egov.kiosk.ui.idlogin;

import cn.egov.kiosk.device.idcard.PhotoDecoder;
import cn.egov.kiosk.identity.AppCodeLogin;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.identity.IdentityService;
import cn.egov.kiosk.identity.LoginFailedException;
import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ID-card login step: asks for the card (with a picture of where to put it), says while it
 * reads, and says on the same screen what is wrong and what to do when it fails. Flows that need
 * an identity come here through {@link #require}; the identity goes into the session and the flow
 * goes on. Moving the card (lift and place again) is retried without a touch. Its entry points run
 * on the JavaFX thread only.
 */
public final class IdLoginViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(IdLoginViewModel.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    public enum Step {
        WAITING,
        READING,
        /** 扫码登录: the province app's code is with the platform. */
        CHECKING,
        DONE,
        FAILED
    }

    private final I18n i18n;
    private final IdentityService identities;
    private final TaskRunner tasks;
    private final SessionManager sessions;
    private final Navigator navigator;
    private final Duration readTimeout;
    private final Optional<Runnable> demoCard;
    private final Optional<Runnable> demoSocialSecurityCard;
    private final Optional<PhotoDecoder> photos;
    private final Optional<AppCodeLogin> appLogin;
    private final Optional<Runnable> demoAppCode;
    /** Whether the flow that asked accepts the province app's code, and the kiosk can take it. */
    private final ReadOnlyBooleanWrapper appAccepted = new ReadOnlyBooleanWrapper(false);

    private final ReadOnlyBooleanWrapper viaApp = new ReadOnlyBooleanWrapper(false);

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.WAITING);
    private final ReadOnlyObjectWrapper<LoginProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper maskedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Identity.Document> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WritableImage> photo = new ReadOnlyObjectWrapper<>();
    private Screen next = Screen.HOME;
    /** Waits for the card and reads it; an identity read for a citizen who has gone is wiped. */
    private final BackgroundTask<Identity> reading;
    /** Decodes the card's photo; pixels decoded for a citizen who has gone are wiped. */
    private final BackgroundTask<PhotoDecoder.DecodedPhoto> decoding;
    /** Asks the platform whom an app code stands for; an identity that comes too late is wiped. */
    private final BackgroundTask<Identity> checking;

    /**
     * @param photos the vendor's photo decoder, if one is installed: without one the screen shows a
     *     neutral placeholder
     * @param demoCard in demo mode, what places a demo card on the simulated reader (a button on the
     *     screen for demonstrations without a shell); empty otherwise
     * @param demoSocialSecurityCard the same for a social security card, where those are accepted
     * @param appLogin 扫码登录 through the platform, when the kiosk has a platform and a scanner
     * @param demoAppCode in demo mode, what shows the scanner a demo citizen's app code
     */
    public IdLoginViewModel(
            I18n i18n,
            IdentityService identities,
            TaskRunner tasks,
            SessionManager sessions,
            Navigator navigator,
            Duration readTimeout,
            Optional<PhotoDecoder> photos,
            Optional<Runnable> demoCard,
            Optional<Runnable> demoSocialSecurityCard,
            Optional<AppCodeLogin> appLogin,
            Optional<Runnable> demoAppCode) {
        this.i18n = i18n;
        this.appLogin = appLogin;
        this.demoAppCode = demoAppCode;
        this.identities = identities;
        this.tasks = tasks;
        this.sessions = sessions;
        this.navigator = navigator;
        this.readTimeout = readTimeout;
        this.photos = photos;
        this.demoCard = demoCard;
        this.demoSocialSecurityCard = demoSocialSecurityCard;
        this.reading = new BackgroundTask<>(tasks, Identity::wipe);
        this.decoding = new BackgroundTask<>(tasks, PhotoDecoder.DecodedPhoto::wipe);
        this.checking = new BackgroundTask<>(tasks, Identity::wipe);
    }

    /** The logins a flow accepts. */
    public enum Logins {
        /** The ID card (or the social security card, where the configuration allows it). */
        CARD,
        /** The card, or the province service app's code (扫码登录). */
        CARD_OR_APP
    }

    /** As {@link #require(Screen, Logins)} with the card only. */
    public void require(Screen target) {
        require(target, Logins.CARD);
    }

    /**
     * Goes to {@code target} with the citizen's identity: at once when the session has it, through
     * the login screen otherwise, which takes the logins {@code logins} says.
     */
    public void require(Screen target, Logins logins) {
        tasks.checkUiThread();
        appAccepted.set(logins == Logins.CARD_OR_APP && appLogin.isPresent());
        if (sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY)).isPresent()) {
            navigator.go(target);
            return;
        }
        next = target;
        navigator.go(Screen.ID_LOGIN);
        read();
    }

    /** Starts (or restarts) waiting for a card. */
    public void read() {
        tasks.checkUiThread();
        problem.set(null);
        step.set(Step.WAITING);
        startReading(false);
    }

    /** @param pause wait a moment first: the reader is asked again after a failure, not hammered */
    private void startReading(boolean pause) {
        decoding.cancel(); // a photo still decoding belongs to the card read before
        reading.start(
                () -> {
                    if (pause) {
                        Thread.sleep(RETRY_PAUSE.toMillis());
                    }
                    return identities.readCard(readTimeout);
                },
                this::accept,
                this::fail);
    }

    private void accept(Identity identity) {
        Optional<Session> session = sessions.current();
        if (session.isEmpty()) {
            identity.wipe(); // the session ended while the card was read
            return;
        }
        session.get().put(Identity.SESSION_KEY, identity);
        maskedName.set(identity.maskedName());
        maskedNumber.set(identity.maskedNumber());
        document.set(identity.document());
        viaApp.set(identity.login() == Identity.Login.PROVINCE_APP);
        if (viaApp.get()) {
            reading.cancel(); // the card is no longer waited for
            identities.cancel();
        } else {
            checking.cancel();
        }
        step.set(Step.DONE);
        showPhoto(identity);
    }

    /** Decodes the photo off the JavaFX thread, where a decoder is installed and the card has one. */
    private void showPhoto(Identity identity) {
        if (photos.isEmpty() || identity.photo().length == 0) {
            return;
        }
        byte[] wlt = identity.photo().clone();
        decoding.start(
                () -> {
                    try {
                        return photos.get().decode(wlt);
                    } finally {
                        Arrays.fill(wlt, (byte) 0);
                    }
                },
                decoded -> {
                    if (step.get() == Step.DONE) {
                        WritableImage image = new WritableImage(decoded.width(), decoded.height());
                        image.getPixelWriter()
                                .setPixels(
                                        0,
                                        0,
                                        decoded.width(),
                                        decoded.height(),
                                        PixelFormat.getIntArgbInstance(),
                                        decoded.argb(),
                                        0,
                                        decoded.width());
                        photo.set(image);
                    }
                    decoded.wipe();
                },
                error -> log.warn(
                        "The ID card photo could not be decoded ({}); the placeholder stays",
                        error.getClass().getSimpleName()));
    }

    /** Overwrites the shown photo's pixels and drops it. */
    private void wipePhoto() {
        WritableImage shown = photo.get();
        if (shown != null) {
            int w = (int) shown.getWidth();
            int h = (int) shown.getHeight();
            shown.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), new int[w * h], 0, w);
            photo.set(null);
        }
    }

    /**
     * A province app's code was scanned on this screen: whom it stands for is asked of the platform,
     * the card is not waited for meanwhile. False when the flow does not take it (the card only). A
     * code read again while one is checked, or once the citizen is known (a phone held under a
     * scanner is read several times a second), is taken and ignored: the platform is asked once.
     */
    public boolean appCode(String code) {
        tasks.checkUiThread();
        if (!appAccepted.get()) {
            return false;
        }
        if (step.get() == Step.DONE || step.get() == Step.CHECKING) {
            return true;
        }
        reading.cancel();
        identities.cancel();
        problem.set(null);
        step.set(Step.CHECKING);
        AppCodeLogin login = appLogin.orElseThrow();
        checking.start(() -> login.resolve(code), this::accept, error -> {
            // whatever else went wrong was the platform's answer, not the card reader
            fail(
                    error instanceof LoginFailedException
                            ? error
                            : new LoginFailedException(LoginProblem.APP_LOGIN_OFFLINE, "app login failed", error));
            startReading(true); // the card still works, whatever the code's trouble
        });
        return true;
    }

    private void fail(Throwable error) {
        LoginProblem p = error instanceof LoginFailedException lf ? lf.problem() : LoginProblem.READER_OUT_OF_SERVICE;
        problem.set(p);
        step.set(Step.FAILED);
        // the message stays; reading goes on, twice a second, while the citizen moves the card
        if (p.retryByItself()) {
            startReading(true);
        }
    }

    /** The ID card reader is in service again: a screen that said it was not reads again. On the UI thread. */
    public void readerBackInService() {
        tasks.checkUiThread();
        if (step.get() == Step.FAILED && problem.get() == LoginProblem.READER_OUT_OF_SERVICE) {
            read();
        }
    }

    /** The reader sees a card (or no longer): on the UI thread. */
    public void cardPresence(boolean present) {
        tasks.checkUiThread();
        if (present && step.get() == Step.WAITING) {
            step.set(Step.READING);
        }
    }

    /** "Continue": on to the flow that asked for the identity. */
    public void proceed() {
        tasks.checkUiThread();
        if (step.get() == Step.DONE) {
            navigator.go(next);
        }
    }

    /** Shows the scanner a demo citizen's app code (demo mode only). */
    public void showDemoAppCode() {
        tasks.checkUiThread();
        demoAppCode.ifPresent(Runnable::run);
    }

    /** Whether the demo button for an app code shows: demo mode, and the flow takes the code. */
    public boolean demoAppCode() {
        return demoAppCode.isPresent();
    }

    /** Whether the screen offers 扫码登录 besides the card (the flow takes it, the kiosk can). */
    public ReadOnlyBooleanProperty appAcceptedProperty() {
        return appAccepted.getReadOnlyProperty();
    }

    /** Places the demo card on the simulated reader (demo mode only). */
    public void placeDemoCard() {
        tasks.checkUiThread();
        demoCard.ifPresent(Runnable::run);
    }

    /** Inserts the demo social security card in the simulated smart-card reader (demo mode only). */
    public void insertDemoSocialSecurityCard() {
        tasks.checkUiThread();
        demoSocialSecurityCard.ifPresent(Runnable::run);
    }

    public boolean demo() {
        return demoCard.isPresent();
    }

    public boolean demoSocialSecurityCard() {
        return demoSocialSecurityCard.isPresent() && identities.acceptsSocialSecurityCard();
    }

    /** Whether the social security card is taken instead of the ID card (configuration). */
    public boolean acceptsSocialSecurityCard() {
        return identities.acceptsSocialSecurityCard();
    }

    /** The citizen left the login screen (back, home, on to the flow): a read in flight is cancelled. */
    public void left() {
        tasks.checkUiThread();
        reset();
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets the screen's state (a session ended); a read in flight is cancelled and ignored. */
    public void reset() {
        tasks.checkUiThread();
        reading.cancel();
        decoding.cancel();
        checking.cancel();
        identities.cancel();
        step.set(Step.WAITING);
        problem.set(null);
        maskedName.set("");
        maskedNumber.set("");
        document.set(null);
        viaApp.set(false);
        wipePhoto();
        next = Screen.HOME;
        appAccepted.set(false);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoginProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedNameProperty() {
        return maskedName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedNumberProperty() {
        return maskedNumber.getReadOnlyProperty();
    }

    /** The document read, for its name on screen. */
    public ReadOnlyObjectProperty<Identity.Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The decoded photo; null for none (no decoder, no photo, not decoded yet). */
    public ReadOnlyObjectProperty<WritableImage> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    /** The name of the document read, in the current language. */
    public StringBinding documentText() {
        return Bindings.createStringBinding(
                () -> document.get() == null
                        ? ""
                        : viaApp.get()
                                ? i18n.text(Msg.LOGIN_VIA_APP, i18n.text(documentMsg(document.get())))
                                : i18n.text(documentMsg(document.get())),
                document,
                viaApp,
                i18n.localeProperty());
    }

    static Msg documentMsg(Identity.Document d) {
        return switch (d) {
            case RESIDENT_ID_CARD -> Msg.LOGIN_DOCUMENT_RESIDENT_ID_CARD;
            case FOREIGN_PERMANENT_RESIDENT_CARD -> Msg.LOGIN_DOCUMENT_FOREIGN_PERMANENT_RESIDENT_CARD;
            case RESIDENCE_PERMIT -> Msg.LOGIN_DOCUMENT_RESIDENCE_PERMIT;
            case SOCIAL_SECURITY_CARD -> Msg.LOGIN_DOCUMENT_SOCIAL_SECURITY_CARD;
        };
    }

    /** What went wrong, in the current language. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : i18n.text(problemMsg(problem.get())),
                problem,
                i18n.localeProperty());
    }

    /** What to do about it. */
    public StringBinding adviceText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : i18n.text(adviceMsg(problem.get())), problem, i18n.localeProperty());
    }

    static Msg problemMsg(LoginProblem p) {
        return switch (p) {
            case NO_CARD -> Msg.LOGIN_PROBLEM_NO_CARD;
            case PLACE_AGAIN -> Msg.LOGIN_PROBLEM_PLACE_AGAIN;
            case LIFT_AND_PLACE_AGAIN -> Msg.LOGIN_PROBLEM_LIFT_AND_PLACE_AGAIN;
            case CARD_UNREADABLE -> Msg.LOGIN_PROBLEM_CARD_UNREADABLE;
            case CARD_NOT_SUPPORTED -> Msg.LOGIN_PROBLEM_CARD_NOT_SUPPORTED;
            case CARD_EXPIRED -> Msg.LOGIN_PROBLEM_CARD_EXPIRED;
            case USE_ID_CARD -> Msg.LOGIN_PROBLEM_USE_ID_CARD;
            case READER_OUT_OF_SERVICE -> Msg.LOGIN_PROBLEM_READER_OUT_OF_SERVICE;
            case APP_CODE_INVALID -> Msg.LOGIN_PROBLEM_APP_CODE_INVALID;
            case APP_CODE_EXPIRED -> Msg.LOGIN_PROBLEM_APP_CODE_EXPIRED;
            case APP_CODE_USED -> Msg.LOGIN_PROBLEM_APP_CODE_USED;
            case APP_LOGIN_OFFLINE -> Msg.LOGIN_PROBLEM_APP_LOGIN_OFFLINE;
        };
    }

    static Msg adviceMsg(LoginProblem p) {
        return ErrorCodes.nextStep(p);
    }

    /** The problem's code for staff (代码 C-UNREADABLE); "" while there is none. */
    public StringBinding problemCodeText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(problem.get())),
                problem,
                i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }
}
