package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkSpec;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.link.TcpLink;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.TerminalStatus;
import cn.egov.kiosk.device.payment.zvt.ZvtPaymentTerminal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk diag payment-terminal --port PATH --test status|sale}: opens a bank-card terminal
 * with the kiosk's own ZVT driver (which registers with it), asks its status or makes one sale, and
 * prints what an engineer needs to see that it works: each message both ways with its size and
 * time, the result code, receipt and trace numbers, the masked card number, the bytes on the wire
 * and the milliseconds.
 */
@Command(
        name = "payment-terminal",
        mixinStandardHelpOptions = true,
        description = {
            "Talks to a bank-card terminal with the kiosk's own driver (ZVT) on a serial port (9600 8N2 by default)",
            "or over TCP: --test status asks whether it is ready; --test sale --amount FEN makes one sale, which is",
            "charged to the card presented (reverse it at the terminal, or with a test card).",
            "Prints each message both ways, the result code, the receipt and trace numbers, the masked card number,",
            "the bytes on the wire and the milliseconds.",
            "Exit 0 approved or ready, 1 declined, not ready or failed (with its code and message), 2 bad arguments."
        })
public final class DiagPaymentTerminalCommand implements Callable<Integer> {

    /** Where the terminal is: a serial port or a TCP address. */
    static final class Where {
        @Option(names = "--port", required = true, paramLabel = "PATH", description = "The terminal's serial port.")
        String port;

        @Option(
                names = "--tcp",
                required = true,
                paramLabel = "HOST:PORT",
                description = "The terminal's address on the network (port 20007 by convention).")
        String tcp;
    }

    @ArgGroup(multiplicity = "1")
    Where where;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", description = "The terminal's protocol: zvt (the default).")
    String protocol = "zvt";

    @Option(names = "--test", paramLabel = "TEST", description = "What to test: status (default) or sale.")
    String test = "status";

    @Option(names = "--amount", paramLabel = "FEN", description = "The sale's amount in fen (--test sale).")
    Long amountFen;

    @Option(names = "--baud", paramLabel = "BAUD", description = "Line rate (default: ${DEFAULT-VALUE}).")
    int baud = 9_600;

    @Option(
            names = "--parity",
            paramLabel = "PARITY",
            description = "none, even or odd (default: ${DEFAULT-VALUE}); 8 data bits and 2 stop bits.")
    String parity = "none";

