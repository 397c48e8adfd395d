package cn.egov.kiosk.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * What a print carried, kept for a while so that staff can print it again from its record (the
 * print record itself never holds the content). An implementation keeps personal data sealed, and
 * may keep nothing for a template whose documents come again from elsewhere (a licence, from the
 * platform).
 */
public interface PrintContent {
    /** A print's content as kept: its template, the data and the language it was printed in. */
    record Kept(String template, JsonNode data, Locale locale) {
        @Override
        public String toString() {
            return "Kept[" + template + ", " + locale.toLanguageTag() + "]"; // never the data
        }
    }

    /** Keeps what {@code record}'s print carried (a first print, printed or not). Quick; must not throw. */
    void keep(PrintRecord record, JsonNode data, Locale locale);

    /** What the print of {@code printId} carried, if it is still kept. */
    Optional<Kept> kept(String printId);

    /** Whether the content of the print of {@code printId} is still kept (nothing is opened). */
    boolean has(String printId);

    /** Keeps nothing. */
    PrintContent NONE = new PrintContent() {
        @Override
        public void keep(PrintRecord record, JsonNode data, Locale locale) {}

        @Override
        public Optional<Kept> kept(String printId) {
            return Optional.empty();
        }

        @Override
        public boolean has(String printId) {
            return false;
        }
    };
}
