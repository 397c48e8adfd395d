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
}
