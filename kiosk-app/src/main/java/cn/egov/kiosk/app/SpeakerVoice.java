package cn.egov.kiosk.app;

import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.speech.Speaker;
import cn.egov.kiosk.ui.voice.Guidance;
import cn.egov.kiosk.ui.voice.VoiceOut;
import java.util.Locale;
import java.util.Optional;

/**
 * The screens' voice on the runtime's speaker: made at the first prompt said (a session in the
 * standard mode with the voice off never starts it); the sound panel's volume steps spread over the
 * speaker's range.
 */
final class SpeakerVoice implements VoiceOut {
    private final KioskRuntime runtime;
    private volatile int level = -1;

    SpeakerVoice(KioskRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void say(String text, Locale locale) {
        Speaker s = runtime.speaker();
        if (level >= 0) {
            s.setVolume(scaled(level));
        }
        s.say(text, locale);
    }

    @Override
    public void stop() {
        runtime.startedSpeaker().ifPresent(Speaker::stop);
    }

    @Override
    public void volume(int level) {
        this.level = level;
        runtime.startedSpeaker().ifPresent(s -> s.setVolume(scaled(level)));
    }

    @Override
    public Optional<String> problem() {
        return runtime.speaker().problem();
    }

    private static int scaled(int level) {
        return Math.max(0, Math.min(Speaker.MAX_VOLUME, level * Speaker.MAX_VOLUME / Guidance.MAX_VOLUME));
    }
}
