package cn.egov.kiosk.address;

/** The four levels of the bundled divisions, each with the length of its codes. */
public enum Level {
    /** 省级: province, autonomous region, municipality (北京市). */
    PROVINCE(2),
    /** 地级: city, prefecture, league (盟), autonomous prefecture; or a grouping (市辖区). */
    CITY(4),
    /** 县级: district, county, banner (旗), county-level city. */
    DISTRICT(6),
    /** 乡级: street (街道), town (镇), township (乡), sum (苏木)... */
    STREET(9);

    private final int codeLength;

    Level(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level whose codes have this length. */
    public static Level ofCode(String code) {
        for (Level level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        throw new IllegalArgumentException("not a division code: length " + code.length());
    }

    /** The level above, or this one for a province. */
    public Level up() {
        return this == PROVINCE ? PROVINCE : values()[ordinal() - 1];
    }
}
