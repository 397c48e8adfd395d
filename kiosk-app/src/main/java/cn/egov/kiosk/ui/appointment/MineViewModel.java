package cn.egov.kiosk.ui.appointment;

import cn.egov.kiosk.appointment.AppointmentException;
import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.appointment.Booking;
import cn.egov.kiosk.appointment.CheckInWindow;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 我的预约: the signed-in citizen's appointments still to come, one chosen, its cancellation
 * confirmed (one decision), cancelled: its place is free again. Its entry points run on the JavaFX
 * thread only.
 */
public final class MineViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(MineViewModel.class);

    public enum Step {
        LOADING,
        /** No appointment to come. */
        NONE,
        LIST,
        CONFIRM,
        CANCELLING,
        CANCELLED,
        /** The list or the cancellation did not come: the platform away or refusing. */
        FAILED
    }

    /** An appointment on the list: what, when (as the citizen says it), where, and both on one line. */
    public record Option(String id, String service, String when, String place, String note) {}

    private final I18n i18n;
    private final SessionManager sessions;
    private final Booking booking;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final When when;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    /** Held once: a read-only view made per call is only weakly listened to, and its listeners are lost. */
    private final ObservableList<Option> optionsView = FXCollections.unmodifiableObservableList(options);

    private final ReadOnlyObjectWrapper<Option> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AppointmentProblem> problem = new ReadOnlyObjectWrapper<>();
    private List<Appointments.Appointment> upcoming = List.of();
    private Optional<Appointments.Appointment> selected = Optional.empty();

    private final BackgroundTask<List<Appointments.Appointment>> loading;
    private final BackgroundTask<Appointments.Appointment> cancelling;

    public MineViewModel(
            I18n i18n, SessionManager sessions, Booking booking, TaskRunner tasks, Clock clock, ZoneId zone) {
        this.i18n = i18n;
        this.sessions = sessions;
        this.booking = booking;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.when = new When(i18n, zone);
        this.loading = new BackgroundTask<>(tasks);
        this.cancelling = new BackgroundTask<>(tasks);
        i18n.localeProperty().addListener((obs, was, now) -> texts());
    }

    /** The screen shows, the citizen signed in: their appointments, asked of the platform. */
    public void open() {
        tasks.checkUiThread();
        reset();
        Optional<Identity> who = sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
        if (who.isEmpty()) {
            step.set(Step.NONE);
            return;
        }
        String idNumber = who.get().number();
        step.set(Step.LOADING);
        loading.start(
                () -> booking.upcoming(idNumber),
                found -> {
                    upcoming = found;
                    texts();
                    step.set(found.isEmpty() ? Step.NONE : Step.LIST);
                },
                error -> {
                    problem.set(problemOf(error));
                    step.set(Step.FAILED);
                });
    }

    /** An appointment chosen: is it to be cancelled? */
    public void choose(String appointmentId) {
        tasks.checkUiThread();
        if (step.get() != Step.LIST) {
            return;
        }
        selected = upcoming.stream()
                .filter(a -> a.appointmentId().equals(appointmentId))
                .findFirst();
        if (selected.isPresent()) {
            texts();
            step.set(Step.CONFIRM);
        }
    }

    /** "Cancel it": the platform frees the place. */
    public void cancel() {
        tasks.checkUiThread();
        if ((step.get() != Step.CONFIRM && step.get() != Step.FAILED) || selected.isEmpty()) {
            return;
        }
        Appointments.Appointment a = selected.get();
        problem.set(null);
        step.set(Step.CANCELLING);
        cancelling.start(() -> booking.cancel(a), done -> step.set(Step.CANCELLED), error -> {
            problem.set(problemOf(error));
            step.set(Step.FAILED);
        });
    }

    /** "Try again" after a failure: the cancellation, or the list. */
    public void retry() {
        tasks.checkUiThread();
        if (step.get() != Step.FAILED) {
            return;
        }
        if (selected.isPresent()) {
            cancel();
        } else {
            open();
        }
    }

    private static AppointmentProblem problemOf(Throwable error) {
        if (error instanceof AppointmentException e) {
            return e.problem();
        }
        log.error("An appointment call failed unexpectedly", error);
        return AppointmentProblem.FAILED;
    }

    /** Back inside the screen: from the question to the list; false at the list, where back leaves. */
    public boolean back() {
        tasks.checkUiThread();
        if (step.get() == Step.CONFIRM || (step.get() == Step.FAILED && selected.isPresent())) {
            selected = Optional.empty();
            chosen.set(null);
            step.set(Step.LIST);
            return true;
        }
        return false;
    }

    /** Whether a cancellation is on its way: the citizen cannot leave the screen meanwhile. */
    public BooleanBinding busy() {
        return step.isEqualTo(Step.CANCELLING);
    }

    private void texts() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        options.setAll(upcoming.stream().map(a -> option(a, today)).toList());
        chosen.set(selected.map(a -> option(a, today)).orElse(null));
    }

    private Option option(Appointments.Appointment a, LocalDate today) {
        String at = when.day(a.date(), today);
        try {
            at = at + " " + when.span(LocalTime.parse(a.start()), LocalTime.parse(a.end()));
        } catch (RuntimeException e) {
            at = when.dayTime(CheckInWindow.start(a), today);
        }
        String place = a.place() == null ? "" : a.place();
        return new Option(
                a.appointmentId(),
                a.itemName(),
                at,
                place,
                place.isEmpty() ? at : i18n.text(Msg.APPOINTMENT_MINE_ROW, at, place));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    public void reset() {
        tasks.checkUiThread();
        loading.cancel();
        cancelling.cancel();
        upcoming = List.of();
        selected = Optional.empty();
        problem.set(null);
        texts();
        step.set(Step.LOADING);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<Option> options() {
        return optionsView;
    }

    /** The appointment whose cancellation is asked; null otherwise. */
    public ReadOnlyObjectProperty<Option> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** What went wrong, and what to do, in the citizen's words. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null
                        ? ""
                        : i18n.text(
                                        problem.get() == AppointmentProblem.OFFLINE
                                                ? Msg.APPOINTMENT_MINE_OFFLINE
                                                : Msg.APPOINTMENT_MINE_FAILED)
                                + " "
                                + i18n.text(ErrorCodes.nextStep(problem.get())),
                problem,
                i18n.localeProperty());
    }

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
