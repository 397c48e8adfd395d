package cn.egov.kiosk.device.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition instead of sleeping: tests wait exactly as long as they must. */
public final class Await {
    private static final long POLL_MS = 10;

    private Await() {}

    /**
     * Returns as soon as {@code condition} holds; polls every 10 ms.
     *
     * @param what what is awaited, for the failure message ("the printer to go offline")
     * @throws AssertionError naming {@code what} when {@code timeout} passes first
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
