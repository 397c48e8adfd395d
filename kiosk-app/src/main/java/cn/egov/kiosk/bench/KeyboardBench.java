package cn.egov.kiosk.bench;

import cn.egov.kiosk.input.PinyinDictionary;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The pinyin keyboard: loading the bundled dictionary (65,123 entries; the keyboard does it in the
 * background the first time a pinyin field is used), the heap it keeps, and the candidates per
 * keystroke as a citizen types full pinyin, initials and an unfinished syllable. Baseline for the
 * load: reading and unzipping the same lines without indexing them.
 */
final class KeyboardBench {
    private static final List<String> TYPED =
            List.of("shenfenzheng", "zhangsan", "sfz", "yingyezhizhao", "s", "wangxiaom");

    private final int loads;

    KeyboardBench(int loads) {
        this.loads = loads;
    }

    List<Figure> run() throws Exception {
        double[] load = new double[loads];
        double[] read = new double[loads];
        PinyinDictionary dictionary = null;
        for (int i = 0; i < loads; i++) {
            long s = System.nanoTime();
            dictionary = PinyinDictionary.loadBundled();
            load[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            readOnly();
            read[i] = (System.nanoTime() - s) / 1e6;
        }
        double heap = retainedMb();
        List<Double> perKey = new ArrayList<>();
        int found = 0;
        for (int round = 0; round < 12; round++) {
            for (String word : TYPED) {
                for (int end = 1; end <= word.length(); end++) {
                    long s = System.nanoTime();
                    found += dictionary.candidates(word.substring(0, end)).size();
                    if (round >= 2) { // the first rounds warm up
                        perKey.add((System.nanoTime() - s) / 1e6);
                    }
                }
            }
        }
        double[] keys = perKey.stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(
                Figure.against(
                        "keyboard.dictionary-load",
                        Stats.median(load),
                        Stats.median(read),
                        "ms",
                        String.format(
                                "the pinyin dictionary read and indexed (%,d entries), median of %d loads in one JVM"
                                        + " (the first: %.0f ms); baseline: the same file unzipped and read without indexing",
                                dictionary.size(), loads, load[0])),
                Figure.of(
                        "keyboard.dictionary-heap",
                        heap,
                        "MB",
                        "heap kept by one loaded dictionary (used heap after GC, with and without it)"),
                Figure.of(
                        "keyboard.candidates-keystroke",
                        Stats.median(keys),
                        "ms",
                        String.format(
                                "all candidates for the letters typed so far, ranked; median of %d keystrokes, p95 %.2f ms,"
                                        + " max %.2f ms (%d candidates seen)",
                                keys.length, Stats.percentile(keys, 95), Stats.percentile(keys, 100), found)));
    }

    private static void readOnly() throws Exception {
        try (InputStream in = PinyinDictionary.class.getResourceAsStream(PinyinDictionary.RESOURCE);
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                // only read
            }
        }
    }

    /** Used heap after GC with one dictionary held, minus without. */
    private static double retainedMb() {
        long without = usedAfterGc();
        PinyinDictionary held = PinyinDictionary.loadBundled();
        long with = usedAfterGc();
        if (held.size() == 0) {
            throw new IllegalStateException("empty dictionary");
        }
        return (with - without) / (1024.0 * 1024.0);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
