package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.TicketRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the kiosk (SIGKILL, mid-print for all it knows) and starting it again continues the
 * ticket sequence: no number confirmed to a citizen is handed out again, and a number whose
 * ticket was being printed when the kiosk died is voided rather than left hanging.
 */
class RestartContinuesSequenceTest {
    @TempDir
    Path dir;

    @Test
    void killedKioskContinuesTheSequenceAfterARestart() throws Exception {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        Path config = dir.resolve("kiosk.yaml");
        List<String> issued = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            issued.addAll(runAndKill(config, 4 + run));
        }

        assertThat(issued).doesNotHaveDuplicates();
        assertThat(issued).isSortedAccordingTo(String::compareTo);
        try (Database db = Database.open(dir.resolve("var/kiosk.db"))) {
            // the runs may straddle the hall's midnight: look at both days
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            TicketRepository repo = new TicketRepository(db);
            Map<String, Ticket> stored = Stream.concat(
                            repo.ofDay(today.minusDays(1)).stream(), repo.ofDay(today).stream())
                    .collect(Collectors.toMap(Ticket::number, Function.identity(), (a, b) -> b));
            for (String number : issued) {
                assertThat(stored.get(number).status()).as(number).isEqualTo(TicketStatus.PRINTED);
            }
            // a number mid-print when a run was killed is voided by the next start; only the last
            // run's, killed with nobody after it, may still be allocated
            String lastConfirmed = issued.get(issued.size() - 1);
            assertThat(stored.values())
                    .filteredOn(t -> t.status() == TicketStatus.ALLOCATED)
                    .allSatisfy(t -> assertThat(t.number()).isGreaterThan(lastConfirmed));
        }
    }

    /** Starts a kiosk process, waits for {@code count} confirmed tickets, then kills it (SIGKILL). */
    private static List<String> runAndKill(Path config, int count) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dkiosk.logLevel=WARN",
                TicketTakerMain.class.getName(),
                config.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> numbers = new ArrayList<>();
        List<String> transcript = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (numbers.size() < count && (line = in.readLine()) != null) {
                transcript.add(line);
                if (line.startsWith("ISSUED ")) {
                    numbers.add(line.substring(7));
                }
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no closing of the store
            p.waitFor(10, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
        assertThat(numbers)
                .as("confirmed tickets; the kiosk said: %s", transcript)
                .hasSize(count);
        return numbers;
    }
}
