package cn.egov.kiosk.admin;

import java.util.Locale;
import java.util.Optional;

/**
 * Who uses the admin side: hall staff, or a field engineer. The names are the audit trail's actors
 * ({@code STAFF}, {@code ENGINEER}).
 */
public enum Role {
    STAFF,
    ENGINEER;

    /** A role by its name in any case ({@code staff}, {@code ENGINEER}). */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
