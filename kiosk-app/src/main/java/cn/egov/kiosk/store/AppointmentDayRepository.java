package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Appointments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The local copy of appointment availability ({@code appointment_day}): places left per bookable
 * item and open day, as the down-sync last brought them; a day the platform did not list is not
 * open. Counts only. Read while the platform is away, so that the days to choose from still show.
 */
public final class AppointmentDayRepository {
    private final Database db;

    public AppointmentDayRepository(Database db) {
        this.db = db;
    }

    /** Replaces the whole copy with what the platform sent, in the caller's transaction. */
    public void replace(Connection c, List<Appointments.DayAvailability> days) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM appointment_day");
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO appointment_day (item_id, day, capacity, remaining) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (item_id, day) DO UPDATE SET capacity = excluded.capacity, remaining = excluded.remaining")) {
            for (Appointments.DayAvailability d : days) {
                ins.setString(1, d.itemId());
                ins.setString(2, d.date().toString());
                ins.setInt(3, d.capacity());
                ins.setInt(4, Math.max(0, Math.min(d.remaining(), d.capacity())));
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** The open days of an item from {@code from} on (that day included), in order. */
    public List<Appointments.DayAvailability> days(String itemId, LocalDate from) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT day, capacity, remaining FROM appointment_day WHERE item_id = ? AND day >= ? ORDER BY day")) {
                ps.setString(1, itemId);
                ps.setString(2, from.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    List<Appointments.DayAvailability> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Appointments.DayAvailability(
                                itemId, LocalDate.parse(rs.getString(1)), rs.getInt(2), rs.getInt(3)));
                    }
                    return out;
                }
            }
        });
    }

    /** The whole copy, by item and day. */
    public List<Appointments.DayAvailability> all() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT item_id, day, capacity, remaining FROM appointment_day ORDER BY item_id, day")) {
                List<Appointments.DayAvailability> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Appointments.DayAvailability(
                            rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getInt(3), rs.getInt(4)));
                }
                return out;
            }
        });
    }

    /** The items that have an open day from {@code from} on. */
    public List<String> items(LocalDate from) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT item_id FROM appointment_day WHERE day >= ? ORDER BY item_id")) {
                ps.setString(1, from.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * A place of the day taken (+1 freed, -1 taken) here, before the next sync brings the platform's
     * count: the next citizen sees it at once. Kept between 0 and the day's capacity.
     */
    public void adjust(String itemId, LocalDate day, int change) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE appointment_day SET remaining = MAX(0, MIN(capacity, remaining + ?)) WHERE item_id = ? AND day = ?")) {
                ps.setInt(1, change);
                ps.setString(2, itemId);
                ps.setString(3, day.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
