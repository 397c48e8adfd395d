package cn.egov.kiosk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back to it. ViewModels use this for anything
 * that touches a device, the store or the network; tests use a runner that does it all at once on
 * the calling thread.
 */
public interface TaskRunner {

  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** Runs the work and the callback on the calling thread: for ViewModel tests. */
  TaskRunner DIRECT =
      new TaskRunner() {
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
