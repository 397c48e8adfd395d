package cn.egov.kiosk.speech;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for what the speaker's thread does: a generous limit that only a hang reaches. */
final class Waiting {
    private Waiting() {}

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 20 s for: " + what);
            }
            Thread.sleep(5);
        }
    }
}
