package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal.Fault;
import cn.egov.kiosk.device.payment.zvt.ZvtJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk sim payment-terminal --port PATH|--tcp PORT}: plays a bank-card terminal speaking ZVT
 * on a serial port or a TCP port, booking what it approves in a journal file that survives its
 * restart, with faults on command, for checking a kiosk's wiring and its handling of every way a
 * payment can go wrong without a real terminal or a real card.
 */
@Command(
        name = "payment-terminal",
        mixinStandardHelpOptions = true,
        description = {
            "Plays a bank-card terminal speaking ZVT on a serial port (9600 8N2 by default) or a TCP port (bare APDUs).",
            "It books every approved sale in its journal (--journal FILE: kept across restarts; else in memory), with",
            "receipt and trace numbers, and answers reversals, refunds, the repeat receipt and the end of day from it.",
            "Faults (--fault on every occasion, --fault-once on the next): declined, bad-crc, lost-ack, duplicate-frame,",
            "slow, lose-answer, busy, offline, reversal-impossible.",
            "While it runs, standard input takes: fault NAME, fault-once NAME, clear NAME, journal, quit.",
            "Example, with a pseudo-terminal pair:",
            "  socat pty,raw,echo=0,link=/tmp/pos pty,raw,echo=0,link=/tmp/kiosk &",
            "  ./kiosk sim payment-terminal --port /tmp/pos --journal /tmp/pos-journal.tsv",
            "  ./kiosk diag payment-terminal --port /tmp/kiosk --test sale --amount 1",
            "Exit 0 when stopped, 1 when the port or the journal cannot be opened, 2 bad arguments."
        })
public final class SimPaymentTerminalCommand implements Callable<Integer> {

    /** Where it plays: a serial port or a TCP port. */
    static final class Where {
        @Option(names = "--port", required = true, paramLabel = "PATH", description = "The serial port to play on.")
        String port;

        @Option(
                names = "--tcp",
                required = true,
                paramLabel = "PORT",
                description = "The TCP port to listen on (loopback; 20007 by convention).")
        Integer tcp;
    }

    @ArgGroup(multiplicity = "1")
    Where where;

    @Option(names = "--baud", paramLabel = "BAUD", description = "Line rate (default: ${DEFAULT-VALUE}).")
    int baud = 9_600;

    @Option(
            names = "--parity",
            paramLabel = "PARITY",
            description = "none, even or odd (default: ${DEFAULT-VALUE}); 8 data bits and 2 stop bits.")
    String parity = "none";

    @Option(names = "--journal", paramLabel = "FILE", description = "The terminal's journal (default: in memory).")
    Path journalFile;

    @Option(names = "--fault", paramLabel = "NAME", description = "A fault on every occasion (repeatable).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--fault-once", paramLabel = "NAME", description = "A fault on the next occasion (repeatable).")
    List<String> faultsOnce = new ArrayList<>();

    @Option(
            names = "--card-delay",
            paramLabel = "SECONDS",
            description = "How long the citizen takes to present the card (default: ${DEFAULT-VALUE}).")
    double cardDelay = 2;

    @Option(
            names = "--pause",
            paramLabel = "SECONDS",
            description = "How late the answer comes with the fault slow (default: ${DEFAULT-VALUE}).")
    double pause = 10;

    @Option(names = "--tid", paramLabel = "DIGITS", description = "The terminal id (default: ${DEFAULT-VALUE}).")
    String terminalId = "52000001";

    @Option(
            names = "--for",
            paramLabel = "SECONDS",
            description = "Stop after this many seconds (default: run until quit or end of input).")
    Double runFor;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Fault> every = new ArrayList<>();
        List<Fault> once = new ArrayList<>();
        VirtualZvtTerminal.Options options;
        SerialLink.Parity lineParity;
        try {
            for (String f : faults) {
                every.add(Fault.parse(f));
            }
            for (String f : faultsOnce) {
                once.add(Fault.parse(f));
            }
            lineParity = parity(parity);
            if (baud < 300 || baud > 4_000_000) {
                throw new IllegalArgumentException("--baud: expected 300 to 4000000, not " + baud);
            }
            if (where.tcp != null && (where.tcp < 1 || where.tcp > 65_535)) {
                throw new IllegalArgumentException("--tcp: a port from 1 to 65535, not " + where.tcp);
            }
            if (cardDelay < 0 || pause < 0 || (runFor != null && runFor <= 0)) {
                throw new IllegalArgumentException("--card-delay and --pause cannot be negative, --for is more than 0");
            }
            options = new VirtualZvtTerminal.Options(
                    terminalId,
                    VirtualZvtTerminal.Options.DEFAULTS.maskedCard(),
                    seconds(cardDelay),
                    VirtualZvtTerminal.Options.DEFAULTS.statusEvery(),
                    seconds(pause),
                    VirtualZvtTerminal.Options.DEFAULTS.t3(),
                    VirtualZvtTerminal.Options.DEFAULTS.answerTimeout());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }

