package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
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

    public record Summary(
            String licenceId,
            String type,
            String title,
            String issuer,
            LocalDate issuedOn,
            LocalDate validUntil,
            boolean printable) {}

    public record Found(List<Summary> licences) {}

    /** {@code GET /v1/licences/{id}/print-data}: the data of a print template. */
    public record PrintData(String licenceId, String template, JsonNode data, String verificationCode) {
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
