package cn.egov.kiosk.device.scanner.serial;

import cn.egov.kiosk.device.scanner.ScannerCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Cuts the bytes a scanner in serial mode sends into codes: each code is a line of text ended by CR,
 * LF or CRLF. Pure logic, fed with the bytes as they are read and the time they came ({@link
 * System#nanoTime} or a test's clock); not thread-safe (the scanner's reader thread owns it).
 *
 * <ul>
 *   <li>A line split across reads is joined; CR followed by LF within the quiet gap is one end, so
 *       a CRLF scanner gives one code per scan, not a code and an empty line.
 *   <li>A line whose end never comes (a scanner set to send no suffix) is delivered as a code once
 *       {@code endGap} has passed without a byte: {@link #quiet} at the reader's next look, or
 *       {@link #accept} when the next bytes come later than that. A person cannot scan twice within
 *       the gap (150 ms by default), while the bytes of one code come within milliseconds of each
 *       other even at 9600 baud (about 1 ms a byte).
 *   <li>What is not a code is rejected, one {@link Rejected} per line, and never delivered: an empty
 *       or blank line, a line longer than {@code maxLength} bytes (the rest of it up to its end is
 *       skipped without being kept), bytes that are not text in the charset, a control character.
 *       The next line is read afresh: garbage never costs the next good code, unless the garbage
 *       came without a line end less than the quiet gap before it (the two are then one line).
 * </ul>
 *
 * <p>A code may be a citizen's login or payment code: the bytes kept are overwritten once a line is
 * done with, and {@link Code#toString()} shows its length, not its text.
 */
public final class LineAssembler {
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** How a code's line ended. */
    public enum Ending {
        /** CR, LF or CRLF. */
        LINE_END,
        /** No line end: the quiet gap passed. */
        QUIET_GAP
    }

    /** A line: a {@link Code}, or a {@link Rejected} line. */
    public sealed interface Line permits Code, Rejected {}

    /**
     * A code read: its text, its length in bytes on the wire, how it ended, and when its first and
     * last bytes came (nanos, the clock the assembler was fed with).
     */
    public record Code(String text, int bytes, Ending ending, long firstByteNanos, long lastByteNanos) implements Line {
        public Code {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ending, "ending");
        }

        /** From its first byte to its last, in milliseconds. */
        public double transferMillis() {
            return (lastByteNanos - firstByteNanos) / 1e6;
        }

        /** Its length and ending, never its text (a code may be personal). */
        @Override
        public String toString() {
            return "Code[" + text.length() + " characters, " + bytes + " bytes, " + ending + "]";
        }
    }

    /** A line that is not a code: why, its length in bytes, and a detail for the engineer (no content). */
    public record Rejected(ScannerCode reason, int bytes, String detail) implements Line {}

    private final Charset charset;
    private final int maxLength;
    private final long endGapNanos;
    private final byte[] line;

    private int length;
    /** Bytes of the current line beyond {@code maxLength}: counted, not kept. */
    private int overflow;

    private long firstByteNanos;
    private long lastByteNanos;
    /** A CR ended the last line: an LF right after it belongs to the same end. */
    private boolean afterCr;

    /**
     * @param maxLength the longest line taken as a code, in bytes
     * @param endGap how long a line without its end may rest before it is delivered as it is
     */
    public LineAssembler(Charset charset, int maxLength, Duration endGap) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, not " + maxLength);
        }
        if (endGap.isNegative() || endGap.isZero()) {
            throw new IllegalArgumentException("endGap must be positive, not " + endGap);
        }
        this.charset = Objects.requireNonNull(charset, "charset");
        this.maxLength = maxLength;
        this.endGapNanos = endGap.toNanos();
        this.line = new byte[maxLength];
    }

    /** Takes the bytes read at {@code nanos}; returns the lines they completed, in order. */
    public List<Line> accept(byte[] bytes, int offset, int count, long nanos) {
        List<Line> done = new ArrayList<>(2);
        if (count > 0) {
            if (gapPassed(nanos)) {
                finishAfterGap(done);
            }
            lastByteNanos = nanos;
        }
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    continue; // CRLF: the LF of the end already taken
                }
            }
            if (b == CR || b == LF) {
                done.add(finish(Ending.LINE_END));
                afterCr = b == CR;
                continue;
            }
            if (length + overflow == 0) {
                firstByteNanos = nanos;
            }
            if (length < maxLength) {
                line[length++] = b;
            } else {
                overflow++;
            }
        }
        return done;
    }

    /**
     * Nothing came up to {@code nanos}: a line resting longer than the quiet gap is finished now (a
     * code, or a rejection). Empty when nothing is due.
     */
    public List<Line> quiet(long nanos) {
        if (!gapPassed(nanos)) {
            return List.of();
        }
        List<Line> done = new ArrayList<>(1);
        finishAfterGap(done);
        return done;
    }

    /** When {@link #quiet} will finish the line in hand; empty when there is none. */
    public OptionalLong deadline() {
        if (length + overflow == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(lastByteNanos + endGapNanos);
    }

    /** Bytes of an unfinished line held (beyond {@code maxLength} too). */
    public int pending() {
        return length + overflow;
    }

    /** Forgets the unfinished line (the link was lost or reopened); returns how many bytes it had. */
    public int reset() {
        int dropped = length + overflow;
        wipe();
        afterCr = false;
        return dropped;
    }

    private boolean gapPassed(long nanos) {
        return (length + overflow > 0 || afterCr) && nanos - lastByteNanos >= endGapNanos;
    }

    private void finishAfterGap(List<Line> into) {
        afterCr = false; // an LF this late is not the end of that CR any more
        if (length + overflow > 0) {
            into.add(finish(Ending.QUIET_GAP));
        }
    }

    private Line finish(Ending ending) {
        int total = length + overflow;
        try {
            if (overflow > 0) {
                return new Rejected(
                        ScannerCode.LINE_TOO_LONG,
                        total,
                        "a line of " + total + " bytes, longer than the " + maxLength + " allowed (maxLength)");
            }
            if (total == 0) {
                return new Rejected(ScannerCode.EMPTY_LINE, 0, "an empty line");
            }
            return decode(ending);
        } finally {
            wipe();
        }
    }

    private Line decode(Ending ending) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(line, 0, length);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        try {
            if (result.isError()) {
                return new Rejected(
                        ScannerCode.BAD_ENCODING,
                        length,
                        "a line of " + length + " bytes that is not " + charset.name() + " text (byte "
                                + (in.position() + 1) + " of the line)");
            }
            out.flip();
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (Character.isISOControl(c)) {
                    return new Rejected(
                            ScannerCode.CONTROL_CHARACTER,
                            length,
                            String.format(
                                    Locale.ROOT,
                                    "a line of %d bytes with the control character U+%04X at character %d",
                                    length,
                                    (int) c,
                                    i + 1));
                }
            }
            String text = out.toString();
            if (text.isBlank()) {
                return new Rejected(ScannerCode.EMPTY_LINE, length, "a line of " + length + " bytes of spaces only");
            }
            return new Code(text, length, ending, firstByteNanos, lastByteNanos);
        } finally {
            Arrays.fill(out.array(), '\0');
        }
    }

    private void wipe() {
        Arrays.fill(line, 0, length, (byte) 0);
        length = 0;
        overflow = 0;
    }
}
