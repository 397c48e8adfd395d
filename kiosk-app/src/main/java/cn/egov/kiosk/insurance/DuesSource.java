package cn.egov.kiosk.insurance;

import cn.egov.kiosk.platform.api.InsuranceDues;
import java.util.List;

/**
 * The platform's answer on a citizen's social insurance dues ({@code POST /v1/insurance-dues/search}):
 * the ID number goes in the request's body, never in a URL or a log. Blocks on the network: call it
 * off the JavaFX thread.
 */
public interface DuesSource {

    /** The dues of the person with this ID number, by scheme and year; empty for someone in no scheme. */
    List<InsuranceDues.Due> of(String idNumber) throws Unreachable;

    /** The platform cannot be asked now (away, or refusing this kiosk): nothing is known of the dues. */
    final class Unreachable extends Exception {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
