package cn.egov.kiosk.payment;

/**
 * Card numbers as the kiosk may keep, show or print them: the first 6 and the last 4 digits at most
 * (PCI DSS), the rest as {@code *}. A number that a terminal already masked is kept as it came when
 * it shows no more than that.
 */
public final class CardMask {
    private CardMask() {}

    /** The number with no more than its first 6 and last 4 digits shown. */
    public static String mask(String number) {
        String s = number.strip().replace(" ", "");
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                digits++;
            }
        }
        if (digits <= 10 && s.length() > digits) {
            return s; // masked already (622202******1234), or too short to be a card number
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean shown = i < 6 || i >= s.length() - 4;
            out.append(shown || !Character.isDigit(c) ? c : '*');
        }
        return out.toString();
    }
}
