package cn.egov.kiosk.tour;

import cn.egov.kiosk.appointment.AppointmentException;
import cn.egov.kiosk.appointment.CheckInWindow;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.appointment.BookViewModel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.AccessibleRole;

/**
 * 预约 and 签到 as a citizen does them. Booking: 预约 on the home screen, by department, the first
 * department's first service, the first day after today with places (from the kiosk's copy), its
 * first time with places, the ID card, the phone typed on the keypad, read back, booked, the
 * confirmation printed. Checking in: the demo citizen's confirmations held to the scanner on the
 * attract screen, one of a later day (too early: the times said) and the one of today (checked in,
 * its priority ticket printed).
 */
final class AppointmentWalk {
    /** The first demo citizen (王小明), whose card is the demo's ID card. */
    static final String DEMO_CITIZEN = "11010519491231002X";

    private AppointmentWalk() {}

    static void book(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_APPOINTMENT));
        w.awaitShown("appointment-by-department");
        w.shot("start");
        w.tap("appointment-by-department");
        w.awaitShown("appointment-department-0");
        w.shot("departments");
        w.tap("appointment-department-0");
        w.awaitShown("appointment-item-0");
        w.shot("services");
        w.tap("appointment-item-0");
        w.step("wait for the days");
        w.awaitShown("appointment-days-item");
        LocalDate today = LocalDate.now(
                c.runtime().clock().withZone(c.runtime().config().kiosk().timeZone()));
        int day = index(
                c,
                BookViewModel::days,
                (BookViewModel.DayOption d) -> !d.full() && d.date().isAfter(today));
        w.awaitShown("appointment-day-" + day);
        w.shot("days");
        w.tap("appointment-day-" + day);
        w.step("wait for the times");
        w.awaitShown("appointment-slots-item");
        int slot = index(c, BookViewModel::slots, (BookViewModel.SlotOption s) -> !s.full());
        w.awaitShown("appointment-slot-" + slot);
        w.shot("times");
        w.tap("appointment-slot-" + slot);
        Flows.identify(c, "appointment-phone");
        w.awaitShown("appointment-phone");
        w.shot("phone");
        w.tap("appointment-phone");
        Keys.type(w, ApplyWalk.PHONE);
        w.shot("phone-typed");
        w.tapAny("key-done");
        w.tap("appointment-phone-next");
        w.awaitShown("appointment-confirm");
        w.shot("confirm");
        w.tap("appointment-confirm");
        w.step("wait for the booking");
        w.awaitText("appointment-done-when", "the day and time booked", t -> !t.isBlank());
        w.step("wait for the confirmation to come out");
        w.awaitText("appointment-print-status", "the confirmation printed", t -> printed(c));
        w.shot("booked");
    }

    private static boolean printed(Flows.Context c) {
        return c.ui().appointment()
                .map(a -> a.printStateProperty().get() == BookViewModel.PrintState.PRINTED)
                .orElse(false);
    }

    /** The position of the list's first element that passes, as the screen shows the list. */
    private static <T> int index(Flows.Context c, Function<BookViewModel, List<T>> list, Predicate<T> wanted)
            throws Walker.Stopped {
        return c.walker()
                .await(
                        "a choice with places",
                        () -> c.ui().appointment().flatMap(vm -> {
                            List<T> items = list.apply(vm);
                            for (int i = 0; i < items.size(); i++) {
                                if (wanted.test(items.get(i))) {
                                    return Optional.of(i);
                                }
                            }
                            return Optional.empty();
                        }));
    }

    static void checkIn(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        w.step("find the demo citizen's confirmations");
        List<Appointments.Appointment> held = held(c);
        LocalDateTime now = LocalDateTime.now(
                c.runtime().clock().withZone(c.runtime().config().kiosk().timeZone()));
        Optional<Appointments.Appointment> today = held.stream()
                .filter(a -> a.status() == Appointments.Status.BOOKED
                        && CheckInWindow.at(a, now) == CheckInWindow.Timing.OPEN)
                .findFirst();
        Optional<Appointments.Appointment> later = held.stream()
                .filter(a ->
                        a.status() == Appointments.Status.BOOKED && a.date().isAfter(now.toLocalDate()))
                .findFirst();
        if (today.isEmpty()) {
            throw new Walker.Stopped(w.step(), "the demo citizen has no appointment whose check-in is open now");
        }
        w.awaitShown("touch-to-start");
        w.shot("attract");
        if (later.isPresent()) {
            scan(c, later.get().checkInCode());
            w.step("wait for the check-in of a later day's appointment");
            w.awaitShown("checkin-too-early");
            w.shot("too-early");
        }
        scan(c, today.get().checkInCode());
        w.step("wait for the check-in and its ticket");
        w.awaitShown("checkin-done");
        w.awaitText("checkin-number", "the queue number on screen", t -> !t.isBlank());
        w.shot("checked-in");
    }

    /** The demo citizen's appointments, as their confirmations in hand say them (asked of the platform). */
    private static List<Appointments.Appointment> held(Flows.Context c) throws Walker.Stopped {
        Optional<PlatformServices> p = c.runtime().platform();
        if (p.isEmpty()) {
            throw new Walker.Stopped(c.walker().step(), "the kiosk has no platform");
        }
        try {
            return p.get().appointments().ofCitizen(DEMO_CITIZEN);
        } catch (AppointmentException e) {
            throw new Walker.Stopped(c.walker().step(), "the platform gave no appointments: " + e.problem());
        }
    }

    /** Holds a code to the kiosk's simulated scanner. */
    private static void scan(Flows.Context c, String code) throws Walker.Stopped {
        c.walker().step("scan " + code);
        Optional<Simulator> scanner = c.runtime()
                .devices()
                .health()
                .first(DeviceClass.BARCODE_SCANNER)
                .flatMap(h -> c.runtime().simulators().find(h.id()));
        if (scanner.isEmpty()) {
            throw new Walker.Stopped(c.walker().step(), "the kiosk has no simulated scanner");
        }
        scanner.get().apply("scan", code);
    }
}
