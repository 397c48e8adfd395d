package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.link.SerialLink;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk diag id-reader --port PATH --test read}: opens a resident ID card reader on a port,
 * waits for a card, reads it once with the kiosk's own driver and prints what an engineer needs to
 * see that the reader works: card type, masked name and number, validity, bytes exchanged and time
 * taken. Never the unmasked data.
 */
@Command(
        name = "id-reader",
        mixinStandardHelpOptions = true,
        description = {
            "Reads one card with a resident ID card reader on a serial port (the kiosk's own driver).",
            "Prints the card type, the masked name and number, the validity, the bytes exchanged and the time taken.",
            "Exit 0 card read, 1 device or card error (with its code and message), 2 bad arguments."
        })
public final class DiagIdReaderCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "The reader's serial port.")
    String port;

    @Option(names = "--test", paramLabel = "TEST", description = "What to test: read (default).")
    String test = "read";

    @Option(names = "--baud", paramLabel = "BAUD", description = "Line rate (default: ${DEFAULT-VALUE}).")
    int baud = 115_200;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            description = "How long to wait for a card (default: ${DEFAULT-VALUE}).")
    int waitSeconds = 15;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"read".equals(test)) {
            err.println("--test: the only test is read, not \"" + test + "\"");
            err.flush();
            return 2;
        }
        if (baud < 300 || baud > 4_000_000 || waitSeconds < 1 || waitSeconds > 600) {
            err.println("--baud is 300 to 4000000 and --wait 1 to 600 seconds");
            err.flush();
            return 2;
        }
        Clock clock = Clock.systemDefaultZone();
        SamIdCardReader reader = new SamIdCardReader(
                "id-reader",
                "sam",
                new SerialLink(port, baud, 8, SerialLink.Parity.NONE, 1),
                SamIdCardReader.Options.DEFAULTS,
                StatisticsStore.NONE,
                clock);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("port", port);
        doc.put("baud", baud);
        long start = System.nanoTime();
        int exit;
        IdCard card = null;
        try {
            reader.open();
            doc.put("sam", reader.samId());
            reader.claim(Duration.ofSeconds(1));
            reader.enable();
            if (!json) {
                out.printf(
                        Locale.ROOT,
                        "Reader on %s (SAM %s). Place a card within %d s...%n",
                        port,
                        reader.samId(),
                        waitSeconds);
                out.flush();
            }
            start = System.nanoTime();
            card = reader.read(Duration.ofSeconds(waitSeconds));
            doc.put("result", "read");
            doc.put("type", card.type().name());
            doc.put("name", card.maskedName());
            doc.put("number", card.maskedNumber());
            doc.put("validFrom", card.validFrom().toString());
            doc.put("validUntil", card.validUntil().map(LocalDate::toString).orElse("长期"));
            doc.put("expired", card.expiredOn(LocalDate.now(clock)));
            exit = 0;
        } catch (DeviceException e) {
            doc.put("result", "error");
            doc.put("code", e.code().name());
            doc.put("extendedCode", e.extendedCode());
            doc.put("message", e.getMessage());
            exit = 1;
        } finally {
            doc.put("bytes", reader.bytesExchanged());
            doc.put("ms", (System.nanoTime() - start) / 1_000_000);
            if (card != null) {
                card.wipe();
            }
            reader.close();
        }
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc));
        } else if (exit == 0) {
            out.printf(Locale.ROOT, "Card:      %s%n", doc.get("type"));
            out.printf(Locale.ROOT, "Name:      %s%n", doc.get("name"));
            out.printf(Locale.ROOT, "Number:    %s%n", doc.get("number"));
            out.printf(
                    Locale.ROOT,
                    "Valid:     %s to %s%s%n",
                    doc.get("validFrom"),
                    doc.get("validUntil"),
                    Boolean.TRUE.equals(doc.get("expired")) ? " (EXPIRED)" : "");
            out.printf(Locale.ROOT, "Exchanged: %s bytes in %s ms%n", doc.get("bytes"), doc.get("ms"));
        } else {
            err.printf(
                    Locale.ROOT,
                    "FAILED %s%s: %s%n",
                    doc.get("code"),
                    "".equals(doc.get("extendedCode")) ? "" : "/" + doc.get("extendedCode"),
                    doc.get("message"));
            err.printf(Locale.ROOT, "Exchanged: %s bytes in %s ms%n", doc.get("bytes"), doc.get("ms"));
        }
        out.flush();
        err.flush();
        return exit;
    }
}
