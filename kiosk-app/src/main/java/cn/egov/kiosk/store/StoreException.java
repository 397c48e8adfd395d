package cn.egov.kiosk.store;

/** The local store failed: the database file is unreadable, full, locked or damaged. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
