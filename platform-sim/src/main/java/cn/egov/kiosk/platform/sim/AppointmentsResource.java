package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.dateParam;
import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.longParam;
import static cn.egov.kiosk.platform.sim.Checks.require;
import static cn.egov.kiosk.platform.sim.Checks.unprocessable;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Problem;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's {@code appointments} tag: a day's slots of an item, availability over days,
 * booking, finding a citizen's appointments, check-in (a number of the central queue) and
 * cancellation. Owns the bookings per slot and the appointments booked here with their holders;
 * the data set's citizens bring appointments of their own.
 */
final class AppointmentsResource implements Resource {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimContext sim;
    private final CatalogueState catalogue;
    private final QueueResource queue;
    private final Map<String, Integer> slotBookings = new ConcurrentHashMap<>();
    private final Map<String, Appointments.Appointment> appointments = new ConcurrentHashMap<>();
    private final Map<String, String> appointmentHolder = new ConcurrentHashMap<>();

    AppointmentsResource(SimContext sim, CatalogueState catalogue, QueueResource queue) {
        this.sim = sim;
        this.catalogue = catalogue;
        this.queue = queue;
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
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        var a = new Appointments.Appointment(
                b.appointmentId(),
                itemId,
                item.name(),
                date,
                t.start(),
                t.end(),
                Appointments.Status.BOOKED,
                code,
                null,
                null,
                null,
                null,
                false);
        appointments.put(a.appointmentId(), a);
        appointmentHolder.put(a.appointmentId(), b.applicant().idNumber());
        return Reply.created(a);
    }

    private Reply search(Call c) {
        Appointments.Search s = c.body(Appointments.Search.class);
        require(s.idNumber() != null, "idNumber is required", c);
        List<Appointments.Appointment> found = new ArrayList<>();
        SimData.Citizen citizen = sim.data.citizens.get(s.idNumber());
        if (citizen != null) {
            for (Appointments.Appointment a : citizen.appointments()) {
                found.add(appointments.getOrDefault(a.appointmentId(), a));
            }
        }
        appointmentHolder.forEach((id, holder) -> {
            if (holder.equals(s.idNumber())) {
                found.add(appointments.get(id));
            }
        });
        return Reply.ok(new Appointments.Found(found));
    }

    private Appointments.Appointment appointment(String id, Call c) {
        Appointments.Appointment a = appointments.get(id);
        if (a == null) {
            for (SimData.Citizen citizen : sim.data.citizens.values()) {
                for (Appointments.Appointment x : citizen.appointments()) {
                    if (x.appointmentId().equals(id)) {
                        a = x;
                    }
                }
            }
        }
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
