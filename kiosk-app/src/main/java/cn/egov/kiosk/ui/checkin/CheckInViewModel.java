package cn.egov.kiosk.ui.checkin;

import cn.egov.kiosk.appointment.AppointmentException;
import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.appointment.CheckInDesk;
import cn.egov.kiosk.appointment.CheckInWindow;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.appointment.When;
import cn.egov.kiosk.ui.ticket.TicketViewModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 签到: the appointment of today found by its confirmation's QR code (scanned on this screen or on
 * any other) or by the citizen (the ID card or the app's code: their appointments of today, one
 * chosen when there are several), then checked in: too early or too late said with the times, a
 * cancelled or missed one said so, and inside the window the platform's queue number on a ticket
 * that carries the appointment's priority. A ticket that did not print still leaves the citizen
 * checked in: the number and where to go are said. Its entry points run on the JavaFX thread only.
 */
public final class CheckInViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(CheckInViewModel.class);

    public enum Step {
        /** Scan the confirmation, or sign in. */
        START,
        /** The platform is asked for the appointment. */
        LOOKING,
        /** Several appointments today: which one. */
        CHOOSE,
        /** Checked in and its ticket printing. */
        CHECKING_IN,
        DONE,
        /** Checked in before: its number again, no second ticket. */
        ALREADY,
        /** Checked in, but the ticket did not print: the number and where to go. */
        NOT_PRINTED,
        TOO_EARLY,
        TOO_LATE,
        /** Cancelled, missed, or a code the platform does not know. */
        NOT_BOOKED,
        /** The citizen has no appointment today. */
        NONE,
        /** The ticket printer cannot print: not checked in, the appointment kept. */
        PRINTER,
        /** The platform away or refusing: not checked in; try again. */
        FAILED
    }

    /** One of today's appointments to choose from. */
    public record Option(String id, String service, String time) {}

    private final I18n i18n;
    private final SessionManager sessions;
    private final CheckInDesk desk;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final When when;
    private final Runnable identify;
    private final Function<Locale, String> hallName;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.START);
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    /** Held once: a read-only view made per call is only weakly listened to, and its listeners are lost. */
    private final ObservableList<Option> optionsView = FXCollections.unmodifiableObservableList(options);

    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper priority = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper partly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<AppointmentProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<IssueOutcome.Reason> printerReason = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Appointments.Appointment> appointment = new ReadOnlyObjectWrapper<>();
    private List<Appointments.Appointment> today = List.of();

    private final BackgroundTask<Found> looking;
    /** The last look-up asked (a code, or a person's appointments of today): "try again" asks it again. */
    private Callable<Found> lastLookUp;

    private final BackgroundTask<CheckInDesk.Outcome> checking;

    /** What the platform found: today's appointments of a citizen, or the one of a code (or none). */
    private record Found(List<Appointments.Appointment> appointments, boolean byCode) {}

    /**
     * @param identify sends the citizen through the login step (ID card or app code), back here
     * @param hallName where to go when the appointment does not name its counter
     */
    public CheckInViewModel(
            I18n i18n,
            SessionManager sessions,
            CheckInDesk desk,
            TaskRunner tasks,
            Clock clock,
            ZoneId zone,
            Runnable identify,
            Function<Locale, String> hallName) {
        this.i18n = i18n;
        this.sessions = sessions;
        this.desk = desk;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.when = new When(i18n, zone);
        this.identify = identify;
        this.hallName = hallName;
        this.looking = new BackgroundTask<>(tasks);
        this.checking = new BackgroundTask<>(tasks);
        i18n.localeProperty().addListener((obs, was, now) -> texts());
    }

    /** The feature is opened: scan, or sign in (a citizen signed in already is looked up at once). */
    public void open() {
        tasks.checkUiThread();
        reset();
        citizen().ifPresent(this::lookUp);
    }

    /** The screen shows again (back from the login step): a signed-in citizen is looked up. */
    public void shown() {
        tasks.checkUiThread();
        if (step.get() == Step.START) {
            citizen().ifPresent(this::lookUp);
        }
    }

    /** "No confirmation with you? Use the ID card or the app". */
    public void identify() {
        tasks.checkUiThread();
        if (citizen().isPresent()) {
            lookUp(citizen().get());
        } else {
            identify.run();
        }
    }

    /**
     * A confirmation's check-in code scanned (on this screen, or anywhere: the kiosk came here); false
     * while a check-in is on its way, when a second code waits.
     */
    public boolean scanned(String checkInCode) {
        tasks.checkUiThread();
        if (step.get() == Step.CHECKING_IN) {
            return false;
        }
        lookUp(() -> new Found(desk.byCode(checkInCode).map(List::of).orElse(List.of()), true));
        return true;
    }

    private void lookUp(Identity who) {
        String idNumber = who.number();
        lookUp(() -> new Found(desk.today(idNumber), false));
    }

    /** Asks which appointments; remembered, so "try again" after a failed look-up asks again. */
    private void lookUp(Callable<Found> ask) {
        lastLookUp = ask;
        appointment.set(null); // none chosen until this look-up finds one
        problem.set(null);
        step.set(Step.LOOKING);
        looking.start(ask, this::found, this::lookupFailed);
    }

    private void found(Found f) {
        today = f.appointments();
        texts();
        if (today.isEmpty()) {
            if (f.byCode()) {
                problem.set(AppointmentProblem.NOT_FOUND);
                step.set(Step.NOT_BOOKED);
            } else {
                step.set(Step.NONE);
            }
            return;
        }
        if (today.size() == 1) {
            checkIn(today.get(0));
            return;
        }
        step.set(Step.CHOOSE);
    }

    private void lookupFailed(Throwable error) {
        problem.set(problemOf(error));
        step.set(Step.FAILED);
    }

    /** One of several appointments of today chosen. */
    public void choose(String appointmentId) {
        tasks.checkUiThread();
        if (step.get() != Step.CHOOSE) {
            return;
        }
        today.stream()
                .filter(a -> a.appointmentId().equals(appointmentId))
                .findFirst()
                .ifPresent(this::checkIn);
    }

    /**
     * "Try again": the check-in of the same appointment (the printer fixed, the platform back), or the
     * look-up again when it was the look-up that failed.
     */
    public void retry() {
        tasks.checkUiThread();
        if (step.get() != Step.FAILED && step.get() != Step.PRINTER) {
            return;
        }
        if (appointment.get() != null) {
            checkIn(appointment.get());
        } else if (lastLookUp != null) {
            lookUp(lastLookUp);
        }
    }

    private void checkIn(Appointments.Appointment a) {
        appointment.set(a);
        problem.set(null);
        printerReason.set(null);
        partly.set(false);
        Locale locale = i18n.locale();
        step.set(Step.CHECKING_IN);
        checking.start(() -> desk.checkIn(a, locale), this::outcome, error -> {
            log.error("A check-in failed unexpectedly", error);
            problem.set(AppointmentProblem.FAILED);
            step.set(Step.FAILED);
        });
    }

    private void outcome(CheckInDesk.Outcome o) {
        appointment.set(o.appointment());
        priority.set(o.appointment().priority());
        if (o instanceof CheckInDesk.Printed p) {
            number.set(p.ticket().number());
            step.set(Step.DONE);
        } else if (o instanceof CheckInDesk.AlreadyCheckedIn already) {
            number.set(
                    already.appointment().queueNumber() == null
                            ? ""
                            : already.appointment().queueNumber());
            step.set(Step.ALREADY);
        } else if (o instanceof CheckInDesk.NotPrinted np) {
            number.set(np.number());
            printerReason.set(np.reason());
            partly.set(np.partly());
            step.set(Step.NOT_PRINTED);
        } else if (o instanceof CheckInDesk.PrinterNotReady pn) {
            printerReason.set(pn.reason());
            step.set(Step.PRINTER);
        } else if (o instanceof CheckInDesk.Refused r) {
            problem.set(r.problem());
            step.set(
                    switch (r.problem()) {
                        case TOO_EARLY -> Step.TOO_EARLY;
                        case TOO_LATE -> Step.TOO_LATE;
                        case NOT_BOOKED, NOT_FOUND -> Step.NOT_BOOKED;
                        case OFFLINE, SLOT_FULL, FAILED -> Step.FAILED;
                    });
        }
    }

    private static AppointmentProblem problemOf(Throwable error) {
        if (error instanceof AppointmentException e) {
            return e.problem();
        }
        log.error("An appointment look-up failed unexpectedly", error);
        return AppointmentProblem.FAILED;
    }

    /** Whether a check-in is on its way: the citizen cannot leave the screen, nor scan another code. */
    public BooleanBinding busy() {
        return step.isEqualTo(Step.CHECKING_IN);
    }

    private Optional<Identity> citizen() {
        return sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    private LocalDate todayDate() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private void texts() {
        LocalDate d = todayDate();
        options.setAll(today.stream()
                .map(a -> new Option(a.appointmentId(), a.itemName(), slotText(a, d)))
                .toList());
    }

    private String slotText(Appointments.Appointment a, LocalDate today) {
        try {
            String time = when.span(LocalTime.parse(a.start()), LocalTime.parse(a.end()));
            return a.date().equals(today) ? time : when.day(a.date(), today) + " " + time;
        } catch (RuntimeException e) {
            return when.dayTime(CheckInWindow.start(a), today);
        }
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    public void reset() {
        tasks.checkUiThread();
        looking.cancel();
        checking.cancel();
        today = List.of();
        number.set("");
        priority.set(false);
        partly.set(false);
        problem.set(null);
        printerReason.set(null);
        appointment.set(null);
        lastLookUp = null;
        texts();
        step.set(Step.START);
    }

    // ---- what the view shows --------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<Option> options() {
        return optionsView;
    }

    /** The queue number (done, already checked in, or not printed). */
    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    /** Whether the hall calls this number ahead of those taken without an appointment. */
    public ReadOnlyBooleanProperty priorityProperty() {
        return priority.getReadOnlyProperty();
    }

    /** Whether part of a ticket may have come out of a print that failed. */
    public ReadOnlyBooleanProperty partlyProperty() {
        return partly.getReadOnlyProperty();
    }

    /** The appointment being checked in (null before). */
    public ReadOnlyObjectProperty<Appointments.Appointment> appointmentProperty() {
        return appointment.getReadOnlyProperty();
    }

    /** The appointment's service and time: 不动产登记 · 上午10:00–10:30. */
    public StringBinding appointmentText() {
        return Bindings.createStringBinding(
                () -> {
                    Appointments.Appointment a = appointment.get();
                    return a == null ? "" : i18n.text(Msg.CHECKIN_APPOINTMENT, a.itemName(), slotText(a, todayDate()));
                },
                appointment,
                i18n.localeProperty());
    }

    /** Where to go: the appointment's counter, else the hall. */
    public StringBinding placeText() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.CHECKIN_PLACE, place()), appointment, i18n.localeProperty());
    }

    private String place() {
        Appointments.Appointment a = appointment.get();
        return a == null || a.place() == null || a.place().isBlank() ? hallName.apply(i18n.locale()) : a.place();
    }

    /** What the step says, with the times, the number and what to do. */
    public StringBinding messageText() {
        return Bindings.createStringBinding(
                this::message, step, appointment, problem, printerReason, number, i18n.localeProperty());
    }

    private String message() {
        Appointments.Appointment a = appointment.get();
        LocalDate d = todayDate();
        return switch (step.get()) {
            case START, LOOKING, CHOOSE, CHECKING_IN -> "";
            case DONE -> i18n.text(Msg.CHECKIN_DONE_TAKE);
            case ALREADY -> i18n.text(Msg.CHECKIN_ALREADY_TEXT);
            case NOT_PRINTED ->
                i18n.text(Msg.CHECKIN_NOT_PRINTED_TEXT, number.get(), place()) + " "
                        + i18n.text(TicketViewModel.reasonText(printerReason.get()));
            case TOO_EARLY -> a == null ? "" : early(a, d);
            case TOO_LATE -> a == null ? "" : late(a, d);
            case NOT_BOOKED -> notBooked(a);
            case NONE -> i18n.text(Msg.CHECKIN_NONE_TEXT);
            case PRINTER ->
                i18n.text(Msg.CHECKIN_PRINTER_TEXT, i18n.text(TicketViewModel.reasonText(printerReason.get())));
            case FAILED ->
                i18n.text(
                                problem.get() == AppointmentProblem.OFFLINE
                                        ? Msg.CHECKIN_OFFLINE_TEXT
                                        : Msg.CHECKIN_FAILED_TEXT)
                        + " "
                        + i18n.text(
                                ErrorCodes.nextStep(problem.get() == null ? AppointmentProblem.FAILED : problem.get()));
        };
    }

    /** 您的预约是上午10:00，上午9:30起可以签到，请稍后再来。 (another day: its day as well) */
    private String early(Appointments.Appointment a, LocalDate today) {
        LocalDateTime start = CheckInWindow.start(a);
        LocalDateTime opens = CheckInWindow.opens(a).orElse(start);
        return a.date().equals(today)
                ? when.text(Msg.CHECKIN_EARLY_TODAY, when.date(start), when.date(opens))
                : when.text(Msg.CHECKIN_EARLY_DAY, when.dayTime(start, today), when.date(opens));
    }

    /** 已超过签到时间（上午10:15），请到咨询台或重新取号。 (another day: the appointment's day) */
    private String late(Appointments.Appointment a, LocalDate today) {
        Optional<LocalDateTime> closes = CheckInWindow.closes(a);
        return a.date().equals(today) && closes.isPresent()
                ? when.text(Msg.CHECKIN_LATE_TODAY, when.date(closes.get()))
                : when.text(Msg.CHECKIN_LATE_DAY, when.dayTime(CheckInWindow.start(a), today));
    }

    private String notBooked(Appointments.Appointment a) {
        if (a == null || problem.get() == AppointmentProblem.NOT_FOUND) {
            return i18n.text(Msg.CHECKIN_NOT_FOUND_TEXT);
        }
        return switch (a.status()) {
            case CANCELLED -> i18n.text(Msg.CHECKIN_CANCELLED_TEXT);
            case MISSED -> i18n.text(Msg.CHECKIN_MISSED_TEXT);
            case BOOKED, CHECKED_IN -> i18n.text(Msg.CHECKIN_NOT_BOOKED_TEXT);
        };
    }

    /** The staff's code under a failure; "" where nothing failed (too early, too late: only times). */
    public StringBinding codeText() {
        return Bindings.createStringBinding(
                () -> switch (step.get()) {
                    case NOT_PRINTED, PRINTER ->
                        printerReason.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(printerReason.get()));
                    case FAILED, NOT_BOOKED ->
                        problem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(problem.get()));
                    default -> "";
                },
                step,
                problem,
                printerReason,
                i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }
}
