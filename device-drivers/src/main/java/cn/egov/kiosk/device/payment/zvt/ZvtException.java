package cn.egov.kiosk.device.payment.zvt;

/** The peer did not acknowledge a message, sent again as often as ZVT allows. */
final class ZvtException extends Exception {
    private static final long serialVersionUID = 1L;

    ZvtException(String message) {
        super(message);
    }
}
