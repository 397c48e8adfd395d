package cn.egov.kiosk.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The payment journal: one record per payment attempt and every step it took, each step written in
 * the same durable transaction as the state it sets (with an audit event for the platform where the
 * kiosk has one). The payments define it and the local store implements it ({@code
 * cn.egov.kiosk.store.PaymentJournalRepository}), so that they do not depend on the store. An
 * implementation reports a store that cannot be read or written with an unchecked exception of its
 * own; when a method returns, what it wrote is on disk.
 */
public interface PaymentJournal {

    /**
     * Records a new attempt as {@link PaymentState#NEW}, with its first step.
     *
     * @throws AlreadyPaying while another payment holds the same service and due ({@link
     *     PaymentState#holdsTheDue()}); checked in the same transaction as the insert
     */
    PaymentRecord open(String orderRef, PaymentOrder order, Instant now);

    /**
     * Moves a payment from {@code from} to {@code to}, keeping what {@code answer} says (an id
     * already recorded is never erased), with its step. Empty, and nothing written, when the payment
     * was not in {@code from}: someone else moved it.
     *
     * @throws IllegalArgumentException when {@code from} may not go to {@code to}
     */
    Optional<PaymentRecord> advance(
            String orderRef, PaymentState from, PaymentState to, PaymentStep.Actor actor, Answer answer, Instant now);

    /**
     * Records a try that got no answer: a step that keeps the state, and one more to {@link
     * PaymentRecord#attempts()}. Empty when the payment was not in {@code state}.
     */
    Optional<PaymentRecord> noAnswer(
            String orderRef, PaymentState state, PaymentStep.Actor actor, String note, Instant now);

    Optional<PaymentRecord> find(String orderRef);

    /** The payment that holds this service and due now, if one does. */
    Optional<PaymentRecord> holding(String serviceId, String dueId);

    /** The payments neither final nor left for staff, oldest first: what the recovery finishes. */
    List<PaymentRecord> unresolved();

    /** The payments left for staff ({@link PaymentState#MANUAL}), oldest first. */
    List<PaymentRecord> forStaff();

    /** The payments made on {@code day} in the hall's time zone, oldest first. */
    List<PaymentRecord> ofDay(LocalDate day, ZoneId zone);

    /** A payment's steps, in order. */
    List<PaymentStep> steps(String orderRef);

    /** The card payment that holds this terminal trace number, if one does. */
    Optional<PaymentRecord> withTrace(String traceNo);

    /** The card payment sent to the terminal last. */
    Optional<PaymentRecord> lastCardSent();

    /** Keeps a day's reconciliation, replacing an earlier one of the same day. */
    void saveReport(ReconciliationReport report);

    /** The day's latest reconciliation. */
    Optional<ReconciliationReport> report(LocalDate day);
}
