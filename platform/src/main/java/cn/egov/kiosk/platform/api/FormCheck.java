package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of a kiosk form's values ({@link Catalogue.Form}), the same on both sides: the kiosk
 * tells the citizen before anything is sent, the platform refuses what would not pass. Checking never
 * changes the text; {@link #normalise} gives the value as it is sent (trimmed, upper-case X...).
 */
public final class FormCheck {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    /** 1[3-9] and nine digits. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** An area code (0 and two or three digits), the number (seven or eight digits), an extension. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[2-9]\\d{6,7}(-\\d{1,6})?");

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    /** Han characters, letters, the middle dots of transcribed names, spaces. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{IsAlphabetic}·•．.\\- ]+");

    private FormCheck() {}

    /** What is wrong with {@code text} as the value of {@code field}; empty when nothing is. */
    public static Optional<FieldProblem> check(Catalogue.Field field, String text) {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            return field.required() ? Optional.of(FieldProblem.REQUIRED) : Optional.empty();
        }
        if (field.maxLength() > 0 && v.codePointCount(0, v.length()) > field.maxLength()) {
            return Optional.of(FieldProblem.TOO_LONG);
        }
        return switch (field.type()) {
            case TEXT, ADDRESS -> Optional.empty();
            case NAME -> NAME.matcher(v).matches() ? Optional.empty() : Optional.of(FieldProblem.NAME_CHARACTERS);
            case ID_NUMBER -> idNumber(v);
            case CREDIT_CODE -> creditCode(v);
            case PHONE -> phone(v);
            case DATE -> date(v).isPresent() ? Optional.empty() : Optional.of(dateProblem(v));
            case NUMBER -> NUMBER.matcher(v).matches() ? Optional.empty() : Optional.of(FieldProblem.NUMBER);
            case CHOICE ->
                field.choices().stream().anyMatch(c -> c.value().equals(v))
                        ? Optional.empty()
                        : Optional.of(FieldProblem.NOT_A_CHOICE);
        };
    }

    /**
     * Every field's problem, in the form's order. A field the card filled in ({@link
     * Catalogue.Prefill#CARD_ID_NUMBER}) that holds the applicant's own number is the card's, not
     * checked as a citizen ID number: a foreign permanent resident card's number has another shape.
     *
     * @param values the form as submitted: a missing or null value is empty
     */
    public static Map<String, FieldProblem> check(Catalogue.Form form, JsonNode values, String applicantNumber) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        for (Catalogue.Field f : form.fields()) {
            JsonNode n = values == null ? null : values.get(f.id());
            String v = n == null || n.isNull() ? "" : n.asText();
            if (f.prefill() == Catalogue.Prefill.CARD_ID_NUMBER
                    && applicantNumber != null
                    && v.strip().equalsIgnoreCase(applicantNumber)) {
                continue;
            }
            check(f, v).ifPresent(p -> problems.put(f.id(), p));
        }
        return problems;
    }

    /** The value as it is sent: trimmed; ID numbers and credit codes upper-case, phones without spaces, days {@code yyyy-MM-dd}. */
    public static String normalise(Catalogue.Field field, String text) {
        String v = text == null ? "" : text.strip();
        return switch (field.type()) {
            case ID_NUMBER, CREDIT_CODE -> v.toUpperCase(Locale.ROOT);
            case PHONE -> v.replace(" ", "");
            case DATE -> date(v).map(LocalDate::toString).orElse(v);
            default -> v;
        };
    }

    /** The citizen ID number's problem: length, characters, birth date, check character (lower-case x accepted). */
    public static Optional<FieldProblem> idNumber(String v) {
        if (v.length() != 18) {
            return Optional.of(FieldProblem.ID_NUMBER_LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (!digit(v.charAt(i))) {
                return Optional.of(FieldProblem.ID_NUMBER_CHARACTERS);
            }
        }
        char last = Character.toUpperCase(v.charAt(17));
        if (!digit(last) && last != 'X') {
            return Optional.of(FieldProblem.ID_NUMBER_CHARACTERS);
        }
        Optional<LocalDate> born = day(v.substring(6, 10), v.substring(10, 12), v.substring(12, 14));
        if (born.isEmpty() || born.get().getYear() < 1900) {
            return Optional.of(FieldProblem.ID_NUMBER_BIRTH_DATE);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == last ? Optional.empty() : Optional.of(FieldProblem.ID_NUMBER_CHECK);
    }

    /** The unified social credit code's problem (lower-case letters are read as upper-case). */
    public static Optional<FieldProblem> creditCode(String v) {
        if (v.length() != 18) {
            return Optional.of(FieldProblem.CREDIT_CODE_LENGTH);
        }
        String upper = v.toUpperCase(Locale.ROOT);
        for (int i = 0; i < 18; i++) {
            if (CreditCodes.ALPHABET.indexOf(upper.charAt(i)) < 0) {
                return Optional.of(FieldProblem.CREDIT_CODE_CHARACTERS);
            }
        }
        return CreditCodes.valid(upper) ? Optional.empty() : Optional.of(FieldProblem.CREDIT_CODE_CHECK);
    }

    /** A mainland mobile number (11 digits, 1[3-9]...) or a landline with its area code (010-64015110). */
    public static Optional<FieldProblem> phone(String v) {
        String p = v.replace(" ", "");
        return MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches()
                ? Optional.empty()
                : Optional.of(FieldProblem.PHONE);
    }

    /** The day written {@code yyyy-MM-dd} (or {@code yyyyMMdd}), if it is one. */
    public static Optional<LocalDate> date(String v) {
        var m = DATE.matcher(v.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return m.group(1) != null ? day(m.group(1), m.group(2), m.group(3)) : day(m.group(4), m.group(5), m.group(6));
    }

    private static FieldProblem dateProblem(String v) {
        return DATE.matcher(v).matches() ? FieldProblem.DATE_NOT_REAL : FieldProblem.DATE_FORMAT;
    }

    private static Optional<LocalDate> day(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
