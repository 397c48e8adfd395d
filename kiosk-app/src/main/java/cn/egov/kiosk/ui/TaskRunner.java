package cn.egov.kiosk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back to it. ViewModels use this for anything
 * that touches a device, the store or the network; tests use a runner that does it all at once on
 * the calling thread. A ViewModel's background work goes through a {@link BackgroundTask}, which
 * drops the outcome of work that was cancelled or started again.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Throws {@link IllegalStateException} unless the caller is on the thread this runner hands the
     * results to: the UI thread, whose state the callbacks change. ViewModels call it first thing in
     * their entry points. The default checks nothing: a runner that hands results back on the calling
     * thread ({@link #DIRECT}, the tests' runners) makes any thread the UI thread.
     */
    default void checkUiThread() {}

    /** Runs the work and the callback on the calling thread: for ViewModel tests. */
    TaskRunner DIRECT = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };
}
