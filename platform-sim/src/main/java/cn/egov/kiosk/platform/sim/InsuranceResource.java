package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.require;
import static cn.egov.kiosk.platform.sim.Checks.unprocessable;

import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's {@code insurance} tag: what the data set's citizens owe the residents' medical
 * and pension schemes (社保缴费). Owns where each due stands (the data set's state when the
 * simulator starts): the payments' tag ({@link PaymentsResource}) asks whether an order may pay a
 * due, and tells it when one was paid, reversed or refunded.
 */
final class InsuranceResource implements Resource {
    private final Map<String, InsuranceDues.Due> dues = new HashMap<>();
    private final Map<String, List<String>> byCitizen = new HashMap<>();

    InsuranceResource(SimContext sim) {
        for (SimData.Citizen z : sim.data.citizens.values()) {
            List<String> ids = new ArrayList<>();
            for (InsuranceDues.Due d : z.dues()) {
                dues.put(d.dueId(), d);
                ids.add(d.dueId());
            }
            byCitizen.put(z.idNumber(), List.copyOf(ids));
        }
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/insurance-dues/search", true, false, this::search);
    }

    private synchronized Reply search(Call c) {
        InsuranceDues.Search s = c.body(InsuranceDues.Search.class);
        require(s.idNumber() != null && !s.idNumber().isBlank(), "idNumber is required", c);
        List<InsuranceDues.Due> found = new ArrayList<>();
        byCitizen.getOrDefault(s.idNumber(), List.of()).forEach(id -> found.add(dues.get(id)));
        return Reply.ok(new InsuranceDues.Found(found));
    }

    /**
     * Checks that an order of {@code amountFen} may pay the due: it exists and is due ({@code 422}
     * otherwise; {@code 409 due-paid} once paid), and the amount is its amount or one of its grades.
     */
    synchronized void checkPayable(String dueId, long amountFen, Call c) {
        InsuranceDues.Due d = dues.get(dueId);
        unprocessable(d != null, "due " + dueId + " does not exist", c);
        if (d.status() == InsuranceDues.Status.PAID) {
            throw Reply.problem(
                    409,
                    Problem.DUE_PAID,
                    "该笔社保费已缴纳",
                    "due " + dueId + " was paid by payment " + d.paymentId(),
                    c.path());
        }
        unprocessable(d.status() == InsuranceDues.Status.DUE, "due " + dueId + " is " + d.status(), c);
        unprocessable(
                d.accepts(amountFen),
                "due " + dueId + " is paid with "
                        + (d.gradesFen().isEmpty() ? d.amountFen() : "one of " + d.gradesFen()) + " fen, not "
                        + amountFen,
                c);
    }

    synchronized boolean isPaid(String dueId) {
        InsuranceDues.Due d = dues.get(dueId);
        return d != null && d.status() == InsuranceDues.Status.PAID;
    }

    /** The payment paid its due. */
    synchronized void paid(Payments.Payment p) {
        InsuranceDues.Due d = dues.get(p.dueId());
        if (d != null && d.status() == InsuranceDues.Status.DUE) {
            dues.put(d.dueId(), with(d, InsuranceDues.Status.PAID, p));
        }
    }

    /** The payment that paid its due was reversed or refunded: the due is due again. */
    synchronized void unpaid(Payments.Payment p) {
        InsuranceDues.Due d = dues.get(p.dueId());
        if (d != null && p.paymentId().equals(d.paymentId())) {
            dues.put(d.dueId(), with(d, InsuranceDues.Status.DUE, null));
        }
    }

    private static InsuranceDues.Due with(InsuranceDues.Due d, InsuranceDues.Status status, Payments.Payment p) {
        return new InsuranceDues.Due(
                d.dueId(),
                d.scheme(),
                d.schemeName(),
                d.year(),
                status,
                d.amountFen(),
                d.gradesFen(),
                d.payFrom(),
                d.payUntil(),
                p == null ? 0 : p.amountFen(),
                p == null ? null : p.paidAt(),
                p == null ? null : p.paymentId(),
                d.note());
    }
}
