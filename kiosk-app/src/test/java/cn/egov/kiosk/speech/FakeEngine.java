package cn.egov.kiosk.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine for the pure logic of the speaker and the cache: each text's audio is a constant
 * sample ({@code text.length() * 100}) for {@code seconds}, so the played bytes tell which text
 * and at what volume; counts its syntheses, and can be held inside one.
 */
final class FakeEngine implements SpeechEngine {
    static final int RATE = 22_050;

    final AtomicInteger syntheses = new AtomicInteger();
    volatile double seconds = 0.5;
    volatile CountDownLatch hold;
    volatile String problem;
    volatile String id = "fake 1";

    static short sampleOf(String text) {
        return (short) (text.length() * 100);
    }

    static Wav constant(short sample, double seconds) {
        int frames = (int) (RATE * seconds);
        ByteBuffer b = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            b.putShort(sample);
        }
        return new Wav(RATE, 1, b.array());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String voice(Locale locale) {
        return "voice-" + locale.getLanguage();
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public byte[] synthesize(String text, Locale locale) throws SpeechException {
        if (problem != null) {
            throw new SpeechException(problem);
        }
        syntheses.incrementAndGet();
        CountDownLatch h = hold;
        if (h != null) {
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return constant(sampleOf(text), seconds).bytes();
    }
}
