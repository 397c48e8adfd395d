package cn.egov.kiosk.ui.today;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.redrawOn;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.shownWhen;

import cn.egov.kiosk.today.DaySummary;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.admin.AdminPanelFrame;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Staff's day at a glance over the current screen: the day switch, then either the charts with their
 * figures in large type beside them (tickets per hour by business type with the interrupted numbers,
 * flows started and finished, device faults per hour with the devices, and applications, payments
 * with the reconciliation, prints with their failures), or the day's documents with a reprint button
 * each.
 */
public final class TodayPanelView {
    private final TodayPanelViewModel vm;
    private final AdminPanelFrame frame;
    private final TodayCharts charts;
    // each figure in large type, and the notes under it
    private final Label issued = figure("today-figure", "today-issued");
    private final Label interrupted = figure("today-figure", "today-interrupted");
    private final Label interruptedNumbers = figure("today-figure-note", "today-interrupted-numbers");
    private final Label voided = figure("today-figure-note", "today-voided");
    private final Label started = figure("today-figure", "today-flows-started");
    private final Label finished = figure("today-figure", "today-flows-finished");
    private final Label left = figure("today-figure-note", "today-flows-left");
    private final Label faults = figure("today-figure", "today-faults");
    private final VBox faultDevices = new VBox();
    private final Label applications = figure("today-figure", "today-applications");
    private final Label applicationsDetail = figure("today-figure-note", "today-applications-detail");
    private final Label payments = figure("today-figure", "today-payments");
    private final Label paymentsAmount = figure("today-figure-note", "today-payments-amount");
    private final Label paymentsDoubt = figure("today-figure-note", "today-payments-doubt");
    private final Label reconciliation = figure("today-figure-note", "today-reconciliation");
    private final Label prints = figure("today-figure", "today-prints");
    private final Label printsDetail = figure("today-figure-note", "today-prints-detail");
    private final VBox printFailures = new VBox();
    private final VBox documents = new VBox();

    public TodayPanelView(TodayPanelViewModel vm) {
        this.vm = vm;
        this.charts = new TodayCharts(vm);
        I18n i18n = vm.i18n();
        frame = new AdminPanelFrame(i18n, AdminPanelFrame.Look.TODAY, Msg.TODAY_TITLE, vm);

        // the day switch and the page switch
        Button today = button(i18n, "today-day-today", "nav-button", Msg.TODAY_TODAY);
        today.setOnAction(e -> vm.today());
        Button yesterday = button(i18n, "today-day-yesterday", "nav-button", Msg.TODAY_YESTERDAY);
        yesterday.setOnAction(e -> vm.yesterday());
        Button before = button(i18n, "today-day-before", "nav-button", Msg.TODAY_DAY_BEFORE);
        before.setOnAction(e -> vm.previousDay());
        Button after = button(i18n, "today-day-after", "nav-button", Msg.TODAY_DAY_AFTER);
        after.setOnAction(e -> vm.nextDay());
        after.disableProperty().bind(vm.laterDayProperty().not());
        Label day = label("today-day");
        day.setId("today-day");
        day.textProperty().bind(vm.dayProperty());
        Button overview = button(i18n, "today-page-overview", "nav-button", Msg.TODAY_PAGE_OVERVIEW);
        overview.setOnAction(e -> vm.showPage(TodayPanelViewModel.Page.OVERVIEW));
        Button reprint = button(i18n, "today-page-reprint", "nav-button", Msg.TODAY_PAGE_REPRINT);
        reprint.setOnAction(e -> vm.showPage(TodayPanelViewModel.Page.REPRINT));
        HBox bar = frame.bar(Pos.CENTER_LEFT, today, yesterday, before, day, after, spacer(), overview, reprint);

        // the charts, each with its figures beside it
        VBox ticketFigures = figures(
                caption(i18n, Msg.TODAY_TICKETS_ISSUED),
                issued,
                caption(i18n, Msg.TODAY_TICKETS_INTERRUPTED),
                interrupted,
                interruptedNumbers,
                voided);
        VBox flowFigures = figures(
                caption(i18n, Msg.TODAY_FLOWS_STARTED),
                started,
                caption(i18n, Msg.TODAY_FLOWS_FINISHED),
                finished,
                left);
        faultDevices.setId("today-fault-devices");
        VBox faultFigures = figures(caption(i18n, Msg.TODAY_FAULTS_COUNT), faults, faultDevices);
        printFailures.setId("today-print-failures");
        VBox applying = figures(caption(i18n, Msg.TODAY_APPLICATIONS), applications, applicationsDetail);
        VBox paying =
                figures(caption(i18n, Msg.TODAY_PAYMENTS), payments, paymentsAmount, paymentsDoubt, reconciliation);
        VBox printing = figures(caption(i18n, Msg.TODAY_PRINTS), prints, printsDetail, printFailures);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("today-grid");
        grid.add(card("today-card-tickets", charts.tickets, ticketFigures), 0, 0);
        grid.add(card("today-card-flows", charts.flows, flowFigures), 1, 0);
        grid.add(card("today-card-faults", charts.faults, faultFigures), 0, 1);
        HBox numbers = new HBox(applying, paying, printing);
        numbers.setId("today-card-numbers");
        numbers.getStyleClass().add("today-card");
        grid.add(numbers, 1, 1);
        for (Node n : List.<Node>of(applying, paying, printing)) {
            HBox.setHgrow(n, Priority.ALWAYS);
        }
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            grid.getColumnConstraints().add(cc);
        }
        ScrollPane overviewPage = scroll(grid);
        overviewPage.setId("today-overview");
        Label loading = text(i18n, "panel-line", Msg.TODAY_LOADING);
        loading.setId("today-loading");
        shownWhen(loading, vm.summaryProperty().isNull());

