package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.scanner.ScannerCode;
import cn.egov.kiosk.device.scanner.serial.LineAssembler;
import cn.egov.kiosk.device.scanner.serial.SerialScanner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk diag scanner --port PATH}: opens a code scanner in serial mode with the kiosk's own
 * driver and prints each code read, with its length and timing, and each line rejected and why, for
 * an engineer checking a scanner's wiring and settings (baud rate, suffix, character set). The
 * engineer scans on purpose, so the codes are printed; the driver itself never logs them.
 */
@Command(
        name = "scanner",
        mixinStandardHelpOptions = true,
        description = {
            "Reads codes from a code scanner in serial mode (a serial port or USB-CDC: /dev/ttyACM0) with the kiosk's driver.",
            "Prints each code with its length, how it ended (line end, or the quiet gap for a scanner without a suffix),",
            "the time its bytes took and when it came; and each line that is not a code, with why.",
            "Stops after --seconds, or once --count codes have been read.",
            "Exit 0 at least one code read, 1 none read or the scanner failed, 2 bad arguments."
        })
public final class DiagScannerCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "The scanner's serial port.")
    String port;

    @Option(names = "--baud", paramLabel = "BAUD", description = "Line rate (default: ${DEFAULT-VALUE}).")
    int baud = 9_600;

    @Option(
            names = "--charset",
            paramLabel = "CHARSET",
            description = "What the scanner sends: UTF-8 or GB18030 (default: ${DEFAULT-VALUE}).")
    String charset = "UTF-8";

    @Option(
            names = "--seconds",
            paramLabel = "SECONDS",
            description = "How long to read codes (default: ${DEFAULT-VALUE}).")
    int seconds = 15;

    @Option(names = "--count", paramLabel = "N", description = "Stop once N codes have been read.")
    Integer count;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (baud < 300 || baud > 4_000_000 || seconds < 1 || seconds > 3600 || (count != null && count < 1)) {
            err.println("--baud is 300 to 4000000, --seconds 1 to 3600 and --count 1 or more");
            err.flush();
            return 2;
        }
        if (!SerialScanner.CHARSETS.contains(charset)) {
            err.println("--charset is one of " + SerialScanner.CHARSETS + ", not \"" + charset + "\"");
            err.flush();
            return 2;
        }
        SerialScanner.Options options = new SerialScanner.Options(
                SerialScanner.Options.DEFAULTS.endGap(),
                SerialScanner.Options.DEFAULTS.maxLength(),
                Charset.forName(charset));
        SerialScanner scanner = new SerialScanner(
                "scanner",
                "serial-scanner",
                new SerialLink(port, baud, 8, SerialLink.Parity.NONE, 1),
                options,
                StatisticsStore.NONE,
                Clock.systemDefaultZone());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("port", port);
        doc.put("baud", baud);
        doc.put("charset", charset);
        List<Map<String, Object>> codes = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        scanner.watchCodes(code -> {
            Map<String, Object> c = codeEntry(code, start);
            synchronized (codes) {
                codes.add(c);
                if (!json) {
                    out.printf(
                            Locale.ROOT,
                            "CODE %d: %s  (%d characters, %d bytes, %s, %.1f ms on the wire, at %.2f s)%n",
                            codes.size(),
                            code.text(),
                            code.text().length(),
                            code.bytes(),
                            code.ending() == LineAssembler.Ending.LINE_END ? "line end" : "no line end: quiet gap",
                            code.transferMillis(),
                            ((Number) c.get("atMs")).longValue() / 1000.0);
                    out.flush();
                }
                if (count != null && codes.size() >= count) {
                    done.countDown();
                }
            }
        });
        scanner.addListener(event -> {
            if (event instanceof DeviceEvent.ErrorEvent e
                    && e.error().extended().orElse(null) instanceof ScannerCode reason) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("reason", reason.name());
                r.put("detail", e.error().getMessage());
                synchronized (codes) {
                    rejected.add(r);
                    if (!json) {
                        out.printf(
                                Locale.ROOT,
                                "REJECTED %s: %s%n",
                                reason.name(),
                                e.error().getMessage());
                        out.flush();
                    }
                }
            } else if (event instanceof DeviceEvent.StatusEvent s && s.condition() == Condition.OFFLINE && s.raised()) {
                done.countDown();
            }
        });
        int exit;
        try {
            scanner.open();
            scanner.claim(Duration.ofSeconds(1));
            scanner.enable();
            if (!json) {
                out.printf(
                        Locale.ROOT,
                        "Scanner on %s at %d baud (%s). Scan codes within %d s...%n",
                        port,
                        baud,
                        charset,
                        seconds);
                out.flush();
            }
            done.await(seconds, TimeUnit.SECONDS);
            if (scanner.conditions().contains(Condition.OFFLINE)) {
                doc.put("result", "error");
                doc.put("code", "OFFLINE");
                doc.put("message", "the port was lost while reading");
                exit = 1;
            } else {
                exit = 0;
            }
        } catch (DeviceException e) {
            doc.put("result", "error");
            doc.put("code", e.code().name());
            doc.put("extendedCode", e.extendedCode());
            doc.put("message", e.getMessage());
            exit = 1;
        } finally {
            scanner.close();
        }
        synchronized (codes) {
            if (exit == 0) {
                exit = codes.isEmpty() ? 1 : 0;
                doc.put("result", codes.isEmpty() ? "none" : "read");
            }
            doc.put("codes", codes);
            doc.put("rejected", rejected);
            doc.put("ms", (System.nanoTime() - start) / 1_000_000);
            if (json) {
                out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(doc));
            } else if ("error".equals(doc.get("result"))) {
                err.printf(
                        Locale.ROOT,
                        "FAILED %s%s: %s%n",
                        doc.get("code"),
                        doc.get("extendedCode") == null || "".equals(doc.get("extendedCode"))
                                ? ""
                                : "/" + doc.get("extendedCode"),
                        doc.get("message"));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%s: %d code(s), %d line(s) rejected in %.1f s.%n",
                        codes.isEmpty() ? "NO CODE READ" : "Read",
                        codes.size(),
                        rejected.size(),
                        ((Number) doc.get("ms")).longValue() / 1000.0);
            }
        }
        out.flush();
        err.flush();
        return exit;
    }

    private static Map<String, Object> codeEntry(LineAssembler.Code code, long start) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code.text());
        c.put("characters", code.text().length());
        c.put("bytes", code.bytes());
        c.put("ending", code.ending() == LineAssembler.Ending.LINE_END ? "line-end" : "quiet-gap");
        c.put("transferMs", Math.round(code.transferMillis() * 10) / 10.0);
        c.put("atMs", Math.max(0, (code.lastByteNanos() - start) / 1_000_000));
        return c;
    }
}
