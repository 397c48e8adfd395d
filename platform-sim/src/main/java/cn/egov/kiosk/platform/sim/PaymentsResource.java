package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.longParam;
import static cn.egov.kiosk.platform.sim.Checks.require;
import static cn.egov.kiosk.platform.sim.Checks.unprocessable;

import cn.egov.kiosk.platform.api.Payments;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's {@code payments} tag: payment orders paid by QR code or by bank card, waiting
 * for one to be settled, and closing one. Owns the payments (their monitor is the one a waiting
 * request waits on) and the demo mode's automatic QR payment.
 */
final class PaymentsResource implements Resource {
    private final SimContext sim;
    private final Map<String, Payments.Payment> payments = new ConcurrentHashMap<>();
    private volatile Optional<Duration> autoPay = Optional.empty();

    PaymentsResource(SimContext sim) {
        this.sim = sim;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/payments", true, true, this::create);
        routes.route("GET", "/v1/payments/([^/]+)", true, false, this::payment);
        routes.route("POST", "/v1/payments/([^/]+)/card-result", true, false, this::cardResult);
        routes.route("POST", "/v1/payments/([^/]+)/close", true, false, this::close);
    }

    void autoPay(Optional<Duration> after) {
        autoPay = after;
    }

    /** Marks a pending payment paid, as the citizen's bank would. */
    boolean pay(String paymentId) {
        synchronized (payments) {
            Payments.Payment p = payments.get(paymentId);
            if (p == null || p.status() != Payments.Status.PENDING) {
                return false;
            }
            settle(p, Payments.Status.PAID);
            return true;
        }
    }

    private Reply create(Call c) {
        Payments.Create o = c.body(Payments.Create.class);
        require(
                o.orderRef() != null && o.method() != null && o.amountFen() > 0,
                "orderRef, method and a positive amountFen are required",
                c);
        String id = "PAY"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        String qr = o.method() == Payments.Method.QR ? "https://pay.example.gov.cn/q/" + id : null;
        var p = new Payments.Payment(
                id,
                o.orderRef(),
                o.amountFen(),
                o.method(),
                Payments.Status.PENDING,
                qr,
                sim.now().plusMinutes(15),
                null,
                null);
        payments.put(id, p);
        autoPay.filter(d -> o.method() == Payments.Method.QR).ifPresent(d -> {
            Thread t = new Thread(
                    () -> {
                        try {
                            Thread.sleep(d.toMillis());
                            pay(id);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "sim-autopay");
            t.setDaemon(true);
            t.start();
        });
        return Reply.created(p);
    }

    private Payments.Payment payment(String id, Call c) {
        Payments.Payment p = payments.get(id);
        if (p == null) {
            throw Reply.notFound("payment " + id, c.path());
        }
        return p;
    }

    private Reply payment(Call c) throws InterruptedException {
        int wait = (int) longParam(c, "waitSeconds", 0);
        require(wait >= 0 && wait <= 30, "waitSeconds is 0 to 30", c);
        String id = c.param(0);
        long deadline = System.nanoTime() + wait * 1_000_000_000L;
        synchronized (payments) {
            Payments.Payment p = payment(id, c);
            while (p.status() == Payments.Status.PENDING && System.nanoTime() < deadline) {
                long ms = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                payments.wait(ms);
                p = payment(id, c);
            }
            return Reply.ok(p);
        }
    }

    private void settle(Payments.Payment p, Payments.Status status) {
        synchronized (payments) {
            boolean paid = status == Payments.Status.PAID;
            String receipt = paid
                    ? "R" + sim.today().toString().replace("-", "")
                            + p.paymentId().substring(3, 11)
                    : null;
            payments.put(
                    p.paymentId(),
                    new Payments.Payment(
                            p.paymentId(),
                            p.orderRef(),
                            p.amountFen(),
                            p.method(),
                            status,
                            p.qrCode(),
                            p.expiresAt(),
                            paid ? sim.now() : null,
                            receipt));
            payments.notifyAll();
        }
    }

    private Reply cardResult(Call c) {
        Payments.CardResult r = c.body(Payments.CardResult.class);
        synchronized (payments) { // checked and settled at once: two answers cannot both settle it
            Payments.Payment p = payment(c.param(0), c);
            if (p.status() != Payments.Status.PENDING) {
                return Reply.ok(p);
            }
            unprocessable(p.method() == Payments.Method.CARD, "the payment is not a card payment", c);
            unprocessable(
                    r.result() != null && r.amountFen() == p.amountFen(),
                    "the card result must be for the order's amount",
                    c);
            settle(p, r.result() == Payments.CardOutcome.APPROVED ? Payments.Status.PAID : Payments.Status.FAILED);
            return Reply.ok(payments.get(p.paymentId()));
        }
    }

    private Reply close(Call c) {
        synchronized (payments) {
            Payments.Payment p = payment(c.param(0), c);
            if (p.status() == Payments.Status.PENDING) {
                settle(p, Payments.Status.CLOSED);
            }
            return Reply.ok(payments.get(p.paymentId()));
        }
    }
}
