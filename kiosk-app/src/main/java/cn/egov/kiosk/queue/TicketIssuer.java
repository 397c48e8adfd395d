package cn.egov.kiosk.queue;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.printer.PrinterTrouble;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.ticket.QueueTicket;
import cn.egov.kiosk.print.ticket.QueueTicketTemplate;
import cn.egov.kiosk.printing.PrintLog;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.queue.IssueOutcome.Issued;
import cn.egov.kiosk.queue.IssueOutcome.NotIssued;
import cn.egov.kiosk.queue.IssueOutcome.Reason;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a queue ticket: allocates the number, prints the ticket, and hands the number out only
 * when the printer reports the ticket done; otherwise the number is voided and the citizen told
 * why. Blocks on the printer: call it off the JavaFX thread.
 */
public final class TicketIssuer {
    private static final Logger log = LoggerFactory.getLogger(TicketIssuer.class);

    /** The words a ticket needs from the hall's configuration, in the citizen's language. */
    public record HallTexts(
            Function<Locale, String> hallName,
            BiFunction<String, Locale, String> businessTypeName,
            Supplier<String> hotline) {
        /** A hotline that does not change. */
        public HallTexts(
                Function<Locale, String> hallName,
                BiFunction<String, Locale, String> businessTypeName,
                String hotline) {
            this(hallName, businessTypeName, () -> hotline);
        }
    }

    private final QueueService queue;
    private final Supplier<Optional<ReceiptPrinter>> printer;
    private final QueueTicketTemplate template;
    private final PrintLog printLog;
    private final Clock clock;
    private final HallTexts texts;
    private final ZoneId zone;

    /** @param printLog where every ticket print is recorded for the audit trail */
    public TicketIssuer(
            QueueService queue,
            QueueTicketTemplate template,
            Supplier<Optional<ReceiptPrinter>> printer,
            PrintLog printLog,
            HallTexts texts,
            ZoneId zone,
            Clock clock) {
        this.queue = queue;
        this.template = template;
        this.printLog = printLog;
        this.clock = clock;
        this.printer = printer;
        this.texts = texts;
        this.zone = zone;
    }

    /**
     * Takes a number of a business type and prints its ticket.
     *
     * @param idNumber the citizen's ID number, when the hall prints it on tickets (the template masks it)
     */
    public synchronized IssueOutcome issue(String businessType, Locale locale, Optional<String> idNumber) {
        if (!queue.offers(businessType)) {
            throw new IllegalArgumentException("business type " + businessType + " is not offered here");
        }
        Optional<ReceiptPrinter> found = printer.get();
        if (found.isEmpty()) {
            audit(businessType, Optional.empty(), PrintRecord.Result.REFUSED, Optional.of("NOT_FITTED"));
            return new NotIssued(Optional.empty(), Reason.PRINTER_MISSING, "no receipt printer is configured");
        }
        ReceiptPrinter p = found.get();
        Optional<Reason> known = knownProblem(p);
        if (known.isPresent()) { // no number is spent on a printer known not to print
            audit(
                    businessType,
                    Optional.of(p.id()),
                    PrintRecord.Result.REFUSED,
                    Optional.of(known.get().name()));
            return new NotIssued(
                    Optional.empty(), known.get(), "printer " + p.id() + ": " + p.state() + " " + p.conditions());
        }
        Ticket ticket;
        try {
            ticket = queue.allocate(businessType);
        } catch (RuntimeException e) { // the store failed (the type was checked above)
            log.error("Could not allocate a queue number for {}", businessType, e);
            return new NotIssued(Optional.empty(), Reason.STORE_FAILED, e.getMessage());
        }
        PrintOutcome printed;
        try {
            printed = p.print(render(ticket, businessType, locale, idNumber, p.columns()));
        } catch (DeviceException e) {
            boolean partly = e instanceof PrintFailedException pf && pf.started();
            audit(
                    ticket.id(),
                    Optional.of(p.id()),
                    partly ? PrintRecord.Result.FAILED : PrintRecord.Result.REFUSED,
                    Optional.of(e.extendedCode().isEmpty() ? e.code().name() : e.extendedCode()));
            return voided(
                    ticket,
                    reasonOf(e),
                    e.extendedCode().isEmpty() ? e.code().name() : e.extendedCode(),
                    e.summary(),
                    partly);
        } catch (RuntimeException e) { // a bug in rendering or a driver: the number must not hang
            log.error("Printing queue number {} failed unexpectedly", ticket.number(), e);
            audit(ticket.id(), Optional.of(p.id()), PrintRecord.Result.FAILED, Optional.of("ERROR"));
            return voided(ticket, Reason.PRINTER_FAULT, "ERROR", e.toString(), true);
        }
        audit(ticket.id(), Optional.of(p.id()), PrintRecord.Result.PRINTED, Optional.empty());
        try {
            return new Issued(queue.confirmPrinted(ticket), printed);
        } catch (RuntimeException e) {
            log.error("Ticket {} was printed but could not be recorded as printed", ticket.number(), e);
            return new Issued(ticket.withStatus(TicketStatus.PRINTED), printed);
        }
    }

