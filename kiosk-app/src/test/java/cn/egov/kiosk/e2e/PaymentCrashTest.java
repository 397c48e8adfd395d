package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal;
import cn.egov.kiosk.device.payment.zvt.ZvtJournal;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never charged twice, never a charge without a record, whatever happens to the kiosk: a kiosk
 * process ({@link PaymentWorkerMain}: the kiosk's runtime without its screen) pays fees in turn by
 * bank card on the ZVT terminal simulator (over TCP, the ZVT driver), by a payment code and by a
 * shown QR code through the platform simulator (over HTTP, its wallet playing the phone), and is
 * SIGKILLed after a journal step, a different one each time (each state a payment of each method
 * moves to, then at random moments inside the calls between), again and again, each time started
 * again on the same store, whose recovery at start-up finishes what was left. At the end every
 * charge the terminal and the platform hold is matched by exactly one delivered service or by its
 * reversal or refund; no fee is charged twice; nothing is left in doubt.
 */
class PaymentCrashTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final int PAYMENTS = 120;
    /** The steps the kills aim at, in turn: the method (any: *) and the state the payment moved to. */
    private static final List<String> TARGETS = List.of(
            "CARD SENT",
            "CARD APPROVED",
            "CARD DELIVERED",
            "QR_SCANNED SENT",
            "QR_SCANNED APPROVED",
            "QR_SCANNED DELIVERED",
            "QR_SHOWN SENT",
            "QR_SHOWN APPROVED",
            "QR_SHOWN DELIVERED",
            "CARD REVERSAL_PENDING",
            "CARD REVERSED",
            "QR_SCANNED REFUND_PENDING",
            "QR_SHOWN REFUND_PENDING",
            "* REFUNDED");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void everyChargeIsDeliveredOnceOrGivenBackAcrossKills() throws Exception {
        ZvtJournal terminalJournal = ZvtJournal.open(dir.resolve("terminal-journal.tsv"));
        VirtualZvtTerminal terminal = new VirtualZvtTerminal(
                terminalJournal,
                VirtualZvtTerminal.Options.DEFAULTS
                        .withCardDelay(Duration.ofMillis(20))
                        .withTimers(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(3)),
                Clock.system(HALL)); // the terminal's clock in the hall's time, as the kiosk reads it
        TcpServerLink link = TcpServerLink.listen(0);
        terminal.serve(link, false, "virtual-zvt-tcp");
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0))) {
            sim.allowRegistrationCode("PAY-CRASH-1");
            TestConfigs.write(dir, TestConfigs.platform(sim.url(), "PAY-CRASH-1") + """
                    devices:
                      pos: {class: payment-terminal, driver: zvt, connection: "tcp:127.0.0.1:%d", options: {t3Ms: 300, t4Ms: 1000, answerTimeoutMs: 3000}}
                    """.formatted(link.port()));
            Path config = dir.resolve("kiosk.yaml");
            Path deliveries = dir.resolve("deliveries.txt");

            Runs runs = new Runs(config, deliveries, sim.url());
            Random random = new Random(14);
            int target = 0;
            for (int r = 0; runs.next < PAYMENTS; r++) {
                if (r % 3 == 2) {
                    runs.run(Optional.empty(), 50 + random.nextInt(1_500)); // at a random moment, inside a call
                } else {
                    runs.run(Optional.of(TARGETS.get(target++ % TARGETS.size())), -1);
                }
            }
            runs.finish();

            // ---- what each side holds ----
            Map<String, Payment> journal = new HashMap<>();
            Map<String, List<String>> steps = new HashMap<>();
            try (Database db = Database.open(dir.resolve("var/kiosk.db"))) {
                db.read(c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery(
                                    "SELECT order_ref, due_id, method, state, receipt_no, amount_fen, note FROM payment")) {
                        while (rs.next()) {
                            journal.put(
                                    rs.getString(1),
                                    new Payment(
                                            rs.getString(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5),
                                            rs.getLong(6),
                                            rs.getString(7)));
                        }
                    }
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery(
                                    "SELECT order_ref, from_state, to_state, actor, receipt_no, trace_no, note"
                                            + " FROM payment_step ORDER BY order_ref, seq")) {
                        while (rs.next()) {
                            steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(rs.getString(2) + ">" + rs.getString(3) + " " + rs.getString(4) + " r"
                                            + rs.getString(5) + " t" + rs.getString(6) + " " + rs.getString(7));
                        }
                    }
                    return null;
                });
            }
            List<String> delivered = Files.exists(deliveries) ? Files.readAllLines(deliveries) : List.of();
            Map<String, String[]> orders = new HashMap<>();
            for (String l : runs.lines) {
                if (l.startsWith("ORDER ")) {
                    String[] f = l.split(" ");
                    orders.put(f[1], f);
                }
            }

            // nothing in doubt, nothing for staff
            assertThat(journal.values())
                    .as("payments not in a final state")
                    .filteredOn(p -> !Set.of("DELIVERED", "DECLINED", "CANCELLED", "REVERSED", "REFUNDED")
                            .contains(p.state()))
                    .isEmpty();
            // every service delivered once, and only for a payment that kept its money
            assertThat(delivered).as("services delivered twice").doesNotHaveDuplicates();
            for (String ref : delivered) {
                assertThat(journal.get(ref)).as("delivered " + ref).isNotNull();
                assertThat(journal.get(ref).state()).as("delivered " + ref).isEqualTo("DELIVERED");
            }
            for (Payment p : journal.values()) {
                if (p.state().equals("DELIVERED")) {
                    assertThat(delivered).as("the service of " + p.ref()).contains(p.ref());
                }
            }
            // no fee kept twice
            Map<String, Long> kept = journal.values().stream()
                    .filter(p -> p.state().equals("DELIVERED"))
                    .collect(Collectors.groupingBy(Payment::due, Collectors.counting()));
            assertThat(kept.values()).as("fees paid twice").allMatch(n -> n == 1);

            // the terminal: each sale kept is one delivered card payment; each reversed one is the journal's reversal
            Map<String, Payment> byReceipt = journal.values().stream()
                    .filter(p -> p.method().equals("CARD") && p.receipt() != null)
                    .collect(Collectors.toMap(Payment::receipt, p -> p));
            int sales = 0;
            int reversedSales = 0;
            for (ZvtJournal.Entry e : terminalJournal.day()) {
                if (e.kind() != ZvtJournal.Kind.SALE) {
                    continue;
                }
                sales++;
                Payment p = byReceipt.get(e.receipt());
                assertThat(p)
                        .as(
                                "the terminal's sale %s of %d fen in the journal; the journal's payments of that amount: %s",
                                e.receipt(),
                                e.amountFen(),
                                journal.values().stream()
                                        .filter(x -> x.amount() == e.amountFen())
                                        .map(x -> x + " steps " + steps.get(x.ref()))
                                        .toList())
                        .isNotNull();
                assertThat(p.amount()).as("sale " + e.receipt()).isEqualTo(e.amountFen());
                if (e.reversed()) {
                    reversedSales++;
                    assertThat(p.state()).as("reversed sale " + e.receipt()).isEqualTo("REVERSED");
                } else {
                    assertThat(p.state()).as("kept sale " + e.receipt()).isEqualTo("DELIVERED");
                }
            }
            for (Payment p : journal.values()) {
                if (p.method().equals("CARD") && p.state().equals("DELIVERED")) {
                    assertThat(terminalJournal.find(p.receipt()))
                            .as("the terminal's sale of " + p.ref())
                            .hasValueSatisfying(e -> assertThat(e.reversed()).isFalse());
                }
            }

            // the platform: each wallet order paid is one delivered payment; one reversed or refunded is not
            int walletPaid = 0;
            for (String[] o : orders.values()) {
                Payment p = journal.get(o[1]);
                String status = o[3];
                assertThat(p)
                        .as("the platform's order " + o[1] + " in the journal")
                        .isNotNull();
                if (status.equals("PAID")) {
                    walletPaid += o[2].equals("CARD") ? 0 : 1;
                    assertThat(p.state()).as("paid order " + o[1]).isEqualTo("DELIVERED");
                } else {
                    assertThat(p.state()).as(status + " order " + o[1]).isNotEqualTo("DELIVERED");
                }
            }
            for (Payment p : journal.values()) {
                if (p.state().equals("DELIVERED")) {
                    assertThat(orders.get(p.ref()))
                            .as("the platform's order of delivered payment " + p.ref())
                            .isNotNull()
                            .satisfies(o -> assertThat(o[3]).isEqualTo("PAID"));
                }
            }

            Map<String, Long> states = new TreeMap<>(journal.values().stream()
                    .collect(Collectors.groupingBy(p -> p.method() + " " + p.state(), Collectors.counting())));
            System.out.printf(
                    "payment crash test: %d kills (%d at a journal step: %s; %d at a random moment), %d payments"
                            + " attempted, %d in the journal by method and state %s; terminal: %d sales, %d reversed;"
                            + " platform: %d orders, %d wallet orders paid; %d services delivered; the payments as the"
                            + " kiosk told them (a payment cut short by a kill is tried again) %s%n",
                    runs.kills,
                    runs.stepKills.size(),
                    new TreeSet<>(runs.stepKills),
                    runs.kills - runs.stepKills.size(),
                    runs.next,
                    journal.size(),
                    states,
                    sales,
                    reversedSales,
                    orders.size(),
                    walletPaid,
                    delivered.size(),
                    new TreeMap<>(runs.lines.stream()
                            .filter(l -> l.startsWith("END "))
                            .collect(Collectors.groupingBy(l -> l.split(" ")[2], Collectors.counting()))));
            assertThat(runs.next).isGreaterThanOrEqualTo(PAYMENTS);
            assertThat(runs.kills).isGreaterThanOrEqualTo(20);
            assertThat(new TreeSet<>(runs.stepKills))
                    .as("the journal steps a kill landed at")
                    .containsAll(TARGETS.subList(0, 9));
        } finally {
            terminal.stop();
            link.shutdown();
        }
    }

    /** A payment as the journal holds it at the end. */
    private record Payment(
            String ref, String due, String method, String state, String receipt, long amount, String note) {}

    /** The kiosk processes, one after the other, and all they said. */
    private static final class Runs {
        final Path config;
        final Path deliveries;
        final String platformUrl;
        final List<String> lines = new ArrayList<>();
        final List<String> stepKills = new ArrayList<>();
        int next;
        int kills;

        Runs(Path config, Path deliveries, String platformUrl) {
            this.config = config;
            this.deliveries = deliveries;
            this.platformUrl = platformUrl;
        }

        /**
         * One run of at most twelve payments from the next one: killed at the first journal step
         * matching {@code target} ("METHOD STATE"), or {@code afterMs} after its first step when
         * there is no target. A run that meets no such step ends by itself, unkilled.
         */
        void run(Optional<String> target, long afterMs) throws Exception {
            Process p = start(next, Math.min(next + 12, PAYMENTS + 12));
            long killAt = Long.MAX_VALUE;
            boolean killed = false;
            try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    Writer go = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                String line;
                while (!killed && (line = readLine(in, p, killAt, giveUp)) != null) {
                    lines.add(line);
                    if (line.startsWith("BEGIN ")) {
                        next = Integer.parseInt(line.substring(6).trim()); // a payment cut short is tried again
                    } else if (line.startsWith("END ")) {
                        next = Integer.parseInt(line.split(" ")[1]) + 1;
                    } else if (line.startsWith("STEP ")) {
                        String[] f = line.split(" ");
                        String step = f[4] + " " + f[3];
                        boolean hit = target.map(t -> t.equals(step)
                                        || (t.startsWith("* ") && t.substring(2).equals(f[3])))
                                .orElse(false);
                        if (hit) {
                            p.destroyForcibly(); // SIGKILL, while it waits after the step
                            stepKills.add(target.get());
                            killed = true;
                            break;
                        }
                        if (target.isEmpty() && killAt == Long.MAX_VALUE) {
                            killAt = System.nanoTime() + afterMs * 1_000_000L;
                        }
                        go.write("go\n");
                        go.flush();
                    } else if (line.startsWith("DONE")) {
                        break;
                    }
                }
                if (!killed && p.isAlive() && !lines.get(lines.size() - 1).startsWith("DONE")) {
                    p.destroyForcibly(); // its moment came, inside a call
                    killed = true;
                }
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the pipe broke with the kill
            } finally {
                p.destroyForcibly();
            }
            if (killed) {
                kills++;
            }
        }

        /** A line from the run, or null when it is to be killed now (its time is up, or it ended). */
        private static String readLine(BufferedReader in, Process p, long killAt, long giveUp) throws IOException {
            while (!in.ready()) {
                if (!p.isAlive() || System.nanoTime() > killAt || System.nanoTime() > giveUp) {
                    return in.ready() ? in.readLine() : null;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return in.readLine();
        }

        /** The last run: no kill; it recovers what is left and lists the platform's orders. */
        void finish() throws Exception {
            Process p = start(next, next);
            try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    Writer go = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("STEP ")) {
                        go.write("go\n");
                        go.flush();
                    }
                }
                assertThat(p.waitFor(120, TimeUnit.SECONDS))
                        .as("the last run ends")
                        .isTrue();
            } finally {
                p.destroyForcibly();
            }
            assertThat(lines).as("the last run's word that it is done").contains("DONE");
        }

        private Process start(int from, int to) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dkiosk.logLevel=WARN",
                    PaymentWorkerMain.class.getName(),
                    config.toString(),
                    Integer.toString(from),
                    Integer.toString(to),
                    deliveries.toString(),
                    platformUrl);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            return pb.start();
        }
    }
}
