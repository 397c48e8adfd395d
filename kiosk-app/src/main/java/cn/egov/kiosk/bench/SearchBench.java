package cn.egov.kiosk.bench;

import cn.egov.kiosk.catalogue.CatalogueIndex;
import cn.egov.kiosk.platform.api.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The catalogue search as a citizen types, keystroke by keystroke, over a catalogue of 5,000 items:
 * characters (营业执照 one character at a time), initials ({@code yyzz}), full pinyin ({@code
 * shebao...}) and a slip ({@code yyzx}). Baseline: a plain "name contains" over the same items, the
 * least any search does.
 */
final class SearchBench {
    private static final String[] SUBJECTS = {
        "营业执照",
        "医疗保险",
        "养老保险",
        "住房公积金",
        "居民身份证",
        "户籍",
        "婚姻登记",
        "出生医学证明",
        "残疾人证",
        "居住证",
        "机动车驾驶证",
        "不动产登记",
        "社会保障卡",
        "最低生活保障",
        "失业保险",
        "工伤认定",
        "税务登记",
        "食品经营许可",
        "建筑工程施工许可",
        "护照"
    };
    private static final String[] ACTIONS = {"核发", "变更登记", "注销", "补领", "换领", "查询", "申请", "迁移", "备案", "延续", "年检", "转移接续"
    };
    private static final String[] WHO = {"个人", "个体工商户", "企业", "农民专业合作社", "外籍人员", "港澳台居民", "退役军人", "学生"};
    private static final List<String> TYPED = List.of(
            "营",
            "营业",
            "营业执",
            "营业执照",
            "y",
            "yy",
            "yyz",
            "yyzz",
            "s",
            "sh",
            "she",
            "sheb",
            "sheba",
            "shebao",
            "yyzx",
            "gongjijin");

    private final int items;

    SearchBench(int items) {
        this.items = items;
    }

    List<Figure> run() {
        List<Catalogue.Item> catalogue = catalogue(items, new Random(42));
        long t0 = System.nanoTime();
        CatalogueIndex index = CatalogueIndex.of(catalogue);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        // warm up, then measure every keystroke of every query many times
        for (int i = 0; i < 5; i++) {
            TYPED.forEach(q -> index.search(q, 20));
        }
        List<Double> perKey = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        int found = 0;
        for (int round = 0; round < 10; round++) {
            for (String q : TYPED) {
                long s = System.nanoTime();
                found += index.search(q, 20).size();
                perKey.add((System.nanoTime() - s) / 1e6);
                s = System.nanoTime();
                found += naiveContains(catalogue, q);
                naive.add((System.nanoTime() - s) / 1e6);
            }
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.against(
                "search.keystroke",
                Stats.median(array(perKey)),
                Stats.median(array(naive)),
                "ms",
                String.format(
                        "results while typing over %,d items: characters, pinyin, initials, one slip; median of %d keystrokes, p95 %.2f ms"
                                + " (target < 20 ms); baseline: a plain name-contains over the same items",
                        items, perKey.size(), Stats.percentile(array(perKey), 95))));
        figures.add(Figure.of(
                "search.index-build",
                buildMs,
                "ms",
                String.format("the index of %,d items, pinyin included (%d hits seen)", items, found)));
        return figures;
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int naiveContains(List<Catalogue.Item> catalogue, String q) {
        int n = 0;
        for (Catalogue.Item item : catalogue) {
            if (item.name().contains(q) && ++n == 20) {
                break;
            }
        }
        return n;
    }

    /** A catalogue of {@code n} items made of subjects, actions and who it is for. */
    static List<Catalogue.Item> catalogue(int n, Random random) {
        List<Catalogue.Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = WHO[random.nextInt(WHO.length)]
                    + SUBJECTS[random.nextInt(SUBJECTS.length)]
                    + ACTIONS[random.nextInt(ACTIONS.length)];
            List<Catalogue.Material> materials = List.of(
                    new Catalogue.Material("居民身份证", true, 1, "", true),
                    new Catalogue.Material(SUBJECTS[random.nextInt(SUBJECTS.length)] + "复印件", false, 1, "", false));
            out.add(new Catalogue.Item(
                    "B" + i,
                    1,
                    "D" + (i % 24),
                    "第" + (i % 24) + "部门",
                    name,
                    "个人",
                    null,
                    List.of(),
                    null,
                    materials,
                    0,
                    "",
                    20,
                    10,
                    random.nextBoolean(),
                    false,
                    "A",
                    null,
                    null));
        }
        return out;
    }
}
