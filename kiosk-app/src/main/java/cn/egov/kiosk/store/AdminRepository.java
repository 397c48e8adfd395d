package cn.egov.kiosk.store;

import cn.egov.kiosk.admin.AdminRecords;
import cn.egov.kiosk.admin.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The admin side's state ({@code admin_credential}, {@code admin_lockout}): each role's PIN hash,
 * the set-up code's hash (role {@code SETUP}), and the PIN pad's lock-out. Hashes only, never a PIN.
 */
public final class AdminRepository implements AdminRecords {
    private static final String SETUP = "SETUP";

    private final Database db;

    public AdminRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> pinHash(Role role) {
        return hash(role.name());
    }

    @Override
    public void setPinHash(Role role, String hash, Instant at, String source) {
        db.transaction(c -> {
            put(c, role.name(), hash, at, source);
            return null;
        });
    }

    @Override
    public Optional<String> setupHash() {
        return hash(SETUP);
    }

    @Override
    public void setSetupHash(String hash, Instant at) {
        db.transaction(c -> {
            put(c, SETUP, hash, at, "first-start");
            return null;
        });
    }

    @Override
    public void completeSetup(String staffHash, String engineerHash, Instant at) {
        db.transaction(c -> {
            put(c, Role.STAFF.name(), staffHash, at, "setup");
            put(c, Role.ENGINEER.name(), engineerHash, at, "setup");
            delete(c, SETUP);
            return null;
        });
    }

    @Override
    public void clearSetup() {
        db.transaction(c -> {
            delete(c, SETUP);
            return null;
        });
    }

    @Override
    public LockState lockState() {
        return db.read(c -> {
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT wrong_in_a_row, locked_until FROM admin_lockout WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return LockState.NONE;
                }
                return new LockState(rs.getInt(1), Instant.parse(rs.getString(2)));
            }
        });
    }

    @Override
    public void saveLockState(LockState state) {
        db.transaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO admin_lockout (id, wrong_in_a_row, locked_until) VALUES (1, ?, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET wrong_in_a_row = excluded.wrong_in_a_row,"
                            + " locked_until = excluded.locked_until")) {
                ps.setInt(1, state.wrongInARow());
                ps.setString(2, Times.text(state.lockedUntil()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** When and how the role's PIN was last set ({@code set_by}), for the shell. */
    public Optional<String> setBy(Role role) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT set_at || ' (' || set_by || ')' FROM admin_credential WHERE role = ?")) {
                ps.setString(1, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private Optional<String> hash(String role) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM admin_credential WHERE role = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static void put(Connection c, String role, String hash, Instant at, String by) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO admin_credential (role, hash, set_at, set_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (role) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at,"
                        + " set_by = excluded.set_by")) {
            ps.setString(1, role);
            ps.setString(2, hash);
            ps.setString(3, Times.text(at));
            ps.setString(4, by);
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_credential WHERE role = ?")) {
            ps.setString(1, role);
            ps.executeUpdate();
        }
    }
}
