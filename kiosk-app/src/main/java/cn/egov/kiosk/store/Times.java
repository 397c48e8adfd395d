package cn.egov.kiosk.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the store writes them: UTC with nine fraction digits always
 * ({@code 2026-11-28T09:30:00.500000000Z}), so that SQL compares and sorts them as text correctly
 * ({@code Instant.toString()} drops trailing zeros: {@code ...:00Z} would sort after {@code
 * ...:00.5Z}). {@link Instant#parse} reads both forms, so rows written before stay readable.
 */
final class Times {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String text(Instant t) {
        return FIXED.format(t);
    }
}
