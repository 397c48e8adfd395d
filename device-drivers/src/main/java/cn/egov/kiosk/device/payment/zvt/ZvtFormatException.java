package cn.egov.kiosk.device.payment.zvt;

/**
 * Bytes that are not what ZVT says they should be: an APDU whose length field disagrees with its
 * size, a BCD nibble above 9, a field cut short. The message says where, never what (a field may
 * hold a card number).
 */
final class ZvtFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ZvtFormatException(String message) {
        super(message);
    }
}
