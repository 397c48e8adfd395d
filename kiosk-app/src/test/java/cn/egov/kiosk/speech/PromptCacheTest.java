package cn.egov.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixed prompts cached as files: reused across restarts, made again when damaged; personal texts never on disk. */
class PromptCacheTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dataDir;

    private Path folder() {
        return PromptCache.folderOf(dataDir);
    }

    @Test
    void aPromptIsMadeOnceAndReusedAfterARestart() throws Exception {
        FakeEngine engine = new FakeEngine();
        byte[] first = new PromptCache(engine, folder()).wav("请取走您的凭条", ZH);
        byte[] again = new PromptCache(engine, folder()).wav("请取走您的凭条", ZH); // a new process: a new cache object
        assertThat(engine.syntheses).hasValue(1);
        assertThat(again).isEqualTo(first);
        assertThat(files()).hasSize(1);
        assertThat(folder()).isEqualTo(dataDir.resolve("speech-cache"));
    }

    @Test
    void theRealEngineIsAskedOnceForAFixedPrompt() throws Exception {
        Counting engine = new Counting(new EspeakNgEngine());
        PromptCache cache = new PromptCache(engine, folder());
        Wav made = Wav.parse(cache.wav("请将身份证放在感应区", ZH));
        Wav read = Wav.parse(new PromptCache(engine, folder()).wav("请将身份证放在感应区", ZH));
        assertThat(engine.calls).isEqualTo(1);
        assertThat(read).isEqualTo(made);
        assertThat(read.seconds()).isBetween(1.0, 10.0);
    }

    @Test
    void theKeyIsEngineVoiceLocaleAndText() throws Exception {
        FakeEngine engine = new FakeEngine();
        PromptCache cache = new PromptCache(engine, folder());
        Path zh = cache.fileOf("请取号", ZH);
        assertThat(cache.fileOf("请取号", Locale.ENGLISH)).isNotEqualTo(zh);
        assertThat(cache.fileOf("请取号。", ZH)).isNotEqualTo(zh);
        FakeEngine otherVersion = new FakeEngine();
        otherVersion.id = "fake 2";
        assertThat(new PromptCache(otherVersion, folder()).fileOf("请取号", ZH)).isNotEqualTo(zh);
        assertThat(zh.getFileName().toString()).matches("[0-9a-f]{64}\\.wav");
    }

    @Test
    void aDamagedFileIsMadeAgain() throws Exception {
        FakeEngine engine = new FakeEngine();
        PromptCache cache = new PromptCache(engine, folder());
        byte[] good = cache.wav("请取号", ZH);
        Path file = cache.fileOf("请取号", ZH);

        Files.write(file, Arrays.copyOf(good, 30)); // cut in the header
        assertThat(cache.wav("请取号", ZH)).isEqualTo(good);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);

        Files.write(file, Arrays.copyOf(good, good.length - 1000)); // the header says more data than there is
        assertThat(cache.wav("请取号", ZH)).isEqualTo(good);

        Files.write(file, "not audio at all".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.wav("请取号", ZH)).isEqualTo(good);
        assertThat(engine.syntheses).hasValue(4);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
    }

    @Test
    void aTextWithPersonalDataIsNeverWritten() throws Exception {
        Counting engine = new Counting(new EspeakNgEngine());
        PromptCache cache = new PromptCache(engine, folder());
        cache.wav("请取号", ZH); // the folder exists and holds a fixed prompt

        byte[] audio = cache.uncached("王*明，您的业务已受理", ZH);
        assertThat(Wav.parse(audio).seconds()).isPositive();
        assertThat(files()).as("only the fixed prompt").hasSize(1);
        assertThat(Files.exists(cache.fileOf("王*明，您的业务已受理", ZH))).isFalse();
    }

    @Test
    void aTextSaidOnceThroughTheSpeakerIsNeverWritten() throws Exception {
        CapturingOut out = new CapturingOut();
        EngineSpeaker speaker = new EngineSpeaker(new PromptCache(new EspeakNgEngine(), folder()), out, 10);
        try {
            speaker.sayOnce("王*明，请取走您的身份证", ZH);
            Waiting.until(() -> out.drains() == 1, "said");
            assertThat(out.played()).isNotEmpty();
            assertThat(Files.exists(folder()) ? files() : List.of()).isEmpty();
            speaker.say("请取走您的凭条", ZH);
            Waiting.until(() -> out.drains() == 2, "said");
            assertThat(files()).as("the fixed prompt is cached").hasSize(1);
        } finally {
            speaker.close();
        }
    }

    @Test
    void theFolderIsKeptUnderItsSizeTheLeastRecentlyUsedGoingFirst() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.seconds = 0.1; // 4,410 bytes of samples a prompt
        PromptCache cache = new PromptCache(engine, folder(), 10_000);
        cache.wav("一", ZH);
        Files.setLastModifiedTime(cache.fileOf("一", ZH), FileTime.fromMillis(1_000));
        cache.wav("二", ZH);
        cache.wav("三", ZH);
        assertThat(files()).hasSize(2);
        assertThat(Files.exists(cache.fileOf("一", ZH))).isFalse();
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesThePromptUncachedNotUnsaid() throws Exception {
        Files.writeString(folder(), "a file where the folder should be");
        FakeEngine engine = new FakeEngine();
        PromptCache cache = new PromptCache(engine, folder());
        assertThat(Wav.parse(cache.wav("请取号", ZH)).seconds()).isPositive();
        assertThat(Wav.parse(cache.wav("请取号", ZH)).seconds()).isPositive();
        assertThat(engine.syntheses).hasValue(2);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(folder())) {
            return s.toList();
        }
    }

    /** Counts the syntheses of a real engine. */
    private static final class Counting implements SpeechEngine {
        private final SpeechEngine delegate;
        int calls;

        Counting(SpeechEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public String voice(Locale locale) {
            return delegate.voice(locale);
        }

        @Override
        public Optional<String> problem() {
            return delegate.problem();
        }

        @Override
        public synchronized byte[] synthesize(String text, Locale locale) throws SpeechException {
            calls++;
            return delegate.synthesize(text, locale);
        }
    }
}
