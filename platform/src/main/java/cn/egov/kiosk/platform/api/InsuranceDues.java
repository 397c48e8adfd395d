package cn.egov.kiosk.platform.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 社保缴费: what a citizen owes the residents' social insurance schemes, year by year, and what
 * was paid. A due is paid with a payment order that names it ({@link Payments.Create#dueId}); once
 * that order is paid the due is {@link Status#PAID}, and a reversed or refunded order makes it due
 * again.
 */
public final class InsuranceDues {
    private InsuranceDues() {}

    /** {@code POST /v1/insurance-dues/search}: the citizen by ID number, in the body, never in a URL. */
    public record Search(String idNumber) {
        @Override
        public String toString() {
            return "Search[personal data]";
        }
    }

    public enum Scheme {
        /** 城乡居民基本医疗保险: one fixed amount a year, by the citizen's category. */
        RESIDENT_MEDICAL,
        /** 城乡居民基本养老保险: a grade a year, chosen by the citizen. */
        RESIDENT_PENSION
    }

    /**
     * {@code DUE}: to be paid; {@code PAID}: paid ({@code paidFen}, {@code paidAt}, {@code
     * paymentId}); {@code NOT_DUE}: the citizen is in the scheme but owes nothing for the year
     * (already drawing the pension, say; {@code note} tells).
     */
    public enum Status {
        DUE,
        PAID,
        NOT_DUE
    }

    /**
     * One scheme's year. {@code amountFen} is the fixed amount of a scheme that has one (0 when the
     * citizen chooses a grade), {@code gradesFen} the grades to choose from, lowest first (empty for
     * a fixed amount). {@code payFrom} to {@code payUntil}: the collection period. {@code dueId} is
     * the platform's opaque id: it names no person.
     */
    public record Due(
            String dueId,
            Scheme scheme,
            String schemeName,
            int year,
            Status status,
            long amountFen,
            List<Long> gradesFen,
            LocalDate payFrom,
            LocalDate payUntil,
            long paidFen,
            OffsetDateTime paidAt,
            String paymentId,
            String note) {

        /** Whether {@code fen} is what this due may be paid with: its amount, or one of its grades. */
        public boolean accepts(long fen) {
            return gradesFen == null || gradesFen.isEmpty() ? fen == amountFen && fen > 0 : gradesFen.contains(fen);
        }
    }

    /** The citizen's dues, by scheme and year, the open ones first; empty for someone in no scheme. */
    public record Found(List<Due> dues) {}
}
