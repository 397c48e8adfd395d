package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Appointment slots, booking, search, check-in and a full slot. */
class AppointmentsTest extends SimulatorTestBase {
    private static final String HOLDER = "110101199003070515";
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    /** The simulator's clock, which the kiosk keeps too: moved to the slot to check in. */
    private final MovableClock clock = new MovableClock();

    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(clock);
    }

    private Catalogue.Item item;
    private Catalogue.Item notAppointable;
    private Appointments.SlotDay day;

    @BeforeEach
    void findAnAppointableItemAndItsNextWorkingDay() throws Exception {
        client = newClient(Optional.of(KIOSK), clock);
        var items = CatalogueTest.sync(client, 0, 500).items().values();
        item = items.stream().filter(Catalogue.Item::appointable).findFirst().orElseThrow();
        notAppointable =
                items.stream().filter(i -> !i.appointable()).findFirst().orElseThrow();
        LocalDate d = LocalDate.now(HALL).plusDays(1);
        for (int i = 0; i < 30; i++, d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            day = client.slots(item.id(), d);
            if (!day.slots().isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no working day with slots in the next 30 days");
    }

    private Appointments.Book booking(String slotId, String idNumber) {
        return new Appointments.Book(
                UUID.randomUUID().toString(),
                slotId,
                item.id(),
                new Appointments.Applicant(idNumber, "赵六", "13700137000"));
    }

    @Test
    void aWorkingDayHasSlotsWithCapacityAndAllRemaining() {
        assertThat(day.itemId()).isEqualTo(item.id());
        assertThat(day.slots()).isNotEmpty();
        for (Appointments.Slot s : day.slots()) {
            assertThat(s.capacity()).as(s.slotId()).isPositive();
            assertThat(s.remaining()).as(s.slotId()).isEqualTo(s.capacity());
            assertThat(s.start()).isLessThan(s.end());
        }
    }

    @Test
    void aWeekendAndAnItemThatCannotBeBookedHaveNoSlots() throws Exception {
        LocalDate saturday = day.date().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

        assertThat(client.slots(item.id(), saturday).slots()).isEmpty();
        assertThat(client.slots(notAppointable.id(), day.date()).slots()).isEmpty();
        assertThat(failure(() -> client.slots("110101-XX-9999", day.date())).status())
                .isEqualTo(404);
    }

    @Test
    void aBookingTakesOnePlaceIsFoundByIdNumberAndChecksInWithAQueueNumber() throws Exception {
        Appointments.Slot slot = day.slots().get(0);

        Appointments.Appointment booked = client.book(booking(slot.slotId(), HOLDER));

        assertThat(booked.status()).isEqualTo(Appointments.Status.BOOKED);
        assertThat(booked.date()).isEqualTo(day.date());
        assertThat(booked.start()).isEqualTo(slot.start());
        assertThat(booked.checkInCode()).isNotBlank();
        Appointments.Slot after = client.slots(item.id(), day.date()).slots().get(0);
        assertThat(after.remaining()).isEqualTo(slot.remaining() - 1);

        Appointments.Found found = client.appointments(new Appointments.Search(HOLDER, null));
        assertThat(found.appointments())
                .extracting(Appointments.Appointment::appointmentId)
                .containsExactly(booked.appointmentId());

        clock.ahead = Duration.between(
                Instant.now(),
                day.date().atTime(LocalTime.parse(slot.start())).atZone(HALL).toInstant());
        Appointments.Appointment in = client.checkIn(booked.appointmentId());
        assertThat(in.status()).isEqualTo(Appointments.Status.CHECKED_IN);
        assertThat(in.queueNumber()).isNotBlank().startsWith(item.businessType());
        assertThat(client.checkIn(booked.appointmentId()))
                .as("checking in twice is the same")
                .isEqualTo(in);
        assertThat(client.appointments(new Appointments.Search(HOLDER, null))
                        .appointments()
                        .get(0)
                        .status())
                .isEqualTo(Appointments.Status.CHECKED_IN);
    }

    @Test
    void theWeeksAvailabilityCountsEveryBookableItemsOpenDaysAndABookingTakesAPlace() throws Exception {
        int capacity =
                day.slots().stream().mapToInt(Appointments.Slot::capacity).sum();
        Appointments.Availability before = client.availability(day.date(), 7);
        client.book(booking(day.slots().get(2).slotId(), HOLDER));
        Appointments.Availability after = client.availability(day.date(), 7);

        assertThat(before.items()).allSatisfy(d -> {
            assertThat(d.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(d.capacity()).isEqualTo(capacity);
        });
        assertThat(before.items())
                .extracting(Appointments.DayAvailability::itemId)
                .contains(item.id())
                .hasSizeGreaterThan(100);
        Function<Appointments.Availability, Integer> left = a -> a.items().stream()
                .filter(d -> d.itemId().equals(item.id()) && d.date().equals(day.date()))
                .findFirst()
                .orElseThrow()
                .remaining();
        assertThat(left.apply(after)).isEqualTo(left.apply(before) - 1);
        assertThat(failure(() -> client.availability(day.date(), 15)).status()).isEqualTo(400);
    }

    @Test
    void aCancelledBookingGivesItsPlaceBack() throws Exception {
        Appointments.Slot slot = day.slots().get(1);
        Appointments.Appointment booked = client.book(booking(slot.slotId(), HOLDER));

        Appointments.Appointment cancelled = client.cancel(booked.appointmentId());

        assertThat(cancelled.status()).isEqualTo(Appointments.Status.CANCELLED);
        assertThat(client.slots(item.id(), day.date()).slots().get(1).remaining())
                .isEqualTo(slot.capacity());
        assertThat(failure(() -> client.checkIn(booked.appointmentId())).status())
                .isEqualTo(422);
    }

    @Test
    void aFullSlotRefusesTheNextBooking() throws Exception {
        Appointments.Slot slot = day.slots().get(day.slots().size() - 1);
        for (int i = 0; i < slot.capacity(); i++) {
            client.book(booking(slot.slotId(), "1101011990030705" + String.format("%02d", i)));
        }
        assertThat(client.slots(item.id(), day.date())
                        .slots()
                        .get(day.slots().size() - 1)
                        .remaining())
                .isZero();

        PlatformException e = failure(() -> client.book(booking(slot.slotId(), HOLDER)));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo(Problem.SLOT_FULL);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void theSameBookingSentTwiceTakesOnePlace() throws Exception {
        Appointments.Slot slot = day.slots().get(2);
        Appointments.Book b = booking(slot.slotId(), HOLDER);

        Appointments.Appointment first = client.book(b);
        Appointments.Appointment again = client.book(b);

        assertThat(again).isEqualTo(first);
        assertThat(client.slots(item.id(), day.date()).slots().get(2).remaining())
                .isEqualTo(slot.capacity() - 1);
    }

    @Test
    void theDataSetsCitizensHaveTheirAppointments() throws Exception {
        assertThat(client.appointments(new Appointments.Search(EnterprisesAndLicencesTest.WANG, null))
                        .appointments())
                .isNotEmpty();
    }
}
