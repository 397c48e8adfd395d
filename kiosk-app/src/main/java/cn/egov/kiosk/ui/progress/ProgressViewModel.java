package cn.egov.kiosk.ui.progress;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.progress.ProgressService;
import cn.egov.kiosk.progress.Tracked;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 办件进度: how to look it up (the ID card or the province app's code, or a receipt's QR code), then
 * the citizen's applications, newest first, one to choose when there are several, and one
 * application's progress: its status in plain words, what happens next, the promised date, each
 * step with its date, and when and where the result can be collected or that it was mailed. The
 * applications this kiosk holds and the platform does not are shown as such ("saved here, sent
 * when the platform is back"); when the platform cannot be asked the screen says so and what still
 * works. A receipt scanned on any screen comes here without a login. Its entry points run on the
 * JavaFX thread only.
 */
public final class ProgressViewModel implements CitizenState {

    public enum Step {
        /** How to look up: by the ID card (or app code), or by a receipt's QR code. */
        CHOOSE,
        /** Waiting for a receipt's QR code at the scanner. */
        SCAN,
        SEARCHING,
        /** Several applications: the citizen picks one. */
        LIST,
        /** One application's progress. */
        DETAIL,
        /** The platform answered: this person has no applications, and the kiosk holds none. */
        NONE,
        /** The platform knows no application by this code, and the kiosk holds none. */
        UNKNOWN_CODE,
        /** The platform cannot be asked, and the kiosk holds nothing to show. */
        OFFLINE,
        /** The kiosk itself failed (its store): said with a code for staff. */
        FAILED
    }

    /** What the progress slip (办件进度单) prints from. */
    public static final String SLIP = "progress-slip";

    /** What the print button did. */
    public enum PrintState {
        IDLE,
        PRINTING,
        PRINTED,
        FAILED
    }

    private final I18n i18n;
    private final ProgressService service;
    private final TaskRunner tasks;
    private final SessionManager sessions;
    private final Clock clock;
    private final ZoneId zone;
    private final String hotline;
    private final boolean scanner;
    private final boolean appCode;
    private final Runnable signIn;
    private final Optional<Printing> printing;
    private final Supplier<String> hallName;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ObservableList<Tracked> applications = FXCollections.observableArrayList();
    private final ObservableList<Tracked> applicationsView = FXCollections.unmodifiableObservableList(applications);
    private final ReadOnlyObjectWrapper<Tracked> selected = new ReadOnlyObjectWrapper<>();
    /** The platform could not be asked: what is shown is only what this kiosk holds. */
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(false);

    private final BackgroundTask<ProgressService.Lookup> searching;
    private final BackgroundTask<Printing.Outcome> printingTask;
    private final ReadOnlyObjectWrapper<PrintState> printState = new ReadOnlyObjectWrapper<>(PrintState.IDLE);
    private final ReadOnlyObjectWrapper<Printing.Problem> printProblem = new ReadOnlyObjectWrapper<>();
    /** The citizen asked for their own applications and went to sign in: search when back. */
    private boolean personWanted;
    /** The last search, for "try again": the query code, or empty for the signed-in person. */
    private Optional<String> lastCode = Optional.empty();

    /**
     * @param hotline the hall's service hotline ("" for none), said when the platform cannot be asked
     * @param scanner whether the kiosk has a scanner: a receipt's code is offered only then
     * @param appCode whether the login step takes the province app's code (扫码登录)
     * @param signIn sends the citizen through the login step, back to this screen
     * @param printing the receipt printer's path, for the progress slip, when the kiosk has one
     * @param hallName the hall's name in the screen's language, at the slip's top
     */
    public ProgressViewModel(
            I18n i18n,
            ProgressService service,
            TaskRunner tasks,
            SessionManager sessions,
            Clock clock,
            ZoneId zone,
            String hotline,
            boolean scanner,
            boolean appCode,
            Runnable signIn,
            Optional<Printing> printing,
            Supplier<String> hallName) {
        this.i18n = i18n;
        this.service = service;
        this.tasks = tasks;
        this.sessions = sessions;
        this.clock = clock;
        this.zone = zone;
        this.hotline = hotline;
        this.scanner = scanner;
        this.appCode = appCode;
        this.signIn = signIn;
        this.printing = printing;
        this.hallName = hallName;
        this.searching = new BackgroundTask<>(tasks);
        this.printingTask = new BackgroundTask<>(tasks);
        selected.addListener((obs, was, now) -> {
            if (was != now) {
                printingTask.cancel();
                printProblem.set(null);
                printState.set(PrintState.IDLE);
            }
        });
    }

    /** The screen opens afresh (from the home screen): how to look up. */
    public void start() {
        tasks.checkUiThread();
        reset();
    }

    /** "刷身份证/扫APP码": the signed-in citizen's applications, through the login step if need be. */
    public void byPerson() {
        tasks.checkUiThread();
        if (identity().isPresent()) {
            searchPerson();
            return;
        }
        personWanted = true;
        signIn.run();
        if (identity().isPresent()) { // the session had one after all: the login step went on at once
            searchPerson();
        }
    }

    /** The screen is shown again: back from the login step, the citizen's search starts. */
    public void shown() {
        tasks.checkUiThread();
        if (personWanted && identity().isPresent()) {
            searchPerson();
        }
    }

    /** "扫描受理回执上的二维码": where the receipt's code is and where to hold it. */
    public void scanReceipt() {
        tasks.checkUiThread();
        if (scanner && step.get() == Step.CHOOSE) {
            step.set(Step.SCAN);
        }
    }

    /** A receipt's query code was scanned (on this screen, or elsewhere and brought here): its progress. */
    public boolean queryCode(String code) {
        tasks.checkUiThread();
        personWanted = false;
        lastCode = Optional.of(code);
        search();
        return true;
    }

    /** One of the list chosen: its progress. */
    public void choose(int index) {
        tasks.checkUiThread();
        if (step.get() == Step.LIST && index >= 0 && index < applications.size()) {
            selected.set(applications.get(index));
            step.set(Step.DETAIL);
        }
    }

    /**
     * "打印进度单": the application shown, as the screen shows it, on the receipt printer (no personal
     * data on it), off the JavaFX thread.
     */
    public void printSlip() {
        tasks.checkUiThread();
        Tracked t = selected.get();
        if (t == null || printing.isEmpty() || printState.get() == PrintState.PRINTING) {
            return;
        }
        printState.set(PrintState.PRINTING);
        printProblem.set(null);
        JsonNode data = slip(t);
        Locale locale = i18n.locale();
        Printing p = printing.get();
        printingTask.start(
                () -> p.print(SLIP, data, locale, t.reference(), false),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        printProblem.set(np.problem());
                        printState.set(PrintState.FAILED);
                    } else {
                        printState.set(PrintState.PRINTED);
                    }
                },
                error -> {
                    printProblem.set(Printing.Problem.PRINTER_FAULT);
                    printState.set(PrintState.FAILED);
                });
    }

    /** The slip's data: the texts the screen shows, in its language. */
    JsonNode slip(Tracked t) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("hallName", hallName.get());
        d.put("serviceName", rowTitle(t));
        d.put("number", numberText(t));
        d.put("status", statusText(t));
        d.put("nextStep", nextText(t));
        d.put("result", resultText(t));
        d.put("deadline", deadlineText(t));
        ArrayNode steps = d.putArray("steps");
        for (StepLine line : stepLines(t)) {
            steps.addObject().put("when", line.when()).put("name", line.name()).put("result", line.result());
        }
        d.put("printedAt", when(clock.instant()));
        d.put("hotline", hotline);
        d.put("reprint", false);
        return d;
    }

    /** "再查一次": the same search again (the platform may be back). */
    public void retry() {
        tasks.checkUiThread();
        if (step.get() == Step.OFFLINE || step.get() == Step.FAILED || offline.get()) {
            search();
        }
    }

    /** "重新扫描": another receipt. */
    public void scanAgain() {
        tasks.checkUiThread();
        reset();
        scanReceipt();
    }

    /**
     * The frame's back: one step back inside the screen (an application back to the list, the list
     * or an outcome back to how to look up); false at the first step, where back leaves the screen.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case CHOOSE:
                return false;
            case DETAIL:
                if (applications.size() > 1) {
                    selected.set(null);
                    step.set(Step.LIST);
                    return true;
                }
                reset();
                return true;
            default:
                reset();
                return true;
        }
    }

    private void searchPerson() {
        personWanted = false;
        lastCode = Optional.empty();
        search();
    }

    private void search() {
        Optional<String> code = lastCode;
        Optional<String> idNumber =
                code.isPresent() ? Optional.empty() : identity().map(Identity::number);
        if (code.isEmpty() && idNumber.isEmpty()) {
            reset(); // the session ended meanwhile: nobody to look up
            return;
        }
        applications.clear();
        selected.set(null);
        offline.set(false);
        step.set(Step.SEARCHING);
        searching.start(
                () -> code.isPresent() ? service.ofQueryCode(code.get()) : service.ofApplicant(idNumber.get()),
                this::found,
                error -> step.set(Step.FAILED));
    }

    private void found(ProgressService.Lookup lookup) {
        applications.setAll(lookup.applications());
        offline.set(!lookup.platformAnswered());
        if (applications.size() == 1) {
            selected.set(applications.get(0));
            step.set(Step.DETAIL);
        } else if (applications.size() > 1) {
            step.set(Step.LIST);
        } else if (!lookup.platformAnswered()) {
            step.set(Step.OFFLINE);
        } else {
            step.set(lastCode.isPresent() ? Step.UNKNOWN_CODE : Step.NONE);
        }
    }

    private Optional<Identity> identity() {
        return sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Back to how to look up; what was found is forgotten. */
    public void reset() {
        tasks.checkUiThread();
        searching.cancel();
        printingTask.cancel();
        printProblem.set(null);
        printState.set(PrintState.IDLE);
        personWanted = false;
        lastCode = Optional.empty();
        applications.clear();
        selected.set(null);
        offline.set(false);
        step.set(Step.CHOOSE);
    }

    // ---- state --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** What was found, newest first. */
    public ObservableList<Tracked> applications() {
        return applicationsView;
    }

    /** The application shown (DETAIL). */
    public ReadOnlyObjectProperty<Tracked> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The platform could not be asked: only what this kiosk holds is shown. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** Whether the progress slip can be printed here (the kiosk has a receipt printer). */
    public boolean canPrint() {
        return printing.isPresent();
    }

    public ReadOnlyObjectProperty<PrintState> printStateProperty() {
        return printState.getReadOnlyProperty();
    }

    /** What the print button did: printing, printed, or why not and what to do; "" before. */
    public StringBinding printStatusText() {
        return Bindings.createStringBinding(
                () -> switch (printState.get()) {
                    case IDLE -> "";
                    case PRINTING -> i18n.text(Msg.PROGRESS_PRINTING);
                    case PRINTED -> i18n.text(Msg.PROGRESS_PRINTED);
                    case FAILED ->
                        printProblem.get() == null
                                ? ""
                                : i18n.text(Msg.PROGRESS_PRINT_FAILED) + " "
                                        + i18n.text(Msg.forPrintProblem(printProblem.get())) + " "
                                        + i18n.text(ErrorCodes.nextStep(printProblem.get()));
                },
                printState,
                printProblem,
                i18n.localeProperty());
    }

    /** The print failure's code for staff; "" while nothing failed. */
    public StringBinding printCodeText() {
        return Bindings.createStringBinding(
                () -> printProblem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(printProblem.get())),
                printProblem,
                i18n.localeProperty());
    }

    /** Whether a receipt's code can be scanned here. */
    public boolean scanner() {
        return scanner;
    }

    public I18n i18n() {
        return i18n;
    }

    // ---- words --------------------------------------------------------------------------------

    /** The button for one's own applications: the card, or the card and the app's code. */
    public StringBinding byPersonText() {
        return i18n.bind(appCode ? Msg.PROGRESS_BY_CARD_OR_APP : Msg.PROGRESS_BY_CARD);
    }

    /** The banner over what the kiosk holds while the platform cannot be asked; "" otherwise. */
    public StringBinding offlineBanner() {
        return Bindings.createStringBinding(
                () -> offline.get() ? i18n.text(Msg.PROGRESS_OFFLINE_BANNER) : "", offline, i18n.localeProperty());
    }

    /** What still works while the platform cannot be asked: the receipt's date, the hotline, later. */
    public StringBinding offlineAdvice() {
        return Bindings.createStringBinding(
                () -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(i18n.text(Msg.PROGRESS_OFFLINE_RECEIPT));
                    if (!hotline.isBlank()) {
                        lines.add(i18n.text(Msg.PROGRESS_OFFLINE_HOTLINE, hotline));
                    }
                    lines.add(i18n.text(Msg.PROGRESS_OFFLINE_LATER));
                    return String.join("\n", lines);
                },
                i18n.localeProperty());
    }

    /** The code for staff under the offline page and a failure; "" otherwise. */
    public StringBinding problemCodeText() {
        return Bindings.createStringBinding(
                () -> switch (step.get()) {
                    case OFFLINE -> ErrorCodes.line(i18n, ErrorCodes.PROGRESS_AWAY);
                    case FAILED -> ErrorCodes.line(i18n, ErrorCodes.PROGRESS_FAILED);
                    default -> "";
                },
                step,
                i18n.localeProperty());
    }

    /** How many were found, over the list. */
    public StringBinding listTitle() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.PROGRESS_LIST_TITLE, applications.size()), applications, i18n.localeProperty());
    }

    /** A row of the list: what was applied for is its title. */
    public String rowTitle(Tracked t) {
        return t.itemName();
    }

    /** A row of the list: where it stands, then when it was made and its number. */
    public String rowSummary(Tracked t) {
        return statusText(t) + "\n" + submittedText(t);
    }

    /** Where it stands, in plain words. */
    public String statusText(Tracked t) {
        return switch (t.origin()) {
            case SAVED_HERE -> i18n.text(Msg.PROGRESS_SAVED_HERE);
            case SENT_FROM_HERE -> i18n.text(Msg.PROGRESS_SENT_FROM_HERE);
            case NOT_TAKEN -> i18n.text(Msg.PROGRESS_NOT_TAKEN);
            case PLATFORM -> t.status().map(s -> i18n.text(statusWords(s))).orElse("");
        };
    }

    /** When it was made: 11月28日 星期六 上午9:12提交; "" when not known. */
    public String submittedText(Tracked t) {
        return t.submittedAt()
                .map(at -> i18n.text(Msg.PROGRESS_SUBMITTED, when(at)))
                .orElse("");
    }

    /** Its number: the platform's (受理编号), or the kiosk's reference on the receipt (本机编号). */
    public String numberText(Tracked t) {
        return i18n.text(
                t.origin() == Tracked.Origin.SAVED_HERE || t.origin() == Tracked.Origin.NOT_TAKEN
                        ? Msg.PROGRESS_REFERENCE
                        : Msg.PROGRESS_NUMBER,
                t.reference());
    }

    /** What happens next: the platform's words, or what the kiosk knows to say; "" when nothing is known. */
    public String nextText(Tracked t) {
        return switch (t.origin()) {
            case SAVED_HERE -> i18n.text(Msg.PROGRESS_NEXT_SAVED_HERE);
            case SENT_FROM_HERE -> i18n.text(Msg.PROGRESS_NEXT_SENT_FROM_HERE);
            case NOT_TAKEN -> i18n.text(Msg.PROGRESS_NEXT_NOT_TAKEN);
            case PLATFORM ->
                t.nextStep()
                        .orElseGet(() -> t.status()
                                .filter(s -> s == Applications.Status.REJECTED)
                                .map(s -> i18n.text(Msg.PROGRESS_NEXT_REJECTED))
                                .orElse(""));
        };
    }

    /** The code for staff of an application the platform did not take; "" otherwise. */
    public String codeText(Tracked t) {
        return t.origin() == Tracked.Origin.NOT_TAKEN ? ErrorCodes.line(i18n, ErrorCodes.PROGRESS_NOT_TAKEN) : "";
    }

    /** The promised date: 承诺办结日期 12月8日 星期二; "" when not known (or done). */
    public String deadlineText(Tracked t) {
        if (t.status()
                .filter(s -> s == Applications.Status.COMPLETED || s == Applications.Status.REJECTED)
                .isPresent()) {
            return "";
        }
        return t.deadline().map(d -> i18n.text(Msg.PROGRESS_DEADLINE, day(d))).orElse("");
    }

    /** How the result comes: from when and where to collect it, or that it was mailed and its tracking number. */
    public String resultText(Tracked t) {
        if (t.result().isEmpty()) {
            return "";
        }
        Applications.Result r = t.result().get();
        if (r.delivery() == Applications.Delivery.POSTAL) {
            String number = r.trackingNumber() == null ? "" : r.trackingNumber();
            return r.readyOn() == null
                    ? i18n.text(Msg.PROGRESS_RESULT_MAILED, number)
                    : i18n.text(Msg.PROGRESS_RESULT_MAILED_ON, day(r.readyOn()), number);
        }
        String place = r.place() == null ? "" : r.place();
        if (r.readyOn() == null || !r.readyOn().isAfter(today())) {
            return i18n.text(Msg.PROGRESS_RESULT_READY, place);
        }
        return i18n.text(Msg.PROGRESS_RESULT_READY_FROM, day(r.readyOn()), place);
    }

    /**
     * The steps so far, oldest first, each with its date and time in plain words, the step, its
     * result and who did it: 12月1日 星期二 上午9:30, 收件, 已接收, 办理：自助终端 DEMO-01.
     */
    public List<StepLine> stepLines(Tracked t) {
        List<StepLine> lines = new ArrayList<>();
        for (Applications.Step s : t.steps()) {
            lines.add(new StepLine(
                    s.at() == null ? "" : when(s.at().toInstant()),
                    s.name() == null ? "" : s.name(),
                    s.result() == null ? "" : s.result(),
                    s.by() == null || s.by().isBlank() ? "" : i18n.text(Msg.PROGRESS_STEP_BY, s.by())));
        }
        return lines;
    }

    /** One step of an application: when, the step, its result, who did it ("" for what is not known). */
    public record StepLine(String when, String name, String result, String by) {}

    /** The date and time in plain words, in the hall's zone: 12月1日 星期二 上午9:30 (the year when not this one). */
    String when(Instant at) {
        boolean thisYear = at.atZone(zone).getYear() == today().getYear();
        return i18n.textInZone(thisYear ? Msg.PROGRESS_TIME : Msg.PROGRESS_TIME_WITH_YEAR, zone, Date.from(at));
    }

    /** A day in plain words: 12月8日 星期二 (the year when not this one). */
    String day(LocalDate d) {
        boolean thisYear = d.getYear() == today().getYear();
        return i18n.textInZone(
                thisYear ? Msg.PROGRESS_DAY : Msg.PROGRESS_DAY_WITH_YEAR,
                zone,
                Date.from(d.atStartOfDay(zone).toInstant()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The status in the citizen's words; the compiler checks every status has some. */
    static Msg statusWords(Applications.Status s) {
        return switch (s) {
            case RECEIVED -> Msg.PROGRESS_STATUS_RECEIVED;
            case ACCEPTED -> Msg.PROGRESS_STATUS_ACCEPTED;
            case IN_REVIEW -> Msg.PROGRESS_STATUS_IN_REVIEW;
            case APPROVED -> Msg.PROGRESS_STATUS_APPROVED;
            case REJECTED -> Msg.PROGRESS_STATUS_REJECTED;
            case COMPLETED -> Msg.PROGRESS_STATUS_COMPLETED;
        };
    }
}
