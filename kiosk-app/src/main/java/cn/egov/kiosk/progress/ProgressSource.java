package cn.egov.kiosk.progress;

import cn.egov.kiosk.platform.api.Applications;
import java.util.List;

/**
 * The platform's answer on applications' progress ({@code POST /v1/progress/search}). Searches by
 * person carry the ID number in the request body, never in a URL. Blocks on the network: call it
 * off the JavaFX thread.
 */
public interface ProgressSource {

    /** The applications of the person with this ID number, as the platform has them; empty for none. */
    List<Applications.Progress> ofApplicant(String idNumber) throws Unreachable;

    /**
     * The application a receipt's query code names (the platform's number, or the kiosk's reference
     * of one made while the platform was away); empty when the platform knows no such code.
     */
    List<Applications.Progress> ofQueryCode(String queryCode) throws Unreachable;

    /** The platform cannot be asked now (away, or refusing this kiosk): nothing is known of it. */
    final class Unreachable extends Exception {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
