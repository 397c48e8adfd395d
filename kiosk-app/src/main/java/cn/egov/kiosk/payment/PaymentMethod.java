package cn.egov.kiosk.payment;

/** How a payment is made. */
public enum PaymentMethod {
    /** A bank card on the kiosk's terminal. */
    CARD,
    /** 主扫: the kiosk shows the platform's QR code and the citizen's phone pays it. */
    QR_SHOWN,
    /** 被扫: the kiosk's scanner reads the citizen's payment code and the platform charges it. */
    QR_SCANNED;

    /** Whether the money moves through the platform (a wallet) rather than the card terminal. */
    public boolean qr() {
        return this != CARD;
    }
}
