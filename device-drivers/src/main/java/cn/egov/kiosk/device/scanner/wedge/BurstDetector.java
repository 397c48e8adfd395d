package cn.egov.kiosk.device.scanner.wedge;

import cn.egov.kiosk.device.manage.OptionReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tells a keyboard-wedge scanner's typing from a person's: pure logic, fed with key events and the
 * time each came (nanos), whatever the events are ({@code E}: JavaFX key events in the kiosk, records
 * in the tests). Not thread-safe: the window's event thread owns it.
 *
 * <p>A scan is at least {@code minLength} characters, each less than {@code maxGap} after the one
 * before, then Enter less than {@code maxGap} after the last: a scanner types a character every 1 to
 * 16 ms (a USB keyboard report, or two, per character), while even a fast typist leaves 60 to 80 ms
 * or more between keys (120 words a minute is 100 ms a character), and no person types four keys and
 * Enter each within 35 ms of the one before. The scan's events are dropped and its code returned;
 * the events that trail its Enter (Enter's own character and release) within one more gap are
 * dropped too.
 *
 * <p>Everything else is a person typing, and is handed back, in the order it came, to be typed
 * normally: held keys are released as soon as they cannot be a scan any more: when {@code maxGap}
 * passes without the next character ({@link #expire}, which the caller runs at {@link #deadline}),
 * when Enter comes too early, or when a key comes that no scanner types (Backspace, Tab, an arrow:
 * {@link Kind#OTHER}). A person's key is thus held for one gap at most (35 ms by default).
 */
public final class BurstDetector<E> {
    /** A burst longer than this is no code (QR codes stop at 7,089 digits): someone lies on a key. */
    public static final int MAX_CODE_CHARACTERS = 8_192;

    /** What an event is, for the detector. */
    public enum Kind {
        /** A printable character typed (given with the event). */
        CHARACTER,
        /** Enter pressed: the end of a scan, or a person's Enter. */
        ENTER,
        /** A key pressed whose character comes as an event of its own, or a modifier (Shift). */
        LEADING,
        /** A key released, or a control character typed (Enter's own {@code \r}): after its key. */
        TRAILING,
        /** A key no scanner types: Backspace, Delete, Tab, Escape, an arrow, a function key. */
        OTHER
    }

    /**
     * @param maxGap the longest time between two characters of a scan (and before its Enter)
     * @param minLength the fewest characters a scan has
     */
    public record Options(Duration maxGap, int minLength) {
        /**
         * 35 ms: above a scanner's 1 to 16 ms a character, below the 60 to 80 ms between a fast
         * typist's keys; it is also how long a person's key is held before it is typed, which nobody
         * notices. At least 4 characters: no code the kiosk takes is shorter, and a person's quick
         * "ok" and Enter stays typing.
         */
        public static final Options DEFAULTS = new Options(Duration.ofMillis(35), 4);

        public Options {
            if (maxGap.isNegative() || maxGap.isZero()) {
                throw new IllegalArgumentException("maxGap must be positive, not " + maxGap);
            }
            if (minLength < 1) {
                throw new IllegalArgumentException("minLength must be positive, not " + minLength);
            }
        }

        /** Reads {@code maxGapMs} (10-150) and {@code minLength} (1-64). */
        public static Options read(OptionReader r) {
            return new Options(
                    r.millis("maxGapMs", DEFAULTS.maxGap(), 10, 150),
                    r.integer("minLength", DEFAULTS.minLength(), 1, 64));
        }
    }

    /**
     * What the caller does now: let {@code release} through, in order (a person's keys), and hand
     * {@code code} to the scanner when a scan ended. Neither, while keys are held.
     */
    public record Step<E>(List<E> release, Optional<String> code) {
        public Step {
            release = List.copyOf(release);
            Objects.requireNonNull(code, "code");
        }

        /** Nothing to do. */
        public boolean isEmpty() {
            return release.isEmpty() && code.isEmpty();
        }
    }

    private final long maxGapNanos;
    private final int minLength;

    /** Events held, in order, while they may be a scan. */
    private final List<E> held = new ArrayList<>();

    private final StringBuilder characters = new StringBuilder();
    /** When the last character came (or the hold started): the gap is measured from here. */
    private long lastNanos;
    /** A scan's Enter came at {@code scanEndNanos}: what trails it within a gap is the scan's. */
    private boolean afterScan;

    private long scanEndNanos;

    public BurstDetector(Options options) {
        this.maxGapNanos = options.maxGap().toNanos();
        this.minLength = options.minLength();
    }

    /**
     * One event, at {@code nanos}.
     *
     * @param character the character typed, for {@link Kind#CHARACTER}; ignored otherwise
     */
    public Step<E> key(E event, Kind kind, String character, long nanos) {
        List<E> release = new ArrayList<>();
        if (!held.isEmpty() && nanos - lastNanos >= maxGapNanos) {
            releaseHeld(release); // the gap passed before the caller's timer said so
        }
        if (afterScan) {
            if (kind == Kind.TRAILING && nanos - scanEndNanos < maxGapNanos) {
                return new Step<>(release, Optional.empty()); // the scan's Enter, released
            }
            afterScan = false;
        }
        switch (kind) {
            case CHARACTER -> {
                held.add(event);
                characters.append(character);
                lastNanos = nanos;
                if (characters.length() > MAX_CODE_CHARACTERS) {
                    releaseHeld(release);
                }
            }
            case ENTER -> {
                if (characters.length() >= minLength) {
                    String code = characters.toString();
                    forget();
                    afterScan = true;
                    scanEndNanos = nanos;
                    return new Step<>(release, Optional.of(code));
                }
                releaseHeld(release);
                release.add(event);
            }
            case LEADING -> {
                if (held.isEmpty()) {
                    lastNanos = nanos;
                }
                held.add(event);
            }
            case TRAILING -> {
                if (held.isEmpty()) {
                    release.add(event);
                } else {
                    held.add(event);
                }
            }
            case OTHER -> {
                releaseHeld(release);
                release.add(event);
            }
        }
        return new Step<>(release, Optional.empty());
    }

    /** The time passed to {@code nanos}: held keys whose gap has passed are a person's. */
    public Step<E> expire(long nanos) {
        List<E> release = new ArrayList<>();
        if (!held.isEmpty() && nanos - lastNanos >= maxGapNanos) {
            releaseHeld(release);
        }
        if (afterScan && nanos - scanEndNanos >= maxGapNanos) {
            afterScan = false;
        }
        return new Step<>(release, Optional.empty());
    }

    /** When {@link #expire} should run next: one gap after the last character; empty when nothing is held. */
    public OptionalLong deadline() {
        return held.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lastNanos + maxGapNanos);
    }

    /** Whether keys are held. */
    public boolean holding() {
        return !held.isEmpty();
    }

    /** Drops what is held without releasing it (the window closes). */
    public void forget() {
        held.clear();
        for (int i = 0; i < characters.length(); i++) {
            characters.setCharAt(i, '\0'); // a code may be personal: not left in the buffer
        }
        characters.setLength(0);
    }

    private void releaseHeld(List<E> into) {
        into.addAll(held);
        forget();
    }
}
