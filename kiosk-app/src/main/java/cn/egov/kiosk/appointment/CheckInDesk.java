package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.print.ticket.QueueTicket;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketIssuer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 签到: an appointment checked in on its day and its queue ticket printed. In order: its status (a
 * cancelled or missed one is said so), its window by the hall's clock (too early or too late said
 * with the times, the platform not asked), the receipt printer (a printer known not to print costs
 * no check-in: the appointment stays as it was), then the platform's check-in, which gives the queue
 * number; the ticket prints through the ticket issuer with the appointment's service, time and
 * priority, and is recorded and reported as every ticket is. A ticket that does not print leaves
 * the number standing: the citizen is told it and where to go. Blocks on the network and the
 * printer: off the JavaFX thread.
 */
public final class CheckInDesk {
    private static final Logger log = LoggerFactory.getLogger(CheckInDesk.class);

    /** What came of a check-in. */
    public sealed interface Outcome {
        Appointments.Appointment appointment();
    }

    /** Checked in, the ticket in the citizen's hand. */
    public record Printed(Appointments.Appointment appointment, Ticket ticket) implements Outcome {}

    /**
     * Checked in, but the ticket did not print: the number stands (the platform holds the check-in);
     * {@code partly} says that part of a ticket may have come out.
     */
    public record NotPrinted(
            Appointments.Appointment appointment, String number, IssueOutcome.Reason reason, boolean partly)
            implements Outcome {}

    /** Not checked in: the ticket printer cannot print now; the appointment is as it was. */
    public record PrinterNotReady(Appointments.Appointment appointment, IssueOutcome.Reason reason)
            implements Outcome {}

    /** Not checked in: too early, too late, no longer booked, the platform away or refusing. */
    public record Refused(Appointments.Appointment appointment, AppointmentProblem problem) implements Outcome {}

    /** Checked in before, here or elsewhere: its number, no second ticket. */
    public record AlreadyCheckedIn(Appointments.Appointment appointment) implements Outcome {}

    private final AppointmentPlatform platform;
    private final TicketIssuer tickets;
    private final Function<String, Optional<String>> businessTypeOf;
    private final Clock clock;
    private final ZoneId zone;

    /** @param businessTypeOf an item's queue business type, from the local catalogue */
    public CheckInDesk(
            AppointmentPlatform platform,
            TicketIssuer tickets,
            Function<String, Optional<String>> businessTypeOf,
            Clock clock,
            ZoneId zone) {
        this.platform = platform;
        this.tickets = tickets;
        this.businessTypeOf = businessTypeOf;
        this.clock = clock;
        this.zone = zone;
    }

    /** The citizen's appointments of today, whatever their status, soonest first. */
    public List<Appointments.Appointment> today(String idNumber) throws AppointmentException {
        LocalDate today = now().toLocalDate();
        return platform.ofCitizen(idNumber).stream()
                .filter(a -> a.date().equals(today))
                .sorted(Comparator.comparing(CheckInWindow::start))
                .toList();
    }

    /** The appointment of a confirmation's check-in code; empty when the platform knows none. */
    public Optional<Appointments.Appointment> byCode(String checkInCode) throws AppointmentException {
        return platform.byCheckInCode(checkInCode);
    }

    /** Where the hall's clock is against the appointment's window. */
    public CheckInWindow.Timing timing(Appointments.Appointment a) {
        return CheckInWindow.at(a, now());
    }

    /** Checks the appointment in and prints its ticket. */
    public Outcome checkIn(Appointments.Appointment a, Locale locale) {
        switch (a.status()) {
            case CHECKED_IN -> {
                return new AlreadyCheckedIn(a);
            }
            case CANCELLED, MISSED -> {
                return new Refused(a, AppointmentProblem.NOT_BOOKED);
            }
            case BOOKED -> {}
        }
        switch (timing(a)) {
            case EARLY -> {
                return new Refused(a, AppointmentProblem.TOO_EARLY);
            }
            case LATE -> {
                return new Refused(a, AppointmentProblem.TOO_LATE);
            }
            case OPEN -> {}
        }
        Optional<IssueOutcome.Reason> printer = tickets.printerProblem();
        if (printer.isPresent()) {
            log.warn(
                    "Appointment {} not checked in: the ticket printer cannot print ({})",
                    a.appointmentId(),
                    printer.get());
            return new PrinterNotReady(a, printer.get());
        }
        Appointments.Appointment done;
        try {
            done = platform.checkIn(a.appointmentId());
        } catch (AppointmentException e) {
            log.info("Appointment {} not checked in: {} ({})", a.appointmentId(), e.problem(), e.getMessage());
            return new Refused(a, e.problem());
        }
        if (done.queueNumber() == null || done.queueNumber().isBlank()) {
            log.error("The platform checked appointment {} in without a queue number", a.appointmentId());
            return new Refused(a, AppointmentProblem.FAILED);
        }
        String type = businessTypeOf
                .apply(done.itemId())
                .orElseGet(() -> done.queueNumber().replaceAll("[0-9]+$", ""));
        IssueOutcome issued = tickets.issueCheckedIn(
                new TicketIssuer.CheckedIn(
                        type,
                        done.queueNumber(),
                        new QueueTicket.Appointment(done.priority(), CheckInWindow.start(done), done.itemName())),
                locale);
        if (issued instanceof IssueOutcome.Issued ok) {
            return new Printed(done, ok.ticket());
        }
        IssueOutcome.NotIssued failed = (IssueOutcome.NotIssued) issued;
        log.warn(
                "Appointment {} checked in as {}, but its ticket did not print: {}",
                a.appointmentId(),
                done.queueNumber(),
                failed.reason());
        return new NotPrinted(done, done.queueNumber(), failed.reason(), failed.partlyPrinted());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), zone);
    }
}
