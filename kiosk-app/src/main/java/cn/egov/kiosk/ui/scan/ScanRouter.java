package cn.egov.kiosk.ui.scan;

import cn.egov.kiosk.scan.ScanCode;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which screen acts on a scanned code, wherever the citizen is: the screen shown first (the login
 * screen takes a province app's code, the check-in screen a confirmation), then the flow that
 * starts from such a code (a receipt's query code opens the progress; a confirmation, the
 * check-in), and otherwise a notice in plain words: not a code this kiosk knows, a payment code
 * when nothing is to be paid, a code whose service is out of use now. On the attract screen a scan
 * starts a session first, as a touch does. Its entry points run on the JavaFX thread only.
 */
public final class ScanRouter implements CitizenState {

    /** The notice shown for a code nobody takes. */
    public enum Notice {
        /** Not a code this kiosk knows. */
        UNKNOWN,
        /** A wallet's payment code, when nothing is to be paid. */
        PAYMENT_NOT_NOW,
        /** A code of a service that is not in use now (out of service, or not on this screen). */
        NOT_NOW
    }

    private final I18n i18n;
    private final Navigator navigator;
    private final TaskRunner tasks;
    private final BooleanSupplier sessionActive;
    private final Runnable startSession;
    private final BooleanSupplier busy;
    private final Map<Screen, Predicate<ScanCode>> screens = new EnumMap<>(Screen.class);
    private final Map<Class<? extends ScanCode>, Predicate<ScanCode>> starters = new HashMap<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);

    /**
     * @param sessionActive whether a citizen's session runs
     * @param startSession starts one (the attract screen's start)
     * @param busy whether the screen must not be left now (a ticket or a page printing, staff's
     *     panel open): a scan is then ignored, as a tap on home would be
     */
    public ScanRouter(
            I18n i18n,
            Navigator navigator,
            TaskRunner tasks,
            BooleanSupplier sessionActive,
            Runnable startSession,
            BooleanSupplier busy) {
        this.i18n = i18n;
        this.navigator = navigator;
        this.tasks = tasks;
        this.sessionActive = sessionActive;
        this.startSession = startSession;
        this.busy = busy;
    }

    /** While {@code screen} shows, it is offered every code first; it answers whether it took it. */
    public void onScreen(Screen screen, Predicate<ScanCode> handler) {
        screens.merge(screen, handler, Predicate::or);
    }

    /**
     * A code of kind {@code kind} scanned where no screen takes it starts {@code starter}'s flow; it
     * answers false when the flow cannot run now (out of service), and the citizen is told so.
     */
    public <T extends ScanCode> void startsFrom(Class<T> kind, Predicate<T> starter) {
        starters.put(kind, code -> starter.test(kind.cast(code)));
    }

    /** A code was scanned (the scanner's thread hands it over to this one). */
    public void scanned(ScanCode code) {
        tasks.checkUiThread();
        if (busy.getAsBoolean()) {
            return;
        }
        if (!sessionActive.getAsBoolean()) {
            startSession.run();
        }
        dismiss();
        Predicate<ScanCode> here = screens.get(navigator.current());
        if (here != null && here.test(code)) {
            return;
        }
        Predicate<ScanCode> starter = starters.get(code.getClass());
        if (starter != null && starter.test(code)) {
            return;
        }
        show(
                code instanceof ScanCode.Unknown
                        ? Notice.UNKNOWN
                        : code instanceof ScanCode.PaymentCode ? Notice.PAYMENT_NOT_NOW : Notice.NOT_NOW);
    }

    private void show(Notice n) {
        notice.set(n);
        shown.set(true);
    }

    /** "知道了", or the notice's time is up. */
    public void dismiss() {
        tasks.checkUiThread();
        shown.set(false);
    }

    @Override
    public void resetForNextCitizen() {
        dismiss();
        notice.set(null);
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public StringBinding titleText() {
        return Bindings.createStringBinding(
                () -> notice.get() == null ? "" : i18n.text(titleOf(notice.get())), notice, i18n.localeProperty());
    }

    public StringBinding bodyText() {
        return Bindings.createStringBinding(
                () -> notice.get() == null ? "" : i18n.text(bodyOf(notice.get())), notice, i18n.localeProperty());
    }

    public static Msg titleOf(Notice n) {
        return switch (n) {
            case UNKNOWN -> Msg.SCAN_UNKNOWN_TITLE;
            case PAYMENT_NOT_NOW -> Msg.SCAN_PAYMENT_TITLE;
            case NOT_NOW -> Msg.SCAN_NOT_NOW_TITLE;
        };
    }

    public static Msg bodyOf(Notice n) {
        return switch (n) {
            case UNKNOWN -> Msg.SCAN_UNKNOWN_TEXT;
            case PAYMENT_NOT_NOW -> Msg.SCAN_PAYMENT_TEXT;
            case NOT_NOW -> Msg.SCAN_NOT_NOW_TEXT;
        };
    }

    public I18n i18n() {
        return i18n;
    }

    /** Runs {@code action} for each notice shown, for the voice. */
    public void onNotice(Consumer<Notice> action) {
        shown.addListener((obs, was, now) -> {
            if (now && notice.get() != null) {
                action.accept(notice.get());
            }
        });
    }
}
