package cn.egov.kiosk.speech;

/**
 * Speech could not be made: the engine is missing, failed or took too long. The message is for
 * engineers and logs and never holds the text that was to be spoken.
 */
public final class SpeechException extends Exception {
    private static final long serialVersionUID = 1L;

    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
