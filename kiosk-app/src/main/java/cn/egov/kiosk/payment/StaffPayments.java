package cn.egov.kiosk.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What staff see and do with the kiosk's payments (the staff panel's 缴费与对账): the payments left
 * to them and those still in doubt, a payment's steps, settling one left to them with what they
 * found out, a day's latest reconciliation, a reconciliation now and the recovery now. Made by
 * {@link PaymentServices#staff()}; the screens get it without the runtime or the store. Every method
 * blocks (the journal on disk, the terminal, the platform): off the JavaFX thread.
 */
public interface StaffPayments {

    /** The payments left for staff ({@link PaymentState#MANUAL}), oldest first. */
    List<PaymentRecord> forStaff();

    /** The payments still in doubt or unfinished, that the recovery asks about again, oldest first. */
    List<PaymentRecord> unresolved();

    /** A payment's steps, in order. */
    List<PaymentStep> steps(String orderRef);

    /**
     * Settles a payment left for staff with what they found out, journalled with actor STAFF (and
     * audited as every step is); see {@link Payments#settleByStaff}.
     *
     * @throws IllegalArgumentException when the payment is not left for staff, or {@code to} is not final
     */
    PaymentRecord settle(String orderRef, PaymentState to, String note);

    /** The day's latest reconciliation, if one was made. */
    Optional<ReconciliationReport> report(LocalDate day);

    /**
     * Reconciles the day now ({@link Reconciliation#run}): this closes the terminal's day (its end of
     * day), and keeps the report as the day's latest.
     */
    ReconciliationReport reconcile(LocalDate day);

    /** Runs the recovery now ({@link PaymentRecovery#run}): the payments in doubt are asked about again. */
    PaymentRecovery.Report checkAgain();
}
