package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.diag.CardFiles.CardFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk sim id-reader --port PATH --card FILE}: plays a resident ID card reader on a serial
 * port, with the cards of a JSON file taken in turn, for checking a kiosk's wiring and error
 * handling without a real reader or real cards. Prints what happens (never the cards' data); reads
 * commands from standard input while it runs ({@code place}, {@code lift}, {@code fault NAME},
 * {@code clear NAME}, {@code quit}).
 */
@Command(
        name = "id-reader",
        mixinStandardHelpOptions = true,
        description = {
            "Plays a resident ID card reader (SAM serial protocol) on a serial port.",
            "The cards of --card (one or a list, see config/cards/demo-cards.json) are placed in turn:",
            "each is lifted --lift-after seconds after it was read and the next placed --next-after seconds later.",
            "Faults: bad-checksum, truncated, garbage, slow, sam-failure, no-card (on every answer, or once with --fault-once).",
            "While it runs, standard input takes: place, lift, fault NAME, fault-once NAME, clear NAME, quit.",
            "Example, with a pseudo-terminal pair:",
            "  socat pty,raw,echo=0,link=/tmp/reader pty,raw,echo=0,link=/tmp/kiosk &",
            "  ./kiosk sim id-reader --port /tmp/reader --card config/cards/demo-cards.json",
            "  ./kiosk diag id-reader --port /tmp/kiosk --test read",
            "Exit 0 when stopped, 1 when the port cannot be opened, 2 bad arguments."
        })
public final class SimIdReaderCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            required = true,
            paramLabel = "PATH",
            description = "The serial port to play the reader on.")
    String port;

    @Option(
            names = "--card",
            required = true,
            paramLabel = "FILE",
            description = "JSON file with one card or a list of cards.")
    Path cardFile;

    @Option(
            names = "--baud",
            paramLabel = "BAUD",
            description = "Line rate; answers are paced at it (default: ${DEFAULT-VALUE}).")
    int baud = 115_200;

    @Option(names = "--fault", paramLabel = "NAME", description = "A fault played on every answer (repeatable).")
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--fault-once",
            paramLabel = "NAME",
            description = "A fault played on the next answer only (repeatable).")
    List<String> faultsOnce = new ArrayList<>();

    @Option(
            names = "--slow-ms",
            paramLabel = "MS",
            description = "How late a slow answer comes (default: ${DEFAULT-VALUE}).")
    long slowMs = 300;

    @Option(
            names = "--lift-after",
            paramLabel = "SECONDS",
            description = "Seconds a read card stays on the reader (default: ${DEFAULT-VALUE}).")
    double liftAfter = 3;

    @Option(
            names = "--next-after",
            paramLabel = "SECONDS",
            description = "Seconds before the next card is placed (default: ${DEFAULT-VALUE}).")
    double nextAfter = 2;

    @Option(names = "--manual", description = "Place no card on its own: only the place command does.")
    boolean manual;

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
        List<IdCard> cards;
        List<VirtualSamReader.Fault> every = new ArrayList<>();
        List<VirtualSamReader.Fault> once = new ArrayList<>();
        try {
            cards = CardFiles.read(cardFile);
            for (String f : faults) {
                every.add(fault(f));
            }
            for (String f : faultsOnce) {
                once.add(fault(f));
            }
            if (baud < 300 || baud > 4_000_000) {
                throw new IllegalArgumentException("--baud: expected 300 to 4000000, not " + baud);
            }
            if (liftAfter < 0 || nextAfter < 0 || slowMs < 0 || (runFor != null && runFor <= 0)) {
                throw new IllegalArgumentException(
                        "--lift-after, --next-after, --slow-ms and --for cannot be negative");
            }
        } catch (CardFileException | IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }

        SerialLink link = new SerialLink(port, baud, 8, SerialLink.Parity.NONE, 1);
        try {
            link.open();
        } catch (Exception e) {
            err.println("Cannot open " + port + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        VirtualSamReader reader = new VirtualSamReader();
        reader.setLineRate(baud);
        reader.setSlowAnswers(Duration.ofMillis(slowMs));
        every.forEach(reader::injectAlways);
        once.forEach(reader::inject);
        reader.onEvent(e -> {
            synchronized (out) {
                out.println(e.what());
                out.flush();
            }
        });
        reader.serve(link, "sim-id-reader");
        out.printf(
                Locale.ROOT,
                "Reader on %s at %d baud with %d card(s)%s.%n",
                port,
                baud,
                cards.size(),
                manual ? "; place them with: place [N]" : "");
        out.flush();
        if (!manual) {
            reader.playInTurn(cards, seconds(liftAfter), seconds(nextAfter));
        }

        CountDownLatch stop = new CountDownLatch(1);
        Thread console = new Thread(() -> console(reader, cards, out, stop), "sim-id-reader-console");
        console.setDaemon(true);
        console.start();
        if (runFor != null) {
            stop.await((long) (runFor * 1000), TimeUnit.MILLISECONDS);
        } else {
            stop.await();
        }
        reader.stop();
        out.println("Stopped.");
        out.flush();
        return 0;
    }

    /** Commands from standard input; the end of input stops only a run without --for that is not playing cards. */
    private void console(VirtualSamReader reader, List<IdCard> cards, PrintWriter out, CountDownLatch stop) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                String answer;
                try {
                    answer = switch (w[0]) {
                        case "" -> null;
                        case "place" -> {
                            int n = w.length > 1 ? Integer.parseInt(w[1]) : 1;
                            if (n < 1 || n > cards.size()) {
                                throw new IllegalArgumentException("place N: 1 to " + cards.size());
                            }
                            reader.place(cards.get(n - 1));
                            yield null; // the reader's own event says it
                        }
                        case "lift" -> {
                            reader.lift();
                            yield null;
                        }
                        case "fault" -> {
                            reader.injectAlways(fault(arg(w)));
                            yield "fault " + arg(w) + " on every answer";
                        }
                        case "fault-once" -> {
                            reader.inject(fault(arg(w)));
                            yield "fault " + arg(w) + " on the next answer";
                        }
                        case "clear" -> {
                            reader.clear(fault(arg(w)));
                            yield "cleared " + arg(w);
                        }
                        case "quit", "exit" -> {
                            stop.countDown();
                            yield null;
                        }
                        default ->
                            throw new IllegalArgumentException(
                                    "commands: place [N], lift, fault NAME, fault-once NAME, clear NAME, quit");
                    };
                } catch (IllegalArgumentException e) {
                    answer = "ERROR " + e.getMessage();
                }
                if (answer != null) {
                    synchronized (out) {
                        out.println(answer);
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // no console: run on
        }
        if (manual && runFor == null) {
            stop.countDown(); // nobody can place a card any more
        }
    }

    private static String arg(String[] w) {
        if (w.length < 2) {
            throw new IllegalArgumentException(w[0] + " needs a fault name");
        }
        return w[1];
    }

    static VirtualSamReader.Fault fault(String name) {
        try {
            return VirtualSamReader.Fault.valueOf(
                    name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown fault \"" + name + "\": bad-checksum, truncated, garbage, slow, sam-failure or no-card");
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
