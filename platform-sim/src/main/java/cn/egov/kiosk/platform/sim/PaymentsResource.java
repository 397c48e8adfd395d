package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.dateParam;
import static cn.egov.kiosk.platform.sim.Checks.longParam;
import static cn.egov.kiosk.platform.sim.Checks.require;
import static cn.egov.kiosk.platform.sim.Checks.unprocessable;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Signature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The contract's {@code payments} tag: payment orders paid by QR code (the kiosk shows it, the
 * phone pays), by the phone's payment code (the kiosk scans it, the platform charges it) or by
 * bank card (the terminal's answer); waiting for one to be settled, closing and reversing one.
 * Owns the orders (their monitor is the one a waiting request waits on), the {@link Wallet} that
 * plays the payers' phones, and the demo mode's automatic payment. A paid order of a due tells
 * the {@code insurance} tag ({@link InsuranceResource}).
 */
final class PaymentsResource implements Resource {
    static final String CREATE = "payment.create";
    static final String CHARGE = "payment.charge";
    static final String CLOSE = "payment.close";
    static final String REVERSE = "payment.reverse";
    static final String QR_BASE = "https://pay.example.gov.cn/q/";
    private static final int DEFAULT_EXPIRY_SECONDS = 900;

    private final SimContext sim;
    private final InsuranceResource dues;
    private final Wallet wallet = new Wallet(this);
    /** Every order, by its payment id; guarded by itself, which a long poll waits on. */
    private final Map<String, Payments.Payment> payments = new HashMap<>();
    /** Payment ids by the kiosk's id and its order reference, in the order they were made. */
    private final Map<String, String> byRef = new LinkedHashMap<>();
    /** The day (the platform's time zone) each order was made, by payment id. */
    private final Map<String, LocalDate> madeOn = new HashMap<>();
    /** {@code PAYMENT_CODE} orders charged once (a second charge is refused), and the codes' digests. */
    private final Set<String> charged = new HashSet<>();

    private final Set<String> codesUsed = new HashSet<>();
    /** Charged orders waiting for the payer to confirm, with the wallet charged. */
    private final Map<String, Payments.Wallet> awaitingPayer = new HashMap<>();

    private volatile Optional<Duration> autoPay = Optional.empty();

    PaymentsResource(SimContext sim, InsuranceResource dues) {
        this.sim = sim;
        this.dues = dues;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/payments", true, true, this::create);
        routes.route("GET", "/v1/payments", true, false, this::list);
        routes.route("GET", "/v1/payments/([^/]+)", true, false, this::payment);
        routes.route("POST", "/v1/payments/([^/]+)/card-result", true, false, this::cardResult);
        routes.route("POST", "/v1/payments/([^/]+)/charge", true, true, this::charge);
        routes.route("POST", "/v1/payments/([^/]+)/close", true, false, this::close);
        routes.route("POST", "/v1/payments/([^/]+)/reverse", true, false, this::reverse);
    }

    Wallet wallet() {
        return wallet;
    }

    /** The payer pays a QR order, and confirms a waiting charge, this long after it is made (demo mode). */
    void autoPay(Optional<Duration> after) {
        autoPay = after;
    }

    // --- the payer's side (the Wallet's) -------------------------------------------------------------

    /** Pays a waiting order as its payer would: a QR code paid with WeChat, or a waiting charge confirmed. */
    boolean pay(String paymentId) {
        synchronized (payments) {
            Payments.Payment p = current(paymentId);
            if (p == null || p.status() != Payments.Status.WAITING) {
                return false;
            }
            if (awaitingPayer.containsKey(paymentId)) {
                return confirm(paymentId);
            }
            if (p.method() != Payments.Method.QR) {
                return false;
            }
            paidBy(p, Payments.Wallet.WECHAT);
            return true;
        }
    }

    Optional<Payments.Status> payByQr(String qrCode, Payments.Wallet w) {
        if (qrCode == null || !qrCode.startsWith(QR_BASE)) {
            return Optional.empty();
        }
        synchronized (payments) {
            Payments.Payment p = current(qrCode.substring(QR_BASE.length()));
            if (p == null || p.method() != Payments.Method.QR) {
                return Optional.empty();
            }
            if (p.status() == Payments.Status.WAITING) {
                paidBy(p, w);
            }
            return Optional.of(payments.get(p.paymentId()).status());
        }
    }

    boolean confirm(String paymentId) {
        synchronized (payments) {
            Payments.Payment p = current(paymentId);
            if (p == null || p.status() != Payments.Status.WAITING || !awaitingPayer.containsKey(paymentId)) {
                return false;
            }
            paidBy(p, awaitingPayer.remove(paymentId));
            return true;
        }
    }

    boolean decline(String paymentId) {
        synchronized (payments) {
            Payments.Payment p = current(paymentId);
            if (p == null || p.status() != Payments.Status.WAITING || !awaitingPayer.containsKey(paymentId)) {
                return false;
            }
            settle(p, Payments.Status.FAILED, awaitingPayer.remove(paymentId), Payments.Failure.PAYER_CANCELLED);
            return true;
        }
    }

    /** The platform's staff refund a paid order (at their console, not the kiosk); false when it is not paid. */
    boolean refund(String paymentId) {
        synchronized (payments) {
            Payments.Payment p = current(paymentId);
            if (p == null || p.status() != Payments.Status.PAID) {
                return false;
            }
            settle(p, Payments.Status.REFUNDED, p.wallet(), null);
            return true;
        }
    }

    /** The payer's money goes: paid, unless the due it is for was paid meanwhile (nothing is taken then). */
    private void paidBy(Payments.Payment p, Payments.Wallet w) {
        if (p.dueId() != null && dues.isPaid(p.dueId())) {
            settle(p, Payments.Status.FAILED, w, Payments.Failure.DUE_PAID);
        } else {
            settle(p, Payments.Status.PAID, w, null);
        }
    }

    // --- the kiosk's side ----------------------------------------------------------------------------

    private Reply create(Call c) {
        Payments.Create o = c.body(Payments.Create.class);
        require(
                o.orderRef() != null && o.method() != null && o.amountFen() > 0,
                "orderRef, method and a positive amountFen are required",
                c);
        require(o.itemId() != null || o.dueId() != null, "an itemId or a dueId is required", c);
        int expiry = o.expiresInSeconds() == null ? DEFAULT_EXPIRY_SECONDS : o.expiresInSeconds();
        require(expiry >= 60 && expiry <= DEFAULT_EXPIRY_SECONDS, "expiresInSeconds is 60 to 900", c);
        Payments.Payment p;
        synchronized (payments) {
            String known = byRef.get(c.kioskId() + ":" + o.orderRef());
            if (known != null) { // the kiosk's reference names the order: sent again, it is the same one
                p = current(known);
                if (p.amountFen() != o.amountFen() || p.method() != o.method()) {
                    throw Reply.problem(
                            409,
                            Problem.IDEMPOTENCY_KEY_REUSE,
                            "订单号重复使用",
                            "orderRef " + o.orderRef() + " names another order",
                            c.path());
                }
                return Reply.created(p);
            }
            if (o.dueId() != null) {
                dues.checkPayable(o.dueId(), o.amountFen(), c);
            }
            String id = "PAY"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 16)
                            .toUpperCase(Locale.ROOT);
            p = new Payments.Payment(
                    id,
                    o.orderRef(),
                    o.amountFen(),
                    o.method(),
                    Payments.Status.WAITING,
                    o.method() == Payments.Method.QR ? QR_BASE + id : null,
                    sim.now().plusSeconds(expiry),
                    null,
                    null,
                    null,
                    null,
                    o.dueId());
            payments.put(id, p);
            byRef.put(c.kioskId() + ":" + o.orderRef(), id);
            madeOn.put(id, sim.today());
        }
        sim.applied(c.kioskId(), CREATE, o.orderRef(), "-", 0, Json.mapper().valueToTree(o));
        if (o.method() == Payments.Method.QR) {
            later(p.paymentId(), this::pay);
        }
        return Reply.created(p);
    }

    /**
     * The calling kiosk's orders: by its {@code orderRef} (the one order, 404 when none), or those
     * made on {@code day} (the platform's time zone), oldest first. Another kiosk's orders are
     * never listed.
     */
    private Reply list(Call c) {
        Optional<String> ref = c.queryParam("orderRef");
        boolean byDay = c.queryParam("day").isPresent();
        require(ref.isPresent() != byDay, "either orderRef or day is required, not both", c);
        synchronized (payments) {
            if (ref.isPresent()) {
                String id = byRef.get(c.kioskId() + ":" + ref.get());
                if (id == null) {
                    throw Reply.notFound("an order with orderRef " + ref.get(), c.path());
                }
                return Reply.ok(new Payments.PaymentList(List.of(current(id))));
            }
            LocalDate day = dateParam(c, "day");
            String mine = c.kioskId() + ":";
            List<Payments.Payment> found = new ArrayList<>();
            for (Map.Entry<String, String> e : byRef.entrySet()) {
                if (e.getKey().startsWith(mine) && day.equals(madeOn.get(e.getValue()))) {
                    found.add(current(e.getValue()));
                }
            }
            return Reply.ok(new Payments.PaymentList(found));
        }
    }

    private Reply payment(Call c) throws InterruptedException {
        int wait = (int) longParam(c, "waitSeconds", 0);
        require(wait >= 0 && wait <= 30, "waitSeconds is 0 to 30", c);
        String id = c.param(0);
        long deadline = System.nanoTime() + wait * 1_000_000_000L;
        synchronized (payments) {
            Payments.Payment p = known(id, c);
            while (p.status() == Payments.Status.WAITING && System.nanoTime() < deadline) {
                long ms = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                payments.wait(ms);
                p = known(id, c);
            }
            return Reply.ok(p);
        }
    }

    private Reply cardResult(Call c) {
        Payments.CardResult r = c.body(Payments.CardResult.class);
        synchronized (payments) { // checked and settled at once: two answers cannot both settle it
            Payments.Payment p = known(c.param(0), c);
            if (p.status() != Payments.Status.WAITING) {
                return Reply.ok(p);
            }
            unprocessable(p.method() == Payments.Method.CARD, "the payment is not a card payment", c);
            unprocessable(
                    r.result() != null && r.amountFen() == p.amountFen(),
                    "the card result must be for the order's amount",
                    c);
            if (r.result() == Payments.CardOutcome.APPROVED) {
                // the terminal has taken the money: paid, even for a due paid meanwhile (staff refund that)
                settle(p, Payments.Status.PAID, null, null);
            } else {
                settle(p, Payments.Status.FAILED, null, Payments.Failure.DECLINED);
            }
            return Reply.ok(payments.get(p.paymentId()));
        }
    }

    /**
     * Charges a payment code, once per order: the wallet refuses a code of no wallet's shape or one
     * used before, waits for the payer above {@link Wallet#CONFIRM_FROM_FEN}, else pays; then its
     * faults: the answer unknown, or lost.
     */
    private Reply charge(Call c) {
        require(c.header(Signature.IDEMPOTENCY_KEY).isPresent(), "a charge takes an Idempotency-Key", c);
        Payments.Charge body = c.body(Payments.Charge.class);
        String code = body.paymentCode() == null ? "" : body.paymentCode().strip();
        require(!code.isEmpty(), "paymentCode is required", c);
        Payments.ChargeOutcome outcome;
        Payments.Payment answer;
        boolean lose;
        boolean waits;
        String id = c.param(0);
        synchronized (payments) {
            Payments.Payment p = known(id, c);
            unprocessable(p.method() == Payments.Method.PAYMENT_CODE, "only a PAYMENT_CODE order is charged", c);
            if (charged.contains(id)) {
                throw Reply.problem(
                        409,
                        Problem.ALREADY_CHARGED,
                        "订单已扣款",
                        "payment " + id + " was charged before: query it, never charge it twice",
                        c.path());
            }
            unprocessable(p.status() == Payments.Status.WAITING, "payment " + id + " is " + p.status(), c);
            charged.add(id);
            Optional<Payments.Wallet> w = Wallet.of(code);
            boolean fresh = codesUsed.add(Signature.sha256Hex(code.getBytes(StandardCharsets.US_ASCII)));
            if (w.isEmpty() || !fresh) {
                settle(p, Payments.Status.FAILED, w.orElse(null), Payments.Failure.CODE_INVALID);
            } else if (wallet.payerNeverConfirms() || p.amountFen() >= Wallet.CONFIRM_FROM_FEN) {
                awaitingPayer.put(id, w.get());
            } else {
                paidBy(p, w.get());
            }
            Payments.Payment now = payments.get(id);
            if (wallet.takeUnknownAnswer()) {
                outcome = Payments.ChargeOutcome.UNKNOWN;
                answer = p; // as the platform knew it before the wallet's lost answer
            } else {
                outcome = switch (now.status()) {
                    case PAID -> Payments.ChargeOutcome.PAID;
                    case WAITING -> Payments.ChargeOutcome.WAITING;
                    default -> Payments.ChargeOutcome.FAILED;
                };
                answer = now;
            }
            lose = wallet.takeLostAnswer();
            waits = awaitingPayer.containsKey(id);
        }
        sim.applied(
                c.kioskId(),
                CHARGE,
                id,
                "-",
                0,
                Json.mapper().createObjectNode().put("paymentId", id).put("outcome", outcome.name()));
        if (waits) {
            later(id, this::confirm);
        }
        Reply reply = Reply.ok(new Payments.Charged(outcome, answer));
        return lose ? reply.lose() : reply;
    }

    private Reply close(Call c) {
        synchronized (payments) {
            Payments.Payment p = known(c.param(0), c);
            if (p.status() == Payments.Status.WAITING) {
                settle(p, Payments.Status.CLOSED, null, null);
                sim.applied(
                        c.kioskId(), CLOSE, p.paymentId(), "-", 0, Json.mapper().createObjectNode());
            }
            return Reply.ok(payments.get(p.paymentId()));
        }
    }

    /**
     * Reverses an order: paid, it is paid back ({@code REVERSED}); waiting, it is closed; settled
     * otherwise, it is answered as it stands. A card order is the kiosk's report that it reversed
     * the sale on its terminal: the money went back there, the order is {@code REVERSED} (a due it
     * paid is due again). The wallet may fail a wallet order's reversal on command (retryable).
     */
    private Reply reverse(Call c) {
        synchronized (payments) {
            Payments.Payment p = known(c.param(0), c);
            if (p.status() != Payments.Status.WAITING && p.status() != Payments.Status.PAID) {
                return Reply.ok(p);
            }
            if (p.method() != Payments.Method.CARD && wallet.takeFailedReversal()) {
                Reply.Failure f = Reply.problem(
                        503, Problem.UNAVAILABLE, "支付渠道暂不可用", "the wallet did not answer the reversal", c.path());
                f.reply.header("Retry-After", "1");
                throw f;
            }
            settle(
                    p,
                    p.status() == Payments.Status.PAID ? Payments.Status.REVERSED : Payments.Status.CLOSED,
                    p.wallet(),
                    null);
            sim.applied(
                    c.kioskId(), REVERSE, p.paymentId(), "-", 0, Json.mapper().createObjectNode());
            return Reply.ok(payments.get(p.paymentId()));
        }
    }

    // --- the orders ----------------------------------------------------------------------------------

    /** The order as it stands now (closed once past its expiry unpaid), or null. Holds the monitor. */
    private Payments.Payment current(String id) {
        synchronized (payments) {
            Payments.Payment p = payments.get(id);
            if (p != null && p.status() == Payments.Status.WAITING && sim.now().isAfter(p.expiresAt())) {
                awaitingPayer.remove(id);
                settle(p, Payments.Status.CLOSED, null, null);
                p = payments.get(id);
            }
            return p;
        }
    }

    private Payments.Payment known(String id, Call c) {
        Payments.Payment p = current(id);
        if (p == null) {
            throw Reply.notFound("payment " + id, c.path());
        }
        return p;
    }

    /**
     * The order settled: paid (when, the receipt number, by which wallet), failed (why), closed,
     * reversed or refunded (as paid before). A due paid, or paid back, is told; waiters are woken.
     */
    private void settle(Payments.Payment p, Payments.Status status, Payments.Wallet w, Payments.Failure failure) {
        synchronized (payments) {
            boolean paid = status == Payments.Status.PAID;
            boolean paidBack = status == Payments.Status.REVERSED || status == Payments.Status.REFUNDED;
            String receipt = paid
                    ? "R" + sim.today().toString().replace("-", "")
                            + p.paymentId().substring(3, 11)
                    : paidBack ? p.receiptNo() : null;
            Payments.Payment next = new Payments.Payment(
                    p.paymentId(),
                    p.orderRef(),
                    p.amountFen(),
                    p.method(),
                    status,
                    p.qrCode(),
                    p.expiresAt(),
                    paid ? sim.now() : paidBack ? p.paidAt() : null,
                    receipt,
                    w,
                    failure,
                    p.dueId());
            payments.put(p.paymentId(), next);
            awaitingPayer.remove(p.paymentId());
            if (next.dueId() != null && paid) {
                dues.paid(next);
            } else if (next.dueId() != null && paidBack) {
                dues.unpaid(next);
            }
            payments.notifyAll();
        }
    }

    /** In demo mode, what the payer does after a while: {@code action} on the order, unless the payer never does. */
    private void later(String paymentId, Consumer<String> action) {
        autoPay.filter(d -> !wallet.payerNeverConfirms()).ifPresent(d -> {
            Thread t = new Thread(
                    () -> {
                        try {
                            Thread.sleep(d.toMillis());
                            if (!wallet.payerNeverConfirms()) {
                                action.accept(paymentId);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "sim-autopay");
            t.setDaemon(true);
            t.start();
        });
    }
}
