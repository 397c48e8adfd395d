package cn.egov.kiosk.device.smartcard.pcsc;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Keeps the card watch out of pcsc-lite's way: pcsc-lite serialises the calls on the JVM's one
 * context, so an APDU sent while the watch is blocked in its wait waits for the slice to end. The
 * gate counts the uses of the card in progress and holds the watch while there is one, and for
 * {@link #QUIET} after each use and each insertion (a read is likely to follow one at once).
 */
final class PcscQuietGate {
    /** How long the card watch stays out of the way after a card was used or inserted. */
    static final Duration QUIET = Duration.ofMillis(250);

    private int activeUses;
    private long quietUntil = System.nanoTime();

    /** A use of the card begins. */
    synchronized void enter() {
        activeUses++;
    }

    /** A use of the card ended: the watch may look again after the quiet time. */
    synchronized void leave() {
        activeUses--;
        quietUntil = System.nanoTime() + QUIET.toNanos();
        notifyAll();
    }

    /** A card was inserted: a read is likely to follow at once. */
    synchronized void inserted() {
        quietUntil = System.nanoTime() + QUIET.toNanos();
    }

    /** Wakes a watch waiting here, to see that it is to stop. */
    synchronized void wake() {
        notifyAll();
    }

    /**
     * Waits, while {@code watching} holds, as long as the card is in use or just was.
     *
     * @return true when it waited
     */
    synchronized boolean awaitQuiet(BooleanSupplier watching) throws InterruptedException {
        boolean waited = false;
        while (watching.getAsBoolean() && (activeUses > 0 || System.nanoTime() - quietUntil < 0)) {
            long ms = activeUses > 0 ? 1000 : Math.max(1, (quietUntil - System.nanoTime()) / 1_000_000);
            wait(ms);
            waited = true;
        }
        return waited;
    }
}