        // the day's documents
        documents.setId("today-documents");
        documents.getStyleClass().add("today-documents");
        ScrollPane reprintPage = scroll(documents);
        reprintPage.setId("today-reprint");
        shownWhen(overviewPage, vm.pageProperty().isEqualTo(TodayPanelViewModel.Page.OVERVIEW));
        shownWhen(reprintPage, vm.pageProperty().isEqualTo(TodayPanelViewModel.Page.REPRINT));
        StackPane pages = new StackPane(overviewPage, reprintPage);
        VBox.setVgrow(pages, Priority.ALWAYS);

        HBox actions =
                frame.bar(Pos.CENTER_LEFT, frame.message(vm.messageProperty()), spacer(), frame.close(Msg.TODAY_CLOSE));
        frame.show(bar, loading, pages, actions);

        vm.summaryProperty().addListener((obs, was, now) -> show(now));
        show(vm.summaryProperty().get());
        redrawOn(this::showDocuments, vm.documents(), vm.busyProperty());
    }

    private void show(DaySummary s) {
        if (s == null) {
            charts.clear();
            return;
        }
        charts.show(s);
        issued.setText(Integer.toString(s.tickets().issued()));
        interrupted.setText(Integer.toString(s.tickets().interrupted()));
        interrupted.pseudoClassStateChanged(TodayCharts.ALERT, s.tickets().interrupted() > 0);
        interruptedNumbers.setText(vm.interruptedText(s));
        voided.setText(vm.voidedText(s));
        started.setText(Integer.toString(
                s.flows().stream().mapToInt(DaySummary.FlowCount::started).sum()));
        finished.setText(Integer.toString(
                s.flows().stream().mapToInt(DaySummary.FlowCount::finished).sum()));
        left.setText(vm.leftText(s));
        faults.setText(Integer.toString(s.faults().count()));
        faults.pseudoClassStateChanged(TodayCharts.ALERT, s.faults().count() > 0);
        lines(faultDevices, vm.faultLines(s));
        applications.setText(Integer.toString(s.applications().submitted()));
        applicationsDetail.setText(vm.applicationsText(s));
        payments.setText(Integer.toString(s.payments().count()));
        paymentsAmount.setText(vm.paymentsAmountText(s));
        paymentsDoubt.setText(vm.paymentsDoubtText(s));
        reconciliation.setText(vm.reconciliationText(s));
        prints.setText(Integer.toString(s.prints().count()));
        printsDetail.setText(vm.printsText(s));
        lines(printFailures, vm.printFailureLines(s));
    }

    private void showDocuments() {
        List<TodayPanelViewModel.DocRow> rows = vm.documents();
        if (rows.isEmpty()) {
            Label none = text(vm.i18n(), "panel-line", Msg.TODAY_DOCS_NONE);
            none.setId("today-documents-none");
            documents.getChildren().setAll(none);
            return;
        }
        documents.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            TodayPanelViewModel.DocRow r = rows.get(i);
            VBox words = new VBox(
                    label("today-doc-headline", r.headline()),
                    label("panel-line", r.detail()),
                    label("today-doc-source", r.source()));
            HBox.setHgrow(words, Priority.ALWAYS);
            Button again = button(vm.i18n(), "today-reprint-" + i, "primary-button", Msg.TODAY_DOC_REPRINT);
            again.setDisable(!r.reprintable() || vm.busyProperty().get());
            again.setOnAction(e -> vm.reprint(r.printId()));
            HBox row = new HBox(words, again);
            row.setId("today-doc-" + i);
            row.getStyleClass().add("today-doc");
            row.setAlignment(Pos.CENTER_LEFT);
            documents.getChildren().add(row);
        }
    }

    private static HBox card(String id, XYChart<String, Number> chart, VBox figures) {
        HBox.setHgrow(chart, Priority.ALWAYS);
        chart.setPrefWidth(0); // the chart takes what the figures leave
        HBox card = new HBox(chart, figures);
        card.setId(id);
        card.getStyleClass().add("today-card");
        return card;
    }

    private static VBox figures(Node... nodes) {
        VBox box = new VBox(nodes);
        box.getStyleClass().add("today-figures");
        return box;
    }

    private static Label caption(I18n i18n, Msg msg) {
        return text(i18n, "today-figure-caption", msg);
    }

    private static Label figure(String styleClass, String id) {
        Label l = label(styleClass);
        l.setId(id);
        return l;
    }

    private static void lines(VBox box, List<String> lines) {
        box.getChildren().clear();
        for (String line : lines) {
            box.getChildren().add(label("today-figure-note", line));
        }
    }

    private static Node spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public Node root() {
        return frame.root();
    }
}
