package cn.egov.kiosk.platform.api;

import java.time.LocalDate;
import java.util.List;

/** Appointment slots (预约), booking, check-in (取号签到) and cancellation. */
public final class Appointments {
    private Appointments() {}

    public record Slot(String slotId, String start, String end, int capacity, int remaining) {}

    /** Places of one item on one open day. */
    public record DayAvailability(String itemId, LocalDate date, int capacity, int remaining) {}

    /** {@code GET /v1/appointment-availability?from=&days=}: every bookable item's open days. */
    public record Availability(LocalDate from, int days, List<DayAvailability> items) {}

    /** {@code GET /v1/appointment-slots?itemId=&date=}. */
    public record SlotDay(String itemId, LocalDate date, List<Slot> slots) {}

    public record Applicant(String idNumber, String name, String phone) {
        @Override
        public String toString() {
            return "Applicant[personal data]";
        }
    }

    /** {@code POST /v1/appointments}; {@code appointmentId} is the kiosk's and the idempotency key. */
    public record Book(String appointmentId, String slotId, String itemId, Applicant applicant) {}

    public enum Status {
        BOOKED,
        CHECKED_IN,
        CANCELLED,
        MISSED
    }

    /**
     * An appointment. {@code checkInCode} is what its confirmation's QR code holds ({@code CHK-...});
     * {@code place} where to go; {@code checkInFrom} and {@code checkInUntil} the times of its day
     * (HH:mm) between which the hall takes its check-in; {@code priority} whether its queue number,
     * once checked in, is called ahead of those taken without an appointment (the hall's rule).
     */
    public record Appointment(
            String appointmentId,
            String itemId,
            String itemName,
            LocalDate date,
            String start,
            String end,
            Status status,
            String checkInCode,
            String queueNumber,
            String place,
            String checkInFrom,
            String checkInUntil,
            boolean priority) {}

    /**
     * {@code POST /v1/appointments/search}: a citizen's appointments by ID number, or the one a
     * confirmation's check-in code names (its QR code); one of the two.
     */
    public record Search(String idNumber, String checkInCode) {
        @Override
        public String toString() {
            return "Search[personal data]";
        }
    }

    public record Found(List<Appointment> appointments) {}
}
