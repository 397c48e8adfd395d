package cn.egov.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speaker over a captured audio output: what would be played, after the volume scaling.
 * The logic runs on {@link FakeEngine} (constant samples tell the texts and the volume apart);
 * the real espeak-ng and the machine's own audio output (none here, nor on CI) are tried too.
 */
class SpeakerTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final CapturingOut out = new CapturingOut();
    private EngineSpeaker speaker;

    private EngineSpeaker speaker(SpeechEngine e, AudioOut o) {
        speaker = new EngineSpeaker(new PromptCache(e, dir.resolve("speech-cache")), o, Speaker.MAX_VOLUME);
        return speaker;
    }

    /**
     * 第一句话 (two seconds of 400) being played, its first write held as a full sound card buffer
     * holds it, until the returned gate is opened.
     */
    private Semaphore firstUtteranceHeld() throws InterruptedException {
        engine.seconds = 2;
        Semaphore gate = new Semaphore(0);
        out.gate = gate;
        speaker.say("第一句话", ZH);
        assertThat(out.writing.tryAcquire(20, TimeUnit.SECONDS))
                .as("the first utterance started")
                .isTrue();
        return gate;
    }

    @AfterEach
    void close() {
        if (speaker != null) {
            speaker.close();
        }
    }

    @Test
    void halfTheVolumeHalvesTheAmplitudeOfWhatIsPlayed() throws Exception {
        speaker(engine, out);
        speaker.say("四个字儿", ZH); // samples of 400
        Waiting.until(() -> out.drains() == 1, "the first utterance played");
        speaker.setVolume(5);
        speaker.say("四个字啊", ZH); // samples of 400 again, another text
        Waiting.until(() -> out.drains() == 2, "the second utterance played");

        int frames = (int) (FakeEngine.RATE * engine.seconds);
        assertThat(out.samplesOf(400)).as("full volume: the engine's samples").isEqualTo(frames);
        assertThat(out.samplesOf(200)).as("volume 5 of 10: half the amplitude").isEqualTo(frames);
        assertThat(out.played()).hasSize(2 * 2 * frames);
        assertThat(speaker.volume()).isEqualTo(5);
        assertThat(out.opened()).allMatch(f -> f.getSampleRate() == FakeEngine.RATE && f.getChannels() == 1);
    }

    @Test
    void aNewUtteranceInterruptsTheOnePlaying() throws Exception {
        speaker(engine, out);
        Semaphore gate = firstUtteranceHeld();
        engine.seconds = 0.2;
        speaker.say("第二句", ZH); // 300
        gate.release(1_000_000);
        Waiting.until(() -> out.drains() == 1, "the second utterance played to its end");

        int slice = (int) (FakeEngine.RATE * 0.05);
        assertThat(out.samplesOf(400))
                .as("the first stopped after the slice being written")
                .isPositive()
                .isLessThanOrEqualTo(slice);
        assertThat(out.samplesOf(300)).as("the second whole").isEqualTo((int) (FakeEngine.RATE * 0.2));
        assertThat(out.flushes())
                .as("the interrupted one's rest dropped from the output")
                .isEqualTo(1);
    }

    @Test
    void muteStopsWhatIsSaidAndDropsWhatIsSaidWhileMuted() throws Exception {
        speaker(engine, out);
        Semaphore gate = firstUtteranceHeld();
        speaker.setMuted(true);
        gate.release(1_000_000);
        Waiting.until(() -> out.flushes() == 1, "the utterance stopped");
        speaker.say("五个字的话", ZH); // 500
        speaker.sayOnce("也是五个字", ZH); // 500

        engine.seconds = 0.1;
        speaker.setMuted(false);
        speaker.say("听见了", ZH); // 300
        Waiting.until(() -> out.drains() == 1, "the utterance after unmuting played");
        assertThat(out.samplesOf(400)).isLessThanOrEqualTo((int) (FakeEngine.RATE * 0.05));
        assertThat(out.samplesOf(500)).as("said while muted").isZero();
        assertThat(out.samplesOf(300)).isEqualTo((int) (FakeEngine.RATE * 0.1));
        assertThat(speaker.muted()).isFalse();
    }

    @Test
    void stopEndsTheUtteranceAndPlaysNothingElse() throws Exception {
        speaker(engine, out);
        Semaphore gate = firstUtteranceHeld();
        speaker.stop();
        gate.release(1_000_000);
        Waiting.until(() -> out.flushes() == 1, "stopped");
        assertThat(out.samplesOf(400)).isLessThanOrEqualTo((int) (FakeEngine.RATE * 0.05));
        assertThat(out.drains()).isZero();
    }

    @Test
    @Timeout(60)
    void theCallerNeverWaitsForTheEngine() throws Exception {
        speaker(engine, out);
        CountDownLatch hold = new CountDownLatch(1);
        engine.hold = hold; // the engine takes as long as the test wants
        speaker.say("慢慢说", ZH);
        Waiting.until(() -> engine.syntheses.get() == 1, "the synthesis started");
        // the engine is busy: these return at once, or the test hangs on the latch below
        speaker.say("再说一句", ZH);
        speaker.setVolume(3);
        speaker.setMuted(false);
        speaker.stop();
        speaker.say("最后一句", ZH);
        hold.countDown();
        Waiting.until(() -> out.drains() == 1, "the newest utterance played");
        assertThat(out.samplesOf(120)).as("最后一句 (400) at volume 3").isEqualTo((int) (FakeEngine.RATE * 0.5));
        assertThat(out.samplesOf(400))
                .as("the utterance made while newer ones came: not played")
                .isZero();
    }

    @Test
    void noAudioOutputIsAProblemNotACrashAndIsTriedAgain() throws Exception {
        out.unavailable = "no audio output (no sound card)";
        speaker(engine, out);
        speaker.say("请取号", ZH);
        Waiting.until(() -> speaker.problem().isPresent(), "the problem known");
        assertThat(speaker.problem()).contains("no audio output (no sound card)");
        speaker.say("请再取号", ZH);
        Waiting.until(() -> engine.syntheses.get() == 2, "the next utterance made");

        out.unavailable = null; // a speaker plugged in
        speaker.say("请取号吧", ZH);
        Waiting.until(() -> out.drains() == 1, "played once there is an output");
        assertThat(speaker.problem()).isEmpty();
    }

    @Test
    void theMachinesOwnAudioOutputMissingIsSaidByProblem() throws Exception {
        Optional<String> noCard = SystemAudioOut.problem();
        assumeThat(noCard)
                .as("this machine has a sound card: nothing to show here")
                .isPresent();
        speaker(engine, AudioOut.system());
        speaker.say("请取号", ZH);
        speaker.say("请再取号", ZH);
        Waiting.until(() -> speaker.problem().isPresent(), "the problem known");
        assertThat(speaker.problem().get()).startsWith("no audio output");
    }

    @Test
    void aMissingEngineIsTheProblemAndNothingIsSaid() throws Exception {
        EspeakNgEngine missing = new EspeakNgEngine(dir.resolve("no-espeak-ng"), EspeakNgEngine.DEFAULT_TIMEOUT);
        speaker(missing, out);
        speaker.say("请取号", ZH);
        Waiting.until(() -> speaker.problem().isPresent(), "the problem known");
        assertThat(speaker.problem().get()).contains("espeak-ng is not installed");
        speaker.close();
        Waiting.until(speaker::ended, "the thread ended");
        assertThat(out.played()).isEmpty();
        assertThat(out.closes()).isEqualTo(1);
    }

    @Test
    void theRealEngineReachesTheOutputAudible() throws Exception {
        speaker(new EspeakNgEngine(), out);
        speaker.say("请将身份证放在感应区", ZH);
        Waiting.until(() -> out.drains() == 1, "played");
        Wav played = new Wav(22_050, 1, out.played());
        assertThat(played.seconds()).isBetween(1.0, 10.0);
        assertThat(played.rms()).isGreaterThan(0.02);
        assertThat(speaker.problem()).isEmpty();
    }

    @Test
    void theSilentSpeakerKeepsItsSettingsAndSaysWhy() {
        Speaker silent = Speaker.silent();
        silent.say("请取号", ZH);
        silent.setVolume(4);
        silent.setMuted(true);
        assertThat(silent.volume()).isEqualTo(4);
        assertThat(silent.muted()).isTrue();
        assertThat(silent.problem()).isPresent();
        assertThatThrownBy(() -> silent.setVolume(11)).isInstanceOf(IllegalArgumentException.class);
        silent.close();
    }

    @Test
    void aVolumeOutOfRangeIsRefused() {
        speaker(engine, out);
        assertThatThrownBy(() -> speaker.setVolume(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> speaker.setVolume(11)).isInstanceOf(IllegalArgumentException.class);
        assertThat(speaker.volume()).isEqualTo(Speaker.MAX_VOLUME);
    }
}
