package cn.egov.kiosk.speech;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kiosk's voice, as the screens use it: {@link #say} a prompt, {@link #stop()}, volume and
 * mute. Every method returns at once and may be called on any thread, the JavaFX thread
 * included: the synthesis and the playing happen on the speaker's own thread. A new utterance
 * interrupts the one playing. A kiosk that cannot speak (no engine, no sound card) stays silent
 * and says why in {@link #problem()}; nothing fails for the caller.
 */
public interface Speaker extends AutoCloseable {
    int MAX_VOLUME = 10;

    /**
     * Says a fixed prompt (a screen's instruction, a queue number), cached on disk after the first
     * time. Never for a text with personal data: {@link #sayOnce}.
     */
    void say(String text, Locale locale);

    /**
     * Says a text that must not be kept (it holds personal data, a masked name): synthesised in
     * memory, never written to disk, never logged.
     */
    void sayOnce(String text, Locale locale);

    /** Stops what is being said (nothing when silent already). */
    void stop();

    /** 0 (silent) to {@link #MAX_VOLUME} (the engine's own level), linear in amplitude. */
    void setVolume(int volume);

    int volume();

    /** Muting stops what is being said, and what is said while muted is dropped. */
    void setMuted(boolean muted);

    boolean muted();

    /** Why the kiosk cannot speak (no engine, no audio output), or empty when it can, as far as known. */
    Optional<String> problem();

    /** Stops and lets the speaker's thread and the audio output go; does not wait. */
    @Override
    void close();

    /** A speaker that never says anything: for a kiosk without speech. */
    static Speaker silent() {
        return new SilentSpeaker();
    }

    /**
     * The kiosk's speaker: espeak-ng on {@code PATH}, prompts cached in {@code <dataDir>/speech-cache},
     * the sound card, at full volume. Its thread starts now and finds out whether it can speak.
     */
    static Speaker start(Path dataDir) {
        return new EngineSpeaker(
                new PromptCache(new EspeakNgEngine(), PromptCache.folderOf(dataDir)), AudioOut.system(), MAX_VOLUME);
    }
}
