package cn.egov.kiosk.ui.appointment;

import cn.egov.kiosk.appointment.AppointmentException;
import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.appointment.BookableItems;
import cn.egov.kiosk.appointment.Booking;
import cn.egov.kiosk.appointment.CheckInWindow;
import cn.egov.kiosk.appointment.Confirmation;
import cn.egov.kiosk.appointment.OpenDays;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.FormCheck;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 预约: one decision per screen. What to book (the items this kiosk's citizens use most, or every
 * bookable item by its department), the day (from the local copy: places left, full days marked,
 * shown while the platform is away), the time (asked of the platform: offline, the screen says that
 * booking needs the network and what still works), then the citizen (the ID card or the province
 * app's code, through the one login step), the phone for reminders (from the app, else typed),
 * the booking read back and confirmed: booked under the kiosk's id for it (asked again after a lost
 * answer, it is booked once), a slot taken meanwhile said plainly with the times to choose again,
 * and the confirmation printed on A5. Its entry points run on the JavaFX thread only.
 */
public final class BookViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(BookViewModel.class);
    /** The most used bookable items offered first. */
    static final int MOST_USED = 6;

    public enum Step {
        /** Reading the local catalogue, or an item's days. */
        LOADING,
        /** Nothing can be booked here: no catalogue, or no bookable item in it. */
        NONE,
        /** The items used most, and the ways on: by department, one's own appointments. */
        START,
        DEPARTMENTS,
        DEPARTMENT,
        DAYS,
        SLOTS_LOADING,
        SLOTS,
        /** The platform cannot be reached: the times cannot be asked, booking needs the network. */
        OFFLINE,
        /** The citizen is at the login step (another screen). */
        IDENTIFYING,
        PHONE,
        CONFIRM,
        BOOKING,
        DONE,
        /** The booking did not go through (the network, the platform): nothing was booked; try again. */
        FAILED
    }

    /** What the confirmation's printer did. */
    public enum PrintState {
        NONE,
        PRINTING,
        PRINTED,
        FAILED
    }

    /** A bookable item on a list. */
    public record ItemOption(String id, String name, String department) {}

    /** A department and how many of its items can be booked. */
    public record DepartmentOption(String id, String name, String count) {}

    /** An open day: as the citizen says it, its places left or that it is full. */
    public record DayOption(LocalDate date, String day, String places, boolean full) {}

    /** A time of the chosen day: as the citizen says it, its places left or that it is full. */
    public record SlotOption(String slotId, String time, String places, boolean full) {}

    private final I18n i18n;
    private final SessionManager sessions;
    private final Booking booking;
    private final Optional<ServiceGuide> guide;
    private final Printing printing;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final When when;
    private final Function<Locale, String> hallName;
    private final Runnable identify;
    private final Runnable openMine;
    private final ObservableBooleanValue offline;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ObservableList<ItemOption> mostUsed = FXCollections.observableArrayList();
    private final ObservableList<DepartmentOption> departments = FXCollections.observableArrayList();
    private final ObservableList<ItemOption> departmentItems = FXCollections.observableArrayList();
    private final ObservableList<DayOption> days = FXCollections.observableArrayList();
    private final ObservableList<SlotOption> slots = FXCollections.observableArrayList();
    // read-only views held once: a view made per call is only weakly listened to, and its listeners are lost
    private final ObservableList<ItemOption> mostUsedView = FXCollections.unmodifiableObservableList(mostUsed);
    private final ObservableList<DepartmentOption> departmentsView =
            FXCollections.unmodifiableObservableList(departments);
    private final ObservableList<ItemOption> departmentItemsView =
            FXCollections.unmodifiableObservableList(departmentItems);
    private final ObservableList<DayOption> daysView = FXCollections.unmodifiableObservableList(days);
    private final ObservableList<SlotOption> slotsView = FXCollections.unmodifiableObservableList(slots);
    private final ReadOnlyStringWrapper itemName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper departmentName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dayText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper slotText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper slotTaken = new ReadOnlyBooleanWrapper(false);
    private final StringProperty phone = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper phoneProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedPhone = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AppointmentProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PrintState> printState = new ReadOnlyObjectWrapper<>(PrintState.NONE);
    private final ReadOnlyObjectWrapper<Printing.Problem> printProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Appointments.Appointment> booked = new ReadOnlyObjectWrapper<>();

    private BookableItems bookable = new BookableItems(List.of(), List.of());
    private Optional<BookableItems.Department> department = Optional.empty();
    private Optional<Catalogue.Item> item = Optional.empty();
    private Optional<OpenDays.Days> openDays = Optional.empty();
    private Optional<LocalDate> day = Optional.empty();
    private List<Appointments.Slot> daySlots = List.of();
    private Optional<Appointments.Slot> slot = Optional.empty();
    /** Where the days were chosen from: back from the days goes there. */
    private Step itemsFrom = Step.START;
    /** The kiosk's id of the booking being confirmed: the same for every try of it. */
    private Optional<String> appointmentId = Optional.empty();
    /** The slot that id was made for: the same time chosen again after a failure is the same booking. */
    private Optional<String> appointmentSlot = Optional.empty();
    /** The confirmation's data once booked (the applicant's data with it: wiped with the session). */
    private Optional<JsonNode> confirmation = Optional.empty();
    /** Whether some of the confirmation came out of a print that failed: the next one is a reprint. */
    private boolean partlyOut;

    private final BackgroundTask<BookableItems> loading;
    private final BackgroundTask<OpenDays.Days> loadingDays;
    private final BackgroundTask<List<Appointments.Slot>> loadingSlots;
    private final BackgroundTask<Attempt> bookingTask;
    private final BackgroundTask<Printing.Outcome> printingTask;

    /**
     * @param identify sends the citizen through the login step (ID card or app code), back to this screen
     * @param openMine opens the citizen's own appointments (through the login step)
     * @param offline whether the platform is away now (the days still show; the times cannot be asked)
     */
    public BookViewModel(
            I18n i18n,
            SessionManager sessions,
            Booking booking,
            Optional<ServiceGuide> guide,
            Printing printing,
            TaskRunner tasks,
            Clock clock,
            ZoneId zone,
            Function<Locale, String> hallName,
            Runnable identify,
            Runnable openMine,
            ObservableBooleanValue offline) {
        this.i18n = i18n;
        this.sessions = sessions;
        this.booking = booking;
        this.guide = guide;
        this.printing = printing;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.when = new When(i18n, zone);
        this.hallName = hallName;
        this.identify = identify;
        this.openMine = openMine;
        this.offline = offline;
        this.loading = new BackgroundTask<>(tasks);
        this.loadingDays = new BackgroundTask<>(tasks);
        this.loadingSlots = new BackgroundTask<>(tasks);
        this.bookingTask = new BackgroundTask<>(tasks);
        this.printingTask = new BackgroundTask<>(tasks);
        i18n.localeProperty().addListener((obs, was, now) -> texts());
    }

    // ---- choosing -------------------------------------------------------------------------------

    /** The feature is opened: from the start, the bookable items read off the JavaFX thread. */
    public void open() {
        tasks.checkUiThread();
        reset();
        step.set(Step.LOADING);
        loading.start(
                () -> BookableItems.of(
                        guide.orElseThrow(() -> new IllegalStateException("no catalogue"))
                                .current(),
                        MOST_USED),
                found -> {
                    bookable = found;
                    texts();
                    step.set(found.none() ? Step.NONE : Step.START);
                },
                error -> {
                    log.warn("The bookable items could not be read: {}", error.toString());
                    step.set(Step.NONE);
                });
    }

    /** "By department". */
    public void browseDepartments() {
        tasks.checkUiThread();
        if (step.get() == Step.START) {
            step.set(Step.DEPARTMENTS);
        }
    }

    /** A department chosen: its bookable items. */
    public void department(String id) {
        tasks.checkUiThread();
        if (step.get() != Step.DEPARTMENTS) {
            return;
        }
        department =
                bookable.departments().stream().filter(d -> d.id().equals(id)).findFirst();
        if (department.isPresent()) {
            texts();
            step.set(Step.DEPARTMENT);
        }
    }

    /** "My appointments": seen, or one cancelled, after the login step. */
    public void mine() {
        tasks.checkUiThread();
        openMine.run();
    }

    /** An item chosen: its open days from the local copy. */
    public void item(String id) {
        tasks.checkUiThread();
        if (step.get() != Step.START && step.get() != Step.DEPARTMENT) {
            return;
        }
        Optional<Catalogue.Item> chosen = bookable.departments().stream()
                .flatMap(d -> d.items().stream())
                .filter(i -> i.id().equals(id))
                .findFirst();
        if (chosen.isEmpty()) {
            return;
        }
        itemsFrom = step.get();
        item = chosen;
        step.set(Step.LOADING);
        loadingDays.start(
                () -> {
                    guide.ifPresent(g -> g.opened(id)); // what citizens book comes first next time
                    return booking.days(id);
                },
                found -> {
                    openDays = Optional.of(found);
                    texts();
                    step.set(Step.DAYS);
                },
                error -> {
                    log.warn("The open days of item {} could not be read: {}", id, error.toString());
                    openDays = Optional.of(new OpenDays.Days(id, List.of(), Optional.empty()));
                    texts();
                    step.set(Step.DAYS);
                });
    }

    /** A day chosen (not a full one): its times, asked of the platform. */
    public void day(LocalDate date) {
        tasks.checkUiThread();
        if (step.get() != Step.DAYS || item.isEmpty()) {
            return;
        }
        boolean open = openDays.map(
                        d -> d.days().stream().anyMatch(x -> x.date().equals(date) && !x.full()))
                .orElse(false);
        if (!open) {
            return; // a full day is drawn, and says so, but takes no touch
        }
        day = Optional.of(date);
        slotTaken.set(false);
        loadSlots();
    }

    /** Asks the platform for the chosen day's times (again: after it was away, after a slot was taken). */
    public void retrySlots() {
        tasks.checkUiThread();
        if (day.isPresent() && item.isPresent() && (step.get() == Step.OFFLINE || step.get() == Step.SLOTS)) {
            loadSlots();
        }
    }

    private void loadSlots() {
        String itemId = item.get().id();
        LocalDate date = day.get();
        texts();
        step.set(Step.SLOTS_LOADING);
        loadingSlots.start(
                () -> booking.slots(itemId, date),
                found -> {
                    daySlots = found;
                    texts();
                    step.set(Step.SLOTS);
                },
                error -> {
                    problem.set(problemOf(error));
                    step.set(Step.OFFLINE);
                });
    }

    /** A time chosen (not a full one): on to the citizen, through the login step. */
    public void slot(String slotId) {
        tasks.checkUiThread();
        if (step.get() != Step.SLOTS) {
            return;
        }
        Optional<Appointments.Slot> chosen = daySlots.stream()
                .filter(s -> s.slotId().equals(slotId) && s.remaining() > 0)
                .findFirst();
        if (chosen.isEmpty()) {
            return;
        }
        slot = chosen;
        slotTaken.set(false);
        if (!appointmentSlot.equals(Optional.of(slotId))) {
            // a new booking: its id is made when it is first sent. The same time again (back after a
            // failure whose outcome is unknown) keeps the id, so the platform books it once
            appointmentId = Optional.empty();
            appointmentSlot = Optional.empty();
        }
        texts();
        if (citizen().isPresent()) {
            identified();
            return;
        }
        step.set(Step.IDENTIFYING);
        identify.run();
    }

    /**
     * The screen shows again: back from the login step, with the citizen's identity (on to the phone
     * or the confirmation) or without it (the citizen went back: the times again).
     */
    public void shown() {
        tasks.checkUiThread();
        if (step.get() != Step.IDENTIFYING) {
            return;
        }
        if (citizen().isPresent()) {
            identified();
        } else {
            step.set(Step.SLOTS);
        }
    }

    private void identified() {
        Identity who = citizen().get();
        maskedName.set(who.maskedName());
        maskedNumber.set(who.maskedNumber());
        Optional<String> known = who.phone().filter(p -> FormCheck.phone(p).isEmpty());
        if (known.isPresent() && phone.get().isBlank()) {
            phone.set(known.get());
        }
        if (phone.get().isBlank() || FormCheck.phone(phone.get()).isPresent()) {
            phoneProblem.set("");
            step.set(Step.PHONE);
        } else {
            maskedPhone.set(Masking.phone(typedPhone()));
            step.set(Step.CONFIRM);
        }
    }

    /** The phone typed: checked as the platform checks it, then the booking read back. */
    public void phoneDone() {
        tasks.checkUiThread();
        if (step.get() != Step.PHONE) {
            return;
        }
        if (phone.get().isBlank() || FormCheck.phone(phone.get()).isPresent()) {
            phoneProblem.set(i18n.text(Msg.FORM_PROBLEM_PHONE));
            return;
        }
        phoneProblem.set("");
        maskedPhone.set(Masking.phone(typedPhone()));
        step.set(Step.CONFIRM);
    }

    /** The phone as it is sent: without spaces. */
    private String typedPhone() {
        return phone.get().replace(" ", "").strip();
    }

    /** "Change the phone". */
    public void changePhone() {
        tasks.checkUiThread();
        if (step.get() == Step.CONFIRM) {
            step.set(Step.PHONE);
        }
    }

    // ---- booking --------------------------------------------------------------------------------

    /** One try of a booking: the kiosk's id for it (made off the JavaFX thread), and what came of it. */
    private record Attempt(String id, Appointments.Appointment booked, Throwable failed) {}

    /** "Book": under the kiosk's id for this booking, so that a second try books once. */
    public void confirm() {
        tasks.checkUiThread();
        if ((step.get() != Step.CONFIRM && step.get() != Step.FAILED) || slot.isEmpty() || item.isEmpty()) {
            return;
        }
        Optional<Identity> who = citizen();
        if (who.isEmpty()) {
            step.set(Step.SLOTS);
            return;
        }
        Catalogue.Item chosen = item.get();
        Appointments.Slot at = slot.get();
        Optional<String> known = appointmentId; // a second try: the same id
        Appointments.Applicant applicant =
                new Appointments.Applicant(who.get().number(), who.get().name(), typedPhone());
        Locale locale = i18n.locale();
        String hall = hallName.apply(locale);
        problem.set(null);
        step.set(Step.BOOKING);
        bookingTask.start(
                () -> {
                    String id = known.orElseGet(() -> UUID.randomUUID().toString()); // reads the OS's entropy
                    try {
                        return new Attempt(id, booking.book(id, chosen.id(), at, applicant), null);
                    } catch (AppointmentException | RuntimeException e) {
                        return new Attempt(id, null, e);
                    }
                },
                attempt -> {
                    if (attempt.booked() != null) {
                        appointmentId = Optional.of(attempt.id());
                        appointmentSlot = Optional.of(at.slotId());
                        booked.set(attempt.booked());
                        confirmation = Optional.of(Confirmation.of(hall, chosen, attempt.booked(), applicant));
                        texts();
                        step.set(Step.DONE);
                        printConfirmation();
                        return;
                    }
                    AppointmentProblem p = problemOf(attempt.failed());
                    if (p == AppointmentProblem.SLOT_FULL) {
                        // taken meanwhile: said plainly, the day's times again
                        log.info("The slot was taken meanwhile; the citizen chooses another");
                        slot = Optional.empty();
                        appointmentId = Optional.empty();
                        appointmentSlot = Optional.empty();
                        loadSlots();
                        slotTaken.set(true);
                        return;
                    }
                    appointmentId = Optional.of(attempt.id()); // asked again under it: booked once
                    appointmentSlot = Optional.of(at.slotId());
                    problem.set(p);
                    step.set(Step.FAILED);
                },
                error -> {
                    problem.set(problemOf(error));
                    step.set(Step.FAILED);
                });
    }

    /** Prints the confirmation (again), off the JavaFX thread. */
    public void printConfirmation() {
        tasks.checkUiThread();
        if (confirmation.isEmpty() || printState.get() == PrintState.PRINTING) {
            return;
        }
        boolean again = printState.get() == PrintState.PRINTED || (printState.get() == PrintState.FAILED && partlyOut);
        JsonNode data = confirmation.get();
        String reference = booked.get().appointmentId();
        Locale locale = i18n.locale();
        printState.set(PrintState.PRINTING);
        printProblem.set(null);
        printingTask.start(
                () -> printing.print(Confirmation.TEMPLATE, data, locale, reference, again),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        partlyOut = partlyOut || np.partly();
                        printProblem.set(np.problem());
                        printState.set(PrintState.FAILED);
                    } else {
                        printState.set(PrintState.PRINTED);
                    }
                },
                error -> {
                    log.error("The appointment confirmation could not be printed", error);
                    printProblem.set(Printing.Problem.PRINTER_FAULT);
                    printState.set(PrintState.FAILED);
                });
    }

    private static AppointmentProblem problemOf(Throwable error) {
        if (error instanceof AppointmentException e) {
            return e.problem();
        }
        log.error("An appointment call failed unexpectedly", error);
        return AppointmentProblem.FAILED;
    }

    /**
     * The frame's back button inside the booking: a step back (the times → the days → the items →
     * the departments → the start); false at the start and once booked, where back leaves the screen.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case DEPARTMENTS -> step.set(Step.START);
            case DEPARTMENT -> step.set(Step.DEPARTMENTS);
            case DAYS -> step.set(itemsFrom);
            case SLOTS, SLOTS_LOADING, OFFLINE -> {
                loadingSlots.cancel();
                step.set(Step.DAYS);
            }
            case PHONE, FAILED -> step.set(Step.SLOTS);
            case CONFIRM -> step.set(Step.PHONE);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether the booking is being made: the citizen cannot leave the screen meanwhile. */
    public BooleanBinding busy() {
        return step.isEqualTo(Step.BOOKING);
    }

    private Optional<Identity> citizen() {
        return sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Every list and text in the screen's language. */
    private void texts() {
        mostUsed.setAll(bookable.mostUsed().stream()
                .map(i -> new ItemOption(i.id(), i.name(), i.departmentName()))
                .toList());
        departments.setAll(bookable.departments().stream()
                .map(d -> new DepartmentOption(
                        d.id(),
                        d.name(),
                        i18n.text(Msg.APPOINTMENT_DEPARTMENT_COUNT, d.items().size())))
                .toList());
        departmentName.set(department.map(BookableItems.Department::name).orElse(""));
        departmentItems.setAll(department
                .map(d -> d.items().stream()
                        .map(i -> new ItemOption(i.id(), i.name(), i.departmentName()))
                        .toList())
                .orElse(List.of()));
        itemName.set(item.map(Catalogue.Item::name).orElse(""));
        LocalDate today = today();
        days.setAll(openDays.map(d -> d.days().stream()
                        .map(x -> new DayOption(
                                x.date(),
                                when.day(x.date(), today),
                                x.full()
                                        ? i18n.text(Msg.APPOINTMENT_DAY_FULL)
                                        : i18n.text(Msg.APPOINTMENT_DAY_PLACES, x.remaining()),
                                x.full()))
                        .toList())
                .orElse(List.of()));
        dayText.set(day.map(d -> when.day(d, today)).orElse(""));
        slots.setAll(daySlots.stream()
                .map(s -> new SlotOption(
                        s.slotId(),
                        span(s.start(), s.end()),
                        s.remaining() <= 0
                                ? i18n.text(Msg.APPOINTMENT_SLOT_FULL)
                                : i18n.text(Msg.APPOINTMENT_SLOT_PLACES, s.remaining()),
                        s.remaining() <= 0))
                .toList());
        slotText.set(
                slot.map(s -> dayText.get() + " " + span(s.start(), s.end())).orElse(""));
    }

    private String span(String start, String end) {
        try {
            return when.span(LocalTime.parse(start), LocalTime.parse(end));
        } catch (RuntimeException e) {
            return start + "–" + end;
        }
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets what was chosen, typed and booked (a session ended, the screen left). */
    public void reset() {
        tasks.checkUiThread();
        loading.cancel();
        loadingDays.cancel();
        loadingSlots.cancel();
        bookingTask.cancel();
        printingTask.cancel();
        bookable = new BookableItems(List.of(), List.of());
        department = Optional.empty();
        item = Optional.empty();
        openDays = Optional.empty();
        day = Optional.empty();
        daySlots = List.of();
        slot = Optional.empty();
        itemsFrom = Step.START;
        appointmentId = Optional.empty();
        appointmentSlot = Optional.empty();
        confirmation = Optional.empty();
        partlyOut = false;
        phone.set("");
        phoneProblem.set("");
        maskedName.set("");
        maskedNumber.set("");
        maskedPhone.set("");
        problem.set(null);
        printState.set(PrintState.NONE);
        printProblem.set(null);
        booked.set(null);
        slotTaken.set(false);
        texts();
        step.set(Step.LOADING);
    }

    // ---- what the view shows --------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<ItemOption> mostUsed() {
        return mostUsedView;
    }

    public ObservableList<DepartmentOption> departments() {
        return departmentsView;
    }

    public ObservableList<ItemOption> departmentItems() {
        return departmentItemsView;
    }

    public ObservableList<DayOption> days() {
        return daysView;
    }

    public ObservableList<SlotOption> slots() {
        return slotsView;
    }

    public ReadOnlyStringProperty itemNameProperty() {
        return itemName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty departmentNameProperty() {
        return departmentName.getReadOnlyProperty();
    }

    /** The chosen day, as the citizen says it. */
    public ReadOnlyStringProperty dayTextProperty() {
        return dayText.getReadOnlyProperty();
    }

    /** The chosen day and time, as the citizen says them. */
    public ReadOnlyStringProperty slotTextProperty() {
        return slotText.getReadOnlyProperty();
    }

    /** Whether the time chosen was taken meanwhile: the times show again with a word about it. */
    public ReadOnlyBooleanProperty slotTakenProperty() {
        return slotTaken.getReadOnlyProperty();
    }

    /** The phone for reminders, as typed (the field binds to it). */
    public StringProperty phoneProperty() {
        return phone;
    }

    public ReadOnlyStringProperty phoneProblemProperty() {
        return phoneProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedNameProperty() {
        return maskedName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedNumberProperty() {
        return maskedNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedPhoneProperty() {
        return maskedPhone.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PrintState> printStateProperty() {
        return printState.getReadOnlyProperty();
    }

    /** The appointment booked; null before. */
    public ReadOnlyObjectProperty<Appointments.Appointment> bookedProperty() {
        return booked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AppointmentProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The hall's name where the booking is read back (the platform names the counter once booked). */
    public StringBinding hallText() {
        return Bindings.createStringBinding(() -> hallName.apply(i18n.locale()), i18n.localeProperty());
    }

    /** Whether the platform is away: the days show from the local copy, with a word that booking needs the network. */
    public ObservableBooleanValue offlineProperty() {
        return offline;
    }

    /** How current the days are, when the local copy is all there is: 名额为 12月8日 星期二 上午9:30 的情况. */
    public StringBinding daysNote() {
        return Bindings.createStringBinding(
                () -> {
                    if (step.get() != Step.DAYS || openDays.isEmpty()) {
                        return "";
                    }
                    if (openDays.get().days().isEmpty()) {
                        return i18n.text(Msg.APPOINTMENT_DAYS_NONE);
                    }
                    String asOf = openDays.get()
                            .asOf()
                            .map(t -> when.dayTime(LocalDateTime.ofInstant(t, zone), today()))
                            .orElse("");
                    return offline.get()
                            ? i18n.text(Msg.APPOINTMENT_DAYS_OFFLINE, asOf)
                            : asOf.isEmpty() ? "" : i18n.text(Msg.APPOINTMENT_DAYS_AS_OF, asOf);
                },
                step,
                offline,
                i18n.localeProperty());
    }

    /** What went wrong asking for the times, or booking, in the citizen's words with what to do. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : i18n.text(wordsOf(problem.get(), step.get())),
                problem,
                step,
                i18n.localeProperty());
    }

    /** The staff's code under a failure (代码 N-PLATFORM-AWAY); "" while nothing failed. */
    public StringBinding problemCodeText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(problem.get())),
                problem,
                i18n.localeProperty());
    }

    static Msg wordsOf(AppointmentProblem p, Step at) {
        return switch (p) {
            case OFFLINE -> at == Step.FAILED ? Msg.APPOINTMENT_BOOK_OFFLINE : Msg.APPOINTMENT_SLOTS_OFFLINE;
            case SLOT_FULL -> Msg.APPOINTMENT_SLOT_TAKEN;
            case TOO_EARLY, TOO_LATE, NOT_BOOKED, NOT_FOUND, FAILED ->
                at == Step.FAILED ? Msg.APPOINTMENT_BOOK_FAILED : Msg.APPOINTMENT_SLOTS_FAILED;
        };
    }

    /** The done screen's day and time, large: 12月9日 星期三 上午9:30–10:00. */
    public StringBinding bookedWhen() {
        return Bindings.createStringBinding(
                () -> {
                    Appointments.Appointment a = booked.get();
                    if (a == null) {
                        return "";
                    }
                    return when.day(a.date(), today()) + " " + span(a.start(), a.end());
                },
                booked,
                i18n.localeProperty());
    }

    /** Where to go on the day. */
    public StringBinding bookedPlace() {
        return Bindings.createStringBinding(
                () -> {
                    Appointments.Appointment a = booked.get();
                    if (a == null) {
                        return "";
                    }
                    return a.place() == null || a.place().isBlank() ? hallName.apply(i18n.locale()) : a.place();
                },
                booked,
                i18n.localeProperty());
    }

    /** What to bring on the day, and when check-in opens. */
    public StringBinding bookedAdvice() {
        return Bindings.createStringBinding(
                () -> {
                    Appointments.Appointment a = booked.get();
                    if (a == null) {
                        return "";
                    }
                    return CheckInWindow.opens(a)
                            .map(t -> when.text(Msg.APPOINTMENT_DONE_BRING_FROM, when.date(t)))
                            .orElseGet(() -> i18n.text(Msg.APPOINTMENT_DONE_BRING));
                },
                booked,
                i18n.localeProperty());
    }

    /** The booking number, as on the confirmation. */
    public StringBinding bookingNoText() {
        return Bindings.createStringBinding(
                () -> booked.get() == null
                        ? ""
                        : i18n.text(Msg.APPOINTMENT_DONE_NUMBER, Confirmation.bookingNo(booked.get())),
                booked,
                i18n.localeProperty());
    }

    /** What the confirmation's printer did, in the citizen's words; empty before. */
    public StringBinding printText() {
        return Bindings.createStringBinding(
                () -> switch (printState.get()) {
                    case NONE -> "";
                    case PRINTING -> i18n.text(Msg.APPOINTMENT_PRINTING);
                    case PRINTED -> i18n.text(Msg.APPOINTMENT_PRINTED);
                    case FAILED ->
                        i18n.text(Msg.APPOINTMENT_PRINT_FAILED) + " "
                                + i18n.text(Msg.forPrintProblem(printProblem.get())) + " "
                                + i18n.text(Msg.APPOINTMENT_PRINT_FAILED_ADVICE);
                },
                printState,
                printProblem,
                i18n.localeProperty());
    }

    /** The confirmation's print failure's code for staff; "" unless it failed. */
    public StringBinding printCodeText() {
        return Bindings.createStringBinding(
                () -> printState.get() == PrintState.FAILED && printProblem.get() != null
                        ? ErrorCodes.line(i18n, ErrorCodes.of(printProblem.get()))
                        : "",
                printState,
                printProblem,
                i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }
}
