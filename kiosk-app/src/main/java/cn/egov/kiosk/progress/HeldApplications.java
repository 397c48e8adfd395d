package cn.egov.kiosk.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The applications made at this kiosk as it holds them itself: the ones the platform does not have
 * (saved while it was away, or refused by it), and whatever a receipt's query code names. Reads the
 * store: call it off the JavaFX thread.
 */
public interface HeldApplications {

    /** How far an application made here got, as the kiosk knows it. */
    enum Standing {
        /** Saved here, waiting to be sent: it goes when the platform answers. */
        SAVED,
        /** The platform took it (its number is known here). */
        SENT,
        /** The platform refused it when it was sent: staff must look at it. */
        REFUSED
    }

    /**
     * One application made here.
     *
     * @param reference the kiosk's reference printed on its receipt ({@code KS-XXXX-XXXX-XXXX})
     * @param itemName what was applied for, from the catalogue (the item's id when it is not there)
     * @param promisedBy the date the receipt promised, if the catalogue still knows the item's time limit
     * @param applicationNo the platform's number, once it gave one
     */
    record Held(
            String reference,
            String itemName,
            Instant submittedAt,
            Optional<LocalDate> promisedBy,
            Standing standing,
            Optional<String> applicationNo) {}

    /** The applications of the applicant with this ID number that the platform does not hold, newest first. */
    List<Held> notWithPlatformOf(String idNumber);

    /** The applications made here that this query code names (reference or number), newest first. */
    List<Held> ofQueryCode(String queryCode);
}
