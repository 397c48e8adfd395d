package cn.egov.kiosk.payment;

/** The kiosk dying (a power cut, SIGKILL) at a chosen point: an Error, which nothing in the payments catches. */
final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
        super("crash " + where);
    }
}
