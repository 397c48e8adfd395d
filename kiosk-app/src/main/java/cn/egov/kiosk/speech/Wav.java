package cn.egov.kiosk.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;

/**
 * A RIFF/WAVE file of 16-bit little-endian PCM, as espeak-ng writes it (22050 Hz, mono). {@link
 * #parse} accepts what {@code espeak-ng --stdout} gives (its sizes are left at 0x7FFFFFFF, the
 * length not being known while it streams) and refuses anything else that is not such a file, so
 * that a damaged cache file is noticed; {@link #bytes()} writes the sizes right.
 */
public record Wav(int sampleRate, int channels, byte[] pcm) {
    public static final int BITS = 16;
    private static final int HEADER = 44;

    public Wav {
        if (sampleRate <= 0 || channels <= 0 || pcm.length % (2 * channels) != 0) {
            throw new IllegalArgumentException("not 16-bit PCM: " + sampleRate + " Hz, " + channels + " channels");
        }
    }

    /**
     * Reads a WAV of 16-bit PCM.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Wav parse(byte[] file) {
        if (file.length < 12 || !ascii(file, 0, "RIFF") || !ascii(file, 8, "WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int rate = -1;
        int channels = -1;
        while (pos + 8 <= file.length) {
            String id = new String(file, pos, 4, StandardCharsets.US_ASCII);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > file.length) {
                    throw new IllegalArgumentException("fmt chunk cut short");
                }
                int format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                int bits = b.getShort(body + 14) & 0xFFFF;
                if (format != 1 || bits != BITS) {
                    throw new IllegalArgumentException("not 16-bit PCM (format " + format + ", " + bits + " bits)");
                }
            } else if (id.equals("data")) {
                if (rate < 0) {
                    throw new IllegalArgumentException("data before fmt");
                }
                long available = file.length - body;
                // a streamed file says 0x7FFFFFFF (or more than there is): the data runs to the end
                boolean streamed = size >= 0x7FFF0000L;
                if (!streamed && size > available) {
                    throw new IllegalArgumentException("data cut short: " + available + " of " + size + " bytes");
                }
                int length = (int) (streamed ? available : size);
                length -= length % (2 * Math.max(1, channels));
                return new Wav(rate, channels, Arrays.copyOfRange(file, body, body + length));
            }
            pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static boolean ascii(byte[] file, int at, String s) {
        return new String(file, at, 4, StandardCharsets.US_ASCII).equals(s);
    }

    /** The file: a 44-byte header with the sizes filled in, then the samples. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) channels).putInt(sampleRate);
        b.putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) BITS);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }

    /** The format for {@code javax.sound.sampled}: signed, little-endian. */
    public AudioFormat format() {
        return new AudioFormat(sampleRate, BITS, channels, true, false);
    }

    public double seconds() {
        return pcm.length / (2.0 * channels * sampleRate);
    }

    /** Root mean square of the samples, 0 (silence) to 1 (full scale). */
    public double rms() {
        return rms(pcm, 0, pcm.length);
    }

    static double rms(byte[] pcm, int offset, int length) {
        int samples = length / 2;
        if (samples == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = offset; i + 1 < offset + length; i += 2) {
            double s = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)) / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / samples);
    }

    /**
     * Multiplies 16-bit little-endian samples by {@code factor} (0 to 1), in place: volume applied
     * to the samples, so it works on every output line, with or without a gain control.
     */
    static void scale(byte[] pcm, int offset, int length, double factor) {
        if (factor >= 1.0) {
            return;
        }
        for (int i = offset; i + 1 < offset + length; i += 2) {
            int s = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
            int scaled = (int) Math.round(s * factor);
            pcm[i] = (byte) scaled;
            pcm[i + 1] = (byte) (scaled >> 8);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wav w && w.sampleRate == sampleRate && w.channels == channels && Arrays.equals(w.pcm, pcm);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sampleRate + channels) + Arrays.hashCode(pcm);
    }

    @Override
    public String toString() {
        return "Wav[" + sampleRate + " Hz, " + channels + " ch, " + pcm.length + " bytes]";
    }
}
