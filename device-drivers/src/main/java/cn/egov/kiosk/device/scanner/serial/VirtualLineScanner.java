package cn.egov.kiosk.device.scanner.serial;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A code scanner in serial mode, played on the device end of a byte link: each scan writes the code
 * and the line end the scanner is set to send. For the tests (over a socat pseudo-terminal) and the
 * engineer's {@code ./kiosk sim scanner}; it also sends what a real line may carry besides codes:
 * a code in pieces, raw bytes (noise), nothing at all after a code.
 */
public final class VirtualLineScanner {

    /** What a scanner sends after each code (its "suffix" setting). */
    public enum Suffix {
        CR("\r"),
        LF("\n"),
        CRLF("\r\n"),
        /** Nothing: the driver ends the code after its quiet gap. */
        NONE("");

        private final String text;

        Suffix(String text) {
            this.text = text;
        }

        /** {@code cr}, {@code lf}, {@code crlf} or {@code none}, any case. */
        public static Suffix parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a suffix cr, lf, crlf or none, not \"" + name + "\"", e);
            }
        }
    }

    private final ByteLink link;
    private final Charset charset;
    private final Suffix suffix;

    /** @param link the device's end, open */
    public VirtualLineScanner(ByteLink link, Charset charset, Suffix suffix) {
        this.link = Objects.requireNonNull(link, "link");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.suffix = Objects.requireNonNull(suffix, "suffix");
    }

    /** The bytes a scan of {@code code} puts on the line. */
    public byte[] bytesOf(String code) {
        return (code + suffix.text).getBytes(charset);
    }

    /** A scan: the code and the suffix, in one write. */
    public void scan(String code) throws LinkException {
        send(bytesOf(code));
    }

    /**
     * A scan whose bytes come in {@code pieces} writes {@code pause} apart, as a slow line or a USB
     * bridge delivers them (the pause should stay below the driver's quiet gap).
     */
    public void scanInPieces(String code, int pieces, Duration pause) throws LinkException, InterruptedException {
        byte[] all = bytesOf(code);
        int n = Math.max(1, Math.min(pieces, all.length));
        for (int i = 0; i < n; i++) {
            int from = all.length * i / n;
            int to = all.length * (i + 1) / n;
            if (i > 0) {
                Thread.sleep(pause.toMillis());
            }
            send(Arrays.copyOfRange(all, from, to));
        }
    }

    /** Raw bytes: noise, a broken code, a line end alone. */
    public void send(byte[] bytes) throws LinkException {
        link.write(bytes);
    }

    public Suffix suffix() {
        return suffix;
    }
}
