package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    static int intOf(Database db, String sql) {
        return db.<Integer>read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Test
    void opensInWalModeWithTheSchemaVersionSet() {
        Path file = dir.resolve("sub/dir/kiosk.db");

        try (Database db = Database.open(file)) {
            assertThat(Files.exists(file)).isTrue();
            assertThat(db.file()).isEqualTo(file);
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "secure_delete")).isEqualTo("1"); // deleted personal data is overwritten
            assertThat(pragma(db, "user_version")).isEqualTo(String.valueOf(Migrations.latest()));
            assertThat(Migrations.ALL)
                    .containsExactly(
                            "V1__queue_tickets.sql",
                            "V2__print_records.sql",
                            "V3__platform.sql",
                            "V4__catalogue_use.sql",
                            "V5__appointment_days.sql",
                            "V6__payments.sql",
                            "V7__terminal_totals.sql",
                            "V8__admin.sql",
                            "V9__day_figures.sql");
            assertThat(tables(db)).containsExactly(TABLES);
        }
    }

    private static final String[] TABLES = {
        "admin_credential",
        "admin_lockout",
        "application",
        "appointment_day",
        "catalogue_item",
        "catalogue_use",
        "device_fault",
        "flow_event",
        "outbox",
        "outbox_stream",
        "payment",
        "payment_difference",
        "payment_reconciliation",
        "payment_step",
        "print_content",
        "print_record",
        "queue_counter",
        "queue_ticket",
        "reference_data",
        "sync_state"
    };

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData() {
        Path file = dir.resolve("kiosk.db");
        try (Database db = Database.open(file)) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO queue_counter VALUES ('2026-11-28', 'A', 7)");
                }
            });
        }

        for (int i = 0; i < 2; i++) {
            try (Database db = Database.open(file)) {
                assertThat(pragma(db, "user_version")).isEqualTo(String.valueOf(Migrations.latest()));
                assertThat(tables(db)).containsExactly(TABLES);
                assertThat(intOf(db, "SELECT last_seq FROM queue_counter WHERE business_type = 'A'"))
                        .isEqualTo(7);
            }
        }
    }

    @Test
    void aDatabaseFromANewerBuildRefusesToOpen() {
        Path file = dir.resolve("kiosk.db");
        try (Database db = Database.open(file)) {
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("PRAGMA user_version = 99");
                }
            });
        }

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the local store " + file)
                .hasMessageContaining(
                        "schema version 99, newer than this kiosk build knows (" + Migrations.latest() + ")");

        // refused, not damaged: the version is still 99
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(99);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailedTransactionIsRolledBack() {
        try (Database db = Database.open(dir.resolve("kiosk.db"))) {
            assertThatThrownBy(() -> db.transaction(c -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("INSERT INTO queue_counter VALUES ('2026-11-28', 'A', 1)");
                            s.executeUpdate("INSERT INTO queue_counter VALUES ('2026-11-28', 'A', 2)"); // duplicate key
                        }
                        return null;
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("local store: ");

            assertThat(intOf(db, "SELECT COUNT(*) FROM queue_counter")).isZero();
        }
    }

    @Test
    void aFileThatIsNotADatabaseFailsWithTheFileInTheMessage() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Files.writeString(
                file, "this is not an SQLite database, just some text that is long enough to have a header".repeat(20));

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the local store " + file);
    }

    @Test
    void sqlitesLibraryIsLoadedFromTheKiosksCacheNotCopiedToTheTemporaryFolderEachStart(@TempDir Path dir)
            throws Exception {
        try (Database db = Database.open(dir.resolve("k.db"))) {
            String where = System.getProperty("org.sqlite.lib.path");
            assertThat(where)
                    .as("the driver is pointed at the cache")
                    .isNotNull()
                    .contains(File.separator + "kiosk" + File.separator + "sqlite");
            assertThat(Path.of(where).resolve("libsqlitejdbc.so")).isRegularFile();
            try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                long start = ManagementFactory.getRuntimeMXBean().getStartTime();
                assertThat(tmp.filter(p -> p.getFileName().toString().matches("sqlite-.*libsqlitejdbc\\.so"))
                                .filter(p -> p.toFile().lastModified() >= start))
                        .as("copies of the library the driver made in the temporary folder since this JVM started")
                        .isEmpty();
            }
        }
    }
}
