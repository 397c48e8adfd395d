package cn.egov.kiosk.ui.today;

import cn.egov.kiosk.payment.ReconciliationReport;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.today.DaySummary;
import cn.egov.kiosk.today.Reprints;
import cn.egov.kiosk.today.StaffDay;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.admin.AdminPanel;
import cn.egov.kiosk.ui.admin.AdminPanelSession;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Staff's day at a glance, behind the staff PIN: a chosen day's figures (today at first; yesterday;
 * any day before, one at a time) as the view's charts and large figures, and the day's documents
 * with their reprint. Everything is read and printed off the JavaFX thread; the entry points run on
 * it only. Closes itself after {@link #IDLE_LIMIT} without a touch.
 */
public final class TodayPanelViewModel implements AdminPanel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** How long the panel stays open without a touch. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(120);

    /** The first and last hours the hour charts always show (the hall's opening hours, about). */
    static final int FIRST_HOUR = 8;

    static final int LAST_HOUR = 18;

    /** Which page shows. */
    public enum Page {
        OVERVIEW,
        REPRINT
    }

    /** A document of the day, in words, and whether it can be printed again. */
    public record DocRow(String printId, String headline, String detail, String source, boolean reprintable) {}

    private record Snapshot(DaySummary summary, List<Reprints.Document> documents) {}

    private final I18n i18n;
    private final TaskRunner tasks;
    private final StaffDay day;
    private final Supplier<String> actor;
    private final BiFunction<String, Locale, String> businessTypeName;
    private final Clock clock;
    private final BackgroundTask<Snapshot> loading;
    private final AdminPanelSession session;
    private LocalDate shown;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.OVERVIEW);
    private final ReadOnlyObjectWrapper<DaySummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper dayText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper laterDay = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<DocRow> documents = FXCollections.observableArrayList();

    /**
     * @param day the day's figures and documents (blocking: run on the task runner)
     * @param actor who reprints, for the audit ({@code STAFF}, {@code ENGINEER})
     * @param businessTypeName a business type's name in a language
     */
    public TodayPanelViewModel(
            I18n i18n,
            TaskRunner tasks,
            StaffDay day,
            Supplier<String> actor,
            BiFunction<String, Locale, String> businessTypeName,
            Clock clock) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.day = day;
        this.actor = actor;
        this.businessTypeName = businessTypeName;
        this.clock = clock;
        this.loading = new BackgroundTask<>(tasks);
        this.session = new AdminPanelSession(tasks, clock, IDLE_LIMIT);
        this.shown = day.today();
    }

    // ---- opening and closing ------------------------------------------------------------------

    @Override
    public AdminPanelSession session() {
        return session;
    }

    /** Opens on today's figures. */
    public void open() {
        tasks.checkUiThread();
        message.set("");
        page.set(Page.OVERVIEW);
        session.open();
        show(day.today());
    }

    @Override
    public void close() {
        tasks.checkUiThread();
        session.close();
        loading.cancel();
        summary.set(null);
        documents.clear();
    }

    // ---- the day shown ------------------------------------------------------------------------

    public void today() {
        tasks.checkUiThread();
        show(day.today());
    }

    public void yesterday() {
        tasks.checkUiThread();
        show(day.today().minusDays(1));
    }

    public void previousDay() {
        tasks.checkUiThread();
        show(shown.minusDays(1));
    }

    /** The day after the one shown, today at most. */
    public void nextDay() {
        tasks.checkUiThread();
        if (shown.isBefore(day.today())) {
            show(shown.plusDays(1));
        }
    }

    public void showPage(Page p) {
        tasks.checkUiThread();
        page.set(p);
    }

    private void show(LocalDate d) {
        LocalDate today = day.today();
        shown = d.isAfter(today) ? today : d;
        dayText.set(i18n.text(Msg.TODAY_DAY, shown.toString()));
        laterDay.set(shown.isBefore(today));
        refresh();
    }

    /** Reads the day shown again. */
    public void refresh() {
        tasks.checkUiThread();
        LocalDate d = shown;
        summary.set(null);
        loading.start(() -> new Snapshot(day.summary(d), day.documents(d)), this::loaded, this::failed);
    }

    private void loaded(Snapshot s) {
        summary.set(s.summary());
        documents.setAll(s.documents().stream().map(this::row).toList());
    }

    private void failed(Throwable e) {
        message.set(i18n.text(Msg.TODAY_FAILED, AdminPanelSession.reason(e)));
    }

    // ---- reprint ------------------------------------------------------------------------------

    /** Prints a document of the day again (off the JavaFX thread), then reads the day again. */
    public void reprint(String printId) {
        tasks.checkUiThread();
        Optional<DocRow> row =
                documents.stream().filter(r -> r.printId().equals(printId)).findFirst();
        if (row.isEmpty() || !row.get().reprintable() || !session.begin()) {
            return;
        }
        message.set(i18n.text(Msg.TODAY_REPRINTING));
        String who = actor.get();
        String what = row.get().headline();
        session.run(
                () -> day.reprint(printId, who),
                outcome -> {
                    message.set(reprinted(outcome, what));
                    if (session.visible()) {
                        refresh();
                    }
                },
                this::failed);
    }

    private String reprinted(Reprints.Outcome o, String what) {
        return switch (o.result()) {
            case PRINTED -> i18n.text(Msg.TODAY_REPRINTED, what);
            case NOT_PRINTED ->
                i18n.text(
                        Msg.TODAY_REPRINT_NOT_PRINTED,
                        o.problem().map(p -> i18n.text(Msg.forPrintProblem(p))).orElse(""));
            case NOT_AVAILABLE -> i18n.text(Msg.TODAY_REPRINT_NOT_AVAILABLE);
            case REFUSED -> i18n.text(Msg.TODAY_REPRINT_REFUSED);
            case PLATFORM_AWAY -> i18n.text(Msg.TODAY_REPRINT_PLATFORM_AWAY);
        };
    }

    private DocRow row(Reprints.Document d) {
        String headline =
                i18n.text(Msg.TODAY_DOC_ROW, at(d.printedAt()), documentName(d.template()), result(d.result()));
        String detail = i18n.text(Msg.TODAY_DOC_REFERENCE, d.reference())
                + (d.reprints() > 0 ? "  " + i18n.text(Msg.TODAY_DOC_REPRINTED, d.reprints()) : "");
        String source = i18n.text(
                switch (d.source()) {
                    case KEPT -> Msg.TODAY_DOC_SOURCE_KEPT;
                    case PLATFORM -> Msg.TODAY_DOC_SOURCE_PLATFORM;
                    case NONE -> Msg.TODAY_DOC_SOURCE_NONE;
                });
        return new DocRow(d.printId(), headline, detail, source, d.source() != Reprints.Source.NONE);
    }

    private String result(PrintRecord.Result r) {
        return i18n.text(
                switch (r) {
                    case PRINTED -> Msg.TODAY_DOC_RESULT_PRINTED;
                    case FAILED -> Msg.TODAY_DOC_RESULT_FAILED;
                    case REFUSED -> Msg.TODAY_DOC_RESULT_REFUSED;
                });
    }

    /** A template's document in words; a licence by its template's name. */
    public String documentName(String template) {
        return switch (template) {
            case "payment-receipt" -> i18n.text(Msg.TODAY_DOC_PAYMENT_RECEIPT);
            case "acceptance-receipt" -> i18n.text(Msg.TODAY_DOC_ACCEPTANCE_RECEIPT);
            case "appointment-confirmation" -> i18n.text(Msg.TODAY_DOC_APPOINTMENT_CONFIRMATION);
            case "enterprise-info" -> i18n.text(Msg.TODAY_DOC_ENTERPRISE_INFO);
            case "postal-delivery-receipt" -> i18n.text(Msg.TODAY_DOC_POSTAL_DELIVERY_RECEIPT);
            case "progress-slip" -> i18n.text(Msg.TODAY_DOC_PROGRESS_SLIP);
            case "service-guide" -> i18n.text(Msg.TODAY_DOC_SERVICE_GUIDE);
            case "transaction-receipt" -> i18n.text(Msg.TODAY_DOC_TRANSACTION_RECEIPT);
            case "queue-ticket" -> i18n.text(Msg.TODAY_DOC_QUEUE_TICKET);
            case "test-page" -> i18n.text(Msg.TODAY_DOC_TEST_PAGE);
            default -> i18n.text(Msg.TODAY_DOC_LICENCE, template);
        };
    }

    // ---- words and numbers for the view -------------------------------------------------------

    /** A flow's name in words ({@code ticket} → 取号); one the screens do not know, as recorded. */
    public String flowName(String flow) {
        Screen screen;
        try {
            screen = Screen.valueOf(flow.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return flow;
        }
        Optional<Msg> msg = flowMsg(screen);
        return msg.map(i18n::text).orElse(flow);
    }

    /** The words of a flow's screen; empty for a screen that is no flow (attract, home, login). */
    static Optional<Msg> flowMsg(Screen s) {
        return switch (s) {
            case ATTRACT, HOME, ID_LOGIN -> Optional.empty();
            case TICKET -> Optional.of(Msg.TODAY_FLOW_TICKET);
            case LICENCE -> Optional.of(Msg.TODAY_FLOW_LICENCE);
            case GUIDE -> Optional.of(Msg.TODAY_FLOW_GUIDE);
            case APPLY -> Optional.of(Msg.TODAY_FLOW_APPLY);
            case POSTAL -> Optional.of(Msg.TODAY_FLOW_POSTAL);
            case APPOINTMENT -> Optional.of(Msg.TODAY_FLOW_APPOINTMENT);
            case MY_APPOINTMENTS -> Optional.of(Msg.TODAY_FLOW_MY_APPOINTMENTS);
            case CHECK_IN -> Optional.of(Msg.TODAY_FLOW_CHECK_IN);
            case PROGRESS -> Optional.of(Msg.TODAY_FLOW_PROGRESS);
            case ENTERPRISE -> Optional.of(Msg.TODAY_FLOW_ENTERPRISE);
            case INSURANCE -> Optional.of(Msg.TODAY_FLOW_INSURANCE);
        };
    }

    /** A business type's name in the language on screen. */
    public String businessTypeName(String code) {
        return businessTypeName.apply(code, i18n.locale());
    }

    /** An hour's label on the charts (9 → 9时). */
    public String hourLabel(int hour) {
        return i18n.text(Msg.TODAY_HOUR, hour);
    }

    /**
     * The hours the hour charts show: the hall's day from {@link #FIRST_HOUR} to {@link #LAST_HOUR},
     * widened to any hour that has something.
     */
    public static List<Integer> hours(DaySummary s) {
        int first = FIRST_HOUR;
        int last = LAST_HOUR;
        List<List<Integer>> all = new ArrayList<>(s.tickets().perHour().values());
        all.add(s.faults().perHour());
        for (List<Integer> counts : all) {
            for (int h = 0; h < counts.size(); h++) {
                if (counts.get(h) > 0) {
                    first = Math.min(first, h);
                    last = Math.max(last, h);
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int h = first; h <= last; h++) {
            out.add(h);
        }
        return out;
    }

    /** The interrupted tickets, in words: their numbers, or that there are none. */
    public String interruptedText(DaySummary s) {
        return s.tickets().interruptedNumbers().isEmpty()
                ? i18n.text(Msg.TODAY_TICKETS_NONE_INTERRUPTED)
                : i18n.text(
                        Msg.TODAY_TICKETS_INTERRUPTED_NUMBERS,
                        String.join("  ", s.tickets().interruptedNumbers()));
    }

    public String voidedText(DaySummary s) {
        return i18n.text(Msg.TODAY_TICKETS_VOIDED, s.tickets().voided());
    }

    public String leftText(DaySummary s) {
        return i18n.text(
                Msg.TODAY_FLOWS_LEFT,
                s.flows().stream().mapToInt(DaySummary.FlowCount::left).sum());
    }

    /** Each device with its faults, one a line; or that there were none. */
    public List<String> faultLines(DaySummary s) {
        if (s.faults().count() == 0) {
            return List.of(i18n.text(Msg.TODAY_FAULTS_NONE));
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : s.faults().perDevice().entrySet()) {
            out.add(i18n.text(Msg.TODAY_FAULTS_DEVICE, e.getKey(), e.getValue()));
        }
        return out;
    }

    public String applicationsText(DaySummary s) {
        DaySummary.Applications a = s.applications();
        return i18n.text(Msg.TODAY_APPLICATIONS_DETAIL, a.received(), a.waiting(), a.refused());
    }

    public String paymentsAmountText(DaySummary s) {
        return i18n.text(
                Msg.TODAY_PAYMENTS_AMOUNT,
                s.payments().paid(),
                FeeStepViewModel.yuan(s.payments().paidFen()));
    }

    public String paymentsDoubtText(DaySummary s) {
        DaySummary.Payments p = s.payments();
        return i18n.text(Msg.TODAY_PAYMENTS_DOUBT, p.inDoubt(), p.forStaff(), p.givenBack());
    }

    public String reconciliationText(DaySummary s) {
        Optional<ReconciliationReport> r = s.payments().reconciliation();
        if (r.isEmpty()) {
            return i18n.text(Msg.TODAY_NOT_RECONCILED);
        }
        String made = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
                .format(r.get().madeAt().atZone(s.zone()));
        return r.get().clean()
                ? i18n.text(Msg.TODAY_RECONCILED_CLEAN, made)
                : i18n.text(
                        Msg.TODAY_RECONCILED_DIFFERENCES,
                        made,
                        r.get().differences().size());
    }

    public String printsText(DaySummary s) {
        DaySummary.Prints p = s.prints();
        return i18n.text(Msg.TODAY_PRINTS_DETAIL, p.failed(), p.refused(), p.reprints());
    }

    /** The failed and refused prints, one a line: time, document, the device's reason. */
    public List<String> printFailureLines(DaySummary s) {
        return s.prints().failures().stream()
                .map(f -> i18n.text(Msg.TODAY_PRINT_FAILURE, at(f.at()), documentName(f.template()), f.reason()))
                .toList();
    }

    private String at(Instant t) {
        return TIME.format(t.atZone(day.zone()));
    }

    // ---- what the view shows ------------------------------------------------------------------

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The day's figures; null while they are read. */
    public ReadOnlyObjectProperty<DaySummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dayProperty() {
        return dayText.getReadOnlyProperty();
    }

    /** Whether a later day may be chosen (today is the last). */
    public ReadOnlyBooleanProperty laterDayProperty() {
        return laterDay.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The day's documents (first prints), in order. */
    public ObservableList<DocRow> documents() {
        return documents;
    }

    /** The day shown. */
    public LocalDate shownDay() {
        return shown;
    }

    public I18n i18n() {
        return i18n;
    }
}
