package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.store.AppointmentDayRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The days an item can be booked, from the local copy the down-sync keeps (two weeks ahead, places
 * left per day): they show while the platform is away, with how current they are. Reads the store:
 * call it off the JavaFX thread.
 */
public final class OpenDays {
    /** One open day of an item: its places, and how many are left. */
    public record Day(LocalDate date, int capacity, int remaining) {
        public boolean full() {
            return remaining <= 0;
        }
    }

    /** An item's open days from today, and when the copy was last brought up to date. */
    public record Days(String itemId, List<Day> days, Optional<Instant> asOf) {}

    private final AppointmentDayRepository store;
    private final Supplier<Optional<Instant>> asOf;
    private final Clock clock;
    private final ZoneId zone;

    /** @param asOf when the down-sync last brought the availability (the store's sync state) */
    public OpenDays(AppointmentDayRepository store, Supplier<Optional<Instant>> asOf, Clock clock, ZoneId zone) {
        this.store = store;
        this.asOf = asOf;
        this.clock = clock;
        this.zone = zone;
    }

    /** The item's open days from today on (the hall's day), in order. */
    public Days of(String itemId) {
        List<Day> days = store.days(itemId, today()).stream()
                .map(d -> new Day(d.date(), d.capacity(), d.remaining()))
                .toList();
        return new Days(itemId, days, asOf.get());
    }

    /** The items that can be booked on some day from today, by the local copy. */
    public Set<String> bookableItems() {
        return Set.copyOf(store.items(today()));
    }

    /** A place of the day was taken (-1) or freed (+1) here: the copy shows it before the next sync. */
    public void taken(Appointments.Appointment a, int change) {
        store.adjust(a.itemId(), a.date(), change);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
