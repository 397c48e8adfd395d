package cn.egov.kiosk.ui.diag;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.followLines;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.redrawOn;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.shownWhen;

import cn.egov.kiosk.diag.DeviceDiagnostics.Action;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.admin.AdminPanelFrame;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The engineer's diagnostics over the current screen: the devices on the left, the tapped device's
 * page on the right (state, health at every level, counters with their reset, recent errors, the
 * actions its class offers), what the last action came to below.
 */
public final class DiagnosticsPanelView {
    private final DiagnosticsPanelViewModel vm;
    private final AdminPanelFrame frame;
    private final VBox rowsBox = new VBox();
    private final FlowPane actionButtons = new FlowPane();

    public DiagnosticsPanelView(DiagnosticsPanelViewModel vm) {
        this.vm = vm;
        I18n i18n = vm.i18n();
        frame = new AdminPanelFrame(i18n, AdminPanelFrame.Look.DIAGNOSTICS, Msg.DIAG_TITLE, vm);

        // the devices
        Label listTitle = frame.heading(Msg.DIAG_DEVICES);
        ScrollPane rowsScroll =
                frame.list(rowsBox, this::showRows, vm.rows(), vm.selectedProperty(), vm.loadedProperty());
        VBox devices = new VBox(listTitle, rowsScroll);
        devices.getStyleClass().add("diag-column");
        devices.setId("diag-devices");

        // one device's page
        Label pageTitle = label("diag-page-title");
        pageTitle.setId("diag-page-title");
        pageTitle.textProperty().bind(vm.pageTitleProperty());
        Label pageState = label("panel-line");
        pageState.setId("diag-page-state");
        pageState.textProperty().bind(vm.pageStateProperty());
        VBox health = lines(vm.health(), "diag-health");
        VBox counters = lines(vm.counters(), "diag-counters");
        Button reset = frame.acting(button(i18n, "diag-reset", "diag-button", Msg.DIAG_RESET), vm::resetCounters);
        VBox errors = lines(vm.errors(), "diag-errors");
        actionButtons.setId("diag-actions");
        actionButtons.getStyleClass().add("diag-actions");
        redrawOn(this::showActions, vm.actions());
        VBox pageBox = new VBox(
                pageTitle,
                pageState,
                frame.heading(Msg.DIAG_HEALTH),
                health,
                frame.heading(Msg.DIAG_COUNTERS),
                counters,
                reset,
                frame.heading(Msg.DIAG_ERRORS),
                errors);
        pageBox.setId("diag-page");
        pageBox.getStyleClass().add("diag-page");
        ScrollPane pageScroll = scroll(pageBox);
        pageScroll.setId("diag-page-scroll");
        Label pick = text(i18n, "panel-line", Msg.DIAG_PICK);
        pick.setId("diag-pick");
        shownWhen(pick, vm.selectedProperty().isEmpty());
        shownWhen(
                pageScroll,
                vm.selectedProperty().isNotEmpty().and(vm.monitoringProperty().not()));
        shownWhen(
                actionButtons,
                vm.selectedProperty().isNotEmpty().and(vm.monitoringProperty().not()));
        VBox monitor = monitor(i18n);
        shownWhen(monitor, vm.monitoringProperty());
        VBox page = new VBox(pick, pageScroll, actionButtons, monitor);
        page.getStyleClass().add("diag-column");

        HBox columns = new HBox(devices, page);
        columns.getStyleClass().add("diag-columns");
        devices.setPrefWidth(0);
        page.setPrefWidth(0);
        HBox.setHgrow(devices, Priority.ALWAYS);
        HBox.setHgrow(page, Priority.ALWAYS);
        devices.setMaxWidth(Double.MAX_VALUE);
        page.setMaxWidth(Double.MAX_VALUE);
        // the page has twice the room of the list
        devices.prefWidthProperty().bind(columns.widthProperty().multiply(0.3));
        page.prefWidthProperty().bind(columns.widthProperty().multiply(0.7));
        VBox.setVgrow(columns, Priority.ALWAYS);

        // the question before the reset
        VBox confirmBox = frame.confirmation(Msg.DIAG_CONFIRM, Msg.DIAG_CANCEL);

        Label message = frame.message(vm.messageProperty());
        vm.failedProperty().addListener((obs, was, now) -> message.pseudoClassStateChanged(DiagStyles.FAILED, now));
        Label detail = label("panel-line");
        detail.setId("diag-detail");
        detail.textProperty().bind(vm.detailProperty());
        shownWhen(detail, vm.detailProperty().isNotEmpty());

        Button close = frame.close(Msg.DIAG_CLOSE);
        Button refresh = frame.acting(button(i18n, "diag-refresh", "diag-button", Msg.DIAG_REFRESH), () -> {
            vm.refreshList();
            String id = vm.selectedProperty().get();
            if (!id.isEmpty()) {
                vm.select(id);
            }
        });
        Button bundle = frame.acting(button(i18n, "diag-bundle", "diag-button", Msg.DIAG_BUNDLE), vm::exportBundle);
        FlowPane driveButtons = new FlowPane();
        driveButtons.setId("diag-drives");
        driveButtons.getStyleClass().add("diag-actions");
        vm.drives().addListener((ListChangeListener<Path>) c -> {
            driveButtons.getChildren().clear();
            for (int i = 0; i < vm.drives().size(); i++) {
                Path drive = vm.drives().get(i);
                Button b = new Button(drive.toString());
                b.setId("diag-drive-" + i);
                b.getStyleClass().add("diag-button");
                b.setFocusTraversable(false);
                b.setOnAction(e -> vm.writeBundle(drive));
                driveButtons.getChildren().add(b);
            }
        });
        shownWhen(driveButtons, Bindings.isNotEmpty(vm.drives()));
        HBox bar = frame.bar(Pos.CENTER_LEFT, close, refresh, bundle, driveButtons);
        bar.setId("diag-bar");

        frame.show(columns, confirmBox, message, detail, bar);
    }

