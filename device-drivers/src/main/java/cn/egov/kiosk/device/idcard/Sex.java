package cn.egov.kiosk.device.idcard;

/** Sex as the cards code it (GB/T 2261.1). */
public enum Sex {
    UNKNOWN("0"),
    MALE("1"),
    FEMALE("2"),
    UNSPECIFIED("9");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Sex ofCode(String code) {
        for (Sex s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("a sex code 0, 1, 2 or 9, not \"" + code + "\"");
    }
}