    /**
     * What a checked-in appointment's ticket carries: the number the platform gave it, its business
     * type, and the appointment (its service, time and priority) for the ticket's lines.
     */
    public record CheckedIn(String businessType, String number, QueueTicket.Appointment appointment) {}

    /**
     * Why no ticket could print now, from what the printer already reported (nothing is asked of it):
     * a check-in is not made on a printer known not to print, so that the citizen keeps the
     * appointment as it was.
     */
    public Optional<Reason> printerProblem() {
        Optional<ReceiptPrinter> found = printer.get();
        return found.isEmpty() ? Optional.of(Reason.PRINTER_MISSING) : knownProblem(found.get());
    }

    /**
     * Prints the ticket of a number the platform gave an appointment at its check-in, recorded with
     * the day's tickets and reported as they are. The number is the citizen's whatever the printer
     * does (the platform holds the check-in): a ticket that did not print leaves it to staff
     * ({@link TicketStatus#INTERRUPTED}) rather than voiding it, and the outcome's ticket says the
     * number, so that the citizen can be told it and where to go.
     */
    public synchronized IssueOutcome issueCheckedIn(CheckedIn checkedIn, Locale locale) {
        Optional<ReceiptPrinter> found = printer.get();
        Ticket ticket;
        try {
            ticket = queue.recordCheckedIn(checkedIn.businessType(), checkedIn.number());
        } catch (RuntimeException e) {
            log.error("Could not record queue number {} of a checked-in appointment", checkedIn.number(), e);
            return new NotIssued(Optional.empty(), Reason.STORE_FAILED, e.getMessage());
        }
        if (found.isEmpty()) {
            audit(ticket.id(), Optional.empty(), PrintRecord.Result.REFUSED, Optional.of("NOT_FITTED"));
            return unprinted(ticket, Reason.PRINTER_MISSING, "NOT_FITTED", "no receipt printer is configured", false);
        }
        ReceiptPrinter p = found.get();
        Optional<Reason> known = knownProblem(p);
        if (known.isPresent()) {
            audit(
                    ticket.id(),
                    Optional.of(p.id()),
                    PrintRecord.Result.REFUSED,
                    Optional.of(known.get().name()));
            return unprinted(
                    ticket,
                    known.get(),
                    known.get().name(),
                    "printer " + p.id() + ": " + p.state() + " " + p.conditions(),
                    false);
        }
        PrintOutcome printed;
        try {
            printed = p.print(template.render(
                    new QueueTicket(
                            texts.hallName().apply(locale),
                            texts.businessTypeName().apply(checkedIn.businessType(), locale),
                            ticket.number(),
                            ticket.waitingAhead(),
                            LocalDateTime.ofInstant(ticket.issuedAt(), zone),
                            ticket.id(),
                            Optional.empty(),
                            texts.hotline().get(),
                            locale,
                            Optional.of(checkedIn.appointment())),
                    p.columns()));
        } catch (DeviceException e) {
            boolean partly = e instanceof PrintFailedException pf && pf.started();
            String code = e.extendedCode().isEmpty() ? e.code().name() : e.extendedCode();
            audit(
                    ticket.id(),
                    Optional.of(p.id()),
                    partly ? PrintRecord.Result.FAILED : PrintRecord.Result.REFUSED,
                    Optional.of(code));
            return unprinted(ticket, reasonOf(e), code, e.summary(), partly);
        } catch (RuntimeException e) {
            log.error("Printing queue number {} of a checked-in appointment failed unexpectedly", ticket.number(), e);
            audit(ticket.id(), Optional.of(p.id()), PrintRecord.Result.FAILED, Optional.of("ERROR"));
            return unprinted(ticket, Reason.PRINTER_FAULT, "ERROR", e.toString(), true);
        }
        audit(ticket.id(), Optional.of(p.id()), PrintRecord.Result.PRINTED, Optional.empty());
        try {
            return new Issued(queue.confirmPrinted(ticket), printed);
        } catch (RuntimeException e) {
            log.error("Ticket {} was printed but could not be recorded as printed", ticket.number(), e);
            return new Issued(ticket.withStatus(TicketStatus.PRINTED), printed);
        }
    }

