package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** {@code POST /v1/batch}: up to {@value #MAX_RECORDS} outbox records, one result each. */
public final class Batch {
    private Batch() {}

    public static final int MAX_RECORDS = 500;

    public static final String TICKET_ISSUED = "ticket.issued";
    public static final String APPLICATION_SUBMIT = "application.submit";
    public static final String AUDIT_EVENT = "audit.event";
    public static final String POSTAL_ORDER_CREATE = "postal-order.create";
    public static final String LICENCE_COLLECTED = "licence.collected";

    /**
     * One record: applied at most once per {@code idempotencyKey}, in {@code seq} order within its
     * {@code stream}.
     */
    public record Record(
            String idempotencyKey, String stream, long seq, String kind, OffsetDateTime occurredAt, JsonNode body) {
        @Override
        public String toString() { // bodies may hold personal data
            return "Record[" + kind + " " + stream + "#" + seq + " " + idempotencyKey + "]";
        }
    }

    public record Request(List<Record> records) {}

    public enum Status {
        ACCEPTED,
        DUPLICATE,
        REJECTED,
        RETRY;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Status of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }

        /** The platform holds the record: the kiosk may forget it. */
        public boolean held() {
            return this == ACCEPTED || this == DUPLICATE;
        }
    }

    public record Result(String idempotencyKey, Status status, JsonNode result, Problem problem) {}

    public record Response(List<Result> results) {}
}
