package cn.egov.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real espeak-ng (scripts/install-deps installs it): Chinese and English WAVs, and its failures. */
class EspeakNgEngineTest {
    @TempDir
    Path dir;

    private final EspeakNgEngine engine = new EspeakNgEngine();

    @Test
    void chineseIsSpokenFromTonePinyin() throws Exception {
        assertThat(engine.problem()).isEmpty();
        Wav wav = Wav.parse(engine.synthesize("请将身份证放在感应区", Locale.SIMPLIFIED_CHINESE));
        assertThat(wav.sampleRate()).isEqualTo(22_050);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.seconds()).isBetween(1.0, 10.0);
        assertThat(wav.rms()).as("not silence").isGreaterThan(0.02);
    }

    @Test
    void englishIsSpokenOnAnEnglishVoice() throws Exception {
        Wav wav = Wav.parse(engine.synthesize("Please place your ID card on the reader.", Locale.ENGLISH));
        assertThat(wav.seconds()).isBetween(1.0, 10.0);
        assertThat(wav.rms()).isGreaterThan(0.02);
        assertThat(engine.voice(Locale.ENGLISH)).isEqualTo(EspeakNgEngine.ENGLISH_VOICE);
    }

    @Test
    void theChineseVoiceReadsTheToneDigitsNotEnglishWords() throws Exception {
        // the cmn voice would read "qing3" as "qing three": the pinyin voice's audio is the length of
        // ten syllables, well under what ten syllables and ten English numbers take
        Wav prompt = Wav.parse(engine.synthesize("请将身份证放在感应区", Locale.SIMPLIFIED_CHINESE));
        Wav english = Wav.parse(engine.synthesize(
                "ching three jiang one shen one fen four zheng four fang four zai four gan three ying four chew one",
                Locale.ENGLISH));
        assertThat(prompt.seconds()).isLessThan(english.seconds());
        assertThat(engine.voice(Locale.SIMPLIFIED_CHINESE)).startsWith("cmn-latn-pinyin tone-pinyin-");
    }

    @Test
    void theIdNamesTheVersion() {
        assertThat(engine.id()).matches("espeak-ng \\d+\\.\\d+.*");
        assertThat(engine.binary()).isPresent();
    }

    @Test
    void nothingToSayIsAnEmptyWavWithoutAProcess() throws Exception {
        Wav wav = Wav.parse(engine.synthesize("😀，。", Locale.SIMPLIFIED_CHINESE));
        assertThat(wav.pcm()).isEmpty();
    }

    @Test
    void aMissingBinaryIsTheProblemAndAClearError() {
        EspeakNgEngine missing = new EspeakNgEngine(dir.resolve("espeak-ng"), Duration.ofSeconds(5));
        assertThat(missing.problem()).hasValueSatisfying(p -> assertThat(p).contains("espeak-ng is not installed"));
        assertThatThrownBy(() -> missing.synthesize("请取号", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("espeak-ng is not installed");
    }

    @Test
    void aFailingBinaryGivesItsExitAndErrorsButNeverTheText() throws Exception {
        Path fake = script(
                "if [ \"$1\" = --version ]; then echo 'eSpeak NG text-to-speech: 9.9-test  Data at: nowhere'; exit 0; fi",
                "cat >/dev/null",
                "echo 'voice data damaged' >&2",
                "exit 3");
        EspeakNgEngine broken = new EspeakNgEngine(fake, Duration.ofSeconds(10));
        assertThat(broken.id()).isEqualTo("espeak-ng 9.9-test");
        assertThatThrownBy(() -> broken.synthesize("王*明，请取走您的身份证", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("exit 3")
                .hasMessageContaining("voice data damaged")
                .message()
                .doesNotContain("王")
                .doesNotContain("wang2");
    }

    @Test
    void aBinaryThatHangsIsKilledAfterTheTimeout() throws Exception {
        Path fake = script(
                "if [ \"$1\" = --version ]; then echo 'eSpeak NG text-to-speech: 9.9-test'; exit 0; fi",
                "exec sleep 60");
        EspeakNgEngine hanging = new EspeakNgEngine(fake, Duration.ofMillis(300));
        assertThatThrownBy(() -> hanging.synthesize("请取号", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("did not finish");
    }

    @Test
    void aBinaryThatGivesNoWavIsAnError() throws Exception {
        Path fake = script(
                "if [ \"$1\" = --version ]; then echo 'eSpeak NG text-to-speech: 9.9-test'; exit 0; fi",
                "cat >/dev/null",
                "echo not a wav");
        assertThatThrownBy(() -> new EspeakNgEngine(fake, Duration.ofSeconds(10)).synthesize("Hello", Locale.ENGLISH))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("gave no WAV");
    }

    private Path script(String... lines) throws Exception {
        Path file = dir.resolve("espeak-ng");
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
