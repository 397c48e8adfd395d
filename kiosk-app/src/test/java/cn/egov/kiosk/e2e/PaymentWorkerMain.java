package cn.egov.kiosk.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentServices;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.platform.api.Payments.Payment;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.sync.SampleApplications;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A kiosk without a screen, for the payment crash test: the kiosk's own runtime (the journal in its
 * SQLite store, the ZVT driver to the test's terminal over TCP, the platform over HTTP, the
 * recovery at start-up) pays fees {@code from} to {@code to} in turn by card, by a payment code and
 * by a shown QR code that the test's wallet pays, and delivers each paid one; some fees can no
 * longer be delivered, and their money is given back.
 *
 * <p>It tells the test on stdout: {@code READY} once the recovery at start-up has run, {@code BEGIN
 * i}, {@code END i outcome delivery} and, after each step the payments journal (a state moved, as
 * the engine logs it once it is on disk) {@code STEP ref from to method}, after which it waits for
 * the test's {@code go} on stdin: the test SIGKILLs it there instead when that step is its target.
 * With {@code from == to} it only recovers until nothing is left unresolved, lists the platform's
 * orders ({@code ORDER ref method status amount}) and says {@code DONE}.
 *
 * <p>Arguments: config file, from, to, the deliveries file, the platform's URL (the wallet).
 */
public final class PaymentWorkerMain {
    /** The fees whose service can no longer be delivered once paid: their money goes back. */
    static boolean undeliverable(int i) {
        return i % 7 == 3;
    }

    static PaymentMethod method(int i) {
        return PaymentMethod.values()[i % 3];
    }

    /** A catalogue item of the simulator's with a fee, whatever it is: the platform checks no item's fee. */
    static final String ITEM = SampleApplications.ITEM;

    static long amount(int i) {
        return 1_000 + i;
    }

    static String dueId(int i) {
        return DueRef.applicationFee("CRASH-" + i);
    }

    private PaymentWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        KioskConfig config = ConfigLoader.load(Path.of(args[0]));
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        Path deliveries = Path.of(args[3]);
        String platformUrl = args[4];
        KioskRuntime runtime =
                new KioskRuntime(config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        PaymentServices services = runtime.payments();
        FileDelivery fees = new FileDelivery(deliveries);
        services.deliveries().register(DueRef.Kind.APPLICATION_FEE, fees);
        announceSteps(services, out, in);

        PlatformServices platform = runtime.platform().orElseThrow();
        platform.startNow();
        runtime.start();
        services.startupRecovery().get(120, TimeUnit.SECONDS);
        long linkDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!platform.link().status().online() && System.nanoTime() < linkDeadline) {
            Thread.sleep(20);
        }
        out.println("READY " + from);

        if (from == to) {
            finish(runtime, services, out);
            return;
        }
        Wallet wallet = new Wallet(platformUrl);
        for (int i = from; i < to; i++) {
            out.println("BEGIN " + i);
            PaymentMethod m = method(i);
            PaymentOrder order = m == PaymentMethod.QR_SCANNED
                    ? PaymentOrder.scanned(ITEM, dueId(i), "测试费", amount(i), payerCode(i))
                    : PaymentOrder.of(ITEM, dueId(i), "测试费", amount(i), m);
            Payments.Result r = services.payments().pay(order, wallet);
            String delivered = "-";
            if (r.outcome() == Payments.Outcome.PAID) {
                Payments.Delivered d = services.deliver(r.payment().orderRef());
                delivered = d.name();
                if (d == Payments.Delivered.NOT_DELIVERABLE) {
                    delivered += ">"
                            + services.giveBack(r.payment().orderRef(), "the fee's service is withdrawn")
                                    .payment()
                                    .state();
                }
            }
            out.println("END " + i + " " + r.outcome() + " " + delivered + " "
                    + r.payment().orderRef());
        }
        out.println("DONE");
        runtime.close();
        System.exit(0);
    }

    /** The last run: recovers until nothing is left unresolved, then lists the platform's orders. */
    private static void finish(KioskRuntime runtime, PaymentServices services, PrintStream out) throws Exception {
        // the recovery at start-up has run (with the terminal up); what a platform's hiccup left, again
        for (int run = 0; run < 5 && !services.recovery().run().unresolved().isEmpty(); run++) {
            Thread.sleep(2_000);
        }
        var platform = runtime.platform().orElseThrow().interactiveClient();
        LocalDate today =
                LocalDate.now(runtime.clock().withZone(runtime.config().kiosk().timeZone()));
        Set<String> seen = new HashSet<>();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (Payment p : platform.paymentsOf(day)) {
                if (seen.add(p.orderRef())) {
                    out.println("ORDER " + p.orderRef() + " " + p.method() + " " + p.status() + " " + p.amountFen());
                }
            }
        }
        out.println("DONE");
        runtime.close();
        System.exit(0);
    }

    /** A payment code of the WeChat shape (18 digits from 10 to 15), new for every run and payment. */
    private static String payerCode(int i) {
        long n = (System.nanoTime() ^ ((long) i << 20)) & 0xFFFF_FFFF_FFFFL;
        return "13" + String.format("%016d", n % 10_000_000_000_000_000L);
    }

    /**
     * Each step the engine journals, as it logs it after the write: told to the test, which then
     * says {@code go} or kills this process.
     */
    private static void announceSteps(PaymentServices services, PrintStream out, BufferedReader in) {
        Logger engine = (Logger) LoggerFactory.getLogger("cn.egov.kiosk.payment.PaymentEngine");
        engine.setLevel(Level.INFO);
        AppenderBase<ILoggingEvent> steps = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                Object[] a = e.getArgumentArray();
                if (!e.getMessage().startsWith("Payment {} {} -> {}") || a == null || a.length < 3) {
                    return;
                }
                String ref = String.valueOf(a[0]);
                String method = services.payments()
                        .find(ref)
                        .map(p -> p.method().name())
                        .orElse("?");
                synchronized (out) {
                    out.println("STEP " + ref + " " + a[1] + " " + a[2] + " " + method);
                    try {
                        String answer = in.readLine();
                        if (answer == null) {
                            Runtime.getRuntime().halt(3); // the test went away
                        }
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            }
        };
        steps.setContext(engine.getLoggerContext());
        steps.start();
        engine.addAppender(steps);
    }

    /**
     * The service a fee buys, recorded durably once per order reference (a line forced to disk): the
     * recovery delivering again after a crash finds it there and does not record it twice. The fees
     * {@link #undeliverable} can no longer be delivered.
     */
    static final class FileDelivery implements Delivery {
        private final Path file;

        FileDelivery(Path file) {
            this.file = file;
        }

        @Override
        public boolean deliverable(PaymentRecord payment) {
            return !undeliverable(Integer.parseInt(DueRef.idOf(payment.dueId()).substring("CRASH-".length())));
        }

        @Override
        public synchronized boolean deliver(PaymentRecord payment) {
            try {
                if (Files.exists(file) && Files.readAllLines(file).contains(payment.orderRef())) {
                    return true;
                }
                try (FileChannel ch = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ch.write(ByteBuffer.wrap((payment.orderRef() + "\n").getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The citizen's phone: pays the shown QR code in the platform's wallet at once. */
    private static final class Wallet implements Payments.Progress {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String url;

        Wallet(String url) {
            this.url = url;
        }

        @Override
        public void qrReady(String qrContent, Optional<Instant> expiresAt) {
            String body = "{\"qrCode\":\"" + qrContent.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"wallet\":\"ALIPAY\"}";
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(url + "/sim/wallet/scan"))
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // the phone could not pay: the code times out and the order is closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
