package cn.egov.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.runtime.ServiceNotifier;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * systemd hears that the kiosk lives only while its JavaFX thread answers: a hung UI stops the
 * notifications (and systemd restarts the kiosk), one that answers again resumes them.
 */
class UiWatchdogTest {
    private final List<String> sent = new ArrayList<>();
    private final Deque<Runnable> fxQueue = new ArrayDeque<>();
    private final ServiceNotifier notifier = new ServiceNotifier() {
        @Override
        public void send(String state) {
            sent.add(state);
        }

        @Override
        public Optional<Duration> watchdogEvery() {
            return Optional.of(Duration.ofSeconds(10));
        }

        @Override
        public void close() {}
    };

    private long pings() {
        return sent.stream().filter("WATCHDOG=1"::equals).count();
    }

    /** The JavaFX thread runs what was posted. */
    private void fxAnswers() {
        while (!fxQueue.isEmpty()) {
            fxQueue.removeFirst().run();
        }
    }

    @Test
    void systemdIsToldOnlyWhileTheJavaFxThreadAnswers() {
        UiWatchdog watchdog = new UiWatchdog(fxQueue::addLast, notifier, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            watchdog.turn();
            fxAnswers();
        }
        assertThat(pings()).as("a responsive UI").isEqualTo(3);

        watchdog.turn(); // the probe is posted, and the JavaFX thread hangs
        for (int i = 0; i < 5; i++) {
            watchdog.turn();
        }
        assertThat(pings()).as("nothing while the UI hangs").isEqualTo(4);
        assertThat(watchdog.lateTurns()).isEqualTo(5);
        assertThat(fxQueue).as("a hung queue is not filled with probes").hasSize(1);

        fxAnswers(); // it answers again
        watchdog.turn();
        assertThat(pings()).isEqualTo(5);
        assertThat(watchdog.lateTurns()).isZero();
        watchdog.close();
        assertThat(sent).last().isEqualTo("STOPPING=1");
    }

    @Test
    void readyIsToldAndTheProbesStartOnlyWhenTheUnitHasAWatchdog() throws Exception {
        Optional<UiWatchdog> w = UiWatchdog.ready(fxQueue::addLast, notifier);
        assertThat(sent).startsWith("READY=1");
        assertThat(w).isPresent();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pings() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        w.get().close();
        assertThat(pings()).as("the first turn at once").isEqualTo(1);

        assertThat(UiWatchdog.ready(fxQueue::addLast, ServiceNotifier.NONE)).isEmpty();
    }
}
