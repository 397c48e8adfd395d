package cn.egov.kiosk.ui.admin;

import cn.egov.kiosk.ui.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The plumbing every admin panel's view model shares, owned by it (one each; composition, not a base
 * class): whether the panel shows, staff's last touch and the close after the panel's idle limit,
 * busy while staff's work runs off the JavaFX thread, and the one question waiting for staff's yes.
 * Everything runs on the JavaFX thread; the entry points check it.
 *
 * <p>To move a panel's view model onto it (as {@code PaymentsPanelViewModel} did):
 *
 * <ul>
 *   <li>implement {@link AdminPanel} and hold {@code new AdminPanelSession(tasks, clock, IDLE_LIMIT)}
 *       (with a {@code heldOpen} test when something besides work keeps the panel open, as the
 *       diagnostics' serial monitor does) instead of the fields {@code visible}, {@code busy},
 *       {@code lastTouch}, {@code pending} and {@code confirmation}; drop {@code touch()},
 *       {@code tick()}, {@code resetForNextCitizen()}, {@code confirm()}, {@code cancelConfirmation()}
 *       and the {@code visible}, {@code busy} and {@code confirmation} properties' getters: the
 *       interface's defaults hand them to the session;
 *   <li>{@code open()}: reset the panel's own state, then {@link #open()}, then read;
 *       {@code close()}: {@link #close()}, then drop the panel's own state;
 *   <li>staff's work: {@code if (!session.begin()) return;}, say what is being done, then {@link #run}:
 *       busy ends before the outcome is handed on. Work through a {@code BackgroundTask} calls
 *       {@link #end()} in its callbacks and on close;
 *   <li>an action behind a confirmation: {@link #ask}.
 * </ul>
 */
public final class AdminPanelSession {
    private final TaskRunner tasks;
    private final Clock clock;
    private final Duration idleLimit;
    private final BooleanSupplier heldOpen;
    private Instant lastTouch = Instant.MIN;
    private Optional<Runnable> pending = Optional.empty();

    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");

    /** A panel that closes after {@code idleLimit} without a touch, unless staff's work runs. */
    public AdminPanelSession(TaskRunner tasks, Clock clock, Duration idleLimit) {
        this(tasks, clock, idleLimit, () -> false);
    }

    /** As above; nor while {@code heldOpen} says so (the serial monitor runs, say). */
    public AdminPanelSession(TaskRunner tasks, Clock clock, Duration idleLimit, BooleanSupplier heldOpen) {
        this.tasks = tasks;
        this.clock = clock;
        this.idleLimit = idleLimit;
        this.heldOpen = heldOpen;
    }

    // ---- opening and closing ------------------------------------------------------------------

    /** The panel shows, with no question waiting; the idle limit counts from now. */
    public void open() {
        tasks.checkUiThread();
        cancelConfirmation();
        visible.set(true);
        touch();
    }

    /** Staff touched the screen: the panel stays open its idle limit longer. */
    public void touch() {
        tasks.checkUiThread();
        lastTouch = clock.instant();
    }

    /**
     * Whether the panel has been left alone long enough to close: it shows, no work of staff's runs,
     * nothing holds it open, and it was last touched its idle limit ago or more. The one-second tick
     * asks; the view model closes.
     */
    public boolean idle() {
        tasks.checkUiThread();
        return visible.get()
                && !busy.get()
                && !heldOpen.getAsBoolean()
                && !clock.instant().isBefore(lastTouch.plus(idleLimit));
    }

    /** The panel is hidden; a question that waited is dropped. */
    public void close() {
        tasks.checkUiThread();
        visible.set(false);
        cancelConfirmation();
    }

    public boolean visible() {
        return visible.get();
    }

    // ---- staff's work -------------------------------------------------------------------------

    public boolean busy() {
        return busy.get();
    }

    /** Staff's work starts: false, and nothing is to start, when some already runs. */
    public boolean begin() {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        return true;
    }

    /** The work that {@link #begin()} started ended some other way (cancelled, its own task's callback). */
    public void end() {
        busy.set(false);
    }

    /**
     * Runs the work {@link #begin()} started off the JavaFX thread; back on it, busy ends before
     * {@code done} or {@code failed} gets the outcome.
     */
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        tasks.run(
                work,
                result -> {
                    end();
                    done.accept(result);
                },
                error -> {
                    end();
                    failed.accept(error);
                });
    }

    // ---- the question before an action that changes something ---------------------------------

    /** Asks staff {@code question}; {@code then} runs on their yes. */
    public void ask(String question, Runnable then) {
        pending = Optional.of(then);
        confirmation.set(question);
    }

    /** Staff said yes to what the question asked. */
    public void confirm() {
        tasks.checkUiThread();
        Optional<Runnable> then = pending;
        cancelConfirmation();
        then.ifPresent(Runnable::run);
    }

    /** Staff said no: nothing is done. */
    public void cancelConfirmation() {
        tasks.checkUiThread();
        pending = Optional.empty();
        confirmation.set("");
    }

    // ---- what the view shows ------------------------------------------------------------------

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** Staff's work is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What waits for staff's yes; empty when nothing does. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** A failure's words for staff: its message, or what it is when it has none. */
    public static String reason(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
