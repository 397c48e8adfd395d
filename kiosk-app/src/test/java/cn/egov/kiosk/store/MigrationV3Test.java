package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made by the build before the platform (schema V2, tickets numbered per day and type) is
 * brought to V3: its tickets kept, as the kiosk's own (LOCAL), beside numbers from the platform.
 */
class MigrationV3Test {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @TempDir
    Path dir;

    private static String resource(String name) throws Exception {
        try (InputStream in = MigrationV3Test.class.getResourceAsStream("/db/migration/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a migration file by hand, statement by statement, as the V2 build did. */
    private static void run(Connection c, String name) throws Exception {
        String sql =
                resource(name).lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    /** A V2 store with the day's A001 (printed), A002 (called), A003 (voided), B001 (allocated) and yesterday's A001. */
    private Path v2Store() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            run(c, "V1__queue_tickets.sql");
            run(c, "V2__print_records.sql");
            s.execute("PRAGMA user_version = 2");
            s.executeUpdate(
                    "INSERT INTO queue_counter VALUES ('2026-11-28', 'A', 3), ('2026-11-28', 'B', 1), ('2026-11-27', 'A', 1)");
            s.executeUpdate(
                    "INSERT INTO queue_ticket (id, service_day, business_type, seq, number, status, waiting_ahead, issued_at, updated_at, void_reason) VALUES"
                            + " ('K01-20261128-A001', '2026-11-28', 'A', 1, 'A001', 'PRINTED', NULL, '2026-11-28T01:00:00Z', '2026-11-28T01:00:05Z', NULL),"
                            + " ('K01-20261128-A002', '2026-11-28', 'A', 2, 'A002', 'CALLED', 0, '2026-11-28T01:10:00Z', '2026-11-28T01:20:00Z', NULL),"
                            + " ('K01-20261128-A003', '2026-11-28', 'A', 3, 'A003', 'VOIDED', NULL, '2026-11-28T01:15:00Z', '2026-11-28T01:15:02Z', 'PAPER_OUT'),"
                            + " ('K01-20261128-B001', '2026-11-28', 'B', 1, 'B001', 'ALLOCATED', NULL, '2026-11-28T01:30:00Z', '2026-11-28T01:30:00Z', NULL),"
                            + " ('K01-20261127-A001', '2026-11-27', 'A', 1, 'A001', 'PRINTED', NULL, '2026-11-27T01:00:00Z', '2026-11-27T01:00:05Z', NULL)");
            s.executeUpdate(
                    "INSERT INTO print_record VALUES ('p1', '2026-11-28T01:00:05Z', 'queue-ticket', 'K01-20261128-A001', 'printer-1', 'ESCPOS', 'PRINTED', NULL, 0, 'K01')");
        }
        return file;
    }

    private static List<String> rows(Database db, String sql) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(i > 1 ? " " : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }

    @Test
    void aV2StoreIsBroughtToV3WithItsTicketsKeptAsLocal() throws Exception {
        Path file = v2Store();

        try (Database db = Database.open(file)) {
            assertThat(DatabaseTest.pragma(db, "user_version")).isEqualTo(String.valueOf(Migrations.latest()));
            assertThat(DatabaseTest.tables(db))
                    .contains(
                            "outbox",
                            "outbox_stream",
                            "sync_state",
                            "catalogue_item",
                            "reference_data",
                            "application",
                            "queue_ticket")
                    .doesNotContain("queue_ticket_v3");
            assertThat(
                            rows(
                                    db,
                                    "SELECT id, origin, seq, number, status, waiting_ahead, void_reason FROM queue_ticket ORDER BY id"))
                    .containsExactly(
                            "K01-20261127-A001 LOCAL 1 A001 PRINTED null null",
                            "K01-20261128-A001 LOCAL 1 A001 PRINTED null null",
                            "K01-20261128-A002 LOCAL 2 A002 CALLED 0 null",
                            "K01-20261128-A003 LOCAL 3 A003 VOIDED null PAPER_OUT",
                            "K01-20261128-B001 LOCAL 1 B001 ALLOCATED null null");
            assertThat(rows(db, "SELECT issued_at, updated_at FROM queue_ticket WHERE id = 'K01-20261128-A002'"))
                    .containsExactly("2026-11-28T01:10:00Z 2026-11-28T01:20:00Z");
            assertThat(
                            rows(
                                    db,
                                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'queue_ticket' AND name NOT LIKE 'sqlite_%'"))
                    .containsExactly("queue_ticket_day_type_status");
            assertThat(rows(db, "SELECT id, reference FROM print_record")).containsExactly("p1 K01-20261128-A001");

            TicketRepository tickets = new TicketRepository(db);
            assertThat(tickets.find("K01-20261128-A002").orElseThrow().waitingAhead())
                    .isEqualTo(OptionalInt.of(0));
            assertThat(tickets.ofDay(DAY)).extracting(Ticket::number).containsExactly("A001", "A002", "A003", "B001");

            // the platform's A001 of the same day beside the kiosk's own A001
            Ticket central = tickets.recordCentral("c0ffee-1", DAY, "A", "A001", OptionalInt.of(4), NOW);
            assertThat(central.seq()).isEqualTo(1);
            assertThat(tickets.find("c0ffee-1").orElseThrow()).isEqualTo(central);
            assertThat(
                            rows(
                                    db,
                                    "SELECT origin, number FROM queue_ticket WHERE service_day = '2026-11-28' AND business_type = 'A' AND seq = 1 ORDER BY origin"))
                    .containsExactly("LOCAL A001", "PLATFORM A001");

            // the day's own counter goes on where it was
            assertThat(tickets.allocate("K01", DAY, "A", NOW).number()).isEqualTo("A004");
            assertThat(tickets.allocate("K01", DAY, "B", NOW).number()).isEqualTo("B002");
        }

        try (Database db = Database.open(file)) {
            assertThat(DatabaseTest.pragma(db, "user_version")).isEqualTo(String.valueOf(Migrations.latest()));
            assertThat(rows(db, "SELECT COUNT(*) FROM queue_ticket")).containsExactly("8");
        }
    }

    @Test
    void onTheDayOfTheUpgradeTheKiosksOwnRangeDoesNotCollideWithTheDaysEarlierNumbers() throws Exception {
        Path file = v2Store();

        try (Database db = Database.open(file)) {
            TicketRepository tickets = new TicketRepository(db);

            // the platform is away: numbers from the kiosk's own range, same origin as the V2 tickets
            Ticket offline = tickets.allocate("K01", DAY, "A", "Z1", NOW);
            Ticket next = tickets.allocate("K01", DAY, "A", "Z1", NOW);

            assertThat(offline.status()).isEqualTo(TicketStatus.ALLOCATED);
            assertThat(offline.number()).startsWith("Z1A");
            assertThat(List.of(offline.number(), next.number()))
                    .doesNotHaveDuplicates()
                    .doesNotContain("A001", "A002", "A003");
            assertThat(next.seq()).isGreaterThan(offline.seq());
            assertThat(offline.seq()).as("past the day's numbers from before").isGreaterThan(3);
            assertThat(tickets.allocate("K01", DAY, "B", "Z1", NOW).seq()).isGreaterThan(1);
            assertThat(tickets.allocate("K01", DAY.plusDays(1), "A", "Z1", NOW).number())
                    .as("a new day starts at 1")
                    .isEqualTo("Z1A001");
        }
    }
}
