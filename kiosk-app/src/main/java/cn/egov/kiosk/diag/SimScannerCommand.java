package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.scanner.serial.SerialScanner;
import cn.egov.kiosk.device.scanner.serial.VirtualLineScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * {@code kiosk sim scanner --port PATH}: plays a code scanner in serial mode on a serial port: the
 * codes of {@code --code} in turn, every {@code --every} seconds, and what is typed on standard input
 * ({@code scan CODE}, {@code split CODE}, {@code garbage}, {@code long N}, {@code quit}), for
 * checking a kiosk's wiring and its handling of a noisy line without a real scanner.
 */
@Command(
        name = "scanner",
        mixinStandardHelpOptions = true,
        description = {
            "Plays a code scanner in serial mode on a serial port: each code is sent as a line of text.",
            "The codes of --code are sent in turn, one every --every seconds.",
            "While it runs, standard input takes: scan CODE, split CODE (in 3 writes), garbage (noise and a line end),",
            "long N (a line of N bytes), quit.",
            "Example, with a pseudo-terminal pair:",
            "  socat pty,raw,echo=0,link=/tmp/scanner pty,raw,echo=0,link=/tmp/kiosk &",
            "  ./kiosk sim scanner --port /tmp/scanner --code 6901234567892 --every 2",
            "  ./kiosk diag scanner --port /tmp/kiosk",
            "Exit 0 when stopped, 1 when the port cannot be opened or is lost, 2 bad arguments."
        })
public final class SimScannerCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            required = true,
            paramLabel = "PATH",
            description = "The serial port to play the scanner on.")
    String port;

    @Option(names = "--baud", paramLabel = "BAUD", description = "Line rate (default: ${DEFAULT-VALUE}).")
    int baud = 9_600;

    @Option(
            names = "--suffix",
            paramLabel = "SUFFIX",
            description = "What follows each code: crlf, cr, lf or none (default: ${DEFAULT-VALUE}).")
    String suffix = "crlf";

    @Option(
            names = "--charset",
            paramLabel = "CHARSET",
            description = "How codes are sent: UTF-8 or GB18030 (default: ${DEFAULT-VALUE}).")
    String charset = "UTF-8";

    @Option(names = "--code", paramLabel = "CODE", description = "A code to send (repeatable; sent in turn).")
    List<String> codes = new ArrayList<>();

    @Option(
            names = "--every",
            paramLabel = "SECONDS",
            description = "Seconds between two codes of --code (default: ${DEFAULT-VALUE}).")
    double every = 2;

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
        VirtualLineScanner.Suffix end;
        try {
            end = VirtualLineScanner.Suffix.parse(suffix);
            if (!SerialScanner.CHARSETS.contains(charset)) {
                throw new IllegalArgumentException(
                        "--charset: one of " + SerialScanner.CHARSETS + ", not \"" + charset + "\"");
            }
            if (baud < 300 || baud > 4_000_000) {
                throw new IllegalArgumentException("--baud: expected 300 to 4000000, not " + baud);
            }
            if (every <= 0 || (runFor != null && runFor <= 0)) {
                throw new IllegalArgumentException("--every and --for are more than 0 seconds");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        SerialLink link = new SerialLink(port, baud, 8, SerialLink.Parity.NONE, 1);
        try {
            link.open();
        } catch (LinkException e) {
            err.println("Cannot open " + port + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        VirtualLineScanner scanner = new VirtualLineScanner(link, Charset.forName(charset), end);
        CountDownLatch stop = new CountDownLatch(1);
        int[] exit = {0};
        out.printf(
                Locale.ROOT,
                "Scanner on %s at %d baud, %s, suffix %s, %d code(s) every %s s.%n",
                port,
                baud,
                charset,
                end.name().toLowerCase(Locale.ROOT),
                codes.size(),
                every);
        out.flush();
        Thread player = new Thread(() -> play(scanner, out, err, stop, exit), "sim-scanner-player");
        player.setDaemon(true);
        if (!codes.isEmpty()) {
            player.start();
        }
        Thread console = new Thread(() -> console(scanner, out, err, stop, exit), "sim-scanner-console");
        console.setDaemon(true);
        console.start();
        if (runFor != null) {
            stop.await(Math.round(runFor * 1000), TimeUnit.MILLISECONDS);
        } else {
            stop.await();
        }
        stop.countDown();
        player.interrupt();
        link.close();
        out.println("Stopped.");
        out.flush();
        return exit[0];
    }

    /** The codes of --code in turn, one every --every seconds, from the first at once. */
    private void play(VirtualLineScanner scanner, PrintWriter out, PrintWriter err, CountDownLatch stop, int[] exit) {
        try {
            for (int i = 0; stop.getCount() > 0; i = (i + 1) % codes.size()) {
                if (!send(scanner, "scan", codes.get(i), out, err, stop, exit)
                        || stop.await(Math.round(every * 1000), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commands from standard input; its end stops a run without --for. */
    private void console(
            VirtualLineScanner scanner, PrintWriter out, PrintWriter err, CountDownLatch stop, int[] exit) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while (stop.getCount() > 0 && (line = in.readLine()) != null) {
                String[] w = line.trim().split("\\s+", 2);
                String arg = w.length > 1 ? w[1] : "";
                switch (w[0]) {
                    case "" -> {}
                    case "scan", "split", "garbage", "long" -> send(scanner, w[0], arg, out, err, stop, exit);
                    case "quit", "exit" -> stop.countDown();
                    default -> say(out, "ERROR commands: scan CODE, split CODE, garbage, long N, quit");
                }
            }
        } catch (IOException e) {
            // no console: run on
        }
        if (runFor == null) {
            stop.countDown();
        }
    }

    /** Sends one thing; false (and the run stopped) when the port is lost. */
    private static boolean send(
            VirtualLineScanner scanner,
            String what,
            String arg,
            PrintWriter out,
            PrintWriter err,
            CountDownLatch stop,
            int[] exit) {
        try {
            switch (what) {
                case "scan" -> {
                    if (arg.isEmpty()) {
                        say(out, "ERROR scan needs a code");
                        return true;
                    }
                    scanner.scan(arg);
                    say(out, "sent a code of " + arg.length() + " characters: " + arg);
                }
                case "split" -> {
                    if (arg.isEmpty()) {
                        say(out, "ERROR split needs a code");
                        return true;
                    }
                    scanner.scanInPieces(arg, 3, Duration.ofMillis(20));
                    say(out, "sent a code of " + arg.length() + " characters in 3 writes: " + arg);
                }
                case "garbage" -> {
                    scanner.send(new byte[] {0x00, (byte) 0xFF, 0x1B, '[', 0x07, '\r', '\n'});
                    say(out, "sent 5 bytes of noise and a line end");
                }
                case "long" -> {
                    int n = Integer.parseInt(arg.isEmpty() ? "2000" : arg);
                    if (n < 1 || n > 100_000) {
                        say(out, "ERROR long N: 1 to 100000");
                        return true;
                    }
                    scanner.scan("9".repeat(n));
                    say(out, "sent a line of " + n + " bytes");
                }
                default -> throw new IllegalArgumentException(what);
            }
            return true;
        } catch (NumberFormatException e) {
            say(out, "ERROR long N: a whole number");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (LinkException e) {
            synchronized (err) {
                err.println("The port was lost: " + e.getMessage());
                err.flush();
            }
            exit[0] = 1;
            stop.countDown();
            return false;
        }
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
