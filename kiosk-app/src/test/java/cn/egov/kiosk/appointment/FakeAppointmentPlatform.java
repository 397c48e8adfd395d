package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's appointments in memory, for the unit tests of pure logic (the real simulator over
 * HTTP is in {@code AppointmentsOverPlatformTest}): slots per item and day, appointments with their
 * holders, check-in numbers A001, A002..., and a failure to give the next call or every call.
 */
public final class FakeAppointmentPlatform implements AppointmentPlatform {
    private final Map<String, List<Appointments.Slot>> slots = new LinkedHashMap<>();
    private final Map<String, Appointments.Appointment> appointments = new LinkedHashMap<>();
    private final Map<String, String> holders = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private AppointmentProblem failNext;
    private AppointmentProblem failAlways;
    private int numbers;

    /** The slots of an item's day. */
    public FakeAppointmentPlatform slots(String itemId, LocalDate date, Appointments.Slot... daySlots) {
        slots.put(itemId + "@" + date, new ArrayList<>(List.of(daySlots)));
        return this;
    }

    /** An appointment the platform holds for a citizen. */
    public FakeAppointmentPlatform holds(String idNumber, Appointments.Appointment a) {
        appointments.put(a.appointmentId(), a);
        holders.put(a.appointmentId(), idNumber);
        return this;
    }

    /** The next call fails with this problem. */
    public FakeAppointmentPlatform failNext(AppointmentProblem problem) {
        failNext = problem;
        return this;
    }

    /** Every call fails with this problem (null: none). */
    public FakeAppointmentPlatform failAlways(AppointmentProblem problem) {
        failAlways = problem;
        return this;
    }

    /** The calls made, by name: {@code slots}, {@code book:ID}, {@code check-in:ID}... */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Optional<Appointments.Appointment> appointment(String id) {
        return Optional.ofNullable(appointments.get(id));
    }

    private void call(String what) throws AppointmentException {
        calls.add(what);
        AppointmentProblem p = failNext != null ? failNext : failAlways;
        failNext = null;
        if (p != null) {
            throw new AppointmentException(p, what + " failed", null);
        }
    }

    @Override
    public Appointments.SlotDay slots(String itemId, LocalDate date) throws AppointmentException {
        call("slots");
        return new Appointments.SlotDay(itemId, date, List.copyOf(slots.getOrDefault(itemId + "@" + date, List.of())));
    }

    @Override
    public Appointments.Appointment book(Appointments.Book book) throws AppointmentException {
        call("book:" + book.appointmentId());
        Appointments.Appointment already = appointments.get(book.appointmentId());
        if (already != null) {
            return already; // the same id: the same booking
        }
        for (List<Appointments.Slot> day : slots.values()) {
            for (int i = 0; i < day.size(); i++) {
                Appointments.Slot s = day.get(i);
                if (s.slotId().equals(book.slotId())) {
                    if (s.remaining() <= 0) {
                        throw new AppointmentException(AppointmentProblem.SLOT_FULL, "slot full", null);
                    }
                    day.set(i, new Appointments.Slot(s.slotId(), s.start(), s.end(), s.capacity(), s.remaining() - 1));
                    String[] dt =
                            s.slotId().substring(s.slotId().indexOf('@') + 1).split("T");
                    Appointments.Appointment a = appointment(
                            book.appointmentId(),
                            book.itemId(),
                            LocalDate.parse(dt[0]),
                            s.start(),
                            s.end(),
                            Appointments.Status.BOOKED,
                            "CHK-YY" + dt[0].replace("-", "") + "-" + appointments.size());
                    holds(book.applicant().idNumber(), a);
                    return a;
                }
            }
        }
        throw new AppointmentException(AppointmentProblem.NOT_FOUND, "no slot " + book.slotId(), null);
    }

    @Override
    public List<Appointments.Appointment> ofCitizen(String idNumber) throws AppointmentException {
        call("of-citizen");
        return appointments.values().stream()
                .filter(a -> idNumber.equals(holders.get(a.appointmentId())))
                .toList();
    }

    @Override
    public Optional<Appointments.Appointment> byCheckInCode(String checkInCode) throws AppointmentException {
        call("by-code");
        return appointments.values().stream()
                .filter(a -> checkInCode.equals(a.checkInCode()))
                .findFirst();
    }

    @Override
    public Appointments.Appointment checkIn(String appointmentId) throws AppointmentException {
        call("check-in:" + appointmentId);
        Appointments.Appointment a = appointments.get(appointmentId);
        if (a == null) {
            throw new AppointmentException(AppointmentProblem.NOT_FOUND, "no appointment", null);
        }
        if (a.status() == Appointments.Status.CHECKED_IN) {
            return a;
        }
        Appointments.Appointment done = moved(a, Appointments.Status.CHECKED_IN, String.format("A%03d", ++numbers));
        appointments.put(appointmentId, done);
        return done;
    }

    @Override
    public Appointments.Appointment cancel(String appointmentId) throws AppointmentException {
        call("cancel:" + appointmentId);
        Appointments.Appointment a = appointments.get(appointmentId);
        if (a == null) {
            throw new AppointmentException(AppointmentProblem.NOT_FOUND, "no appointment", null);
        }
        Appointments.Appointment done = moved(a, Appointments.Status.CANCELLED, null);
        appointments.put(appointmentId, done);
        return done;
    }

    /** An appointment of the hall's rule: check-in from 30 minutes before until 15 after, with priority. */
    public static Appointments.Appointment appointment(
            String id,
            String itemId,
            LocalDate date,
            String start,
            String end,
            Appointments.Status status,
            String code) {
        LocalTime t = LocalTime.parse(start);
        return new Appointments.Appointment(
                id,
                itemId,
                "出生登记（新生儿落户）",
                date,
                start,
                end,
                status,
                code,
                null,
                "演示区政务服务中心一楼 户籍业务 1-4号窗口",
                t.minusMinutes(30).toString(),
                t.plusMinutes(15).toString(),
                true);
    }

    public static Appointments.Appointment moved(
            Appointments.Appointment a, Appointments.Status status, String queueNumber) {
        return new Appointments.Appointment(
                a.appointmentId(),
                a.itemId(),
                a.itemName(),
                a.date(),
                a.start(),
                a.end(),
                status,
                a.checkInCode(),
                queueNumber,
                a.place(),
                a.checkInFrom(),
                a.checkInUntil(),
                a.priority());
    }
}
