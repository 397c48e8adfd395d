package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Payments;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wallets behind QR payments, as the simulator plays them: the payer's phone (scanning the
 * kiosk's QR code and paying, confirming a charge that waits for the password, cancelling it) and
 * the wallet's misbehaviour on command. Counted faults apply to the next charges or reversals; a
 * payer who never confirms applies until cleared.
 *
 * <p>What a wallet does with a charge, without faults: a payment code of none of the wallets'
 * published shapes, or one charged before, is refused ({@code CODE_INVALID}); an amount of {@link
 * #CONFIRM_FROM_FEN} or more waits for the payer to confirm on the phone; anything else is paid at
 * once.
 */
public final class Wallet {
    /** From this amount (¥1000) the payer confirms a charge on the phone, as wallets ask a password. */
    public static final long CONFIRM_FROM_FEN = 100_000;

    private final PaymentsResource payments;
    private volatile boolean payerNeverConfirms;
    private final AtomicInteger unknownAnswers = new AtomicInteger();
    private final AtomicInteger lostAnswers = new AtomicInteger();
    private final AtomicInteger failedReversals = new AtomicInteger();

    Wallet(PaymentsResource payments) {
        this.payments = payments;
    }

    // --- the payer's phone ------------------------------------------------------------------------

    /**
     * The payer scans the kiosk's QR code with {@code wallet}'s app and pays: the order it names is
     * paid if it is a {@code QR} order still waiting. The order's status after, or empty when the
     * code names no order of this platform.
     */
    public Optional<Payments.Status> scanAndPay(String qrCode, Payments.Wallet wallet) {
        return payments.payByQr(qrCode, wallet);
    }

    /** The payer confirms a charge that waits on the phone; false when none waits. */
    public boolean confirm(String paymentId) {
        return payments.confirm(paymentId);
    }

    /**
     * The payer cancels a charge that waits on the phone (the order fails, {@code
     * PAYER_CANCELLED}); false when none waits. A QR code the payer does not pay simply stays
     * unpaid until the kiosk closes the order or it expires.
     */
    public boolean decline(String paymentId) {
        return payments.decline(paymentId);
    }

    // --- faults -----------------------------------------------------------------------------------

    /** Every charge waits for a payer who never confirms, and nothing is paid by itself (demo mode). */
    public Wallet payerNeverConfirms(boolean never) {
        payerNeverConfirms = never;
        return this;
    }

    /**
     * The next {@code n} charges are carried out (paid, or waiting for the payer) but answered
     * {@code UNKNOWN}: the wallet's answer did not reach the platform in time.
     */
    public Wallet unknownAnswers(int n) {
        unknownAnswers.set(n);
        return this;
    }

    /** The next {@code n} charges are carried out and their answer lost on the way: the connection drops. */
    public Wallet loseAnswers(int n) {
        lostAnswers.set(n);
        return this;
    }

    /** The next {@code n} reversals fail ({@code 503}, retryable) without doing anything. */
    public Wallet failReversals(int n) {
        failedReversals.set(n);
        return this;
    }

    /** Back to well-behaved wallets and payers. */
    public Wallet clear() {
        payerNeverConfirms = false;
        unknownAnswers.set(0);
        lostAnswers.set(0);
        failedReversals.set(0);
        return this;
    }

    boolean payerNeverConfirms() {
        return payerNeverConfirms;
    }

    boolean takeUnknownAnswer() {
        return Faults.take(unknownAnswers);
    }

    boolean takeLostAnswer() {
        return Faults.take(lostAnswers);
    }

    boolean takeFailedReversal() {
        return Faults.take(failedReversals);
    }

    /**
     * The wallet whose payment code this is, by the published shapes (WeChat Pay 18 digits beginning
     * 10 to 15; Alipay 16 to 24 digits beginning 25 to 30; UnionPay 19 digits beginning 62); empty
     * for none.
     */
    static Optional<Payments.Wallet> of(String code) {
        if (code == null || !code.matches("\\d{16,24}")) {
            return Optional.empty();
        }
        int head = Integer.parseInt(code.substring(0, 2));
        int n = code.length();
        if (n == 18 && head >= 10 && head <= 15) {
            return Optional.of(Payments.Wallet.WECHAT);
        }
        if (head >= 25 && head <= 30) {
            return Optional.of(Payments.Wallet.ALIPAY);
        }
        if (n == 19 && head == 62) {
            return Optional.of(Payments.Wallet.UNIONPAY);
        }
        return Optional.empty();
    }
}
