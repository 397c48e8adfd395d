package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk outbox}: what waits to reach the platform, and the dead letters (records it refused
 * for good), with their reason; {@code --retry KEY} or {@code --retry-all} sends them again. Works
 * beside a running kiosk (SQLite in WAL mode): its sender picks retried records up.
 */
@Command(
        name = "outbox",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the outbox of the kiosk's local store: records waiting for the platform, and the dead",
            "letters (refused by the platform for good) with their reason. Never shows their content.",
            "Exit 0 done, 1 nothing to retry, 2 bad configuration or no platform configured."
        })
public final class OutboxCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "The kiosk's configuration (default: demo).")
    Path config;

    @Option(names = "--retry", paramLabel = "KEY", description = "Send this dead letter again.")
    String retry;

    @Option(names = "--retry-all", description = "Send every dead letter again.")
    boolean retryAll;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<KioskConfig> found = Subcommands.loadConfig(spec, config, err);
        if (found.isEmpty()) {
            return 2;
        }
        KioskConfig loaded = found.get();
        if (loaded.platform().isEmpty()) {
            err.println(
                    "outbox: this kiosk has no platform configured (no platform section): nothing is sent anywhere");
            err.flush();
            return 2;
        }
        if (!Files.exists(loaded.storage().database())
                || !Files.exists(loaded.platform().get().keyFile())) {
            out.println("outbox: empty (the kiosk has not run with its platform yet)");
            out.flush();
            return 0;
        }
        try (Database db = Database.open(loaded.storage().database())) {
            OutboxRepository outbox = new OutboxRepository(
                    db, SealedBox.open(loaded.platform().get().keyFile()), Clock.systemUTC());
            if (retry != null || retryAll) {
                int n = outbox.retryDead(retryAll ? Optional.empty() : Optional.of(retry));
                out.println("outbox: " + n + " dead letter(s) to be sent again");
                out.flush();
                return n > 0 ? 0 : 1;
            }
            OutboxRepository.Counts c = outbox.counts();
            out.println("waiting: " + c.pending()
                    + (c.oldestPending().map(t -> " (oldest from " + t + ")").orElse("")));
            out.println("dead letters: " + c.dead());
            for (OutboxRepository.DeadLetter d : outbox.deadLetters(100)) {
                out.println("  " + d.idempotencyKey() + "  " + d.kind() + "  " + d.stream() + "#" + d.seq() + "  "
                        + d.occurredAt() + "  tries " + d.attempts() + "  " + d.error());
            }
            out.flush();
            return 0;
        }
    }
}
