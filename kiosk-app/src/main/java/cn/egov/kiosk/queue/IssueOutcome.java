package cn.egov.kiosk.queue;

import cn.egov.kiosk.device.printer.PrintOutcome;
import java.util.Optional;

/** What came of a request for a queue ticket. */
public sealed interface IssueOutcome {

    /** The ticket is printed and in the citizen's hand. */
    record Issued(Ticket ticket, PrintOutcome print) implements IssueOutcome {}

    /**
     * No ticket. {@code voided} is the number that was allocated and then voided, when the failure
     * came after allocation (for a checked-in appointment: its number, which stands, left to staff as
     * {@link TicketStatus#INTERRUPTED}); {@code partlyPrinted} says that part of the ticket may have
     * come out (the printer failed during the job), so the citizen must be told not to use it.
     */
    record NotIssued(Optional<Ticket> voided, Reason reason, String detail, boolean partlyPrinted)
            implements IssueOutcome {
        public NotIssued(Optional<Ticket> voided, Reason reason, String detail) {
            this(voided, reason, detail, false);
        }
    }

    /** Why no ticket came out: each has its own message for the citizen. */
    enum Reason {
        PRINTER_MISSING,
        PRINTER_OFFLINE,
        PAPER_OUT,
        COVER_OPEN,
        PRINTER_FAULT,
        STORE_FAILED
    }
}
