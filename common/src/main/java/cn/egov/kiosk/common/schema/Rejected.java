package cn.egov.kiosk.common.schema;

/**
 * Thrown by a {@link Schema} when a value cannot be used; what was wrong has already been reported
 * to the {@link Reading}. It carries nothing and has no stack trace: it only unwinds to the mapping
 * or list that holds the value, which then cannot be used either.
 */
public final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final Rejected INSTANCE = new Rejected();

    private Rejected() {
        super("rejected (the problems were reported)", null, false, false);
    }
}
