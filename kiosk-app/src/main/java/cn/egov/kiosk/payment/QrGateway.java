package cn.egov.kiosk.payment;

/**
 * Wallet payments through the platform, which holds the merchant keys (the kiosk's port; an adapter
 * over the platform client implements it). The kiosk's {@code orderRef} is the platform's
 * idempotency key: an order whose creation was not answered is found again by it ({@code paymentId}
 * is then null). No call throws for a platform that does not answer: that is {@link
 * GatewayOutcome#UNKNOWN}; one that throws anyway is taken as UNKNOWN.
 */
public interface QrGateway {

    /**
     * 主扫: creates the order and its QR code ({@link GatewayOutcome#WAITING} with the content).
     * {@code dueId} is the order's ({@link DueRef}: an insurance due or an application's fee).
     */
    QrAnswer create(String orderRef, String serviceId, String dueId, long amountFen, String description);

    /**
     * 被扫: charges the citizen's payment code: APPROVED, DECLINED, WAITING (the payer confirms on
     * the phone) or UNKNOWN. Never called twice for one order: an unclear answer is queried.
     */
    QrAnswer charge(
            String orderRef, String serviceId, String dueId, long amountFen, String description, String payerCode);

    /** Where the order stands now. */
    QrAnswer query(String orderRef, String paymentId);

    /**
     * Closes an unpaid order (CLOSED); an order paid in the meantime is answered APPROVED, and the
     * kiosk goes on as for a payment.
     */
    QrAnswer close(String orderRef, String paymentId);

    /**
     * Gives the money back: cancels an order whose charge is unclear (REVERSED, or CLOSED when nothing
     * was paid), refunds a paid one (REFUNDED); NOT_POSSIBLE when the platform refuses.
     */
    QrAnswer reverse(String orderRef, String paymentId);

    /**
     * Wallet payments where there is no platform: no order is made ({@link GatewayOutcome#NOT_POSSIBLE}),
     * no code charged ({@link GatewayOutcome#CLOSED}), nothing known of an order (UNKNOWN: a payment
     * left in doubt by a kiosk that had a platform waits for it, and goes to staff).
     */
    static QrGateway unavailable(String why) {
        return new QrGateway() {
            @Override
            public QrAnswer create(
                    String orderRef, String serviceId, String dueId, long amountFen, String description) {
                return new QrAnswer(GatewayOutcome.NOT_POSSIBLE, null, null, null, 0, null, why);
            }

            @Override
            public QrAnswer charge(
                    String orderRef,
                    String serviceId,
                    String dueId,
                    long amountFen,
                    String description,
                    String payerCode) {
                return new QrAnswer(GatewayOutcome.CLOSED, null, null, null, 0, null, why);
            }

            @Override
            public QrAnswer query(String orderRef, String paymentId) {
                return QrAnswer.unknown(why);
            }

            @Override
            public QrAnswer close(String orderRef, String paymentId) {
                return QrAnswer.unknown(why);
            }

            @Override
            public QrAnswer reverse(String orderRef, String paymentId) {
                return QrAnswer.unknown(why);
            }
        };
    }
}
