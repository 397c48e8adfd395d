package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /v1/notices}: the hall's notices (公告). */
public record Notices(long version, List<Notice> notices) {
    public enum Level {
        INFO,
        WARNING,
        URGENT
    }

    public record Notice(
            String id, String title, String body, Level level, OffsetDateTime validFrom, OffsetDateTime validTo) {}
}
