package cn.egov.kiosk.ui.ticket;

import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 取号: the citizen picks a business type; the ticket prints; the screen says the number and how
 * many are ahead, or why there is no ticket (and that the number was voided). Printing runs in the
 * background; the screen shows that it is printing meanwhile. Its entry points run on the JavaFX
 * thread only.
 */
public final class TicketViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(TicketViewModel.class);

    public enum Step {
        CHOOSING,
        PRINTING,
        DONE,
        FAILED
    }

    /** A business type button: code, name in the current language, people waiting. */
    public record TypeOption(String code, String name, String waiting) {}

    private final I18n i18n;
    private final QueueService queue;
    private final TicketIssuer issuer;
    private final TaskRunner tasks;
    private final SessionManager sessions;
    private final List<String> typeCodes;
    private final BiFunction<String, Locale, String> typeNames;
    private final Supplier<Optional<String>> idForTicket;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSING);
    private final ObservableList<TypeOption> options = FXCollections.observableArrayList();
    private final ObservableList<TypeOption> readOnlyOptions = FXCollections.unmodifiableObservableList(options);
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ahead = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper voidedNotice = new ReadOnlyStringWrapper("");
    /** The failure's code for staff ({@link ErrorCodes}): 代码 T-PAPER-OUT; "" before. */
    private final ReadOnlyStringWrapper failureCode = new ReadOnlyStringWrapper("");

    private Map<String, OptionalInt> waiting = Map.of();
    /** Counts the people waiting per business type. */
    private final BackgroundTask<Map<String, OptionalInt>> counting;
    /** Takes a number and prints the ticket. */
    private final BackgroundTask<IssueOutcome> issuing;
    /** Fills the result texts (number, ahead, failure) in the current language; again on a switch. */
    private Runnable resultTexts = () -> {};
    /** A business type chosen on another screen, taken when this one shows. */
    private Optional<String> preselected = Optional.empty();

    public TicketViewModel(
            I18n i18n,
            QueueService queue,
            TicketIssuer issuer,
            TaskRunner tasks,
            SessionManager sessions,
            List<String> typeCodes,
            BiFunction<String, Locale, String> typeNames) {
        this(i18n, queue, issuer, tasks, sessions, typeCodes, typeNames, Optional::empty);
    }

    /** @param idForTicket the citizen's ID number, when the hall prints it on tickets (the ticket template masks it) */
    public TicketViewModel(
            I18n i18n,
            QueueService queue,
            TicketIssuer issuer,
            TaskRunner tasks,
            SessionManager sessions,
            List<String> typeCodes,
            BiFunction<String, Locale, String> typeNames,
            Supplier<Optional<String>> idForTicket) {
        this.idForTicket = idForTicket;
        this.i18n = i18n;
        this.queue = queue;
        this.issuer = issuer;
        this.tasks = tasks;
        this.sessions = sessions;
        this.typeCodes = List.copyOf(typeCodes);
        this.typeNames = typeNames;
        this.counting = new BackgroundTask<>(tasks);
        this.issuing = new BackgroundTask<>(tasks);
        i18n.localeProperty().addListener((obs, old, now) -> {
            rebuildOptions();
            resultTexts.run();
        });
        rebuildOptions();
    }

    /**
     * The next time the screen shows, a number of this business type is taken at once (the citizen
     * chose it on a service's page: 取号 for its counter).
     */
    public void preselect(String code) {
        tasks.checkUiThread();
        preselected = typeCodes.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** The screen is shown: back to choosing, waiting counts refreshed in the background. */
    public void onShow() {
        tasks.checkUiThread();
        Optional<String> chosen = preselected;
        reset();
        if (chosen.isPresent()) {
            choose(chosen.get());
            return;
        }
        counting.start(
                () -> typeCodes.stream().collect(Collectors.toMap(c -> c, queue::waiting)),
                counts -> {
                    waiting = counts;
                    rebuildOptions();
                },
                error -> log.warn("Could not count the people waiting: {}", error.toString()));
    }

    /** The citizen touched a business type: take a number and print it. */
    public void choose(String code) {
        tasks.checkUiThread();
        if (step.get() != Step.CHOOSING) {
            return; // a second touch while printing
        }
        step.set(Step.PRINTING);
        Locale locale = i18n.locale();
        Optional<String> idNumber = idForTicket.get();
        issuing.start(() -> issuer.issue(code, locale, idNumber), this::show, error -> {
            resultTexts = () -> {
                failureReason.set(i18n.text(Msg.REASON_UNEXPECTED));
                failureCode.set(ErrorCodes.line(i18n, ErrorCodes.TICKET_UNEXPECTED));
                voidedNotice.set("");
            };
            resultTexts.run();
            step.set(Step.FAILED);
        });
    }

    private void show(IssueOutcome outcome) {
        resultTexts = () -> render(outcome);
        resultTexts.run();
        step.set(outcome instanceof IssueOutcome.Issued ? Step.DONE : Step.FAILED);
    }

    private void render(IssueOutcome outcome) {
        if (outcome instanceof IssueOutcome.Issued issued) {
            number.set(issued.ticket().number());
            ahead.set(
                    issued.ticket().waitingAhead().isPresent()
                            ? i18n.text(
                                    Msg.TICKET_DONE_AHEAD,
                                    issued.ticket().waitingAhead().getAsInt())
                            : "");
        } else if (outcome instanceof IssueOutcome.NotIssued failed) {
            failureReason.set(i18n.text(reasonText(failed.reason())));
            failureCode.set(ErrorCodes.line(i18n, ErrorCodes.of(failed.reason())));
            String voided = failed.voided()
                    .map(t -> i18n.text(Msg.TICKET_FAILED_VOIDED, t.number()))
                    .orElse("");
            voidedNotice.set(
                    failed.partlyPrinted() ? (voided + " " + i18n.text(Msg.TICKET_FAILED_PARTIAL)).strip() : voided);
        }
    }

    /** True while a ticket prints: the citizen cannot leave the screen then. */
    public BooleanBinding busy() {
        return Bindings.createBooleanBinding(() -> step.get() == Step.PRINTING, step);
    }

    /** Why no ticket came, in the citizen's words (the check-in's ticket says the same). */
    public static Msg reasonText(IssueOutcome.Reason reason) {
        return switch (reason) {
            case PRINTER_MISSING -> Msg.REASON_PRINTER_MISSING;
            case PRINTER_OFFLINE -> Msg.REASON_PRINTER_OFFLINE;
            case PAPER_OUT -> Msg.REASON_PAPER_OUT;
            case COVER_OPEN -> Msg.REASON_COVER_OPEN;
            case PRINTER_FAULT -> Msg.REASON_PRINTER_FAULT;
            case STORE_FAILED -> Msg.REASON_STORE_FAILED;
        };
    }

    /** The citizen is done: the session ends and the kiosk returns to the attract screen. */
    public void finish() {
        tasks.checkUiThread();
        sessions.end(EndReason.EXPLICIT_EXIT);
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets everything shown (a session ended, or the screen is entered again). */
    public void reset() {
        tasks.checkUiThread();
        counting.cancel();
        issuing.cancel();
        resultTexts = () -> {};
        step.set(Step.CHOOSING);
        number.set("");
        ahead.set("");
        failureReason.set("");
        failureCode.set("");
        voidedNotice.set("");
        waiting = Map.of();
        preselected = Optional.empty();
        rebuildOptions();
    }

    private void rebuildOptions() {
        Locale locale = i18n.locale();
        options.setAll(typeCodes.stream()
                .map(code -> {
                    OptionalInt w = waiting.getOrDefault(code, OptionalInt.empty());
                    String waitingText = w.isPresent() ? i18n.text(Msg.TICKET_WAITING, w.getAsInt()) : "";
                    return new TypeOption(code, typeNames.apply(code, locale), waitingText);
                })
                .toList());
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<TypeOption> options() {
        return readOnlyOptions;
    }

    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aheadProperty() {
        return ahead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureReasonProperty() {
        return failureReason.getReadOnlyProperty();
    }

    /** The failure's code for staff, as its line reads (代码 T-PAPER-OUT); "" while nothing failed. */
    public ReadOnlyStringProperty failureCodeProperty() {
        return failureCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty voidedNoticeProperty() {
        return voidedNotice.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
