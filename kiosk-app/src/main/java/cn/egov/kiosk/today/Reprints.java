package cn.egov.kiosk.today;

import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.printing.PrintContent;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.PrintRecordRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff's reprint of a document printed that day, from its record (which never holds the content):
 * a receipt or a page of the kiosk's own templates from what the print carried, kept sealed for two
 * days ({@link PrintContent}); a licence fetched again from the platform (a copy, marked so, where its
 * item allows; the platform refuses otherwise). The reprint goes through the printing service the
 * flows use, says it is a reprint on the paper, masks what the template masks, and is audited
 * ({@code print.reprint}, with the actor staff's panel gives). A queue ticket is not printed twice: a
 * second ticket would be a second person for the same number. Blocks: call it off the JavaFX thread.
 */
public final class Reprints {
    private static final Logger log = LoggerFactory.getLogger(Reprints.class);

    /** The templates whose prints' content is kept for a reprint (the kiosk's own documents). */
    public static final Set<String> KEPT = Set.of(
            "acceptance-receipt",
            "appointment-confirmation",
            "enterprise-info",
            "payment-receipt",
            "postal-delivery-receipt",
            "progress-slip",
            "service-guide",
            "transaction-receipt");

    /** How long a print's content is kept for a reprint: today's and yesterday's prints, at least. */
    public static final Duration RETENTION = Duration.ofDays(2);

    /** Printed by the kiosk for itself or never twice: no reprint. */
    private static final Set<String> NEVER = Set.of("queue-ticket", "test-page");

    /** Where a reprint's content comes from. */
    public enum Source {
        /** What the print carried, kept sealed on the kiosk. */
        KEPT,
        /** A licence: its print data asked of the platform again. */
        PLATFORM,
        /** Cannot be printed again (a queue ticket, the content no longer kept, no platform). */
        NONE
    }

    /** A document printed that day, as staff see it: the original print, not its reprints. */
    public record Document(
            String printId,
            Instant printedAt,
            String template,
            String reference,
            PrintRecord.Result result,
            Source source,
            int reprints) {}

    /** How a reprint went. */
    public enum Result {
        PRINTED,
        /** The printer did not print it ({@link Outcome#problem()} says why). */
        NOT_PRINTED,
        /** Nothing to print it from: the content is no longer kept, or it is never printed twice. */
        NOT_AVAILABLE,
        /** The platform refused (a collected licence its item does not issue twice). */
        REFUSED,
        /** The platform could not be asked. */
        PLATFORM_AWAY
    }

    /** A reprint's outcome and, when not printed, the printer's problem. */
    public record Outcome(Result result, Optional<Printing.Problem> problem) {
        static Outcome of(Result r) {
            return new Outcome(r, Optional.empty());
        }
    }

    private final PrintRecordRepository records;
    private final PrintContent content;
    private final Printing printing;
    private final LicenceSource licences;
    private final Optional<AuditRepository> audit;
    private final ZoneId zone;
    private final Clock clock;

    /**
     * @param licences where licences come again from ({@link LicenceSource#NONE} without a platform)
     * @param audit where the reprint is audited, with a platform
     */
    public Reprints(
            PrintRecordRepository records,
            Printing printing,
            LicenceSource licences,
            Optional<AuditRepository> audit,
            ZoneId zone,
            Clock clock) {
        this.records = records;
        this.content = printing.content();
        this.printing = printing;
        this.licences = licences;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    /** Whether the content of {@code template}'s prints is kept for a reprint. */
    public static boolean keeps(String template) {
        return KEPT.contains(template);
    }

    /** The documents printed on {@code day} (first prints, in order), each with where a reprint would come from. */
    public List<Document> of(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<PrintRecord> all = records.between(from, to);
        Map<String, Integer> reprinted = new LinkedHashMap<>();
        for (PrintRecord r : all) {
            if (r.reprint()) {
                reprinted.merge(r.template() + "\u0000" + r.reference(), 1, Integer::sum);
            }
        }
        return all.stream()
                .filter(r -> !r.reprint())
                .map(r -> new Document(
                        r.id(),
                        r.printedAt(),
                        r.template(),
                        r.reference(),
                        r.result(),
                        source(r),
                        reprinted.getOrDefault(r.template() + "\u0000" + r.reference(), 0)))
                .toList();
    }

    private Source source(PrintRecord r) {
        if (NEVER.contains(r.template())) {
            return Source.NONE;
        }
        if (KEPT.contains(r.template())) {
            return content.has(r.id()) ? Source.KEPT : Source.NONE;
        }
        return licences == LicenceSource.NONE ? Source.NONE : Source.PLATFORM;
    }

    /** Prints the document of the print {@code printId} again, audited with {@code actor}. */
    public Outcome reprint(String printId, String actor) {
        Optional<PrintRecord> found = records.find(printId);
        if (found.isEmpty() || found.get().reprint()) {
            return Outcome.of(Result.NOT_AVAILABLE);
        }
        PrintRecord original = found.get();
        Outcome outcome;
        Optional<PrintRecord> made = Optional.empty();
        switch (source(original)) {
            case KEPT -> {
                Optional<PrintContent.Kept> kept = content.kept(printId);
                if (kept.isEmpty()) {
                    outcome = Outcome.of(Result.NOT_AVAILABLE);
                } else {
                    Printing.Outcome printed = printing.print(
                            kept.get().template(), kept.get().data(), kept.get().locale(), original.reference(), true);
                    made = Optional.of(printed.record());
                    outcome = outcome(printed);
                }
            }
            case PLATFORM -> {
                try {
                    LicenceSource.Licence licence = licences.printData(asCollected(original));
                    Printing.Outcome printed = printing.print(
                            licence.template(),
                            licence.data(),
                            Locale.forLanguageTag("zh-CN"),
                            licence.reference(),
                            true);
                    made = Optional.of(printed.record());
                    outcome = outcome(printed);
                } catch (LicenceSource.RefusedException e) {
                    outcome = Outcome.of(Result.REFUSED);
                } catch (LicenceSource.UnavailableException e) {
                    outcome = Outcome.of(Result.PLATFORM_AWAY);
                }
            }
            default -> outcome = Outcome.of(Result.NOT_AVAILABLE);
        }
        audited(original, made, outcome, actor);
        return outcome;
    }

    /** A licence printed here before: collected, a copy if its item allows one (the platform decides). */
    private static LicenceSource.Held asCollected(PrintRecord r) {
        return new LicenceSource.Held(
                r.reference(),
                r.template(),
                r.template(),
                "",
                Optional.empty(),
                Optional.empty(),
                true,
                LicenceSource.Status.COLLECTED,
                true,
                Optional.empty());
    }

    private static Outcome outcome(Printing.Outcome printed) {
        if (printed instanceof Printing.NotPrinted np) {
            return new Outcome(Result.NOT_PRINTED, Optional.of(np.problem()));
        }
        return Outcome.of(Result.PRINTED);
    }

    private void audited(PrintRecord original, Optional<PrintRecord> made, Outcome outcome, String actor) {
        log.warn("Reprint of {} ({}) by {}: {}", original.template(), original.reference(), actor, outcome.result());
        if (audit.isEmpty()) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("print", original.id());
        detail.put("template", original.template());
        detail.put("reference", original.reference());
        detail.put("result", outcome.result().name());
        outcome.problem().ifPresent(p -> detail.put("problem", p.name()));
        made.ifPresent(r -> detail.put("reprint", r.id()));
        try {
            audit.get().record(clock.instant(), "print.reprint", actor, detail);
        } catch (RuntimeException e) {
            log.error("The reprint of {} could not be audited", original.id(), e);
        }
    }
}
