package cn.egov.kiosk.address;

import java.util.Objects;

/**
 * One administrative division: its statistics code (2, 4, 6 or 9 digits by level), its name, and
 * whether a citizen sees it. Hidden are the data's grouping levels that no one writes in an address:
 * the 市辖区 and 县 under the four municipalities (北京市东城区, not 北京市市辖区东城区), a province's
 * 省直辖县级行政区划 (湖北省仙桃市), and the district a city without districts is its own child as
 * (广东省东莞市 has its streets under 441900 东莞市). The picker steps over them and an address's
 * text leaves them out; their codes stay in an address's path.
 */
public record Division(String code, String name, Level level, boolean hidden) {
    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (Level.ofCode(code) != level) {
            throw new IllegalArgumentException("code " + code + " is not of level " + level);
        }
    }

    /** The code of the division above, or "" for a province. */
    public String parentCode() {
        return level == Level.PROVINCE ? "" : code.substring(0, level.up().codeLength());
    }

    /** The code padded to the 12 digits of the statistics bureau's full codes (110101001000). */
    public String fullCode() {
        return (code + "000000000000").substring(0, 12);
    }
}
