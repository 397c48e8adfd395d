package cn.egov.kiosk.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The journal, dying at its {@code crashAt}-th write: just after that write committed ({@code
 * afterCommit}) or just before it was made. Reads pass through.
 */
final class CrashingJournal implements PaymentJournal {
    private final PaymentJournal journal;
    private final int crashAt;
    private final boolean afterCommit;
    int writes;

    CrashingJournal(PaymentJournal journal, int crashAt, boolean afterCommit) {
        this.journal = journal;
        this.crashAt = crashAt;
        this.afterCommit = afterCommit;
    }

    private void before() {
        writes++;
        if (writes == crashAt && !afterCommit) {
            throw new Crash("before journal write " + writes);
        }
    }

    private <T> T after(T written) {
        if (writes == crashAt && afterCommit) {
            throw new Crash("after journal write " + writes);
        }
        return written;
    }

    @Override
    public PaymentRecord open(String orderRef, PaymentOrder order, Instant now) {
        before();
        return after(journal.open(orderRef, order, now));
    }

    @Override
    public Optional<PaymentRecord> advance(
            String orderRef, PaymentState from, PaymentState to, PaymentStep.Actor actor, Answer answer, Instant now) {
        before();
        return after(journal.advance(orderRef, from, to, actor, answer, now));
    }

    @Override
    public Optional<PaymentRecord> noAnswer(
            String orderRef, PaymentState state, PaymentStep.Actor actor, String note, Instant now) {
        before();
        return after(journal.noAnswer(orderRef, state, actor, note, now));
    }

    @Override
    public Optional<PaymentRecord> find(String orderRef) {
        return journal.find(orderRef);
    }

    @Override
    public Optional<PaymentRecord> holding(String serviceId, String dueId) {
        return journal.holding(serviceId, dueId);
    }

    @Override
    public List<PaymentRecord> unresolved() {
        return journal.unresolved();
    }

    @Override
    public List<PaymentRecord> forStaff() {
        return journal.forStaff();
    }

    @Override
    public List<PaymentRecord> ofDay(LocalDate day, ZoneId zone) {
        return journal.ofDay(day, zone);
    }

    @Override
    public List<PaymentStep> steps(String orderRef) {
        return journal.steps(orderRef);
    }

    @Override
    public Optional<PaymentRecord> withTrace(String traceNo) {
        return journal.withTrace(traceNo);
    }

    @Override
    public Optional<PaymentRecord> lastCardSent() {
        return journal.lastCardSent();
    }

    @Override
    public void saveReport(ReconciliationReport report) {
        journal.saveReport(report);
    }

    @Override
    public Optional<ReconciliationReport> report(LocalDate day) {
        return journal.report(day);
    }
}
