package cn.egov.kiosk.speech;

import java.util.Locale;
import java.util.Optional;

/**
 * Text to speech, as a WAV file's bytes (16-bit PCM). {@link EspeakNgEngine} is the one the kiosk
 * has; a better engine (a recorded voice, a neural one) implements this and nothing else changes.
 * Calls may block (a process runs): never on the JavaFX thread.
 */
public interface SpeechEngine {
    /**
     * Names the engine and its version ({@code espeak-ng 1.51}): audio cached from another engine
     * or version is not reused.
     */
    String id();

    /**
     * The voice the engine speaks a locale with, and anything else that changes the audio of the
     * same text (the pinyin conversion's rules); part of the cache key.
     */
    String voice(Locale locale);

    /** Why the engine cannot speak ({@code espeak-ng is not installed}), or empty when it can. */
    Optional<String> problem();

    /**
     * The text spoken in the locale's language, as a WAV file.
     *
     * @throws SpeechException when the engine is missing, fails or takes too long, saying why (never
     *     with the text)
     */
    byte[] synthesize(String text, Locale locale) throws SpeechException;

    /** Loads what the first synthesis would wait for (blocking); by default nothing. */
    default void prepare() {}
}