    /** The serial monitor: which device, its lines (time, direction, hex, text), pause, clear, back. */
    private VBox monitor(I18n i18n) {
        Label status = label("diag-heading");
        status.setId("diag-monitor-status");
        status.textProperty().bind(vm.monitorStatusProperty());
        Label legend = text(i18n, "panel-line", Msg.DIAG_MONITOR_LEGEND);
        ListView<String> lines = new ListView<>(vm.monitorLines());
        lines.setId("diag-monitor-lines");
        lines.getStyleClass().add("diag-monitor-lines");
        lines.setFocusTraversable(false);
        lines.setCellFactory(list -> new ListCell<>() {
            {
                getStyleClass().add("diag-monitor-line");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
            }
        });
        // the newest line in sight, unless paused to read
        vm.monitorLines().addListener((ListChangeListener<String>) c -> {
            if (!vm.pausedProperty().get() && !vm.monitorLines().isEmpty()) {
                lines.scrollTo(vm.monitorLines().size() - 1);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        Button pause = new Button();
        pause.setId("diag-monitor-pause");
        pause.getStyleClass().add("diag-button");
        pause.setFocusTraversable(false);
        pause.textProperty()
                .bind(Bindings.when(vm.pausedProperty())
                        .then(i18n.bind(Msg.DIAG_MONITOR_RESUME))
                        .otherwise(i18n.bind(Msg.DIAG_MONITOR_PAUSE)));
        pause.setOnAction(e -> vm.togglePause());
        Button clear = button(i18n, "diag-monitor-clear", "diag-button", Msg.DIAG_MONITOR_CLEAR);
        clear.setOnAction(e -> vm.clearMonitor());
        Button back = button(i18n, "diag-monitor-close", "diag-button", Msg.DIAG_MONITOR_CLOSE);
        back.setOnAction(e -> vm.closeMonitor());
        HBox bar = new HBox(back, pause, clear);
        bar.getStyleClass().add("diag-bar");
        VBox box = new VBox(status, legend, lines, bar);
        box.setId("diag-monitor");
        box.getStyleClass().add("diag-column");
        VBox.setVgrow(box, Priority.ALWAYS);
        // the lines come in batches, every 100 ms, while the monitor is open
        Timeline batches = new Timeline(new KeyFrame(Duration.millis(100), e -> vm.pollMonitor()));
        batches.setCycleCount(Animation.INDEFINITE);
        vm.monitoringProperty().addListener((obs, was, now) -> {
            if (now) {
                batches.play();
            } else {
                batches.stop();
            }
        });
        return box;
    }

    private void showRows() {
        List<DiagnosticsPanelViewModel.Row> rows = vm.rows();
        if (rows.isEmpty()) {
            frame.nothingIn(rowsBox, vm.loadedProperty().get() ? Msg.DIAG_NO_DEVICES : Msg.DIAG_LOADING);
            return;
        }
        rowsBox.getChildren().clear();
        for (DiagnosticsPanelViewModel.Row r : rows) {
            // a column of wrapping labels, tapped: a button's graphic would be measured unwrapped
            VBox row = new VBox(label("diag-row-title", r.title()), label("panel-line", r.state()));
            row.setId("diag-row-" + r.id());
            row.getStyleClass().add("diag-row");
            row.pseudoClassStateChanged(DiagStyles.UNHEALTHY, !r.healthy());
            row.pseudoClassStateChanged(
                    Controls.SELECTED, r.id().equals(vm.selectedProperty().get()));
            row.setAccessibleRole(AccessibleRole.BUTTON);
            row.setAccessibleText(r.title());
            row.setOnMouseClicked(e -> vm.select(r.id()));
            rowsBox.getChildren().add(row);
        }
    }

    private void showActions() {
        actionButtons.getChildren().clear();
        if (!vm.actions().isEmpty()) {
            Button monitor = frame.acting(
                    button(vm.i18n(), "diag-monitor-open", "diag-button", Msg.DIAG_MONITOR_OPEN), vm::openMonitor);
            actionButtons.getChildren().add(monitor);
        }
        for (Action a : vm.actions()) {
            Button b = frame.acting(
                    button(
                            vm.i18n(),
                            "diag-action-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            "diag-primary",
                            DiagnosticsPanelViewModel.actionMsg(a)),
                    () -> vm.run(a));
            actionButtons.getChildren().add(actionButtons.getChildren().size() - 1, b);
        }
    }

    /** One wrapping label a line, following the list. */
    private static VBox lines(ObservableList<String> list, String id) {
        VBox box = new VBox();
        box.setId(id);
        box.getStyleClass().add("diag-lines");
        followLines(list, box);
        return box;
    }

    public Node root() {
        return frame.root();
    }
}
