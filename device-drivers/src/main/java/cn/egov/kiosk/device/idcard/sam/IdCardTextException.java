package cn.egov.kiosk.device.idcard.sam;

/**
 * A card's data that cannot be decoded: a text block or read response with a field that is not
 * what the card layout says. The message names the field and the problem, never the field's value
 * (it is personal data), so it may be logged and shown to an engineer.
 */
public final class IdCardTextException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    IdCardTextException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field at fault ({@code idNumber}, {@code birthDate}...; {@code lengths} for a response). */
    public String field() {
        return field;
    }

    /** What is wrong with it, without its value. */
    public String problem() {
        return problem;
    }
}
