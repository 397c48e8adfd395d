package cn.egov.kiosk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a pool of background threads and the callbacks on the JavaFX thread; the UI thread
 * that {@link #checkUiThread()} insists on is the JavaFX application thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ui-background");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                if (e instanceof RuntimeException || e instanceof Error) {
                    log.error("Background work failed", e);
                } else {
                    log.debug("Background work ended with {}", e.toString()); // an outcome its caller handles
                }
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void checkUiThread() {
        FxThread.check();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
