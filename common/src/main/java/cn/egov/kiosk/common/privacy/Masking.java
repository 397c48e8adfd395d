package cn.egov.kiosk.common.privacy;

/** How personal data is shown where it must be shown at all: on screen, on paper, in a log line. */
public final class Masking {
    private Masking() {}

    /** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明; Latin names keep the first letter. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** 110105194912310021 → 110105********0021: the region and the last four stay. */
    public static String idNumber(String number) {
        if (number == null) {
            return "";
        }
        if (number.length() <= 8) {
            return "*".repeat(number.length());
        }
        int keepHead = Math.min(6, number.length() - 4);
        return number.substring(0, keepHead)
                + "*".repeat(number.length() - keepHead - 4)
                + number.substring(number.length() - 4);
    }

    /** 13812345678 → 138****5678: the first three digits and the last four stay. */
    public static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        if (phone.length() <= 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** 北京市东城区示例大街1号 → 北京市东城区****: the district (at most six characters) stays. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        int[] cps = address.codePoints().toArray();
        int keep = Math.min(6, cps.length / 2);
        return new String(cps, 0, keep) + "****";
    }

    /**
     * 6222021234567891234 → 622202*********1234: a bank card number as it may be shown, printed or
     * logged, the first six digits (the issuer) and the last four at most. A number already masked
     * by a terminal ({@code 622202******1234}) comes out the same; anything not a digit or a mask
     * character is dropped, and a number of ten or fewer characters keeps only its last four.
     */
    public static String cardNumber(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if ((c >= '0' && c <= '9') || c == '*') {
                digits.append(c);
            }
        }
        int n = digits.length();
        if (n == 0) {
            return "";
        }
        int keepHead = n > 10 ? 6 : 0;
        int keepTail = Math.min(4, n);
        StringBuilder masked = new StringBuilder(n);
        masked.append(digits, 0, keepHead);
        masked.append("*".repeat(n - keepHead - keepTail));
        masked.append(digits, n - keepTail, n);
        return masked.toString();
    }
}
