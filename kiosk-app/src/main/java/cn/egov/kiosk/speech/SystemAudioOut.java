package cn.egov.kiosk.speech;

import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The sound card: a {@link SourceDataLine} of the system's default mixer, with a buffer of a
 * quarter of a second, so that an interrupted utterance stops within that.
 */
final class SystemAudioOut implements AudioOut {
    private static final double BUFFER_SECONDS = 0.25;

    private SourceDataLine line;
    private AudioFormat format;

    /** Why a line for espeak-ng's format (22050 Hz, 16 bits, mono) cannot be opened now, if it cannot. */
    static Optional<String> problem() {
        SystemAudioOut out = new SystemAudioOut();
        try {
            out.open(new AudioFormat(22_050, 16, 1, true, false));
            return Optional.empty();
        } catch (Unavailable e) {
            return Optional.of(e.getMessage());
        } finally {
            out.close();
        }
    }

    @Override
    public void open(AudioFormat wanted) throws Unavailable {
        if (line != null && line.isOpen() && wanted.matches(format)) {
            return;
        }
        close();
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(wanted);
            int frames = (int) (wanted.getFrameRate() * BUFFER_SECONDS);
            l.open(wanted, frames * wanted.getFrameSize());
            l.start();
            line = l;
            format = wanted;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new Unavailable("no audio output (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        line.write(pcm, offset, length);
    }

    @Override
    public void drain() {
        line.drain();
    }

    @Override
    public void flush() {
        line.stop();
        line.flush();
        line.start();
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
