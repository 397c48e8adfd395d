package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.sim.Ledger;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.sync.SampleApplications;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once, whatever happens to the kiosk: a kiosk process runs a stream of operations
 * (queue tickets, applications, audit events) against the platform simulator over real HTTP, and
 * is killed with SIGKILL at random moments, again and again, each time started again on the same
 * store; the simulator meanwhile fails some requests and drops some answers after doing the work.
 * At the end the simulator holds every operation the kiosk confirmed, once, and nothing the kiosk
 * did not record: each ticket printed, each application, each audit event of the store.
 */
class OutboxCrashTest {
    private static final int OPERATIONS = 600;
    private static final int KILLS = 22;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyConfirmedOperationReachesThePlatformExactlyOnce() throws Exception {
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0))) {
            sim.allowRegistrationCode("CRASH-REG-1");
            sim.faults().failureRate(0.05).dropAfterRate(0.05);
            String itemId = SampleApplications.ITEM;
            TestConfigs.write(dir, TestConfigs.platform(sim.url(), "CRASH-REG-1") + TestConfigs.SIM_DEVICES);
            Path config = dir.resolve("kiosk.yaml");

            Transcript t = new Transcript();
            Random random = new Random(5);
            int kills = 0;
            while (kills < KILLS) {
                // Most kills land while operations run; some during start-up and recovery.
                long afterReadyMs = random.nextInt(5) == 0 ? -1 : 100 + random.nextInt(800);
                t.run(config, itemId, afterReadyMs, random.nextInt(800) + 100);
                kills++;
            }
            // the killed runs delivered too (the sender ran while they were killed), not only the last one
            int heldBeforeTheLastRun = sim.ledger().size();
            System.out.printf("crash test: %d operations delivered by the killed runs%n", heldBeforeTheLastRun);
            assertThat(heldBeforeTheLastRun)
                    .as("operations delivered by the killed runs")
                    .isGreaterThan(100);
            sim.faults().clear();
            t.runToTheEnd(config, itemId);

            Ledger ledger = sim.ledger();
            assertThat(ledger.duplicates()).as("operations applied twice").isEmpty();
            Set<String> ledgerTickets = ids(ledger, Batch.TICKET_ISSUED, null);
            Set<String> ledgerApplications = ids(ledger, Batch.APPLICATION_SUBMIT, null);
            Set<String> ledgerOps = ids(ledger, Batch.AUDIT_EVENT, "test.op");
            Set<String> ledgerPrints = ids(ledger, Batch.AUDIT_EVENT, "print.done");

            try (Database db = Database.open(dir.resolve("var/kiosk.db"))) {
                // every ticket is reported once when it ends: printed, voided or interrupted by a kill
                Map<String, String> ended = new HashMap<>();
                for (String row : column(db, "SELECT id || ' ' || status FROM queue_ticket")) {
                    ended.put(row.split(" ")[0], row.split(" ")[1]);
                }
                assertThat(ended)
                        .as("tickets left allocated after the last run")
                        .doesNotContainValue("ALLOCATED");
                assertThat(ledgerTickets)
                        .as("the tickets the store has, each as it ended")
                        .containsAll(ended.keySet());
                for (Ledger.Entry e : ledger.entries(Batch.TICKET_ISSUED)) {
                    String status = e.body().path("status").asText();
                    if (ended.containsKey(e.id())) {
                        assertThat(status).as(e.id() + " reported as it ended").isEqualTo(ended.get(e.id()));
                    } else {
                        // a central number whose answer was lost: voided under the id the kiosk sent, without a number
                        assertThat(status)
                                .as(e.id() + " reported without a ticket of the store's")
                                .isEqualTo("VOIDED");
                        assertThat(e.body().has("number")).isFalse();
                        sim.centralTicket(e.kioskId(), e.id())
                                .ifPresent(c -> assertThat(c.voided())
                                        .as("the hall's number " + c.number())
                                        .isTrue());
                    }
                }
                System.out.printf(
                        "crash test: tickets by how they ended %s%n",
                        ledger.entries(Batch.TICKET_ISSUED).stream()
                                .collect(Collectors.groupingBy(
                                        e -> e.body().path("status").asText(), Collectors.counting())));
                assertThat(ledgerApplications)
                        .as("applications the store has")
                        .isEqualTo(column(db, "SELECT id FROM application"));
                assertThat(column(db, "SELECT id FROM application WHERE state <> 'RECEIVED'"))
                        .as("applications without a number")
                        .isEmpty();
                assertThat(ledgerPrints)
                        .as("prints the store recorded")
                        .isEqualTo(column(db, "SELECT id FROM print_record"));
                assertThat(column(db, "SELECT idem_key FROM outbox"))
                        .as("records left in the outbox")
                        .isEmpty();
            }
            assertThat(ledgerTickets).containsAll(t.ok("ticket"));
            assertThat(ledgerApplications).containsAll(t.ok("application"));
            assertThat(ledgerOps).containsAll(t.ok("audit")).isSubsetOf(t.begun("audit"));
            assertThat(t.confirmed()).as("operations confirmed to the citizen").isGreaterThanOrEqualTo(200);
            assertThat(t.kills).isGreaterThanOrEqualTo(20);
            System.out.printf(
                    "crash test: %d kills, %d operations confirmed (%d tickets, %d applications, %d audit events), %d begun but cut short,"
                            + " ledger %s, %d requests%n",
                    t.kills,
                    t.confirmed(),
                    t.ok("ticket").size(),
                    t.ok("application").size(),
                    t.ok("audit").size(),
                    t.cutShort(),
                    ledger.counts(),
                    sim.requests());
        }
    }

    private static Set<String> ids(Ledger ledger, String kind, String auditKind) {
        return ledger.entries(kind).stream()
                .filter(e -> auditKind == null
                        || auditKind.equals(e.body().path("kind").asText()))
                .map(Ledger.Entry::id)
                .collect(Collectors.toSet());
    }

    private static Set<String> column(Database db, String sql) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** What the kiosk processes said, over all runs. */
    private static final class Transcript {
        final List<String> lines = new ArrayList<>();
        int next;
        int kills;

        Set<String> ok(String kind) {
            return lines.stream()
                    .filter(l -> l.startsWith("OK " + kind + " "))
                    .map(l -> l.split(" ")[2])
                    .collect(Collectors.toSet());
        }

        Set<String> begun(String kind) {
            return lines.stream()
                    .filter(l -> l.startsWith("BEGIN " + kind + " "))
                    .map(l -> l.split(" ")[2])
                    .collect(Collectors.toSet());
        }

        int confirmed() {
            return (int) lines.stream().filter(l -> l.startsWith("OK ")).count();
        }

        long cutShort() {
            return lines.stream().filter(l -> l.startsWith("BEGIN ")).count()
                    - lines.stream()
                            .filter(l -> l.startsWith("OK ") || l.startsWith("NOTOK "))
                            .count();
        }

        /** One run, killed {@code afterReadyMs} after it said READY (-1: at a random moment of its start-up). */
        void run(Path config, String itemId, long afterReadyMs, int startupKillMs) throws Exception {
            Process p = start(config, itemId, 10); // short pauses: most kills land inside an operation
            long killAt = afterReadyMs < 0 ? System.nanoTime() + startupKillMs * 1_000_000L : Long.MAX_VALUE;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a child that never says READY
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                Thread reader = new Thread(() -> read(in));
                reader.start();
                while (System.nanoTime() < killAt && System.nanoTime() < giveUp && p.isAlive()) {
                    synchronized (lines) {
                        if (afterReadyMs >= 0 && killAt == Long.MAX_VALUE && readyIn(lines)) {
                            killAt = System.nanoTime() + afterReadyMs * 1_000_000L;
                        }
                    }
                    Thread.sleep(5);
                }
                p.destroyForcibly(); // SIGKILL
                p.waitFor(10, TimeUnit.SECONDS);
                reader.join(5_000);
            } finally {
                p.destroyForcibly(); // never left behind, whatever failed
            }
            kills++;
            synchronized (lines) {
                if (lines.stream().noneMatch(l -> l.startsWith("READY"))) {
                    // a child that died before it was ready: what it said is the only clue
                    System.out.println("crash test: a run ended before READY (exit " + p.exitValue() + "): "
                            + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                }
            }
            next = (int) lines.stream()
                    .filter(l -> l.startsWith("OK ") || l.startsWith("NOTOK "))
                    .count();
        }

        private int readyMark;

        private boolean readyIn(List<String> all) {
            for (int i = readyMark; i < all.size(); i++) {
                if (all.get(i).startsWith("READY")) {
                    readyMark = all.size();
                    return true;
                }
            }
            return false;
        }

        void runToTheEnd(Path config, String itemId) throws Exception {
            Process p = start(config, itemId, 0);
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                Thread reader = new Thread(() -> read(in));
                reader.start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS))
                        .as("the last run drains and exits")
                        .isTrue();
                reader.join(5_000);
            } finally {
                p.destroyForcibly();
            }
            assertThat(lines).anyMatch(l -> l.startsWith("DRAINED dead=0"));
        }

        private Process start(Path config, String itemId, int pauseMs) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dkiosk.logLevel=WARN",
                    OutboxWorkerMain.class.getName(),
                    config.toString(),
                    Integer.toString(next),
                    Integer.toString(OPERATIONS),
                    Integer.toString(pauseMs),
                    itemId);
            pb.redirectErrorStream(true);
            return pb.start();
        }

        private void read(BufferedReader in) {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }
    }
}
