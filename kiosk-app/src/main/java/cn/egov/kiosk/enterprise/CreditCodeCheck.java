package cn.egov.kiosk.enterprise;

import cn.egov.kiosk.platform.api.CreditCodes;
import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code as a citizen typed it, checked before the register is asked (GB
 * 32100-2015): 18 characters, each a digit or one of the 21 capitals the standard uses (never I, O,
 * S, V or Z), the last a check character over the first 17. What is wrong is said precisely, so that
 * the screen can tell the citizen which part to look at again.
 */
public final class CreditCodeCheck {
    /** The characters of a credit code, in the order of their values (GB 32100-2015, table 1). */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static final int LENGTH = 18;

    private CreditCodeCheck() {}

    /** What is wrong with a typed code. */
    public enum Problem {
        /** Not 18 characters. */
        LENGTH,
        /** A character that is never in a credit code (a letter I, O, S, V, Z; a sign). */
        CHARACTER,
        /** 18 good characters, but the last is not the check character of the first 17. */
        CHECK_CHARACTER
    }

    /**
     * What is wrong: the problem, and for {@link Problem#CHARACTER} the first such character and its
     * place (1 to 18); for {@link Problem#LENGTH} how many characters there are.
     */
    public record Fault(Problem problem, int position, String character, int length) {}

    /** The code as the register knows it: capitals, without the spaces a citizen may type between groups. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * What is wrong with the code (after {@link #normalise}); empty when it is a valid credit code. A
     * wrong character is said before a wrong length (it is what the citizen must change), and the
     * check character last (it can only be judged on 18 good characters).
     */
    public static Optional<Fault> check(String typed) {
        String code = normalise(typed);
        int at = 0;
        while (at < code.length()) {
            int cp = code.codePointAt(at);
            if (cp > 0xFFFF || ALPHABET.indexOf(cp) < 0) {
                int position = code.codePointCount(0, at) + 1;
                return Optional.of(new Fault(Problem.CHARACTER, position, Character.toString(cp), length(code)));
            }
            at += Character.charCount(cp);
        }
        if (code.length() != LENGTH) {
            return Optional.of(new Fault(Problem.LENGTH, 0, "", code.length()));
        }
        if (!CreditCodes.valid(code)) {
            return Optional.of(new Fault(Problem.CHECK_CHARACTER, LENGTH, code.substring(17), LENGTH));
        }
        return Optional.empty();
    }

    private static int length(String code) {
        return code.codePointCount(0, code.length());
    }
}
