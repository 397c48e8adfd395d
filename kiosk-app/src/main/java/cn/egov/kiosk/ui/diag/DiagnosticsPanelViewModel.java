package cn.egov.kiosk.ui.diag;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.manage.DeviceError;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.diag.DeviceDiagnostics;
import cn.egov.kiosk.diag.DeviceDiagnostics.Action;
import cn.egov.kiosk.diag.DeviceDiagnostics.Outcome;
import cn.egov.kiosk.diag.DeviceDiagnostics.Page;
import cn.egov.kiosk.diag.DeviceDiagnostics.Problem;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.admin.AdminPanel;
import cn.egov.kiosk.ui.admin.AdminPanelSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The engineer's diagnostics panel: the devices with their state; a tapped device's page with its
 * health at every level, counters (reset after a confirmation), recent errors with their codes and
 * times, and the actions its class offers; each action run off the JavaFX thread, its result said in
 * plain words. Entry points run on the JavaFX thread only.
 */
public final class DiagnosticsPanelViewModel implements AdminPanel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);

    /** How long the panel stays open without a touch. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(180);

    /** One device in the list, in words. */
    public record Row(String id, String title, String state, boolean healthy) {}

    private final I18n i18n;
    private final TaskRunner tasks;
    private final DeviceDiagnostics diagnostics;
    private final ZoneId zone;
    private final Clock clock;
    private final BackgroundTask<List<DeviceHealth>> listing;
    private final BackgroundTask<Optional<Page>> paging;
    private final AdminPanelSession session;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageState = new ReadOnlyStringWrapper("");
    private final ObservableList<String> health = FXCollections.observableArrayList();
    private final ObservableList<String> counters = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<Action> actions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    // the bundle: the drives to choose from when there are several
    private final ObservableList<Path> drives = FXCollections.observableArrayList();
    // the serial monitor
    private Optional<DeviceDiagnostics.WireWatch> watch = Optional.empty();
    private final BackgroundTask<Optional<DeviceDiagnostics.WireWatch>> watching;
    private final ReadOnlyBooleanWrapper monitoring = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper monitorStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<String> monitorLines = FXCollections.observableArrayList();
    private String outLabel = "";
    private String inLabel = "";
    private long shownDropped;

    public DiagnosticsPanelViewModel(
            I18n i18n, TaskRunner tasks, DeviceDiagnostics diagnostics, ZoneId zone, Clock clock) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.diagnostics = diagnostics;
        this.zone = zone;
        this.clock = clock;
        this.listing = new BackgroundTask<>(tasks);
        this.paging = new BackgroundTask<>(tasks);
        this.watching = new BackgroundTask<>(tasks, w -> w.ifPresent(DeviceDiagnostics.WireWatch::close));
        // the serial monitor holds the panel open: the engineer watches, touching nothing
        this.session = new AdminPanelSession(tasks, clock, IDLE_LIMIT, monitoring::get);
    }

    // ---- opening and closing ------------------------------------------------------------------

    @Override
    public AdminPanelSession session() {
        return session;
    }

    /** Opens on the list of devices. */
    public void open() {
        tasks.checkUiThread();
        clearPage();
        say("", "", false);
        session.open();
        refreshList();
    }

    /** Every second: the list follows the devices; a panel left alone closes (unless an action runs). */
    @Override
    public void tick() {
        tasks.checkUiThread();
        if (!session.visible()) {
            return;
        }
        if (session.idle()) {
            close();
            return;
        }
        if (!listing.running()) {
            refreshList();
        }
    }

    @Override
    public void close() {
        tasks.checkUiThread();
        closeMonitor();
        drives.clear();
        session.close();
        listing.cancel();
        paging.cancel();
        clearPage();
        rows.clear();
        loaded.set(false);
        say("", "", false);
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Reads the devices' states again. */
    public void refreshList() {
        tasks.checkUiThread();
        listing.start(diagnostics::devices, this::showList, this::failedToRead);
    }

    /** A device tapped: its page is read, its health checked at every level that asks nothing of a person. */
    public void select(String deviceId) {
        tasks.checkUiThread();
        cancelConfirmation();
        closeMonitor();
        clearPage();
        selected.set(deviceId);
        pageTitle.set(rows.stream()
                .filter(r -> r.id().equals(deviceId))
                .map(Row::title)
                .findFirst()
                .orElse(deviceId));
        pageState.set(i18n.text(Msg.DIAG_CHECKING));
        loadPage(true);
    }

    private void loadPage(boolean checkHardware) {
        String id = selected.get();
        if (id.isEmpty()) {
            return;
        }
        paging.start(() -> diagnostics.page(id, checkHardware), this::showPage, this::failedToRead);
    }

    private void showList(List<DeviceHealth> all) {
        loaded.set(true);
        rows.setAll(all.stream().map(this::row).toList());
    }

    private Row row(DeviceHealth h) {
        return new Row(
                h.id(),
                i18n.text(Msg.DIAG_DEVICE_TITLE, className(h.deviceClass()), h.id()),
                i18n.text(
                        Msg.DIAG_DEVICE_STATE,
                        stateName(h.state()),
                        i18n.text(h.healthy() ? Msg.DIAG_HEALTHY : Msg.DIAG_UNHEALTHY),
                        h.text()),
                h.healthy());
    }

    private void showPage(Optional<Page> page) {
        if (page.isEmpty()) {
            clearPage();
            return;
        }
        Page p = page.get();
        DeviceHealth h = p.device();
        Row row = row(h);
        pageTitle.set(row.title());
        pageState.set(i18n.text(Msg.DIAG_PAGE_STATE, row.state(), h.driver(), h.connection()));
        List<String> levels = new ArrayList<>();
        for (HealthLevel level : HealthLevel.values()) {
            HealthReport r = p.health().get(level);
            levels.add(
                    r == null
                            ? i18n.text(Msg.DIAG_LEVEL_NOT_CHECKED, levelName(level))
                            : i18n.text(
                                    Msg.DIAG_LEVEL_REPORT,
                                    levelName(level),
                                    i18n.text(r.healthy() ? Msg.DIAG_HEALTHY : Msg.DIAG_UNHEALTHY),
                                    r.text(),
                                    at(r.checkedAt())));
        }
        p.advisories().forEach(a -> levels.add(i18n.text(Msg.DIAG_ADVISORY, a)));
        health.setAll(levels);
        counters.setAll(counterLines(h.counters()));
        errors.setAll(
                p.errors().isEmpty()
                        ? List.of(i18n.text(Msg.DIAG_NO_ERRORS))
                        : p.errors().stream().map(this::errorLine).toList());
        actions.setAll(p.actions());
    }

    private List<String> counterLines(Map<String, Long> all) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : all.entrySet()) {
            String name = e.getKey();
            long value = e.getValue();
            Optional<Msg> known = counterName(name);
            if (DeviceStatistics.SECONDS_ONLINE.equals(name)) {
                lines.add(i18n.text(Msg.DIAG_COUNTER_HOURS, String.format(Locale.ROOT, "%.1f", value / 3600.0)));
            } else if (known.isPresent()) {
                lines.add(i18n.text(known.get(), Long.toString(value)));
            } else {
                lines.add(i18n.text(Msg.DIAG_COUNTER_OTHER, name, Long.toString(value)));
            }
        }
        return lines;
    }

    private String errorLine(DeviceError e) {
        String code = e.extended().isEmpty() ? e.code() : e.code() + "/" + e.extended();
        return i18n.text(Msg.DIAG_ERROR_LINE, at(e.at()), code, e.text());
    }

    private void failedToRead(Throwable error) {
        say(i18n.text(Msg.DIAG_READ_FAILED), String.valueOf(error.getMessage()), true);
    }

    private void clearPage() {
        paging.cancel();
        selected.set("");
        pageTitle.set("");
        pageState.set("");
        health.clear();
        counters.clear();
        errors.clear();
        actions.clear();
    }

    // ---- acting -------------------------------------------------------------------------------

    /** Runs an action on the device shown; its result is said in plain words, then the page is read again. */
    public void run(Action action) {
        tasks.checkUiThread();
        String id = selected.get();
        if (id.isEmpty() || !actions.contains(action) || !session.begin()) {
            return;
        }
        cancelConfirmation();
        say(i18n.text(Msg.DIAG_RUNNING, actionName(action)), "", false);
        session.run(
                () -> diagnostics.run(id, action),
                outcome -> {
                    showOutcome(outcome);
                    afterAction(id);
                },
                error -> {
                    say(
                            i18n.text(Msg.DIAG_ACTION_FAILED, actionName(action), i18n.text(Msg.DIAG_PROBLEM_FAULT)),
                            String.valueOf(error.getMessage()),
                            true);
                    afterAction(id);
                });
    }

    private void showOutcome(Outcome o) {
        if (o.ok()) {
            say(i18n.text(okMsg(o.action()), o.detail()), "", false);
        } else {
            Problem p = o.problem().orElseThrow();
            say(
                    i18n.text(Msg.DIAG_ACTION_FAILED, actionName(o.action()), i18n.text(problemMsg(p))),
                    o.detail().isEmpty() ? "" : i18n.text(Msg.DIAG_DETAIL, o.detail()),
                    true);
        }
    }

    private void afterAction(String id) {
        if (session.visible()) {
            refreshList();
            if (id.equals(selected.get())) {
                loadPage(false);
            }
        }
    }

    /** Asks to confirm that the shown device's counters go back to zero. */
    public void resetCounters() {
        tasks.checkUiThread();
        String id = selected.get();
        if (id.isEmpty() || session.busy()) {
            return;
        }
        session.ask(i18n.text(Msg.DIAG_RESET_CONFIRM, id), () -> resetNow(id));
    }

    private void resetNow(String id) {
        // asked only while nothing ran, and work that starts drops the question: never busy here
        if (!session.begin()) {
            return;
        }
        say(i18n.text(Msg.DIAG_RESETTING), "", false);
        session.run(
                () -> diagnostics.resetCounters(id),
                done -> {
                    say(i18n.text(Msg.DIAG_RESET_DONE, id), "", false);
                    afterAction(id);
                },
                error -> {
                    say(i18n.text(Msg.DIAG_READ_FAILED), String.valueOf(error.getMessage()), true);
                    afterAction(id);
                });
    }

    private void say(String text, String more, boolean failure) {
        message.set(text);
        detail.set(more);
        failed.set(failure);
    }

    // ---- the diagnostics bundle to a removable drive -----------------------------------------

    /** Looks for USB drives: none is said; one gets the bundle at once; several are offered to choose. */
    public void exportBundle() {
        tasks.checkUiThread();
        if (!session.begin()) {
            return;
        }
        cancelConfirmation();
        drives.clear();
        say(i18n.text(Msg.DIAG_BUNDLE_LOOKING), "", false);
        session.run(
                diagnostics::removableDrives,
                found -> {
                    if (found.isEmpty()) {
                        say(i18n.text(Msg.DIAG_BUNDLE_NO_DRIVE), "", true);
                    } else if (found.size() == 1) {
                        writeBundle(found.get(0));
                    } else {
                        drives.setAll(found);
                        say(i18n.text(Msg.DIAG_BUNDLE_CHOOSE), "", false);
                    }
                },
                error -> say(i18n.text(Msg.DIAG_BUNDLE_FAILED), String.valueOf(error.getMessage()), true));
    }

    /** The engineer chose a drive for the bundle. */
    public void writeBundle(Path drive) {
        tasks.checkUiThread();
        if (!session.begin()) {
            return;
        }
        drives.clear();
        say(i18n.text(Msg.DIAG_BUNDLE_WRITING, drive.toString()), "", false);
        session.run(
                () -> diagnostics.writeBundle(drive),
                written -> say(
                        i18n.text(
                                Msg.DIAG_BUNDLE_WRITTEN,
                                written.file().toString(),
                                Integer.toString(written.entries()),
                                Long.toString(written.bytes())),
                        "",
                        false),
                error -> say(i18n.text(Msg.DIAG_BUNDLE_FAILED), String.valueOf(error.getMessage()), true));
    }

    /** The drives offered for the bundle (several were found); empty otherwise. */
    public ObservableList<Path> drives() {
        return drives;
    }

    // ---- the serial monitor ------------------------------------------------------------------

    /** At most this many lines are kept on screen; older ones go. */
    public static final int MONITOR_LINES = 500;

    private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    /** Starts the serial monitor on the device shown: its link's bytes, live, masked. */
    public void openMonitor() {
        tasks.checkUiThread();
        String id = selected.get();
        if (id.isEmpty()) {
            return;
        }
        closeMonitor();
        outLabel = i18n.text(Msg.DIAG_MONITOR_OUT);
        inLabel = i18n.text(Msg.DIAG_MONITOR_IN);
        shownDropped = 0;
        monitorLines.clear();
        paused.set(false);
        monitoring.set(true);
        monitorStatus.set(i18n.text(Msg.DIAG_MONITOR_STARTING, id));
        Locale locale = i18n.locale();
        watching.start(
                () -> diagnostics.watch(id, locale),
                w -> {
                    if (w.isEmpty()) {
                        monitoring.set(false);
                        say(i18n.text(Msg.DIAG_MONITOR_NO_LINK, id), "", true);
                        return;
                    }
                    watch = w;
                    monitorStatus.set(i18n.text(Msg.DIAG_MONITOR_WATCHING, id));
                },
                error -> {
                    monitoring.set(false);
                    say(i18n.text(Msg.DIAG_MONITOR_NO_LINK, id), String.valueOf(error.getMessage()), true);
                });
    }

    /**
     * Takes what the link carried since the last call into the lines shown (nothing while paused:
     * what passes then is not kept). Called by the view every 100 ms; never waits.
     */
    public void pollMonitor() {
        tasks.checkUiThread();
        if (watch.isEmpty()) {
            return;
        }
        DeviceDiagnostics.WireWatch w = watch.get();
        List<DeviceDiagnostics.WireLine> taken = w.take(MONITOR_LINES);
        long dropped = w.dropped();
        if (dropped != shownDropped) {
            shownDropped = dropped;
            monitorStatus.set(i18n.text(Msg.DIAG_MONITOR_DROPPED, selected.get(), Long.toString(dropped)));
        }
        if (taken.isEmpty() || paused.get()) {
            return;
        }
        List<String> add = new ArrayList<>(taken.size());
        for (DeviceDiagnostics.WireLine l : taken) {
            add.add(LINE_TIME.format(l.at().atZone(zone)) + "  "
                    + (l.direction() == WireTap.Direction.OUT ? outLabel : inLabel) + "  "
                    + pad(l.hex(), 47) + "  " + l.text());
        }
        int overflow = monitorLines.size() + add.size() - MONITOR_LINES;
        if (overflow > 0) {
            if (overflow >= monitorLines.size()) {
                monitorLines.setAll(add.subList(add.size() - Math.min(add.size(), MONITOR_LINES), add.size()));
                return;
            }
            monitorLines.remove(0, overflow);
        }
        monitorLines.addAll(add);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Pauses the lines (what passes meanwhile is not shown), or goes on. */
    public void togglePause() {
        tasks.checkUiThread();
        paused.set(!paused.get());
    }

    public void clearMonitor() {
        tasks.checkUiThread();
        monitorLines.clear();
    }

    /** Stops the monitor: the tap is removed. */
    public void closeMonitor() {
        tasks.checkUiThread();
        watching.cancel();
        Optional<DeviceDiagnostics.WireWatch> w = watch;
        watch = Optional.empty();
        monitoring.set(false);
        paused.set(false);
        monitorLines.clear();
        monitorStatus.set("");
        w.ifPresent(open -> tasks.run(
                () -> {
                    open.close();
                    return null;
                },
                done -> {},
                error -> {}));
    }

    public ReadOnlyBooleanProperty monitoringProperty() {
        return monitoring.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Which device is watched, and what was dropped. */
    public ReadOnlyStringProperty monitorStatusProperty() {
        return monitorStatus.getReadOnlyProperty();
    }

    /** The monitor's lines, oldest first, at most {@link #MONITOR_LINES}. */
    public ObservableList<String> monitorLines() {
        return monitorLines;
    }

    // ---- words --------------------------------------------------------------------------------

    private String at(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    /** The words of an action, on its button and in what is said of it. */
    public static Msg actionMsg(Action action) {
        return switch (action) {
            case RECONNECT -> Msg.DIAG_ACTION_RECONNECT;
            case SELF_TEST -> Msg.DIAG_ACTION_SELF_TEST;
            case TEST_PRINT -> Msg.DIAG_ACTION_TEST_PRINT;
            case TEST_READ -> Msg.DIAG_ACTION_TEST_READ;
            case CUT -> Msg.DIAG_ACTION_CUT;
        };
    }

    private String actionName(Action action) {
        return i18n.text(actionMsg(action));
    }

    private static Msg okMsg(Action action) {
        return switch (action) {
            case RECONNECT -> Msg.DIAG_OK_RECONNECT;
            case SELF_TEST -> Msg.DIAG_OK_SELF_TEST;
            case TEST_PRINT -> Msg.DIAG_OK_TEST_PRINT;
            case TEST_READ -> Msg.DIAG_OK_TEST_READ;
            case CUT -> Msg.DIAG_OK_CUT;
        };
    }

    private static Msg problemMsg(Problem p) {
        return switch (p) {
            case PAPER_OUT -> Msg.DIAG_PROBLEM_PAPER_OUT;
            case COVER_OPEN -> Msg.DIAG_PROBLEM_COVER_OPEN;
            case JAM -> Msg.DIAG_PROBLEM_JAM;
            case OFFLINE -> Msg.DIAG_PROBLEM_OFFLINE;
            case BUSY -> Msg.DIAG_PROBLEM_BUSY;
            case NOTHING_TO_READ -> Msg.DIAG_PROBLEM_NOTHING_TO_READ;
            case UNREADABLE -> Msg.DIAG_PROBLEM_UNREADABLE;
            case NOT_READY -> Msg.DIAG_PROBLEM_NOT_READY;
            case FAULT -> Msg.DIAG_PROBLEM_FAULT;
            case NOT_OFFERED -> Msg.DIAG_PROBLEM_NOT_OFFERED;
        };
    }

    private String className(DeviceClass c) {
        return i18n.text(
                switch (c) {
                    case ID_CARD_READER -> Msg.DIAG_CLASS_ID_CARD_READER;
                    case SMART_CARD_READER -> Msg.DIAG_CLASS_SMART_CARD_READER;
                    case RECEIPT_PRINTER -> Msg.DIAG_CLASS_RECEIPT_PRINTER;
                    case DOCUMENT_PRINTER -> Msg.DIAG_CLASS_DOCUMENT_PRINTER;
                    case PAYMENT_TERMINAL -> Msg.DIAG_CLASS_PAYMENT_TERMINAL;
                    case BARCODE_SCANNER -> Msg.DIAG_CLASS_BARCODE_SCANNER;
                });
    }

    private String stateName(DeviceState s) {
        return i18n.text(
                switch (s) {
                    case CLOSED -> Msg.DIAG_STATE_CLOSED;
                    case IDLE -> Msg.DIAG_STATE_IDLE;
                    case BUSY -> Msg.DIAG_STATE_BUSY;
                    case ERROR -> Msg.DIAG_STATE_ERROR;
                    case OFFLINE -> Msg.DIAG_STATE_OFFLINE;
                });
    }

    private String levelName(HealthLevel level) {
        return i18n.text(
                switch (level) {
                    case INTERNAL -> Msg.DIAG_LEVEL_INTERNAL;
                    case EXTERNAL -> Msg.DIAG_LEVEL_EXTERNAL;
                    case INTERACTIVE -> Msg.DIAG_LEVEL_INTERACTIVE;
                });
    }

    private static Optional<Msg> counterName(String name) {
        return switch (name) {
            case DeviceStatistics.READS -> Optional.of(Msg.DIAG_COUNTER_READS);
            case DeviceStatistics.PRINTS -> Optional.of(Msg.DIAG_COUNTER_PRINTS);
            case DeviceStatistics.CUTS -> Optional.of(Msg.DIAG_COUNTER_CUTS);
            case DeviceStatistics.FAILURES -> Optional.of(Msg.DIAG_COUNTER_FAILURES);
            case DeviceStatistics.BYTES_WRITTEN -> Optional.of(Msg.DIAG_COUNTER_BYTES_WRITTEN);
            case DeviceStatistics.RECONNECTS -> Optional.of(Msg.DIAG_COUNTER_RECONNECTS);
            default -> Optional.empty();
        };
    }

    // ---- what the view shows ------------------------------------------------------------------

    /** The list has been read since the panel opened. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The id of the device shown; empty when none. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTitleProperty() {
        return pageTitle.getReadOnlyProperty();
    }

    /** The device's state, driver and connection. */
    public ReadOnlyStringProperty pageStateProperty() {
        return pageState.getReadOnlyProperty();
    }

    /** One line per health level (and the device's advisories). */
    public ObservableList<String> health() {
        return health;
    }

    public ObservableList<String> counters() {
        return counters;
    }

    /** The recent errors, newest first, one a line. */
    public ObservableList<String> errors() {
        return errors;
    }

    /** What the device shown offers. */
    public ObservableList<Action> actions() {
        return actions;
    }

    /** What the last action (or the reading) came to, in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The engineer's detail of the message: codes, the printer's status. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Whether the message says something did not work. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