    @Option(
            names = "--password",
            paramLabel = "DIGITS",
            description = "The terminal's password, six digits (default: ${DEFAULT-VALUE}).")
    String password = ZvtPaymentTerminal.Options.DEFAULTS.password();

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            description = "How long to wait for each of the terminal's messages, T4 (default: ${DEFAULT-VALUE}).")
    int waitSeconds = 180;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ByteLink link;
        ZvtPaymentTerminal.Options options;
        try {
            link = checkArguments();
            ZvtPaymentTerminal.Options d = ZvtPaymentTerminal.Options.DEFAULTS;
            options = new ZvtPaymentTerminal.Options(
                    password,
                    d.currency(),
                    d.configByte(),
                    d.t3(),
                    Duration.ofSeconds(waitSeconds),
                    d.answerTimeout(),
                    d.charset());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        ZvtPaymentTerminal pos = new ZvtPaymentTerminal(
                "payment-terminal",
                "zvt",
                link,
                where.port != null ? ZvtPaymentTerminal.Framing.SERIAL : ZvtPaymentTerminal.Framing.BARE,
                options,
                StatisticsStore.NONE,
                clock);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(where.port != null ? "port" : "tcp", where.port != null ? where.port : where.tcp);
        doc.put("protocol", "zvt");
        doc.put("test", test);
        long start = System.nanoTime();
        int exit;
        try {
            pos.open();
            pos.claim(Duration.ofSeconds(1));
            pos.enable();
            doc.put("terminalId", pos.terminalId());
            if (!json) {
                out.printf(
                        Locale.ROOT,
                        "Terminal on %s registered%s.%n",
                        pos.connection(),
                        pos.terminalId().isEmpty() ? "" : ", TID " + pos.terminalId());
                if ("sale".equals(test)) {
                    out.printf(Locale.ROOT, "A sale of %s: present a card at the terminal...%n", yuan(amountFen));
                }
                out.flush();
            }
            exit = "sale".equals(test) ? sale(pos, doc) : status(pos, doc);
        } catch (DeviceException e) {
            doc.put("result", "error");
            doc.put("code", e.code().name());
            doc.put("extendedCode", e.extendedCode());
            doc.put("message", e.getMessage());
            exit = 1;
        } finally {
            pos.lastExchange().ifPresent(x -> exchange(x, doc));
            pos.close();
        }
        doc.put("ms", (System.nanoTime() - start) / 1_000_000);
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc));
        } else {
            print(doc, out, err);
        }
        out.flush();
        err.flush();
        return exit;
    }

    /** The link the arguments name; an {@link IllegalArgumentException} says what is wrong with them. */
    private ByteLink checkArguments() {
        if (!"zvt".equals(protocol)) {
            throw new IllegalArgumentException("--protocol: the only protocol is zvt, not \"" + protocol + "\"");
        }
        if (!"status".equals(test) && !"sale".equals(test)) {
            throw new IllegalArgumentException("--test: status or sale, not \"" + test + "\"");
        }
        if ("sale".equals(test) && (amountFen == null || amountFen < 1 || amountFen > 99_999_999L)) {
            throw new IllegalArgumentException("--test sale needs --amount FEN, 1 to 99999999 (1 is 0.01 yuan)");
        }
        if (!"sale".equals(test) && amountFen != null) {
            throw new IllegalArgumentException("--amount goes with --test sale");
        }
        if (baud < 300 || baud > 4_000_000 || waitSeconds < 1 || waitSeconds > 600) {
            throw new IllegalArgumentException("--baud is 300 to 4000000 and --wait 1 to 600 seconds");
        }
        if (!password.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("--password: six digits");
        }
        if (where.port != null) {
            return new SerialLink(where.port, baud, 8, SimPaymentTerminalCommand.parity(parity), 2);
        }
        LinkSpec tcp = LinkSpec.parse("tcp:" + where.tcp);
        return new TcpLink(tcp.host(), tcp.port(), 3_000);
    }

    private int sale(ZvtPaymentTerminal pos, Map<String, Object> doc) throws DeviceException {
        String reference = "DIAG-" + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        PaymentResult r = pos.sale(new SaleRequest(reference, amountFen, Duration.ofSeconds(waitSeconds)));
        doc.put("result", r.outcome().name().toLowerCase(Locale.ROOT));
        doc.put("resultCode", r.resultCode());
        doc.put("amountFen", r.amountFen());
        doc.put("receiptNumber", r.receiptNumber());
        doc.put("traceNumber", r.traceNumber());
        doc.put("maskedCardNumber", r.maskedCardNumber());
        if (!r.terminalId().isEmpty()) {
            doc.put("terminalId", r.terminalId());
        }
        doc.put("time", r.time().map(LocalDateTime::toString).orElse(""));
        doc.put("message", r.message());
        doc.put("printLines", r.printLines());
        return r.approved() ? 0 : 1;
    }

    private static int status(ZvtPaymentTerminal pos, Map<String, Object> doc) throws DeviceException {
        TerminalStatus s = pos.status();
        doc.put("result", s.ready() ? "ready" : "not-ready");
        doc.put("resultCode", s.statusCode());
        if (!s.terminalId().isEmpty()) {
            doc.put("terminalId", s.terminalId());
        }
        doc.put("message", s.message());
        return s.ready() ? 0 : 1;
    }

    /** The last exchange's messages and line figures into the document. */
    private static void exchange(ZvtPaymentTerminal.Exchange x, Map<String, Object> doc) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ZvtPaymentTerminal.Message m : x.messages()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("from", m.fromTerminal() ? "terminal" : "kiosk");
            e.put("name", m.name());
            e.put("bytes", m.bytes());
            e.put("atMs", m.atMillis());
            messages.add(e);
        }
        doc.put("command", x.command());
        doc.put("end", x.end());
        doc.put("messages", messages);
        doc.put("bytesSent", x.bytesSent());
        doc.put("bytesReceived", x.bytesReceived());
        doc.put("resends", x.resends());
        doc.put("naksSent", x.naksSent());
        doc.put("naksReceived", x.naksReceived());
        doc.put("exchangeMs", x.millis());
    }

    private static void print(Map<String, Object> doc, PrintWriter out, PrintWriter err) {
        if (doc.get("messages") instanceof List<?> messages) {
            for (Object o : messages) {
                Map<?, ?> m = (Map<?, ?>) o;
                out.printf(
                        Locale.ROOT,
                        "%6d ms  %s %-20s %4d bytes%n",
                        ((Number) m.get("atMs")).longValue(),
                        "terminal".equals(m.get("from")) ? "<-" : "->",
                        m.get("name"),
                        ((Number) m.get("bytes")).intValue());
            }
        }
        if ("error".equals(doc.get("result"))) {
            String extended = String.valueOf(doc.getOrDefault("extendedCode", ""));
            err.printf(
                    Locale.ROOT,
                    "FAILED %s%s: %s%n",
                    doc.get("code"),
                    extended.isEmpty() ? "" : "/" + extended,
                    doc.get("message"));
            return;
        }
        if (doc.get("printLines") instanceof List<?> lines && !lines.isEmpty()) {
            out.println("Receipt:");
            lines.forEach(l -> out.println("  | " + l));
        }
        String result =
                String.valueOf(doc.get("result")).toUpperCase(Locale.ROOT).replace('-', ' ');
        if ("sale".equals(doc.get("test"))) {
            out.printf(
                    Locale.ROOT,
                    "%s %s: result code %s, receipt %s, trace %s, card %s, TID %s (%s)%n",
                    result,
                    yuan(((Number) doc.get("amountFen")).longValue()),
                    blank(doc.get("resultCode")),
                    blank(doc.get("receiptNumber")),
                    blank(doc.get("traceNumber")),
                    blank(doc.get("maskedCardNumber")),
                    blank(doc.get("terminalId")),
                    doc.get("message"));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: status %s, TID %s (%s)%n",
                    result,
                    blank(doc.get("resultCode")),
                    blank(doc.get("terminalId")),
                    doc.get("message"));
        }
        out.printf(
                Locale.ROOT,
                "%s bytes sent, %s received, %s resent, %s NAKs sent, %s received; %s ms.%n",
                doc.get("bytesSent"),
                doc.get("bytesReceived"),
                doc.get("resends"),
                doc.get("naksSent"),
                doc.get("naksReceived"),
                doc.get("ms"));
    }

    private static String blank(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? "-" : String.valueOf(value);
    }

    private static String yuan(long fen) {
        return String.format(Locale.ROOT, "CNY %d.%02d", fen / 100, fen % 100);
    }
}
