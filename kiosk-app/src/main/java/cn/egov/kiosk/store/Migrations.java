package cn.egov.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<name>.sql} on the class path, applied in
 * order, each in its own transaction; the version reached is kept in SQLite's {@code user_version}.
 * A migration's version is the number in its name (strictly increasing down the list; branches
 * written side by side may each take a number, and the list holds them in order once merged). A
 * database newer than this build refuses to open rather than be misread.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** Every migration, in order; the version of each is the number in its name. */
    static final List<String> ALL = List.of(
            "V1__queue_tickets.sql",
            "V2__print_records.sql",
            "V3__platform.sql",
            "V4__catalogue_use.sql",
            // appointments
            "V5__appointment_days.sql",
            // payments
            "V6__payments.sql",
            "V7__terminal_totals.sql",
            // the admin side: PIN hashes, the set-up code, the lock-out
            "V8__admin.sql",
            // the day at a glance
            "V9__day_figures.sql");

    private Migrations() {}

    /** The version of a migration: the number after its {@code V}. */
    static int version(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** The version this build brings a database to. */
    static int latest() {
        return version(ALL.get(ALL.size() - 1));
    }

    static int apply(Connection c) throws SQLException {
        int current;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.getInt(1);
        }
        if (current > latest()) {
            throw new SQLException("the database is at schema version " + current
                    + ", newer than this kiosk build knows (" + latest() + ")");
        }
        int before = 0;
        for (String name : ALL) {
            int v = version(name);
            if (v <= before) {
                throw new SQLException("migration " + name + " is out of order");
            }
            before = v;
            if (v <= current) {
                continue;
            }
            String sql = load(name);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                s.execute("PRAGMA user_version = " + v);
                c.commit();
                log.info("Applied migration {}", name);
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
        return latest();
    }

    private static String load(String name) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new SQLException("migration " + name + " is missing from the build");
            }
            return stripComments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + name, e);
        }
    }

    private static String stripComments(String sql) {
        return sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    }
}
