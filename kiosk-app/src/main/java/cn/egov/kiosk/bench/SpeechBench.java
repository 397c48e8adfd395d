package cn.egov.kiosk.bench;

import cn.egov.kiosk.speech.EspeakNgEngine;
import cn.egov.kiosk.speech.PromptCache;
import cn.egov.kiosk.speech.SpeechException;
import cn.egov.kiosk.speech.TonePinyin;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spoken prompts: a typical prompt synthesised by espeak-ng (a process, the text as tone
 * pinyin) against the same prompt read back from the prompt cache (a file read and a check of its
 * header), and the time the pinyin conversion takes to load (once per process, on the speaker's
 * thread at start).
 */
final class SpeechBench {
    private static final String PROMPT = "请将身份证放在感应区";

    private final int runs;

    SpeechBench(int runs) {
        this.runs = runs;
    }

    List<Figure> run(Path scratch) throws SpeechException {
        EspeakNgEngine engine = new EspeakNgEngine();
        Optional<String> problem = engine.problem();
        if (problem.isPresent()) {
            return List.of(Figure.skipped("speech.prompt-synthesised", problem.get()));
        }
        long s = System.nanoTime();
        TonePinyin.bundled();
        double load = (System.nanoTime() - s) / 1e6;
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        engine.synthesize(PROMPT, zh); // warm up
        double[] made = new double[runs];
        for (int i = 0; i < runs; i++) {
            s = System.nanoTime();
            engine.synthesize(PROMPT, zh);
            made[i] = (System.nanoTime() - s) / 1e6;
        }
        PromptCache cache = new PromptCache(engine, scratch.resolve(PromptCache.FOLDER));
        cache.wav(PROMPT, zh);
        double[] cached = new double[runs];
        for (int i = 0; i < runs; i++) {
            s = System.nanoTime();
            cache.wav(PROMPT, zh);
            cached[i] = (System.nanoTime() - s) / 1e6;
        }
        double synthesis = Stats.median(made);
        return List.of(
                Figure.of(
                        "speech.prompt-synthesised",
                        synthesis,
                        "ms",
                        engine.id() + ", " + PROMPT + ", median of " + runs),
                Figure.against(
                        "speech.prompt-cached",
                        Stats.median(cached),
                        synthesis,
                        "ms",
                        "the same prompt from " + PromptCache.FOLDER + " against synthesising it"),
                Figure.of("speech.pinyin-load", load, "ms", "dictionary and tone table, once per process"));
    }
}
