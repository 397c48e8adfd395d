package cn.egov.kiosk.admin;

import java.util.Optional;

/**
 * What a new PIN must be: 6 to 8 digits, and not one a stranger tries first (one digit repeated,
 * {@code 111111}; a straight run up or down, {@code 123456}, {@code 654321}, {@code 789012}).
 */
public final class PinRules {
    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 8;

    /** Why a PIN is refused. */
    public enum Problem {
        /** Fewer than 6 or more than 8 characters. */
        LENGTH,
        /** A character that is not a digit. */
        NOT_DIGITS,
        /** One digit repeated. */
        ALL_SAME,
        /** Digits going up or down by one ({@code 123456}, {@code 876543}). */
        STRAIGHT_RUN,
        /** The other role's PIN (checked by {@link AdminGate}: the PIN decides the role). */
        SAME_AS_OTHER_ROLE
    }

    private PinRules() {}

    /** Empty when {@code pin} may be used, else why not. Reads the characters; keeps none. */
    public static Optional<Problem> check(CharSequence pin) {
        if (pin == null || pin.length() < MIN_DIGITS || pin.length() > MAX_DIGITS) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < pin.length(); i++) {
            char c = pin.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of(Problem.NOT_DIGITS);
            }
        }
        if (allSteps(pin, 0)) {
            return Optional.of(Problem.ALL_SAME);
        }
        if (allSteps(pin, 1) || allSteps(pin, 9)) {
            return Optional.of(Problem.STRAIGHT_RUN);
        }
        return Optional.empty();
    }

    /** Whether {@code check} accepts the PIN. */
    public static boolean acceptable(CharSequence pin) {
        return check(pin).isEmpty();
    }

    /** Whether each digit is the one before plus {@code step}, modulo 10 (9 is a step down). */
    private static boolean allSteps(CharSequence pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if ((pin.charAt(i - 1) - '0' + step) % 10 != pin.charAt(i) - '0') {
                return false;
            }
        }
        return true;
    }
}