    /** A checked-in appointment's ticket that did not print: left to staff, its number kept. */
    private NotIssued unprinted(Ticket ticket, Reason reason, String why, String detail, boolean partlyPrinted) {
        Ticket left = ticket.withStatus(TicketStatus.INTERRUPTED);
        try {
            left = queue.notPrinted(ticket, why);
        } catch (RuntimeException e) {
            log.error(
                    "Could not record that queue number {} did not print; it stays allocated and is marked at the next start",
                    ticket.number(),
                    e);
        }
        return new NotIssued(Optional.of(left), reason, detail, partlyPrinted);
    }

    private ReceiptDocument render(
            Ticket ticket, String businessType, Locale locale, Optional<String> idNumber, int columns) {
        return template.render(
                new QueueTicket(
                        texts.hallName().apply(locale),
                        texts.businessTypeName().apply(businessType, locale),
                        ticket.number(),
                        ticket.waitingAhead(),
                        LocalDateTime.ofInstant(ticket.issuedAt(), zone),
                        ticket.id(),
                        idNumber,
                        texts.hotline().get(),
                        locale),
                columns);
    }

    /** Records the print for the audit trail; {@code reference} is the ticket's id (or the type when no number was taken). */
    private void audit(String reference, Optional<String> device, PrintRecord.Result result, Optional<String> reason) {
        try {
            printLog.record(new PrintRecord(
                    UUID.randomUUID().toString(),
                    clock.instant(),
                    QueueTicketTemplate.NAME,
                    reference,
                    device,
                    Medium.ESCPOS,
                    result,
                    reason,
                    false));
        } catch (RuntimeException e) {
            log.error("The ticket print ({}) could not be recorded in the audit trail", result, e);
        }
    }

    private NotIssued voided(Ticket ticket, Reason reason, String voidReason, String detail, boolean partlyPrinted) {
        try {
            queue.voidTicket(ticket, voidReason);
        } catch (RuntimeException se) {
            log.error(
                    "Could not void queue number {} after a failed print; it stays allocated and is voided at the next start",
                    ticket.number(),
                    se);
        }
        return new NotIssued(Optional.of(ticket.withStatus(TicketStatus.VOIDED)), reason, detail, partlyPrinted);
    }

    /** Why a printer cannot print now, from what it already reported, if it cannot. */
    private static Optional<Reason> knownProblem(ReceiptPrinter p) {
        if (p.state() == DeviceState.CLOSED || p.state() == DeviceState.OFFLINE || !p.isEnabled()) {
            return Optional.of(Reason.PRINTER_OFFLINE);
        }
        Set<Condition> now = p.conditions();
        if (now.contains(Condition.COVER_OPEN)) {
            return Optional.of(Reason.COVER_OPEN);
        }
        if (now.contains(Condition.PAPER_OUT)) {
            return Optional.of(Reason.PAPER_OUT);
        }
        if (now.stream().anyMatch(Condition::blocking) || p.state() == DeviceState.ERROR) {
            return Optional.of(Reason.PRINTER_FAULT);
        }
        return Optional.empty();
    }

    private static Reason reasonOf(DeviceException e) {
        if (e.code() == ErrorCode.OFFLINE || e.code() == ErrorCode.NO_HARDWARE || e.code() == ErrorCode.TIMEOUT) {
            return Reason.PRINTER_OFFLINE;
        }
        return switch (PrinterTrouble.of(e)) {
            case PAPER_OUT -> Reason.PAPER_OUT;
            case COVER_OPEN -> Reason.COVER_OPEN;
            case OFFLINE -> Reason.PRINTER_OFFLINE;
            case FAULT -> Reason.PRINTER_FAULT;
        };
    }
}
