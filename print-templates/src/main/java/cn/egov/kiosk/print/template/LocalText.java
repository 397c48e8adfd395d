package cn.egov.kiosk.print.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A template text in one or several languages ({@code {zh-CN: 受理回执, en: Acceptance receipt}}):
 * the citizen's language, else its language without the country, else the first given.
 */
public record LocalText(Map<String, Expr> byTag) {
    public LocalText {
        if (byTag.isEmpty()) {
            throw new IllegalArgumentException("a text in at least one language");
        }
        byTag = Collections.unmodifiableMap(new LinkedHashMap<>(byTag));
    }

    /** The same text in every language. */
    public static LocalText of(Expr expr) {
        return new LocalText(Map.of("", expr));
    }

    public Expr in(Locale locale) {
        Expr exact = byTag.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Expr> e : byTag.entrySet()) {
            if (Locale.forLanguageTag(e.getKey()).getLanguage().equals(locale.getLanguage())) {
                return e.getValue();
            }
        }
        return byTag.values().iterator().next();
    }

    /** Every language's text, for checks at load time. */
    public Iterable<Expr> all() {
        return byTag.values();
    }

    public String evaluate(Scope scope, Locale locale) {
        return in(locale).evaluate(scope, locale);
    }
}
