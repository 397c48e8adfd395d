package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.printing.PrintRecord;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept print contents go after their retention by themselves: no later print is needed to purge them. */
class PrintContentRepositoryTest {
    private static final Duration RETENTION = Duration.ofDays(2);

    @TempDir
    Path dir;

    /** A clock moved by hand. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void contentsPastTheirRetentionArePurgedWithoutAnotherPrint() {
        Database db = Database.open(dir.resolve("kiosk.db"));
        try {
            Moving clock = new Moving();
            PrintContentRepository contents = new PrintContentRepository(
                    db, SealedBox.open(dir.resolve("store.key")), t -> true, RETENTION, clock);
            contents.keep(
                    record("P1", clock.now),
                    JsonNodeFactory.instance.objectNode().put("n", "A001"),
                    Locale.CHINA);
            clock.now = clock.now.plus(Duration.ofDays(1));
            contents.keep(
                    record("P2", clock.now),
                    JsonNodeFactory.instance.objectNode().put("n", "A002"),
                    Locale.CHINA);

            assertThat(contents.purge()).as("both within two days").isZero();
            assertThat(rows(db)).isEqualTo(2);

            clock.now = clock.now.plus(Duration.ofDays(1)).plusSeconds(1); // P1 is two days old
            assertThat(contents.purge()).isEqualTo(1);
            assertThat(rows(db)).isEqualTo(1);
            assertThat(contents.has("P1")).isFalse();
            assertThat(contents.kept("P2")).isPresent();

            clock.now = clock.now.plus(Duration.ofDays(5)); // days without a print
            assertThat(contents.purge()).isEqualTo(1);
            assertThat(rows(db)).isZero();
        } finally {
            db.close();
        }
    }

    private static int rows(Database db) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM print_content");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static PrintRecord record(String id, Instant at) {
        return new PrintRecord(
                id,
                at,
                "ticket",
                "A001",
                Optional.of("ticket-printer"),
                Medium.ESCPOS,
                PrintRecord.Result.PRINTED,
                Optional.empty(),
                false);
    }
}
