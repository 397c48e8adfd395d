package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.payment.Difference;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.ReconciliationReport;
import cn.egov.kiosk.payment.TerminalTotals;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PaymentJournalRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk payments [--day D] [--json]}: a day's payments from the kiosk's journal, those left
 * for staff (of any day), and the day's reconciliation (日结/对账) with its differences, as the kiosk
 * last made it. Reads only: beside a running kiosk (SQLite in WAL mode) too. The reconciliation
 * itself is the kiosk's to make: it closes the terminal's day, which a shell must not do behind its
 * back.
 */
@Command(
        name = "payments",
        mixinStandardHelpOptions = true,
        description = {
            "Shows a day's payments from the kiosk's journal (amounts in yuan and fen, the card number",
            "masked), the payments left for staff, and the day's reconciliation with the terminal's",
            "end-of-day totals and the platform's orders, with every difference.",
            "Exit 0 nothing for staff, 1 differences or payments for staff, 2 bad arguments or configuration."
        })
public final class PaymentsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @Option(names = "--config", paramLabel = "FILE", description = "The kiosk's configuration (default: demo).")
    Path config;

    @Option(
            names = "--day",
            paramLabel = "YYYY-MM-DD",
            description = "The day, in the hall's time zone (default: today).")
    String day;

    @Option(names = "--json", description = "Print JSON instead of lines.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<KioskConfig> found = Subcommands.loadConfig(spec, config, err);
        if (found.isEmpty()) {
            return 2;
        }
        ZoneId zone = found.get().kiosk().timeZone();
        LocalDate date;
        try {
            date = day == null ? LocalDate.now(zone) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            err.println("payments: --day takes a date as YYYY-MM-DD, such as 2026-11-28; not " + day);
            err.flush();
            return 2;
        }
        Path file = found.get().storage().database();
        if (!Files.exists(file)) {
            out.println("payments: none (the kiosk has not run yet: no local store at " + file + ")");
            out.flush();
            return 0;
        }
        try (Database db = Database.open(file)) {
            PaymentJournalRepository journal = new PaymentJournalRepository(db);
            List<PaymentRecord> payments = journal.ofDay(date, zone);
            List<PaymentRecord> staff = journal.forStaff();
            List<PaymentRecord> unresolved = journal.unresolved();
            Optional<ReconciliationReport> report = journal.report(date);
            if (json) {
                printJson(out, date, zone, payments, staff, unresolved, report);
            } else {
                printLines(out, date, zone, payments, staff, unresolved, report);
            }
            out.flush();
            boolean forStaff = !staff.isEmpty()
                    || !unresolved.isEmpty()
                    || report.map(r -> !r.clean()).orElse(false);
            return forStaff ? 1 : 0;
        }
    }

    /** An amount in fen as yuan: 1500 as 15.00. */
    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "."
                + String.format(Locale.ROOT, "%02d", Math.abs(fen) % 100);
    }

    private static void printLines(
            PrintWriter out,
            LocalDate date,
            ZoneId zone,
            List<PaymentRecord> payments,
            List<PaymentRecord> staff,
            List<PaymentRecord> unresolved,
            Optional<ReconciliationReport> report) {
        out.println("payments of " + date + " (" + zone + "): " + payments.size());
        for (PaymentRecord p : payments) {
            out.println("  " + line(p, zone));
        }
        if (!unresolved.isEmpty()) {
            out.println("not resolved yet (the kiosk's recovery asks again): " + unresolved.size());
            for (PaymentRecord p : unresolved) {
                out.println("  " + p.createdAt().atZone(zone).toLocalDate() + " " + line(p, zone));
            }
        }
        out.println("left for staff: " + staff.size());
        for (PaymentRecord p : staff) {
            out.println("  " + p.createdAt().atZone(zone).toLocalDate() + " " + line(p, zone) + "  "
                    + p.note().orElse(""));
        }
        if (report.isEmpty()) {
            out.println("reconciliation: not made for " + date);
            return;
        }
        ReconciliationReport r = report.get();
        ReconciliationReport.KioskTotals k = r.kiosk();
        out.println("reconciliation of " + date + ", made "
                + r.madeAt().atZone(zone).toLocalDateTime() + ":");
        out.println("  journal: " + k.payments() + " payments, " + k.paidCount() + " paid " + yuan(k.paidFen())
                + "; card sales " + k.cardSaleCount() + " " + yuan(k.cardSaleFen()) + ", reversals "
                + k.cardReversalCount() + " " + yuan(k.cardReversalFen()) + ": " + k.cardTransactions()
                + " transactions, net " + yuan(k.cardNetFen()));
        out.println("  terminal: "
                + r.terminal()
                        .map(t -> (t.countTold() ? t.transactionCount() + " transactions" : "count not told") + ", net "
                                + yuan(t.netFen()))
                        .orElse("no end-of-day totals"));
        out.println("  platform: "
                + (r.platformOrders().isPresent() ? r.platformOrders().getAsInt() + " orders" : "no answer"));
        out.println("  differences: " + r.differences().size());
        for (Difference d : r.differences()) {
            out.println("    " + d.kind() + (d.orderRef() == null ? "" : "  " + d.orderRef())
                    + (d.method() == null ? "" : "  " + d.method())
                    + "  kiosk " + yuan(d.kioskFen()) + (d.kioskState() == null ? "" : " " + d.kioskState())
                    + "  other " + yuan(d.otherFen()) + (d.otherState() == null ? "" : " " + d.otherState())
                    + "  " + d.note());
        }
    }

    private static String line(PaymentRecord p, ZoneId zone) {
        return p.createdAt().atZone(zone).format(TIME) + "  " + p.orderRef() + "  " + p.method() + "  "
                + yuan(p.amountFen()) + "  " + p.state() + "  " + p.serviceId() + "/" + p.dueId()
                + p.receiptNo().map(r -> "  receipt " + r).orElse("")
                + p.traceNo().map(t -> "  trace " + t).orElse("")
                + p.paymentId().map(id -> "  platform " + id).orElse("")
                + p.cardMasked().map(c -> "  card " + c).orElse("");
    }

    private static void printJson(
            PrintWriter out,
            LocalDate date,
            ZoneId zone,
            List<PaymentRecord> payments,
            List<PaymentRecord> staff,
            List<PaymentRecord> unresolved,
            Optional<ReconciliationReport> report)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("day", date.toString());
        doc.put("zone", zone.getId());
        records(doc.putArray("payments"), payments);
        records(doc.putArray("unresolved"), unresolved);
        records(doc.putArray("forStaff"), staff);
        if (report.isEmpty()) {
            doc.putNull("reconciliation");
        } else {
            ReconciliationReport r = report.get();
            ObjectNode rec = doc.putObject("reconciliation");
            rec.put("madeAt", r.madeAt().toString());
            ReconciliationReport.KioskTotals k = r.kiosk();
            ObjectNode kiosk = rec.putObject("journal");
            kiosk.put("payments", k.payments());
            kiosk.put("paidCount", k.paidCount());
            kiosk.put("paidFen", k.paidFen());
            kiosk.put("cardSaleCount", k.cardSaleCount());
            kiosk.put("cardSaleFen", k.cardSaleFen());
            kiosk.put("cardReversalCount", k.cardReversalCount());
            kiosk.put("cardReversalFen", k.cardReversalFen());
            if (r.terminal().isPresent()) {
                TerminalTotals t = r.terminal().get();
                ObjectNode term = rec.putObject("terminal");
                if (t.countTold()) {
                    term.put("transactionCount", t.transactionCount());
                } else {
                    term.putNull("transactionCount");
                }
                term.put("netFen", t.netFen());
            } else {
                rec.putNull("terminal");
            }
            if (r.platformOrders().isPresent()) {
                rec.put("platformOrders", r.platformOrders().getAsInt());
            } else {
                rec.putNull("platformOrders");
            }
            ArrayNode diffs = rec.putArray("differences");
            for (Difference d : r.differences()) {
                ObjectNode n = diffs.addObject();
                n.put("kind", d.kind().name());
                n.put("orderRef", d.orderRef());
                n.put("method", d.method() == null ? null : d.method().name());
                n.put("kioskFen", d.kioskFen());
                n.put("otherFen", d.otherFen());
                n.put("kioskState", d.kioskState());
                n.put("otherState", d.otherState());
                n.put("note", d.note());
            }
        }
        out.println(mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    }

    private static void records(ArrayNode array, List<PaymentRecord> records) {
        for (PaymentRecord p : records) {
            ObjectNode n = array.addObject();
            n.put("orderRef", p.orderRef());
            n.put("serviceId", p.serviceId());
            n.put("dueId", p.dueId());
            n.put("amountFen", p.amountFen());
            n.put("method", p.method().name());
            n.put("state", p.state().name());
            n.put("createdAt", p.createdAt().toString());
            n.put("updatedAt", p.updatedAt().toString());
            n.put("receiptNo", p.receiptNo().orElse(null));
            n.put("traceNo", p.traceNo().orElse(null));
            n.put("paymentId", p.paymentId().orElse(null));
            n.put("cardMasked", p.cardMasked().orElse(null));
            n.put("attempts", p.attempts());
            n.put("note", p.note().orElse(null));
        }
    }
}
