package cn.egov.kiosk.ui;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.testfx.api.FxToolkit;
import reactor.blockhound.BlockingOperationError;

/**
 * The JavaFX thread rule is enforced: a test during which the JavaFX application thread blocks fails
 * with BlockHound's error, also when the code on that thread swallowed it; blocking on other threads
 * is not the rule's business. The failing tests are run here through the platform's test kit.
 */
class FxThreadWatchTest {
    /** Set while the test kit runs {@link BlocksTheFxThread}, which must not run on its own. */
    private static volatile boolean blockingOnPurpose;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // starts the toolkit (headless Monocle here) once
    }

    static boolean blockingOnPurpose() {
        return blockingOnPurpose;
    }

    /** Tests that block the JavaFX thread and swallow what it throws there, as an event handler may. */
    @ExtendWith(FxThreadWatch.class) // the test kit may not read junit-platform.properties
    @EnabledIf("cn.egov.kiosk.ui.FxThreadWatchTest#blockingOnPurpose")
    static class BlocksTheFxThread {

        @Test
        void sleepsOnTheFxThread() throws Exception {
            swallowed(() -> Thread.sleep(20));
        }

        @Test
        void waitsForAnEmptyQueueOnTheFxThread() throws Exception {
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            swallowed(() -> queue.poll(20, MILLISECONDS));
        }
    }

    @Test
    void aTestThatSleepsOnTheFxThreadFailsWithBlockHoundsError() {
        Throwable failure = failureOf("sleepsOnTheFxThread");

        assertThat(failure)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("The JavaFX application thread blocked during");
        assertThat(failure.getCause())
                .isInstanceOf(BlockingOperationError.class)
                .hasMessage("Blocking call! java.lang.Thread.sleep");
    }

    @Test
    void aTestThatWaitsForAQueueOnTheFxThreadFailsWithBlockHoundsError() {
        Throwable failure = failureOf("waitsForAnEmptyQueueOnTheFxThread");

        assertThat(failure.getCause())
                .isInstanceOf(BlockingOperationError.class)
                .hasMessage("Blocking call! jdk.internal.misc.Unsafe#park");
    }

    @Test
    void theBlockingCallItselfThrowsOnTheFxThreadAndIsRecorded() throws Exception {
        Throwable thrown = swallowed(() -> Thread.sleep(20));

        assertThat(thrown).isInstanceOf(BlockingOperationError.class);
        assertThatThrownBy(() -> FxThreadWatch.verify("here"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("The JavaFX application thread blocked here: Blocking call! java.lang.Thread.sleep")
                .hasCause(thrown);
        FxThreadWatch.verify("after the check"); // the record was emptied: this test passes
    }

    @Test
    void blockingOffTheFxThreadIsAllowed() throws Exception {
        Thread.sleep(1);
        assertThat(new LinkedBlockingQueue<>(List.of("x")).take()).isEqualTo("x");

        FxThreadWatch.verify("here");
    }

    @Test
    void theWatchedThreadIsTheOneTheToolkitRunsOn() throws Exception {
        CompletableFuture<String> name = new CompletableFuture<>();
        Platform.runLater(() -> name.complete(Thread.currentThread().getName()));

        assertThat(name.get(10, SECONDS))
                .isEqualTo(FxThreadWatch.FX_THREAD); // Monocle's event thread, renamed by Quantum
    }

    /** Runs one test of {@link BlocksTheFxThread} and returns why it failed. */
    private static Throwable failureOf(String test) {
        Events tests;
        blockingOnPurpose = true;
        try {
            tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectMethod(BlocksTheFxThread.class, test))
                    .execute()
                    .testEvents();
        } finally {
            blockingOnPurpose = false;
        }
        tests.assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        return tests.failed()
                .list()
                .get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    /** Something that may block. */
    interface Blocking {
        void run() throws Exception;
    }

    /** Runs on the JavaFX thread and returns what it threw there (null for nothing). */
    private static Throwable swallowed(Blocking what) throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                what.run();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        return thrown.get(10, SECONDS);
    }
}
