package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk outbox} shows and retries dead letters. ({@code platform-sim} is the demo's: kiosk-demo tests it.) */
class PlatformCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine() {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    @Test
    void theOutboxShowsDeadLettersWithoutTheirContentAndRetriesThem() throws Exception {
        var config = TestConfigs.write(dir, TestConfigs.platform("http://127.0.0.1:9", "X") + TestConfigs.SIM_DEVICES);
        Path file = dir.resolve("kiosk.yaml");
        try (Database db = Database.open(config.storage().database())) {
            OutboxRepository outbox = new OutboxRepository(
                    db, SealedBox.open(config.platform().get().keyFile()), Clock.systemUTC());
            outbox.append(new OutboxRepository.New(
                    Batch.APPLICATION_SUBMIT,
                    "application",
                    "app-1",
                    Instant.now(),
                    "{\"name\":\"王小明\"}".getBytes(StandardCharsets.UTF_8),
                    true));
            outbox.append(new OutboxRepository.New(
                    Batch.AUDIT_EVENT, "audit", "ev-1", Instant.now(), "{}".getBytes(StandardCharsets.UTF_8), false));
            outbox.settle(List.of(new OutboxRepository.Rejected(
                    "app-1", Batch.APPLICATION_SUBMIT, "validation: item no-such-item is not in the catalogue")));
        }

        assertThat(commandLine().execute("outbox", "--config", file.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("waiting: 1")
                .contains("dead letters: 1")
                .contains("app-1  application.submit  application#1")
                .contains("validation: item no-such-item")
                .doesNotContain("王小明");

        assertThat(commandLine().execute("outbox", "--config", file.toString(), "--retry", "app-1"))
                .isZero();
        assertThat(out.toString()).contains("1 dead letter(s) to be sent again");
        assertThat(commandLine().execute("outbox", "--config", file.toString(), "--retry-all"))
                .isEqualTo(1);
    }
}
