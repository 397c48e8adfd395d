package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.sync.PlatformLink;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Staff's view of the platform, behind the staff PIN: whether it answers, the clock, the local
 * copy's size and age, what waits to be sent, and the dead letters (records the platform refused
 * for good) with their reason, which staff can send again. Everything is read off the JavaFX thread;
 * the entry points run on it only.
 */
public final class PlatformPanelViewModel implements CitizenState {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Supplier<PlatformServices.Report> report;
    private final IntSupplier retryDeadLetters;
    private final Runnable syncNow;
    private final ZoneId zone;
    private final Clock clock;
    private Instant lastTouch = Instant.MIN;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outbox = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ObservableList<String> deadLetters = FXCollections.observableArrayList();

    /**
     * @param report the platform at a glance (blocking: run on the task runner)
     * @param retryDeadLetters sends every dead letter again, returns how many
     * @param syncNow looks for the platform and synchronises now (blocking)
     */
    public PlatformPanelViewModel(
            I18n i18n,
            TaskRunner tasks,
            Supplier<PlatformServices.Report> report,
            IntSupplier retryDeadLetters,
            Runnable syncNow,
            ZoneId zone,
            Clock clock) {
        this.clock = clock;
        this.i18n = i18n;
        this.tasks = tasks;
        this.report = report;
        this.retryDeadLetters = retryDeadLetters;
        this.syncNow = syncNow;
        this.zone = zone;
    }

    /** How long the panel stays open without a touch: it shows the kiosk's state to whoever stands there. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    public void open() {
        tasks.checkUiThread();
        message.set("");
        visible.set(true);
        touch();
        refresh();
    }

    /** Staff touched the screen: the panel stays open {@link #IDLE_LIMIT} longer. */
    public void touch() {
        tasks.checkUiThread();
        lastTouch = clock.instant();
    }

    /** Every second: a panel left alone for {@link #IDLE_LIMIT} closes. */
    public void tick() {
        tasks.checkUiThread();
        if (visible.get() && !clock.instant().isBefore(lastTouch.plus(IDLE_LIMIT))) {
            close();
        }
    }

    @Override
    public void resetForNextCitizen() {
        close();
    }

    public void close() {
        tasks.checkUiThread();
        visible.set(false);
        deadLetters.clear();
    }

    /** Reads the report again. */
    public void refresh() {
        tasks.checkUiThread();
        busy.set(true);
        tasks.run(report::get, this::show, this::failed);
    }

    /** Sends every dead letter again, then shows the report. */
    public void retryAll() {
        tasks.checkUiThread();
        busy.set(true);
        tasks.run(
                () -> {
                    int n = retryDeadLetters.getAsInt();
                    return new Object[] {n, report.get()};
                },
                r -> {
                    show((PlatformServices.Report) r[1]);
                    message.set(i18n.text(Msg.STAFF_PLATFORM_RETRIED, r[0]));
                },
                this::failed);
    }

    /** Looks for the platform and synchronises now, then shows the report. */
    public void syncNow() {
        tasks.checkUiThread();
        busy.set(true);
        message.set(i18n.text(Msg.STAFF_PLATFORM_SYNCING));
        tasks.run(
                () -> {
                    syncNow.run();
                    return report.get();
                },
                r -> {
                    show(r);
                    message.set("");
                },
                this::failed);
    }

    private void show(PlatformServices.Report r) {
        busy.set(false);
        PlatformLink.Status link = r.link();
        String state;
        switch (link.state()) {
            case ONLINE:
                state = i18n.text(Msg.STAFF_PLATFORM_ONLINE, at(link.lastContact()));
                break;
            case OFFLINE:
                state = i18n.text(Msg.STAFF_PLATFORM_OFFLINE, at(Optional.of(link.since())), at(link.lastContact()));
                break;
            case NOT_REGISTERED:
                state = i18n.text(Msg.STAFF_PLATFORM_NOT_REGISTERED);
                break;
            case STARTING:
                state = i18n.text(Msg.STAFF_PLATFORM_SYNCING);
                break;
            default:
                state = "";
        }
        String clockLine = i18n.text(
                r.clockDrift() ? Msg.STAFF_PLATFORM_CLOCK_DRIFT : Msg.STAFF_PLATFORM_CLOCK,
                String.format("%.1f", Math.round(link.clockOffset().toMillis() / 100.0) / 10.0));
        String copy = i18n.text(Msg.STAFF_PLATFORM_CATALOGUE, r.catalogueItems(), at(r.dataAsOf()));
        status.set(state + "\n" + clockLine + "\n" + copy);
        List<String> w = new ArrayList<>();
        if (r.usedCodeConfigured()) {
            w.add(i18n.text(Msg.STAFF_PLATFORM_USED_CODE));
        }
        r.clockCorrectionRefused()
                .ifPresent(d -> w.add(i18n.text(
                        Msg.STAFF_PLATFORM_CLOCK_REFUSED,
                        d.toSeconds(),
                        r.maxClockCorrection().toSeconds())));
        warnings.set(String.join("\n", w));
        outbox.set(i18n.text(Msg.STAFF_PLATFORM_OUTBOX, r.pending(), r.dead(), at(r.oldestPending())));
        deadLetters.setAll(r.deadLetters().stream()
                .map(d -> at(Optional.of(d.occurredAt())) + "  " + d.kind() + "  ×" + d.attempts() + "  " + d.error())
                .toList());
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(i18n.text(Msg.STAFF_PLATFORM_FAILED, e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    private String at(Optional<Instant> t) {
        return t.map(i -> TIME.format(i.atZone(zone))).orElse("—");
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outboxProperty() {
        return outbox.getReadOnlyProperty();
    }

    /** What staff should fix (a used registration code still configured, a refused clock correction); empty when nothing. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One line per dead letter: when, what, tries, why. */
    public ObservableList<String> deadLetters() {
        return deadLetters;
    }

    public I18n i18n() {
        return i18n;
    }
}
