package cn.egov.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How often citizens used each service item at this kiosk ({@code catalogue_use}): an item's page
 * opened, an application made. Counts per item and day, never who: the guide lists the hall's most
 * used items first from these, not from a list someone made up.
 */
public final class CatalogueUseRepository {
    private final Database db;

    public CatalogueUseRepository(Database db) {
        this.db = db;
    }

    /** A citizen opened the item's page on {@code day}. */
    public void opened(String itemId, LocalDate day) {
        count(itemId, day, "opened");
    }

    /** A citizen applied for the item at the kiosk on {@code day}. */
    public void applied(String itemId, LocalDate day) {
        count(itemId, day, "applied");
    }

    private void count(String itemId, LocalDate day, String column) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_use (item_id, day, " + column
                    + ") VALUES (?, ?, 1) ON CONFLICT (item_id, day) DO UPDATE SET " + column + " = " + column
                    + " + 1")) {
                ps.setString(1, itemId);
                ps.setString(2, day.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The items used since {@code since} (that day included), the most applied for first, then the
     * most looked at; at most {@code limit}.
     */
    public List<String> mostUsed(LocalDate since, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id FROM catalogue_use WHERE day >= ?"
                    + " GROUP BY item_id ORDER BY SUM(applied) DESC, SUM(opened) DESC, item_id LIMIT ?")) {
                ps.setString(1, since.toString());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                }
            }
        });
    }
}
