package cn.egov.kiosk.demo;

import cn.egov.kiosk.platform.sim.PlatformSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk platform-sim --port N}: the platform simulator alone, for several kiosks (or a
 * developer's tools) to share. Runs until stopped (Ctrl-C).
 */
@Command(
        name = "platform-sim",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the cloud platform simulator alone on HTTP, until Ctrl-C: the contract of",
            "docs/platform-api.yaml over its sample data set. Kiosks point platform.url at it and register",
            "with a code given by --registration-code.",
            "Faults while it runs: curl -X POST http://HOST:PORT/sim/faults -d '{\"errors\":5}' (also latencyMs,",
            "rateLimit with retryAfterSeconds, dropBefore, dropAfter, answerLate with lateMs, failureRate, clear), /sim/down",
            "-d '{\"seconds\":60}', /sim/payments/ID/pay and /refund, /sim/catalogue/touch -d '{\"count\":5}';",
            "the payer's phone: /sim/wallet/scan -d '{\"qrCode\":\"...\",\"wallet\":\"ALIPAY\"}', /sim/wallet/confirm",
            "and /sim/wallet/decline -d '{\"paymentId\":\"...\"}', /sim/wallet/faults (payerNeverConfirms, unknownAnswers,",
            "loseAnswers, failReversals, clear). GET /sim/ledger shows what the kiosks sent."
        })
public final class PlatformSimCommand implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}; 0 takes a free one).")
    int port = 8787;

    @Option(
            names = "--host",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(
            names = "--registration-code",
            paramLabel = "CODE",
            description = "A one-time code a kiosk may register with (repeatable; default DEMO-REG-0001).")
    List<String> codes = new ArrayList<>();

    @Option(
            names = "--catalogue-size",
            paramLabel = "N",
            description = "Grow the catalogue to N items (default: the data set's own).")
    int catalogueSize;

    @Option(
            names = "--registration-replay-seconds",
            paramLabel = "S",
            description =
                    "How long after its first use the same kiosk may present a registration code again for the credentials it got, if it has not signed a request with them yet (a lost answer; default ${DEFAULT-VALUE}).")
    long registrationReplaySeconds = PlatformSimulator.DEFAULT_REGISTRATION_REPLAY.toSeconds();

    @Option(
            names = "--auto-pay",
            paramLabel = "SECONDS",
            description =
                    "QR payments are paid, and charges waiting for the payer confirmed, this long after they are made (default: only by /sim/payments/ID/pay or /sim/wallet).")
    Integer autoPaySeconds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Stops a simulator started by {@link #call} (tests). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0
                || port > 65535
                || catalogueSize < 0
                || catalogueSize > 100_000
                || registrationReplaySeconds < 0
                || registrationReplaySeconds > 86_400) {
            err.println(
                    "platform-sim: --port is 0 to 65535, --catalogue-size 0 to 100000 and --registration-replay-seconds 0 to 86400");
            err.flush();
            return 2;
        }
        PlatformSimulator sim;
        try {
            sim = PlatformSimulator.start(new PlatformSimulator.Options(
                    host,
                    port,
                    Clock.systemUTC(),
                    ZoneId.of("Asia/Shanghai"),
                    catalogueSize,
                    Duration.ofSeconds(registrationReplaySeconds)));
        } catch (IOException e) {
            err.println("platform-sim: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        try (sim) {
            (codes.isEmpty() ? List.of("DEMO-REG-0001") : codes).forEach(sim::allowRegistrationCode);
            sim.autoPay(Optional.ofNullable(autoPaySeconds).map(Duration::ofSeconds));
            out.println("platform-sim: listening on " + sim.url() + " (" + sim.catalogueSize()
                    + " catalogue items); registration codes " + (codes.isEmpty() ? List.of("DEMO-REG-0001") : codes)
                    + "; Ctrl-C to stop");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            out.println("platform-sim: stopped; ledger " + sim.ledger().counts());
            out.flush();
        }
        return 0;
    }
}
