package cn.egov.kiosk.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one cancellable background-task type: the outcome of the latest run arrives, the outcome of a
 * run cancelled or started again never does (a late result goes to the discard action), and with
 * the kiosk's own runner the outcome arrives on the JavaFX thread and calls off it fail.
 */
class BackgroundTaskTest {

    /** Holds each run until the test finishes it, on the test thread (which plays the UI thread). */
    static final class Held implements TaskRunner {
        final List<Run<?>> runs = new ArrayList<>();

        record Run<T>(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            void succeed() throws Exception {
                onSuccess.accept(work.call());
            }

            void fail(Throwable error) {
                onFailure.accept(error);
            }
        }

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            runs.add(new Run<>(work, onSuccess, onFailure));
        }
    }

    private final Held held = new Held();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> discarded = new ArrayList<>();
    private final BackgroundTask<String> task = new BackgroundTask<>(held, discarded::add);
    private FxTaskRunner fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private void start(String result) {
        task.start(() -> result, delivered::add, e -> delivered.add("failed: " + e.getMessage()));
    }

    @Test
    void theOutcomeOfTheRunComesBack() throws Exception {
        start("A");
        assertThat(task.running()).isTrue();

        held.runs.get(0).succeed();

        assertThat(delivered).containsExactly("A");
        assertThat(task.running()).isFalse();
    }

    @Test
    void aFailureComesBackToo() {
        start("A");

        held.runs.get(0).fail(new IOException("no reader"));

        assertThat(delivered).containsExactly("failed: no reader");
        assertThat(task.running()).isFalse();
    }

    @Test
    void startingAgainDropsTheOutcomeOfTheRunBefore() throws Exception {
        start("A");
        start("B");

        held.runs.get(1).succeed();
        held.runs.get(0).succeed(); // the first comes back last

        assertThat(delivered).containsExactly("B");
        assertThat(discarded).as("the late result, to be wiped").containsExactly("A");
    }

    @Test
    void aCancelledRunIsNeverDelivered() throws Exception {
        start("A");
        start("B");

        task.cancel();
        assertThat(task.running()).isFalse();
        held.runs.get(0).succeed();
        held.runs.get(1).fail(new IOException("too late"));

        assertThat(delivered).isEmpty();
        assertThat(discarded).containsExactly("A");
    }

    @Test
    void aLateNullResultIsNotDiscarded() throws Exception {
        task.start(() -> null, delivered::add, e -> {});
        task.cancel();

        held.runs.get(0).succeed();

        assertThat(delivered).isEmpty();
        assertThat(discarded).isEmpty();
    }

    @Test
    void aRunStartedFromTheCallbackIsTheOneAwaited() throws Exception {
        BackgroundTask<String> retrying = new BackgroundTask<>(held);
        AtomicInteger reads = new AtomicInteger();
        Runnable[] read = new Runnable[1];
        // as the ID card login reads again by itself when the card moved
        read[0] = () -> retrying.start(() -> "read " + reads.incrementAndGet(), delivered::add, e -> read[0].run());
        read[0].run();

        held.runs.get(0).fail(new IOException("card moved"));

        assertThat(retrying.running()).as("the second read is awaited").isTrue();
        held.runs.get(1).succeed();
        assertThat(delivered).containsExactly("read 1");
        assertThat(retrying.running()).isFalse();
    }

    @Test
    void withTheKioskRunnerTheOutcomeArrivesOnTheFxThread() throws Exception {
        FxToolkit.registerPrimaryStage();
        fx = new FxTaskRunner();
        BackgroundTask<String> onFx = new BackgroundTask<>(fx);
        CompletableFuture<String> arrived = new CompletableFuture<>();

        onFx(() -> onFx.start(
                BackgroundTaskTest::threadName, // where the work runs
                worker -> arrived.complete(worker + " → " + where()),
                arrived::completeExceptionally));

        assertThat(arrived.get(10, SECONDS)).isEqualTo("ui-background → the JavaFX thread");
    }

    @Test
    void withTheKioskRunnerALateResultIsDroppedAndDiscardedOnTheFxThread() throws Exception {
        FxToolkit.registerPrimaryStage();
        fx = new FxTaskRunner();
        List<String> seen = new CopyOnWriteArrayList<>();
        BackgroundTask<String> onFx =
                new BackgroundTask<>(fx, late -> seen.add("discarded " + late + " on " + where()));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch worked = new CountDownLatch(1);

        onFx(() -> onFx.start(
                () -> {
                    try {
                        release.await(); // the background thread waits: that is allowed
                        return "the holder's data";
                    } finally {
                        worked.countDown();
                    }
                },
                result -> seen.add("delivered " + result),
                error -> seen.add("failed " + error)));
        onFx(onFx::cancel);
        release.countDown();
        assertThat(worked.await(10, SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(seen).containsExactly("discarded the holder's data on the JavaFX thread");
    }

    @Test
    void withTheKioskRunnerStartAndCancelFailOffTheFxThread() throws Exception {
        FxToolkit.registerPrimaryStage();
        fx = new FxTaskRunner();
        BackgroundTask<String> onFx = new BackgroundTask<>(fx);

        assertThatThrownBy(() -> onFx.start(() -> "A", r -> {}, e -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Not on the JavaFX application thread");
        assertThatThrownBy(onFx::cancel).isInstanceOf(IllegalStateException.class);
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }

    private static String where() {
        return Platform.isFxApplicationThread() ? "the JavaFX thread" : threadName();
    }

    /** Runs on the JavaFX thread and waits for it; what it throws is rethrown here. */
    static void onFx(Runnable what) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                what.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(10, SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the JavaFX thread did not answer", e);
        }
    }
}
