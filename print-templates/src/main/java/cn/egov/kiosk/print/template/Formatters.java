package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.privacy.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The formatters a placeholder can go through, left to right: {@code {applicant.idNumber|maskId}}.
 * Personal data is masked here, by the template, never by the code that hands over the data.
 *
 * <ul>
 *   <li>{@code maskName} 张*三, {@code maskId} 110105********1234, {@code maskPhone} 138****5678,
 *       {@code maskAddress} 北京市东城区****; {@code full}: on purpose in full (the holder's name on
 *       a licence), which the template must then say.
 *   <li>{@code date}, {@code datetime}: an ISO date or date-time in the language's form (2026年11月28日,
 *       2026-11-28), or with a pattern: {@code date:yyyy.MM.dd}.
 *   <li>{@code money}: an amount in fen as ¥12.50.
 *   <li>{@code default:TEXT}: TEXT when the value is missing or empty; {@code upper}.
 *   <li>{@code choice:0#nobody|1#one person|1<{0} people}: a text by number (Java's ChoiceFormat).
 * </ul>
 */
public final class Formatters {
    /** The formatters that make a personal value fit for paper. */
    public static final Set<String> MASKS = Set.of("maskName", "maskId", "maskPhone", "maskAddress", "full");

    private static final List<String> NAMES = List.of(
            "maskName",
            "maskId",
            "maskPhone",
            "maskAddress",
            "full",
            "date",
            "datetime",
            "money",
            "default",
            "upper",
            "choice");

    private Formatters() {}

    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    static List<String> names() {
        return NAMES;
    }

    /** The placeholder's value in the scope, through its formatters; empty when missing. */
    static String apply(Expr.Placeholder placeholder, Scope scope, Locale locale) {
        String value = text(scope.get(placeholder.path()));
        for (Expr.Call call : placeholder.calls()) {
            value = apply(call, value, locale);
        }
        return value;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String apply(Expr.Call call, String value, Locale locale) {
        String arg = call.argument().orElse(null);
        return switch (call.name()) {
            case "maskName" -> Masking.name(value);
            case "maskId" -> Masking.idNumber(value);
            case "maskPhone" -> Masking.phone(value);
            case "maskAddress" -> Masking.address(value);
            case "full", "default" -> value.isEmpty() && arg != null ? arg : value;
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "date" -> date(value, arg, locale, false);
            case "datetime" -> date(value, arg, locale, true);
            case "money" -> money(value);
            case "choice" -> choice(value, arg, locale);
            default -> throw new IllegalStateException("formatter " + call.name());
        };
    }

    private static String date(String value, String pattern, Locale locale, boolean withTime) {
        if (value.isEmpty()) {
            return "";
        }
        boolean chinese = locale.getLanguage().equals("zh");
        String p = pattern != null
                ? pattern
                : withTime
                        ? (chinese ? "yyyy年M月d日 HH:mm" : "yyyy-MM-dd HH:mm")
                        : (chinese ? "yyyy年M月d日" : "yyyy-MM-dd");
        DateTimeFormatter f = DateTimeFormatter.ofPattern(p, locale);
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).format(f);
            }
            try {
                return OffsetDateTime.parse(value).toLocalDateTime().format(f);
            } catch (DateTimeParseException notOffset) {
                return LocalDateTime.parse(value).format(f);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return value; // not a date: as given, rather than nothing
        }
    }

    private static String choice(String value, String pattern, Locale locale) {
        try {
            double n = Double.parseDouble(value);
            return new MessageFormat("{0,choice," + pattern + "}", locale)
                    .format(new Object[] {n == Math.rint(n) ? (Object) (long) n : (Object) n});
        } catch (NumberFormatException | NullPointerException e) {
            return value;
        }
    }

    private static String money(String value) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            return "¥"
                    + new BigDecimal(value)
                            .movePointLeft(2)
                            .setScale(2, RoundingMode.HALF_UP)
                            .toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
