package cn.egov.kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.sound.sampled.AudioFormat;

/**
 * An audio output that keeps what would have been played (after the speaker's volume scaling);
 * with a gate, each write waits for a permit, as a sound card's full buffer makes it wait.
 */
final class CapturingOut implements AudioOut {
    private final ByteArrayOutputStream played = new ByteArrayOutputStream();
    private final List<AudioFormat> opened = new ArrayList<>();
    private int flushes;
    private int drains;
    private int closes;
    /** Released as each write starts. */
    final Semaphore writing = new Semaphore(0);

    volatile Semaphore gate;
    volatile String unavailable;

    @Override
    public void open(AudioFormat format) throws Unavailable {
        if (unavailable != null) {
            throw new Unavailable(unavailable, null);
        }
        synchronized (this) {
            opened.add(format);
        }
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        writing.release();
        Semaphore g = gate;
        if (g != null) {
            g.acquireUninterruptibly();
        }
        synchronized (this) {
            played.write(pcm, offset, length);
        }
    }

    @Override
    public synchronized void drain() {
        drains++;
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void close() {
        closes++;
    }

    synchronized byte[] played() {
        return played.toByteArray();
    }

    synchronized int drains() {
        return drains;
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized int closes() {
        return closes;
    }

    synchronized List<AudioFormat> opened() {
        return List.copyOf(opened);
    }

    /** How many samples of the played audio have this value. */
    synchronized int samplesOf(int value) {
        byte[] b = played.toByteArray();
        int n = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            if ((short) ((b[i] & 0xFF) | (b[i + 1] << 8)) == value) {
                n++;
            }
        }
        return n;
    }
}
