package cn.egov.kiosk.device.idcard;

/**
 * The citizen ID number's check character: ISO 7064 MOD 11-2 over the first 17 digits, weights
 * {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2}, check {@code "10X98765432"[sum mod 11]}. Also holds
 * for the 18-digit numbers of residence permits and the 2023 foreign permanent resident card.
 */
public final class IdNumbers {
    private IdNumbers() {}

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("17 digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Whether an 18-character number is well formed and its check character right. */
    public static boolean valid(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        String head = number.substring(0, 17);
        if (!head.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkCharacter(head) == Character.toUpperCase(number.charAt(17));
    }
}
