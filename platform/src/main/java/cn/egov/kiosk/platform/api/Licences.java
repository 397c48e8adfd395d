package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Licences (证照) a citizen holds, their print data and verification. */
public final class Licences {
    private Licences() {}

    /** {@code POST /v1/licences/search}. */
    public record Search(String idNumber) {
        @Override
        public String toString() {
            return "Search[personal data]";
        }
    }

    /**
     * A licence as it stands. {@code printable}: whether the kiosk can print it now (its kind has a
     * kiosk template, and it is {@code WAITING}, or {@code COLLECTED} with {@code reprint} {@code
     * COPY}, which prints a marked copy); {@code collectedAt} when {@code COLLECTED}, {@code
     * trackingNumber} when {@code MAILED}.
     */
    public record Summary(
            String licenceId,
            String type,
            String title,
            String issuer,
            LocalDate issuedOn,
            LocalDate validUntil,
            boolean printable,
            Status status,
            Reprint reprint,
            OffsetDateTime collectedAt,
            String trackingNumber) {}

    /** Where a licence stands: waiting to be collected, collected (printed or at a window), or mailed. */
    public enum Status {
        WAITING,
        COLLECTED,
        MAILED
    }

    /** What a second print of a collected licence is, as its item says: refused, or a copy marked so. */
    public enum Reprint {
        REFUSE,
        COPY
    }

    /**
     * The body of a {@code licence.collected} batch record: the licence was printed at the kiosk
     * ({@code copy}: a marked copy of one collected before). {@code collectionId} is the kiosk's.
     */
    public record Collected(String collectionId, String licenceId, boolean copy, OffsetDateTime at) {}

    public record Found(List<Summary> licences) {}

    /**
     * {@code GET /v1/licences/{id}/print-data}: the data of a print template. {@code copy}: the
     * licence was collected before and its item allows a copy, which the paper says.
     */
    public record PrintData(String licenceId, String template, JsonNode data, String verificationCode, boolean copy) {
        @Override
        public String toString() {
            return "PrintData[" + licenceId + ", " + template + "]";
        }
    }

    public enum Validity {
        VALID,
        REVOKED,
        EXPIRED
    }

    /** {@code GET /v1/licences/verify/{code}}. */
    public record Verification(
            boolean valid,
            String licenceId,
            String title,
            String issuer,
            String holderMasked,
            LocalDate issuedOn,
            Validity status) {}
}
