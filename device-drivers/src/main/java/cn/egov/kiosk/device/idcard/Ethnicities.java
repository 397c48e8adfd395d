package cn.egov.kiosk.device.idcard;

import java.util.Map;
import java.util.TreeMap;

/** The ethnic groups of GB 3304 by their two-digit code, as the resident ID card stores them. */
public final class Ethnicities {
    private Ethnicities() {}

    private static final String[] NAMES = {
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
        "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"
    };

    private static final Map<String, String> BY_CODE = new TreeMap<>();

    static {
        for (int i = 0; i < NAMES.length; i++) {
            BY_CODE.put(String.format("%02d", i + 1), NAMES[i]);
        }
        BY_CODE.put("97", "其他");
        BY_CODE.put("98", "外国血统中国籍人士");
    }

    /** Whether a code is one of GB 3304's. */
    public static boolean known(String code) {
        return BY_CODE.containsKey(code);
    }

    /** The name for a code ({@code 01} → 汉); the code itself when unknown. */
    public static String name(String code) {
        return BY_CODE.getOrDefault(code, code);
    }

    /** Every code and name, in code order. */
    public static Map<String, String> all() {
        return Map.copyOf(BY_CODE);
    }
}
