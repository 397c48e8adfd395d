package cn.egov.kiosk.ui.today;

import cn.egov.kiosk.today.DaySummary;
import cn.egov.kiosk.ui.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * The day at a glance's three charts, filled from a day's figures: tickets per hour stacked by
 * business type, flows started and finished, device faults per hour. Counts only, whole numbers on
 * the axis; no animation (a chart redrawn for each day shown).
 */
final class TodayCharts {
    /** A figure that needs staff's eye (interrupted tickets, faults). */
    static final PseudoClass ALERT = PseudoClass.getPseudoClass("alert");

    /** Whole numbers on a count axis; the ticks between them unlabelled. */
    private static final StringConverter<Number> WHOLE = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? Long.toString(Math.round(d)) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s);
        }
    };

    final StackedBarChart<String, Number> tickets;
    final BarChart<String, Number> flows;
    final BarChart<String, Number> faults;
    private final TodayPanelViewModel vm;

    TodayCharts(TodayPanelViewModel vm) {
        this.vm = vm;
        tickets = new StackedBarChart<>(categories(), counts());
        tickets.setId("today-tickets-chart");
        flows = new BarChart<>(categories(), counts());
        flows.setId("today-flows-chart");
        faults = new BarChart<>(categories(), counts());
        faults.setId("today-faults-chart");
        faults.setLegendVisible(false);
        for (XYChart<String, Number> c : List.of(tickets, flows, faults)) {
            c.setAnimated(false);
            c.getStyleClass().add("today-chart");
        }
        tickets.titleProperty().bind(vm.i18n().bind(Msg.TODAY_TICKETS_CHART));
        flows.titleProperty().bind(vm.i18n().bind(Msg.TODAY_FLOWS_CHART));
        faults.titleProperty().bind(vm.i18n().bind(Msg.TODAY_FAULTS_CHART));
    }

    private static CategoryAxis categories() {
        CategoryAxis x = new CategoryAxis();
        x.setAnimated(false);
        return x;
    }

    private static NumberAxis counts() {
        NumberAxis y = new NumberAxis();
        y.setAnimated(false);
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        y.setTickLabelFormatter(WHOLE);
        return y;
    }

    /** Shows a day's figures; an empty day shows empty charts. */
    void show(DaySummary s) {
        List<Integer> hours = TodayPanelViewModel.hours(s);
        List<String> hourLabels = hours.stream().map(vm::hourLabel).toList();

        List<XYChart.Series<String, Number>> ticketSeries = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : s.tickets().perHour().entrySet()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(vm.businessTypeName(e.getKey()));
            for (int i = 0; i < hours.size(); i++) {
                series.getData()
                        .add(new XYChart.Data<>(hourLabels.get(i), e.getValue().get(hours.get(i))));
            }
            ticketSeries.add(series);
        }
        ((CategoryAxis) tickets.getXAxis()).setCategories(FXCollections.observableArrayList(hourLabels));
        tickets.getData().setAll(ticketSeries);

        XYChart.Series<String, Number> started = new XYChart.Series<>();
        started.setName(vm.i18n().text(Msg.TODAY_SERIES_STARTED));
        XYChart.Series<String, Number> finished = new XYChart.Series<>();
        finished.setName(vm.i18n().text(Msg.TODAY_SERIES_FINISHED));
        List<String> flowNames = new ArrayList<>();
        for (DaySummary.FlowCount f : s.flows()) {
            String name = vm.flowName(f.flow());
            flowNames.add(name);
            started.getData().add(new XYChart.Data<>(name, f.started()));
            finished.getData().add(new XYChart.Data<>(name, f.finished()));
        }
        ((CategoryAxis) flows.getXAxis()).setCategories(FXCollections.observableArrayList(flowNames));
        flows.getData().setAll(List.of(started, finished));

        XYChart.Series<String, Number> faultSeries = new XYChart.Series<>();
        faultSeries.setName(vm.i18n().text(Msg.TODAY_SERIES_FAULTS));
        for (int i = 0; i < hours.size(); i++) {
            faultSeries
                    .getData()
                    .add(new XYChart.Data<>(
                            hourLabels.get(i), s.faults().perHour().get(hours.get(i))));
        }
        ((CategoryAxis) faults.getXAxis()).setCategories(FXCollections.observableArrayList(hourLabels));
        faults.getData().setAll(List.of(faultSeries));
    }

    void clear() {
        tickets.getData().clear();
        flows.getData().clear();
        faults.getData().clear();
    }
}
