package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.printing.PrintContent;
import cn.egov.kiosk.printing.PrintRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What prints carried, for staff's reprint ({@code print_content}): the data sealed with the
 * installation's key, bound to the print's id, kept for {@code retention} and then deleted (the
 * database overwrites deleted rows). Only the templates {@code keptTemplates} accepts are kept.
 */
public final class PrintContentRepository implements PrintContent {
    private static final Logger log = LoggerFactory.getLogger(PrintContentRepository.class);

    private final Database db;
    private final SealedBox box;
    private final Predicate<String> keptTemplates;
    private final Duration retention;
    private final Clock clock;

    public PrintContentRepository(
            Database db, SealedBox box, Predicate<String> keptTemplates, Duration retention, Clock clock) {
        this.db = db;
        this.box = box;
        this.keptTemplates = keptTemplates;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void keep(PrintRecord record, JsonNode data, Locale locale) {
        if (!keptTemplates.test(record.template())) {
            return;
        }
        byte[] json = Json.bytes(data);
        try {
            byte[] sealed = box.seal(json, record.id());
            db.transaction(c -> {
                purge(c);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT OR REPLACE INTO print_content (print_id, printed_at, template, locale, body) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, record.id());
                    ps.setString(2, Times.text(record.printedAt()));
                    ps.setString(3, record.template());
                    ps.setString(4, locale.toLanguageTag());
                    ps.setBytes(5, sealed);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("The content of print {} ({}) could not be kept for a reprint", record.id(), record.template(), e);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * Deletes what was kept longer than the retention: at each keep, and on its own at the runtime's
     * start and once a day (a kiosk that prints nothing for days keeps nothing beyond it).
     *
     * @return how many were deleted
     */
    public int purge() {
        return db.transaction(this::purge);
    }

    private int purge(Connection c) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM print_content WHERE printed_at < ?")) {
            del.setString(1, Times.text(clock.instant().minus(retention)));
            return del.executeUpdate();
        }
    }

    @Override
    public boolean has(String printId) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT 1 FROM print_content WHERE print_id = ? AND printed_at >= ?")) {
                ps.setString(1, printId);
                ps.setString(2, Times.text(clock.instant().minus(retention)));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public Optional<Kept> kept(String printId) {
        record Row(String template, String locale, byte[] body) {}
        Optional<Row> row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT template, locale, body FROM print_content WHERE print_id = ? AND printed_at >= ?")) {
                ps.setString(1, printId);
                ps.setString(2, Times.text(clock.instant().minus(retention)));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.<Row>empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        byte[] json = box.unseal(row.get().body(), printId);
        try {
            return Optional.of(new Kept(
                    row.get().template(),
                    Json.mapper().readTree(json),
                    Locale.forLanguageTag(row.get().locale())));
        } catch (IOException e) {
            throw new UncheckedIOException("the kept content of print " + printId + " cannot be read", e);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }
}
