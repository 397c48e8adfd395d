package cn.egov.kiosk.ui.voice;

import java.util.Locale;
import java.util.Optional;

/**
 * Where spoken words go: the speech engine and the audio line behind it. Every method returns at
 * once (it is called on the JavaFX thread); saying something new cuts off what was being said.
 */
public interface VoiceOut {
    /** Says a fixed prompt (the kiosk's own words, never personal data) in that language. */
    void say(String text, Locale locale);

    /** Stops what is being said. */
    void stop();

    /** The loudness, 0 (silent) to {@link Guidance#MAX_VOLUME}. */
    void volume(int level);

    /** Why the kiosk cannot speak (no engine, no audio output); empty when it can. */
    Optional<String> problem();

    /** A kiosk that says nothing (no speech installed). */
    static VoiceOut silent(String why) {
        return new VoiceOut() {
            @Override
            public void say(String text, Locale locale) {}

            @Override
            public void stop() {}

            @Override
            public void volume(int level) {}

            @Override
            public Optional<String> problem() {
                return Optional.of(why);
            }
        };
    }
}
