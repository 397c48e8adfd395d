package cn.egov.kiosk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One kind of a ViewModel's background work (reading the ID card, rendering the licence, printing a
 * ticket), cancellable: {@link #start} runs the work off the UI thread through a {@link TaskRunner}
 * and hands its outcome back on the UI thread, but only while it is still wanted. Starting again, or
 * {@link #cancel()} (the screen left, the session ended), makes the run in flight stale: its result
 * or failure, whenever it comes, is never delivered. A stale result goes to the task's discard action
 * instead, which overwrites what it holds of a citizen who has gone.
 *
 * <p>The work itself is not interrupted (an interrupted device read could leave its link in the
 * middle of a frame): what can be stopped early is stopped by its own service, as the ID card read
 * is by {@code IdentityService.cancel()}. Everything but the work runs on the UI thread, so a task
 * needs no locks; {@link #start} and {@link #cancel()} fail on any other thread.
 *
 * @param <T> what the work gives
 */
public final class BackgroundTask<T> {
    private final TaskRunner runner;
    private final Consumer<? super T> discard;
    /** Counts the starts and cancels: a run's outcome is wanted while this is still its number. */
    private long generation;

    private boolean running;

    /** A task whose stale results hold nothing that needs overwriting. */
    public BackgroundTask(TaskRunner runner) {
        this(runner, stale -> {});
    }

    /**
     * @param discard what becomes of a result that came after the run was cancelled or started again
     *     (not called for a null result), on the UI thread: it wipes what the result holds
     */
    public BackgroundTask(TaskRunner runner, Consumer<? super T> discard) {
        this.runner = runner;
        this.discard = discard;
    }

    /**
     * Runs the work in the background, cancelling the run in flight if there is one. The callbacks run
     * on the UI thread, and only if no start or cancel came after this one.
     */
    public void start(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        runner.checkUiThread();
        long run = ++generation;
        running = true;
        runner.run(
                work,
                result -> {
                    if (run != generation) {
                        if (result != null) {
                            discard.accept(result);
                        }
                        return;
                    }
                    running = false; // before the callback, which may start the task again
                    onSuccess.accept(result);
                },
                error -> {
                    if (run == generation) {
                        running = false;
                        onFailure.accept(error);
                    }
                });
    }

    /** The run in flight, if any, is no longer wanted: its outcome will be dropped. */
    public void cancel() {
        runner.checkUiThread();
        generation++;
        running = false;
    }

    /** Whether a run has started whose outcome is still wanted and still to come. */
    public boolean running() {
        return running;
    }
}
