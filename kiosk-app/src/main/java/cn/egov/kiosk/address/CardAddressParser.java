package cn.egov.kiosk.address;

import java.util.List;
import java.util.Map;

/**
 * Reads a one-line address, as an ID card or a residence permit gives it (北京市东城区示例大街1号),
 * into the deepest division it names and the rest as the detail, so that a form's address comes
 * prefilled from the card and stays editable.
 *
 * <p>It walks down from the provinces: at each level it takes the division whose name starts the
 * rest of the line (the longest, if several do), stepping over the hidden grouping levels as the
 * picker does (北京市 then 东城区; 湖北省 then 仙桃市; 广东省东莞市 then a street), and stops at the
 * first level it cannot recognise: what is left is the detail. Failing a full name it accepts the
 * name's stem:
 *
 * <ul>
 *   <li>a province or city without its suffix (内蒙古呼和浩特市, 广西南宁市), optionally followed by
 *       a suffix of its level;
 *   <li>a district or street renamed since the card was issued: the stem with another suffix of the
 *       same level (a card's 徐水县 is today's 徐水区; a 乡 that became a 镇), never a bare stem, so
 *       that a road named like its district (朝阳路) stays in the detail.
 * </ul>
 *
 * Stems shorter than two characters are never used (忠县 stays 忠县). Nothing of the address is
 * logged or put in an exception.
 */
public final class CardAddressParser {
    /** A level's suffixes, longest first: what is stripped to make a stem, and what may follow one. */
    private static final Map<Level, List<String>> SUFFIXES = Map.of(
            Level.PROVINCE, List.of("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"),
            Level.CITY, List.of("自治州", "地区", "市", "盟", "州"),
            Level.DISTRICT, List.of("自治旗", "自治县", "林区", "特区", "县", "区", "市", "旗"),
            Level.STREET, List.of("街道", "苏木", "镇", "乡"));

    private static final int MIN_STEM = 2;

    private final Divisions divisions;

    public CardAddressParser(Divisions divisions) {
        this.divisions = divisions;
    }

    /**
     * The address a line names: its deepest recognised division and the rest as the detail. Blank or
     * null gives {@link Address#EMPTY}; a line in which no province is recognised is all detail.
     */
    public Address parse(String line) {
        if (line == null || line.isBlank()) {
            return Address.EMPTY;
        }
        String text = line.replaceAll("[\\s\\u3000]+", "");
        int pos = 0;
        String parent = "";
        while (true) {
            Match best = null;
            for (Division candidate : divisions.choices(parent)) {
                Match m = match(candidate, text, pos);
                if (m != null && (best == null || m.better(best))) {
                    best = m;
                }
            }
            if (best == null) {
                break;
            }
            pos += best.length;
            parent = best.division.code();
        }
        return new Address(divisions.path(parent), text.substring(pos));
    }

    private record Match(Division division, int length, boolean exact) {
        boolean better(Match other) {
            return exact != other.exact ? exact : length > other.length;
        }
    }

    /** Whether the text at {@code pos} names this division, and how many characters it takes. */
    private static Match match(Division d, String text, int pos) {
        if (text.startsWith(d.name(), pos)) {
            return new Match(d, d.name().length(), true);
        }
        String stem = stem(d);
        if (stem.length() < MIN_STEM || !text.startsWith(stem, pos)) {
            return null;
        }
        int after = pos + stem.length();
        for (String suffix : SUFFIXES.get(d.level())) {
            if (text.startsWith(suffix, after)) {
                return new Match(d, stem.length() + suffix.length(), false);
            }
        }
        boolean bareStemAllowed = d.level() == Level.PROVINCE || d.level() == Level.CITY;
        return bareStemAllowed ? new Match(d, stem.length(), false) : null;
    }

    /** The name without its level's suffix (内蒙古自治区 → 内蒙古), or the name when it has none. */
    static String stem(Division d) {
        String name = d.name();
        for (String suffix : SUFFIXES.get(d.level())) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
