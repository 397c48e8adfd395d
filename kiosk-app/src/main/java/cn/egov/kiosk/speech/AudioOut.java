package cn.egov.kiosk.speech;

import javax.sound.sampled.AudioFormat;

/**
 * Where the speaker's samples go: the sound card ({@link #system()}), or in a test a buffer that
 * keeps what would have been played. Used by one thread at a time (the speaker's).
 */
public interface AudioOut {
    /**
     * Makes ready to play samples of this format (again, if the format changed since).
     *
     * @throws Unavailable when there is no output (no sound card, the device busy), saying why
     */
    void open(AudioFormat format) throws Unavailable;

    /** Plays samples; blocks while the output's buffer is full, as a sound card does. */
    void write(byte[] pcm, int offset, int length);

    /** Waits until what was written has been played. */
    void drain();

    /** Drops what was written and not played yet (an utterance interrupted). */
    void flush();

    /** Lets the output go; {@link #open} may take it again. */
    void close();

    /** The sound card, through {@code javax.sound.sampled}. */
    static AudioOut system() {
        return new SystemAudioOut();
    }

    /** There is no audio output to play on. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
