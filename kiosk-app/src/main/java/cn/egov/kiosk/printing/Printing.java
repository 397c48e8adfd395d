package cn.egov.kiosk.printing;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrinterStatus;
import cn.egov.kiosk.device.printer.PrinterTrouble;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.Template;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a document from a template and tells the truth about it: a receipt-paper template goes to
 * the receipt printer (ESC/POS), a page template to the licence printer (PDF through the print
 * queue). The printer's state is looked at first, and a printer that cannot print refuses the job
 * before anything comes out; a job whose status afterwards is paper out, cover open or a cutter
 * error is failed, so that the flow knows whether the citizen has their paper. Every print, whatever
 * its end, is recorded for the audit trail (never the content). Blocks on the printer: call it off
 * the JavaFX thread.
 */
public final class Printing {
    private static final Logger log = LoggerFactory.getLogger(Printing.class);

    /** What became of a print. */
    public sealed interface Outcome {
        PrintRecord record();
    }

    /** On paper. */
    public record Printed(PrintRecord record) implements Outcome {}

    /** Not printed; {@code partly}: something may have come out, which must not be used. */
    public record NotPrinted(PrintRecord record, Problem problem, boolean partly, String detail) implements Outcome {}

    /** Why a document did not print, in the terms the citizen is told. */
    public enum Problem {
        NO_PRINTER,
        PAPER_OUT,
        COVER_OPEN,
        OFFLINE,
        PRINTER_FAULT,
        TEMPLATE,
        /** The document could not be fetched: the platform cannot be reached. */
        PLATFORM
    }

    private final TemplateLibrary templates;
    private final Renderings renderings;
    private final Supplier<Optional<ReceiptPrinter>> receiptPrinter;
    private final Supplier<Optional<DocumentPrinter>> documentPrinter;
    private final PrintLog printLog;
    private final Clock clock;
    private final PrintContent content;

    public Printing(
            TemplateLibrary templates,
            Renderings renderings,
            Supplier<Optional<ReceiptPrinter>> receiptPrinter,
            Supplier<Optional<DocumentPrinter>> documentPrinter,
            PrintLog printLog,
            Clock clock) {
        this(templates, renderings, receiptPrinter, documentPrinter, printLog, clock, PrintContent.NONE);
    }

    /** @param content where a first print's content is kept for a staff reprint */
    public Printing(
            TemplateLibrary templates,
            Renderings renderings,
            Supplier<Optional<ReceiptPrinter>> receiptPrinter,
            Supplier<Optional<DocumentPrinter>> documentPrinter,
            PrintLog printLog,
            Clock clock,
            PrintContent content) {
        this.templates = templates;
        this.renderings = renderings;
        this.receiptPrinter = receiptPrinter;
        this.documentPrinter = documentPrinter;
        this.printLog = printLog;
        this.clock = clock;
        this.content = content;
    }

    /** Where first prints' contents are kept for a staff reprint. */
    public PrintContent content() {
        return content;
    }

    /**
     * Prints {@code template} with {@code data}.
     *
     * @param reference what finds the document again (an application number, a transaction number):
     *     recorded, so it must not be personal data
     * @param reprint a second copy of something printed before: the document says so
     */
    public Outcome print(String template, JsonNode data, Locale locale, String reference, boolean reprint) {
        return print(template, data, locale, reference, reprint, Optional.empty());
    }

    /**
     * Prints on the printer of {@code medium} whatever paper the template was made for (the
     * engineer's test page on the licence printer: a receipt-paper template on A4).
     */
    public Outcome print(
            String template, JsonNode data, Locale locale, String reference, boolean reprint, Optional<Medium> medium) {
        Template t;
        try {
            t = templates.get(template);
        } catch (TemplateException e) {
            return notPrinted(
                    template,
                    reference,
                    Medium.ESCPOS,
                    Optional.empty(),
                    reprint,
                    Problem.TEMPLATE,
                    "TEMPLATE",
                    false,
                    e.getMessage());
        }
        JsonNode doc = data;
        if (reprint && data.isObject()) {
            ObjectNode copy = ((ObjectNode) data).deepCopy();
            copy.put("reprint", true);
            doc = copy;
        }
        Medium on = medium.orElse(t.paper() == Template.Paper.RECEIPT ? Medium.ESCPOS : Medium.PDF);
        Outcome outcome = on == Medium.ESCPOS
                ? onReceiptPrinter(t, doc, locale, reference, reprint)
                : onDocumentPrinter(t, doc, locale, reference, reprint);
        if (!reprint && medium.isEmpty()) {
            content.keep(outcome.record(), data, locale); // for staff's reprint, sealed where it names someone
        }
        return outcome;
    }

    private Outcome onReceiptPrinter(Template t, JsonNode data, Locale locale, String reference, boolean reprint) {
        Optional<ReceiptPrinter> found = receiptPrinter.get();
        if (found.isEmpty()) {
            return notPrinted(
                    t.name(),
                    reference,
                    Medium.ESCPOS,
                    Optional.empty(),
                    reprint,
                    Problem.NO_PRINTER,
                    "NOT_FITTED",
                    false,
                    "no receipt printer is configured");
        }
        ReceiptPrinter p = found.get();
        Optional<Problem> known = knownProblem(p.state(), p.isEnabled(), p.conditions());
        if (known.isPresent()) {
            return notPrinted(
                    t.name(),
                    reference,
                    Medium.ESCPOS,
                    Optional.of(p.id()),
                    reprint,
                    known.get(),
                    known.get().name(),
                    false,
                    p.state() + " " + p.conditions());
        }
        try {
            p.print(renderings.receipt(t, data, locale, p.columns()));
            return printed(t.name(), reference, Medium.ESCPOS, p.id(), reprint);
        } catch (DeviceException e) {
            return failed(t.name(), reference, Medium.ESCPOS, p.id(), reprint, e);
        }
    }