        ZvtJournal journal;
        try {
            journal = journalFile == null ? ZvtJournal.inMemory() : ZvtJournal.open(journalFile);
        } catch (IOException e) {
            err.println("Cannot open the journal " + journalFile + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        ByteLink link;
        String place;
        try {
            if (where.port != null) {
                SerialLink serial = new SerialLink(where.port, baud, 8, lineParity, 2);
                serial.open();
                link = serial;
                place = String.format(
                        Locale.ROOT,
                        "%s at %d baud 8%s2",
                        where.port,
                        baud,
                        parity.substring(0, 1).toUpperCase(Locale.ROOT));
            } else {
                link = TcpServerLink.listen(where.tcp);
                place = "tcp port " + ((TcpServerLink) link).port() + " (bare APDUs)";
            }
        } catch (IOException e) {
            err.println("Cannot open " + (where.port != null ? where.port : "tcp port " + where.tcp) + ": "
                    + e.getMessage());
            err.flush();
            return 1;
        }

        VirtualZvtTerminal terminal = new VirtualZvtTerminal(journal, options, Clock.systemDefaultZone());
        every.forEach(terminal::injectAlways);
        once.forEach(terminal::inject);
        terminal.onEvent(e -> say(out, e));
        terminal.serve(link, where.port != null, "sim-payment-terminal");
        say(
                out,
                String.format(
                        Locale.ROOT,
                        "Terminal on %s, TID %s, journal %s (%d transaction(s) today), faults %s.",
                        place,
                        terminalId,
                        journalFile == null ? "in memory" : journalFile.toString(),
                        journal.day().size(),
                        describe(terminal)));

        CountDownLatch stop = new CountDownLatch(1);
        Thread console = new Thread(() -> console(terminal, out, stop), "sim-payment-terminal-console");
        console.setDaemon(true);
        console.start();
        if (runFor != null) {
            stop.await(Math.round(runFor * 1000), TimeUnit.MILLISECONDS);
        } else {
            stop.await();
        }
        terminal.stop();
        if (link instanceof TcpServerLink server) {
            server.shutdown();
        }
        say(out, "Stopped.");
        return 0;
    }

    /** Commands from standard input; its end stops a run without --for. */
    private void console(VirtualZvtTerminal terminal, PrintWriter out, CountDownLatch stop) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while (stop.getCount() > 0 && (line = in.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                String answer;
                try {
                    answer = switch (w[0]) {
                        case "" -> null;
                        case "fault" -> {
                            terminal.injectAlways(Fault.parse(arg(w)));
                            yield "fault " + arg(w) + " on every occasion";
                        }
                        case "fault-once" -> {
                            terminal.inject(Fault.parse(arg(w)));
                            yield "fault " + arg(w) + " on the next occasion";
                        }
                        case "clear" -> {
                            terminal.clear(Fault.parse(arg(w)));
                            yield "cleared " + arg(w);
                        }
                        case "journal" -> journal(terminal.journal());
                        case "quit", "exit" -> {
                            stop.countDown();
                            yield null;
                        }
                        default ->
                            throw new IllegalArgumentException(
                                    "commands: fault NAME, fault-once NAME, clear NAME, journal, quit");
                    };
                } catch (IllegalArgumentException e) {
                    answer = "ERROR " + e.getMessage();
                }
                if (answer != null) {
                    say(out, answer);
                }
            }
        } catch (IOException e) {
            // no console: run on
        }
        if (runFor == null) {
            stop.countDown();
        }
    }

    /** The day's transactions, one a line: never more of a card than its mask. */
    private static String journal(ZvtJournal journal) {
        List<ZvtJournal.Entry> day = journal.day();
        StringBuilder sb = new StringBuilder("journal: " + day.size() + " transaction(s) today");
        for (ZvtJournal.Entry e : day) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%n  %s %s trace %s %d fen %s%s%s",
                    e.receipt(),
                    e.kind().name().toLowerCase(Locale.ROOT),
                    e.trace(),
                    e.amountFen(),
                    e.maskedCard(),
                    e.reverses().isEmpty() ? "" : " of " + e.reverses(),
                    e.reversed() ? " (reversed)" : ""));
        }
        return sb.toString();
    }

    private static String describe(VirtualZvtTerminal terminal) {
        return terminal.faults().isEmpty()
                ? "none"
                : terminal.faults().stream().map(Fault::label).toList().toString();
    }

    private static String arg(String[] w) {
        if (w.length < 2) {
            throw new IllegalArgumentException(w[0] + " needs a fault name, one of "
                    + Arrays.stream(Fault.values()).map(Fault::label).toList());
        }
        return w[1];
    }

    static SerialLink.Parity parity(String name) {
        try {
            return SerialLink.Parity.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--parity: none, even or odd, not \"" + name + "\"", e);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
