package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.embedded.EmbeddedPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator as the kiosk's embedded platform in demo mode: on loopback, paying waiting QR orders
 * (and confirming waiting charges) by itself after 8 s, and taking a trainer's commands to go down,
 * fail or slow down, so that the kiosk can be shown working offline, and to make the wallet
 * misbehave, so that the payment's every outcome can be shown.
 */
public final class EmbeddedSimulator implements EmbeddedPlatform {
    private final PlatformSimulator sim;

    private EmbeddedSimulator(PlatformSimulator sim) {
        this.sim = sim;
    }

    /** Found by {@link java.util.ServiceLoader} as the embedded platform's provider. */
    public static final class Provider implements EmbeddedPlatform.Provider {
        @Override
        public EmbeddedPlatform start(String registrationCode, Optional<Credentials> known, String queuePrefix)
                throws IOException {
            PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
            sim.allowRegistrationCode(registrationCode);
            sim.autoPay(Optional.of(Duration.ofSeconds(8)));
            known.ifPresent(c -> sim.provision(c, queuePrefix));
            return new EmbeddedSimulator(sim);
        }

        @Override
        public Map<String, String> commands() {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("down", "the platform goes away (connections refused) for SECONDS (default 300)");
            c.put("up", "the platform is back");
            c.put("errors", "the next N requests answer 500 (default 10)");
            c.put("rate-limit", "the next N requests answer 429 with Retry-After: 5 (default 10)");
            c.put("slow", "every answer waits MS milliseconds (default 3000; 0 to stop)");
            c.put(
                    "payer-never-pays",
                    "the citizen's phone pays no QR code and confirms no charge (the kiosk's timeout)");
            c.put("charge-unknown", "the next N payment-code charges are carried out but answered UNKNOWN (default 1)");
            c.put("charge-lost", "the next N payment-code charges are carried out and their answer lost (default 1)");
            c.put("reversal-fails", "the next N reversals fail, retryable (default 1)");
            c.put("clear", "no more faults (the platform's and the wallet's)");
            return c;
        }
    }

    @Override
    public String url() {
        return sim.url();
    }

    @Override
    public void apply(String command, String argument) {
        switch (command) {
            case "down" -> sim.down(Duration.ofSeconds(number(argument, 300)));
            case "up" -> {
                try {
                    sim.up();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "errors" -> sim.faults().errors((int) number(argument, 10));
            case "rate-limit" -> sim.faults().rateLimit((int) number(argument, 10), 5);
            case "slow" -> sim.faults().latency(Duration.ofMillis(number(argument, 3000)));
            case "payer-never-pays" -> sim.wallet().payerNeverConfirms(true);
            case "charge-unknown" -> sim.wallet().unknownAnswers((int) number(argument, 1));
            case "charge-lost" -> sim.wallet().loseAnswers((int) number(argument, 1));
            case "reversal-fails" -> sim.wallet().failReversals((int) number(argument, 1));
            case "clear" -> {
                sim.faults().clear();
                sim.wallet().clear();
            }
            default -> throw new IllegalArgumentException("unknown command \"" + command + "\"");
        }
    }

    private static long number(String argument, long fallback) {
        if (argument.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(argument.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + argument + "\" is not a whole number of 0 or more");
        }
    }

    @Override
    public String describe() {
        return "platform simulator on " + sim.url() + (sim.isUp() ? ", up" : ", DOWN") + ", " + sim.catalogueSize()
                + " catalogue items, " + sim.requests() + " requests";
    }

    @Override
    public String appCode(String idNumber) {
        return sim.appCode(idNumber);
    }

    @Override
    public Map<String, Integer> received() {
        return sim.ledger().counts();
    }

    @Override
    public void close() {
        sim.close();
    }
}
