package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kiosk's copy of the service catalogue ({@code catalogue_item}), searched locally. */
public final class CatalogueRepository {
    private final Database db;

    public CatalogueRepository(Database db) {
        this.db = db;
    }

    /** Stores a page of changed items and removes deleted ones, in the caller's transaction. */
    public void apply(Connection c, List<Catalogue.Item> items, List<String> deleted) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "INSERT INTO catalogue_item (id, version, department_id, name, category, business_type, kiosk_capable, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET version = excluded.version, department_id = excluded.department_id, name = excluded.name,"
                        + " category = excluded.category, business_type = excluded.business_type, kiosk_capable = excluded.kiosk_capable, json = excluded.json")) {
            for (Catalogue.Item i : items) {
                up.setString(1, i.id());
                up.setLong(2, i.version());
                up.setString(3, i.departmentId());
                up.setString(4, i.name());
                up.setString(5, i.category());
                up.setString(6, i.businessType());
                up.setInt(7, i.kioskCapable() ? 1 : 0);
                up.setString(8, new String(Json.bytes(i), StandardCharsets.UTF_8));
                up.addBatch();
            }
            up.executeBatch();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM catalogue_item WHERE id = ?")) {
            for (String id : deleted) {
                del.setString(1, id);
                del.addBatch();
            }
            del.executeBatch();
        }
    }

    public int count() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM catalogue_item")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public Optional<Catalogue.Item> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM catalogue_item WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(item(rs.getString(1))) : Optional.<Catalogue.Item>empty();
                }
            }
        });
    }

    /** Items whose name contains {@code text} (all when blank), kiosk-capable first, by name; at most {@code limit}. */
    /** Every item of the local copy, for the search index. */
    public List<Catalogue.Item> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM catalogue_item ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<Catalogue.Item> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(item(rs.getString(1)));
                }
                return out;
            }
        });
    }

    public List<Catalogue.Item> search(String text, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT json FROM catalogue_item WHERE name LIKE ? ESCAPE '\\' ORDER BY kiosk_capable DESC, name LIMIT ?")) {
                ps.setString(
                        1,
                        "%"
                                + text.strip()
                                        .replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_") + "%");
                ps.setInt(2, limit);
                List<Catalogue.Item> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(item(rs.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    private static Catalogue.Item item(String json) {
        try {
            return Json.mapper().readValue(json, Catalogue.Item.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
