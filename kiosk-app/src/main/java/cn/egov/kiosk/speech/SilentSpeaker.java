package cn.egov.kiosk.speech;

import java.util.Locale;
import java.util.Optional;

/** {@link Speaker#silent()}: keeps its volume and mute settings, says nothing. */
final class SilentSpeaker implements Speaker {
    private volatile int volume = MAX_VOLUME;
    private volatile boolean muted;

    @Override
    public void say(String text, Locale locale) {}

    @Override
    public void sayOnce(String text, Locale locale) {}

    @Override
    public void stop() {}

    @Override
    public void setVolume(int volume) {
        this.volume = EngineSpeaker.checkVolume(volume);
    }

    @Override
    public int volume() {
        return volume;
    }

    @Override
    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    @Override
    public boolean muted() {
        return muted;
    }

    @Override
    public Optional<String> problem() {
        return Optional.of("speech is switched off on this kiosk");
    }

    @Override
    public void close() {}
}