    private Outcome onDocumentPrinter(Template t, JsonNode data, Locale locale, String reference, boolean reprint) {
        Optional<DocumentPrinter> found = documentPrinter.get();
        if (found.isEmpty()) {
            return notPrinted(
                    t.name(),
                    reference,
                    Medium.PDF,
                    Optional.empty(),
                    reprint,
                    Problem.NO_PRINTER,
                    "NOT_FITTED",
                    false,
                    "no licence printer is configured");
        }
        DocumentPrinter p = found.get();
        Optional<Problem> known = knownProblem(p.state(), p.isEnabled(), p.conditions());
        if (known.isEmpty()) {
            try {
                PrinterStatus status = p.queryStatus();
                known = status.blockingProblem().map(Printing::problemOf);
            } catch (DeviceException e) {
                known = Optional.of(Problem.OFFLINE);
            }
        }
        if (known.isPresent()) {
            return notPrinted(
                    t.name(),
                    reference,
                    Medium.PDF,
                    Optional.of(p.id()),
                    reprint,
                    known.get(),
                    known.get().name(),
                    false,
                    p.state() + " " + p.conditions());
        }
        byte[] pdf;
        try {
            pdf = renderings.pdf(t, data, locale);
        } catch (IOException | RuntimeException e) {
            log.error("Rendering {} failed", t.name(), e);
            return notPrinted(
                    t.name(),
                    reference,
                    Medium.PDF,
                    Optional.of(p.id()),
                    reprint,
                    Problem.TEMPLATE,
                    "RENDERING",
                    false,
                    e.toString());
        }
        DocumentJob.Media media = t.paper() == Template.Paper.A5 ? DocumentJob.Media.A5 : DocumentJob.Media.A4;
        try {
            p.print(new DocumentJob(t.name(), pdf, media, 1));
            return printed(t.name(), reference, Medium.PDF, p.id(), reprint);
        } catch (DeviceException e) {
            return failed(t.name(), reference, Medium.PDF, p.id(), reprint, e);
        } finally {
            Arrays.fill(pdf, (byte) 0); // the document holds the citizen's data: gone once handed over
        }
    }

    /** Why a printer cannot print now, from what it already reported. */
    static Optional<Problem> knownProblem(DeviceState state, boolean enabled, Set<Condition> conditions) {
        if (state == DeviceState.CLOSED || state == DeviceState.OFFLINE || !enabled) {
            return Optional.of(Problem.OFFLINE);
        }
        if (conditions.contains(Condition.COVER_OPEN)) {
            return Optional.of(Problem.COVER_OPEN);
        }
        if (conditions.contains(Condition.PAPER_OUT)) {
            return Optional.of(Problem.PAPER_OUT);
        }
        if (conditions.stream().anyMatch(Condition::blocking) || state == DeviceState.ERROR) {
            return Optional.of(Problem.PRINTER_FAULT);
        }
        return Optional.empty();
    }

    private static Problem problemOf(Condition c) {
        return switch (c) {
            case PAPER_OUT -> Problem.PAPER_OUT;
            case COVER_OPEN -> Problem.COVER_OPEN;
            case OFFLINE -> Problem.OFFLINE;
            case JAM, CUTTER_ERROR, HARDWARE_FAULT, PAPER_LOW, CARD_PRESENT -> Problem.PRINTER_FAULT;
        };
    }

    private Outcome failed(
            String template, String reference, Medium medium, String deviceId, boolean reprint, DeviceException e) {
        boolean partly = e instanceof PrintFailedException pf && pf.started();
        String code = e.extendedCode().isEmpty() ? e.code().name() : e.extendedCode();
        Problem problem = switch (PrinterTrouble.of(e)) {
            case PAPER_OUT -> Problem.PAPER_OUT;
            case COVER_OPEN -> Problem.COVER_OPEN;
            case OFFLINE -> Problem.OFFLINE;
            case FAULT -> Problem.PRINTER_FAULT;
        };
        return notPrinted(
                template, reference, medium, Optional.of(deviceId), reprint, problem, code, partly, e.summary());
    }

    private Outcome printed(String template, String reference, Medium medium, String deviceId, boolean reprint) {
        PrintRecord r = new PrintRecord(
                UUID.randomUUID().toString(),
                clock.instant(),
                template,
                reference,
                Optional.of(deviceId),
                medium,
                PrintRecord.Result.PRINTED,
                Optional.empty(),
                reprint);
        save(r);
        log.info("Printed {} ({}{}) on {}", template, reference, reprint ? ", reprint" : "", deviceId);
        return new Printed(r);
    }

    private Outcome notPrinted(
            String template,
            String reference,
            Medium medium,
            Optional<String> deviceId,
            boolean reprint,
            Problem problem,
            String code,
            boolean partly,
            String detail) {
        PrintRecord.Result result = partly ? PrintRecord.Result.FAILED : PrintRecord.Result.REFUSED;
        PrintRecord r = new PrintRecord(
                UUID.randomUUID().toString(),
                clock.instant(),
                template,
                reference,
                deviceId,
                medium,
                result,
                Optional.of(code),
                reprint);
        save(r);
        log.warn(
                "{} {} ({}) on {}: {} ({})",
                result == PrintRecord.Result.FAILED ? "Failed to print" : "Refused to print",
                template,
                reference,
                deviceId.orElse("no printer"),
                code,
                detail);
        return new NotPrinted(r, problem, partly, detail);
    }

    private void save(PrintRecord r) {
        try {
            printLog.record(r);
        } catch (RuntimeException e) {
            log.error("The print of {} ({}) could not be recorded in the audit trail", r.template(), r.result(), e);
        }
    }
}
