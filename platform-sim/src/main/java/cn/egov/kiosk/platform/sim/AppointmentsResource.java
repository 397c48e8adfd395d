package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.dateParam;
import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.longParam;
import static cn.egov.kiosk.platform.sim.Checks.require;
import static cn.egov.kiosk.platform.sim.Checks.unprocessable;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Problem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contract's {@code appointments} tag: a day's slots of an item, availability over days,
 * booking, finding a citizen's appointments (by ID number, or one by its check-in code), check-in
 * (a number of the central queue, within the hall's check-in window) and cancellation. Owns the
 * bookings per slot, and every appointment with its holder: those booked here, and those the data
 * set's citizens booked elsewhere, dated from the simulator's today when it starts (one of them
 * today with its check-in open, so that a demonstration on any day can check it in).
 */
final class AppointmentsResource implements Resource {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter BOOKING_TIME = DateTimeFormatter.ofPattern("HHmm");
    /** The latest an appointment of today made at the start starts: its check-in window ends by 23:59. */
    private static final LocalTime LATEST_TODAY = LocalTime.of(23, 44);

    private final SimContext sim;
    private final CatalogueState catalogue;
    private final QueueResource queue;
    private final Map<String, Integer> slotBookings = new ConcurrentHashMap<>();
    /** Every appointment by its id, in the order made; guarded by itself. */
    private final Map<String, Appointments.Appointment> appointments = new LinkedHashMap<>();

    private final Map<String, String> appointmentHolder = new ConcurrentHashMap<>();
    private final Map<String, String> byCheckInCode = new ConcurrentHashMap<>();
    private final AtomicInteger bookingSeq = new AtomicInteger(100);

    AppointmentsResource(SimContext sim, CatalogueState catalogue, QueueResource queue) {
        this.sim = sim;
        this.catalogue = catalogue;
        this.queue = queue;
        LocalDateTime now = LocalDateTime.ofInstant(sim.clock.instant(), sim.zone);
        for (SimData.Citizen z : sim.data.citizens.values()) {
            for (SimData.BookedElsewhere b : z.appointments()) {
                add(bookedElsewhere(b, now), z.idNumber());
            }
        }
    }

    /**
     * An appointment of the data set, dated from today: today's starts 10 to 15 minutes from now
     * (its check-in open from now on), a later one on the N-th open day after today.
     */
    private Appointments.Appointment bookedElsewhere(SimData.BookedElsewhere b, LocalDateTime now) {
        LocalDate date;
        LocalTime start;
        LocalTime end;
        if (b.day() == 0) {
            date = now.toLocalDate();
            LocalTime t = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            t = t.plusMinutes(10 + (5 - t.getMinute() % 5) % 5);
            start = t.isAfter(LATEST_TODAY) || t.isBefore(now.toLocalTime()) ? LATEST_TODAY : t;
            end = start.isAfter(LocalTime.of(23, 29)) ? LocalTime.of(23, 59) : start.plusMinutes(30);
        } else {
            date = sim.today();
            for (int n = 0; n < b.day(); ) {
                date = date.plusDays(1);
                if (sim.data.calendar.open(date)) {
                    n++;
                }
            }
            start = LocalTime.parse(b.start());
            end = LocalTime.parse(b.end());
        }
        String id = "YY" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + start.format(BOOKING_TIME) + "-"
                + b.bookingNo();
        return booked(id, b.itemId(), b.itemName(), date, start, end, "CHK-" + id);
    }

    /** A booked appointment with its place and check-in window by the hall's rule. */
    private Appointments.Appointment booked(
            String id, String itemId, String itemName, LocalDate date, LocalTime start, LocalTime end, String code) {
        SimData.Calendar rule = sim.data.calendar;
        LocalTime from = start.minusMinutes(rule.checkInEarlyMinutes());
        LocalTime until = start.plusMinutes(rule.checkInLateMinutes());
        return new Appointments.Appointment(
                id,
                itemId,
                itemName,
                date,
                start.format(HH_MM),
                end.format(HH_MM),
                Appointments.Status.BOOKED,
                code,
                null,
                place(itemId),
                (from.isAfter(start) ? LocalTime.MIDNIGHT : from).format(HH_MM),
                (until.isBefore(start) ? LocalTime.of(23, 59) : until).format(HH_MM),
                rule.appointmentPriority());
    }

    /** Where the item is done: the hall, the counter of the item's queue and its windows. */
    private String place(String itemId) {
        var item = catalogue.get(itemId);
        return sim.data.businessTypes.stream()
                .filter(t -> item != null && t.code().equals(item.businessType()))
                .findFirst()
                .map(t -> sim.data.calendar.place() + " " + t.name() + " " + t.windows())
                .orElse(sim.data.calendar.place());
    }

    private void add(Appointments.Appointment a, String holder) {
        synchronized (appointments) {
            appointments.put(a.appointmentId(), a);
        }
        appointmentHolder.put(a.appointmentId(), holder);
        byCheckInCode.put(a.checkInCode(), a.appointmentId());
    }

    @Override
    public void register(Routes routes) {
        routes.route("GET", "/v1/appointment-slots", true, false, this::slots);
        routes.route("GET", "/v1/appointment-availability", true, false, this::availability);
        routes.route("POST", "/v1/appointments", true, true, this::book);
        routes.route("POST", "/v1/appointments/search", true, false, this::search);
        routes.route("POST", "/v1/appointments/([^/]+)/check-in", true, false, this::checkIn);
        routes.route("POST", "/v1/appointments/([^/]+)/cancel", true, false, this::cancel);
    }

    private Reply slots(Call c) {
        String itemId = c.queryParam("itemId").orElseThrow(() -> invalid("itemId is required", c));
        LocalDate date = dateParam(c, "date");
        var item = catalogue.get(itemId);
        if (item == null) {
            throw Reply.notFound("item " + itemId, c.path());
        }
        List<Appointments.Slot> slots = new ArrayList<>();
        if (item.appointable() && sim.data.calendar.open(date) && !date.isBefore(sim.today())) {
            for (SimData.SlotTemplate t : sim.data.calendar.slots()) {
                String slotId = itemId + "@" + date + "T" + t.start();
                int booked = slotBookings.getOrDefault(slotId, 0);
                slots.add(new Appointments.Slot(
                        slotId, t.start(), t.end(), t.capacity(), Math.max(0, t.capacity() - booked)));
            }
        }
        return Reply.ok(new Appointments.SlotDay(itemId, date, slots));
    }

    private Reply availability(Call c) {
        LocalDate from = dateParam(c, "from");
        int days = (int) longParam(c, "days", 7);
        require(days >= 1 && days <= 14, "days is 1 to 14", c);
        int capacity = sim.data.calendar.slots().stream()
                .mapToInt(SimData.SlotTemplate::capacity)
                .sum();
        List<Appointments.DayAvailability> out = new ArrayList<>();
        for (var item : catalogue.appointable()) {
            for (int d = 0; d < days; d++) {
                LocalDate date = from.plusDays(d);
                if (!sim.data.calendar.open(date) || date.isBefore(sim.today())) {
                    continue;
                }
                int booked = 0;
                for (SimData.SlotTemplate t : sim.data.calendar.slots()) {
                    booked += slotBookings.getOrDefault(item.id() + "@" + date + "T" + t.start(), 0);
                }
                out.add(new Appointments.DayAvailability(item.id(), date, capacity, Math.max(0, capacity - booked)));
            }
        }
        return Reply.ok(new Appointments.Availability(from, days, out));
    }

    private Reply book(Call c) {
        Appointments.Book b = c.body(Appointments.Book.class);
        require(
                b.appointmentId() != null
                        && b.slotId() != null
                        && b.applicant() != null
                        && b.applicant().idNumber() != null,
                "appointmentId, slotId and applicant are required",
                c);
        int at = b.slotId().indexOf('@');
        require(at > 0, "not a slot id", c);
        String itemId = b.slotId().substring(0, at);
        String[] dt = b.slotId().substring(at + 1).split("T");
        var item = catalogue.get(itemId);
        if (item == null) {
            throw Reply.notFound("item " + itemId, c.path());
        }
        LocalDate date = LocalDate.parse(dt[0]);
        SimData.SlotTemplate t = sim.data.calendar.slots().stream()
                .filter(s -> s.start().equals(dt[1]))
                .findFirst()
                .orElseThrow(() -> Reply.notFound("slot " + b.slotId(), c.path()));
        synchronized (slotBookings) {
            int booked = slotBookings.getOrDefault(b.slotId(), 0);
            if (booked >= t.capacity()) {
                throw Reply.problem(409, Problem.SLOT_FULL, "该时段已约满", "slot " + b.slotId() + " is full", c.path());
            }
            slotBookings.put(b.slotId(), booked + 1);
        }
        LocalTime start = LocalTime.parse(t.start());
        String code = "CHK-YY" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + start.format(BOOKING_TIME) + "-"
                + String.format("%03d", bookingSeq.incrementAndGet());
        var a = booked(b.appointmentId(), itemId, item.name(), date, start, LocalTime.parse(t.end()), code);
        add(a, b.applicant().idNumber());
        return Reply.created(a);
    }

    private Reply search(Call c) {
        Appointments.Search s = c.body(Appointments.Search.class);
        boolean byPerson = s.idNumber() != null && !s.idNumber().isBlank();
        boolean byCode = s.checkInCode() != null && !s.checkInCode().isBlank();
        require(byPerson != byCode, "exactly one of idNumber and checkInCode is required", c);
        List<Appointments.Appointment> found = new ArrayList<>();
        synchronized (appointments) {
            if (byCode) {
                String id = byCheckInCode.get(s.checkInCode().strip());
                if (id != null) {
                    found.add(appointments.get(id));
                }
            } else {
                appointments.forEach((id, a) -> {
                    if (s.idNumber().equals(appointmentHolder.get(id))) {
                        found.add(a);
                    }
                });
            }
        }
        return Reply.ok(new Appointments.Found(found));
    }

    private Appointments.Appointment appointment(String id, Call c) {
        Appointments.Appointment a = appointments.get(id);
        if (a == null) {
            throw Reply.notFound("appointment " + id, c.path());
        }
        return a;
    }

    private Reply checkIn(Call c) {
        synchronized (appointments) {
            Appointments.Appointment a = appointment(c.param(0), c);
            if (a.status() == Appointments.Status.CHECKED_IN) {
                return Reply.ok(a);
            }
            unprocessable(a.status() == Appointments.Status.BOOKED, "the appointment is " + a.status(), c);
            LocalDateTime now = LocalDateTime.ofInstant(sim.clock.instant(), sim.zone);
            LocalDateTime from = a.date().atTime(LocalTime.parse(a.checkInFrom()));
            LocalDateTime until = a.date().atTime(LocalTime.parse(a.checkInUntil()));
            String window = "check-in for appointment " + a.appointmentId() + " is from " + a.checkInFrom() + " to "
                    + a.checkInUntil() + " on " + a.date();
            if (now.isBefore(from)) {
                throw Reply.problem(409, Problem.CHECK_IN_TOO_EARLY, "未到签到时间", window, c.path());
            }
            if (now.isAfter(until)) {
                throw Reply.problem(409, Problem.CHECK_IN_TOO_LATE, "已过签到时间", window, c.path());
            }
            var item = catalogue.get(a.itemId());
            String type = item == null ? sim.data.businessTypes.get(0).code() : item.businessType();
            var number = queue.issueNumber(UUID.randomUUID().toString(), type, c);
            var done = moved(a, Appointments.Status.CHECKED_IN, number.number());
            appointments.put(done.appointmentId(), done);
            return Reply.ok(done);
        }
    }

    private Reply cancel(Call c) {
        synchronized (appointments) {
            Appointments.Appointment a = appointment(c.param(0), c);
            if (a.status() == Appointments.Status.CANCELLED) {
                return Reply.ok(a);
            }
            unprocessable(a.status() == Appointments.Status.BOOKED, "the appointment is " + a.status(), c);
            var done = moved(a, Appointments.Status.CANCELLED, null);
            appointments.put(done.appointmentId(), done);
            slotBookings.computeIfPresent(a.itemId() + "@" + a.date() + "T" + a.start(), (k, v) -> Math.max(0, v - 1));
            return Reply.ok(done);
        }
    }

    /** The appointment in another status, with the queue number check-in gave it (or none). */
    private static Appointments.Appointment moved(
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
