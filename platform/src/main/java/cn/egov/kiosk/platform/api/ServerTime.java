package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;

/** {@code GET /v1/time}: the platform's clock. */
public record ServerTime(OffsetDateTime serverTime, long epochMillis) {}
