package cn.egov.kiosk.licence;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.identity.Identity;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a citizen's licences come from: the cloud platform (its issue), or in demo mode without a
 * platform the example licence made out to whoever signed in. Blocks: call it off the JavaFX thread.
 */
public interface LicenceSource {

    /** Where a licence stands. */
    enum Status {
        /** Issued, waiting to be collected: printed here, mailed, or at a window. */
        WAITING,
        /** Collected (printed here or at a window). */
        COLLECTED,
        /** Sent by post: no longer printed here. */
        MAILED
    }

    /**
     * One licence the citizen holds, as listed.
     *
     * @param printable whether this kind is printed at a kiosk at all (a card-like certificate is not)
     * @param copyAllowed whether, once collected, its item allows a copy marked so (else a second
     *     print is refused)
     */
    record Held(
            String licenceId,
            String type,
            String title,
            String issuer,
            Optional<LocalDate> issuedOn,
            Optional<LocalDate> validUntil,
            boolean printable,
            Status status,
            boolean copyAllowed,
            Optional<String> trackingNumber) {
        public Held {
            Objects.requireNonNull(licenceId, "licenceId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
        }

        /** Whether it can be printed here now (the first time, or as a copy). */
        public boolean canPrint() {
            return printable && (status == Status.WAITING || (status == Status.COLLECTED && copyAllowed));
        }

        /** Whether printing it now gives a copy. */
        public boolean printsCopy() {
            return status == Status.COLLECTED;
        }

        /** Whether it can still be mailed: only while it waits to be collected. */
        public boolean canMail() {
            return status == Status.WAITING;
        }

        /** The same licence in another status (after it was printed or mailed here). */
        public Held now(Status newStatus, Optional<String> tracking) {
            return new Held(
                    licenceId, type, title, issuer, issuedOn, validUntil, printable, newStatus, copyAllowed, tracking);
        }
    }

    /** A licence ready to print: its template, title, data and the reference that finds it again. */
    record Licence(String template, String title, JsonNode data, String reference, boolean copy) {
        public Licence {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(reference, "reference");
        }

        public Licence(String template, String title, JsonNode data, String reference) {
            this(template, title, data, reference, false);
        }

        @Override
        public String toString() {
            return "Licence[" + template + ", " + reference + (copy ? ", copy" : "") + "]"; // the data is personal
        }
    }

    /** Where a mailed licence goes: the citizen's own name, a phone the courier calls, the address. */
    record Recipient(String name, String phone, Address address) {
        public Recipient {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() {
            return "Recipient[" + Masking.name(name) + "]";
        }
    }

    /** The post's answer: the tracking number, the carrier and the day it should arrive. */
    record Mailed(String orderId, String trackingNumber, String carrier, Optional<LocalDate> expectedBy) {}

    /**
     * Every licence the citizen holds, waiting, collected or mailed; empty when none.
     *
     * @throws UnavailableException when the source (the platform) cannot be asked now
     */
    List<Held> heldBy(Identity citizen);

    /**
     * The data to print {@code held}: a copy marked so when it was collected before.
     *
     * @throws RefusedException when it cannot be printed (collected and no copy allowed, mailed)
     * @throws UnavailableException when the platform cannot be asked now
     */
    Licence printData(Held held);

    /**
     * {@code held} came out of the licence printer: the platform hears of it (durably, through the
     * outbox, so that a network away now loses nothing).
     */
    void collected(Held held, boolean copy);

    /**
     * Orders the free postal delivery of {@code held}; {@code orderRef} is the kiosk's and makes the
     * order idempotent (asked again after a lost answer, it is the same order).
     *
     * @throws RefusedException when it can no longer be mailed
     * @throws UnavailableException when the platform cannot be asked now
     */
    Mailed mail(Held held, Recipient recipient, String orderRef);

    /** The licences that can be printed now, with their data (the business licence a form reads). */
    default List<Licence> licencesOf(Identity citizen) {
        List<Licence> out = new ArrayList<>();
        for (Held h : heldBy(citizen)) {
            if (h.printable() && h.status() == Status.WAITING) {
                out.add(printData(h));
            }
        }
        return out;
    }

    /** The source cannot be asked now (the platform cannot be reached). */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Why the platform refused to print or mail a licence. */
    enum Refusal {
        /** Collected before, and its item allows no second print. */
        COLLECTED,
        /** Mailed: it is on its way. */
        MAILED
    }

    /** The platform refused: the licence was collected or mailed meanwhile. */
    final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        public RefusedException(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** No source of licences (no platform yet): every citizen is told there is nothing to print. */
    LicenceSource NONE = new LicenceSource() {
        @Override
        public List<Held> heldBy(Identity citizen) {
            return List.of();
        }

        @Override
        public Licence printData(Held held) {
            throw new UnavailableException("no source of licences", null);
        }

        @Override
        public void collected(Held held, boolean copy) {}

        @Override
        public Mailed mail(Held held, Recipient recipient, String orderRef) {
            throw new UnavailableException("no source of licences", null);
        }
    };
}
