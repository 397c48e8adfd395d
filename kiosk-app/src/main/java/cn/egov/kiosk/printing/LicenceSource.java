package cn.egov.kiosk.printing;

import cn.egov.kiosk.identity.Identity;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Where a citizen's licences come from, to print at the kiosk: the cloud platform (its issue), or
 * in demo mode the example licence made out to whoever signed in. Blocks: call it off the JavaFX
 * thread.
 */
public interface LicenceSource {

    /** A licence ready to print: its template, title, data and the reference that finds it again. */
    record Licence(String template, String title, JsonNode data, String reference) {
        public Licence {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String toString() {
            return "Licence[" + template + ", " + reference + "]"; // the data is personal
        }
    }

    /**
     * The licences of the citizen that can be printed now; empty when there are none.
     *
     * @throws UnavailableException when the source (the platform) cannot be asked now
     */
    List<Licence> licencesOf(Identity citizen);

    /** The source cannot be asked now (the platform cannot be reached). */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No source of licences (no platform yet): every citizen is told there is nothing to print. */
    LicenceSource NONE = citizen -> List.of();
}
