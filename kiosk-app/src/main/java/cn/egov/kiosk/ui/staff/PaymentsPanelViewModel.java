package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.payment.Difference;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentRecovery;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.payment.ReconciliationReport;
import cn.egov.kiosk.payment.StaffPayments;
import cn.egov.kiosk.payment.TerminalTotals;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.admin.AdminPanel;
import cn.egov.kiosk.ui.admin.AdminPanelSession;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff's 缴费与对账, behind the staff PIN: the payments left for staff (MANUAL) and those still in
 * doubt, each with its time, method, amount, state, ids (the card masked, as the journal holds it)
 * and the journal's note; a payment's steps on a tap; a payment left for staff settled with what
 * staff found out, after a confirmation; and a chosen day's latest reconciliation (yesterday at
 * first; today at most) with the kiosk's, the terminal's and the platform's figures and each
 * difference in plain words, a reconciliation made now (it closes the terminal's day: the
 * confirmation says so) and the recovery run now. Everything is read and done off the JavaFX thread;
 * the entry points run on it only.
 */
public final class PaymentsPanelViewModel implements AdminPanel {
    private static final Logger log = LoggerFactory.getLogger(PaymentsPanelViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);
    private static final String NONE = "—";

    /** How long the panel stays open without a touch: it shows the kiosk's payments to whoever stands there. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(120);

    /** What staff may record of a payment left to them, in the order the buttons show. */
    public static final List<PaymentState> SETTLEMENTS = List.of(
            PaymentState.DELIVERED,
            PaymentState.REVERSED,
            PaymentState.REFUNDED,
            PaymentState.DECLINED,
            PaymentState.CANCELLED);

    /**
     * One payment in the list, in words.
     *
     * @param forStaff left for staff (MANUAL): staff may settle it; otherwise still in doubt
     * @param headline time, method, amount and state
     * @param what the order and what it pays for
     * @param ids the receipt, trace and platform ids and the card, masked
     * @param why the journal's note (why it is here)
     */
    public record Row(String orderRef, boolean forStaff, String headline, String what, String ids, String why) {}

    /** What staff read at once: the list and the chosen day's reconciliation. */
    private record Snapshot(
            List<PaymentRecord> forStaff, List<PaymentRecord> unresolved, Optional<ReconciliationReport> report) {}

    private final I18n i18n;
    private final TaskRunner tasks;
    private final StaffPayments payments;
    private final ZoneId zone;
    private final Clock clock;
    private final BackgroundTask<Snapshot> loading;
    private final BackgroundTask<List<PaymentStep>> stepsLoading;
    private final AdminPanelSession session;
    private LocalDate day;

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper selectedForStaff = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper stepsTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dayText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper laterDay = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ObservableList<String> differences = FXCollections.observableArrayList();

    /** @param payments what staff see and do with the payments (blocking: run on the task runner) */
    public PaymentsPanelViewModel(I18n i18n, TaskRunner tasks, StaffPayments payments, ZoneId zone, Clock clock) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.payments = payments;
        this.zone = zone;
        this.clock = clock;
        this.loading = new BackgroundTask<>(tasks);
        this.stepsLoading = new BackgroundTask<>(tasks);
        this.session = new AdminPanelSession(tasks, clock, IDLE_LIMIT);
        this.day = today().minusDays(1);
    }

    // ---- opening and closing ------------------------------------------------------------------

    @Override
    public AdminPanelSession session() {
        return session;
    }

    /** Opens on yesterday's reconciliation and the payments for staff as they stand. */
    public void open() {
        tasks.checkUiThread();
        message.set("");
        day = today().minusDays(1);
        clearSelection();
        session.open();
        refresh();
    }

    @Override
    public void close() {
        tasks.checkUiThread();
        session.close();
        loading.cancel();
        stepsLoading.cancel();
        clearSelection();
        rows.clear();
        differences.clear();
        totals.set("");
        loaded.set(false);
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Reads the payments for staff and the chosen day's reconciliation again. */
    public void refresh() {
        tasks.checkUiThread();
        LocalDate d = day;
        dayText.set(i18n.text(Msg.STAFF_PAY_DAY, d.toString()));
        laterDay.set(d.isBefore(today()));
        loading.start(
                () -> new Snapshot(payments.forStaff(), payments.unresolved(), payments.report(d)),
                this::show,
                this::failed);
    }

    /** The day before the one shown. */
    public void previousDay() {
        tasks.checkUiThread();
        day = day.minusDays(1);
        refresh();
    }

    /** The day after the one shown, today at most. */
    public void nextDay() {
        tasks.checkUiThread();
        if (day.isBefore(today())) {
            day = day.plusDays(1);
            refresh();
        }
    }

    /** A payment tapped: its steps are read and shown (and, left for staff, the ways to settle it). */
    public void select(String orderRef) {
        tasks.checkUiThread();
        Optional<Row> row =
                rows.stream().filter(r -> r.orderRef().equals(orderRef)).findFirst();
        if (row.isEmpty()) {
            return;
        }
        cancelConfirmation();
        selected.set(orderRef);
        selectedForStaff.set(row.get().forStaff());
        stepsTitle.set(i18n.text(Msg.STAFF_PAY_STEPS_TITLE, orderRef));
        steps.clear();
        stepsLoading.start(() -> payments.steps(orderRef), this::showSteps, this::failed);
    }

    private void show(Snapshot s) {
        loaded.set(true);
        List<Row> all = new ArrayList<>();
        s.forStaff().forEach(p -> all.add(row(p, true)));
        s.unresolved().forEach(p -> all.add(row(p, false)));
        rows.setAll(all);
        String chosen = selected.get();
        Optional<Row> still =
                all.stream().filter(r -> r.orderRef().equals(chosen)).findFirst();
        if (still.isEmpty()) {
            clearSelection();
        } else {
            selectedForStaff.set(still.get().forStaff());
        }
        if (s.report().isEmpty()) {
            totals.set(i18n.text(Msg.STAFF_PAY_NOT_RECONCILED));
            differences.clear();
        } else {
            showReport(s.report().get());
        }
    }

    private void showReport(ReconciliationReport r) {
        ReconciliationReport.KioskTotals k = r.kiosk();
        List<String> lines = new ArrayList<>();
        lines.add(i18n.text(Msg.STAFF_PAY_REPORT_MADE, at(r.madeAt())));
        lines.add(i18n.text(
                Msg.STAFF_PAY_KIOSK_TOTALS,
                k.payments(),
                k.paidCount(),
                yuan(k.paidFen()),
                k.cardTransactions(),
                yuan(k.cardNetFen())));
        if (r.terminal().isEmpty()) {
            lines.add(i18n.text(Msg.STAFF_PAY_TERMINAL_NONE));
        } else {
            TerminalTotals t = r.terminal().get();
            lines.add(
                    t.countTold()
                            ? i18n.text(Msg.STAFF_PAY_TERMINAL_TOTALS, t.transactionCount(), yuan(t.netFen()))
                            : i18n.text(Msg.STAFF_PAY_TERMINAL_NO_COUNT, yuan(t.netFen())));
        }
        lines.add(
                r.platformOrders().isPresent()
                        ? i18n.text(
                                Msg.STAFF_PAY_PLATFORM_ORDERS,
                                r.platformOrders().getAsInt())
                        : i18n.text(Msg.STAFF_PAY_PLATFORM_NONE));
        lines.add(
                r.clean()
                        ? i18n.text(Msg.STAFF_PAY_CLEAN)
                        : i18n.text(Msg.STAFF_PAY_DIFFERENCES, r.differences().size()));
        totals.set(String.join("\n", lines));
        differences.setAll(r.differences().stream().map(this::difference).toList());
    }

    private void showSteps(List<PaymentStep> list) {
        steps.setAll(list.stream().map(this::step).toList());
    }

    // ---- acting -------------------------------------------------------------------------------

    /** Asks staff to confirm that the selected payment, left to them, ended as {@code to}. */
    public void settle(PaymentState to) {
        tasks.checkUiThread();
        String orderRef = selected.get();
        Optional<Row> row = rows.stream()
                .filter(r -> r.orderRef().equals(orderRef) && r.forStaff())
                .findFirst();
        if (row.isEmpty() || !SETTLEMENTS.contains(to)) {
            return;
        }
        session.ask(i18n.text(Msg.STAFF_PAY_SETTLE_CONFIRM, orderRef, settlement(to)), () -> settleNow(orderRef, to));
    }

    private void settleNow(String orderRef, PaymentState to) {
        act(
                Msg.STAFF_PAY_SETTLING,
                () -> payments.settle(
                        orderRef,
                        to,
                        "settled by staff at the kiosk: " + to.name().toLowerCase(Locale.ROOT)),
                p -> {
                    log.warn("Payment {} settled by staff as {}", orderRef, to);
                    message.set(i18n.text(Msg.STAFF_PAY_SETTLED, orderRef, settlement(to)));
                });
    }

    /** Asks staff to confirm a reconciliation of the shown day now (it closes the terminal's day). */
    public void reconcile() {
        tasks.checkUiThread();
        LocalDate d = day;
        session.ask(
                i18n.text(Msg.STAFF_PAY_RECONCILE_CONFIRM, d.toString()),
                () -> act(Msg.STAFF_PAY_RECONCILING, () -> payments.reconcile(d), r -> {
                    log.warn(
                            "Reconciliation of {} made by staff: {} difference(s)",
                            d,
                            r.differences().size());
                    message.set(i18n.text(
                            Msg.STAFF_PAY_RECONCILED,
                            d.toString(),
                            r.differences().size()));
                }));
    }

    /** Runs the recovery now: the payments in doubt are asked about again. */
    public void checkAgain() {
        tasks.checkUiThread();
        cancelConfirmation();
        act(
                Msg.STAFF_PAY_CHECKING,
                payments::checkAgain,
                (PaymentRecovery.Report r) -> message.set(i18n.text(
                        Msg.STAFF_PAY_CHECKED,
                        r.resolutions().size(),
                        r.unresolved().size(),
                        r.forStaff().size())));
    }

    /** Runs staff's action in the background, says how it went, then reads everything again. */
    private <T> void act(Msg doing, Callable<T> work, Consumer<T> done) {
        if (!session.begin()) {
            return;
        }
        message.set(i18n.text(doing));
        session.run(
                work,
                result -> {
                    done.accept(result);
                    refreshSelected();
                },
                error -> {
                    failed(error);
                    refreshSelected();
                });
    }

    private void refreshSelected() {
        if (!session.visible()) {
            return;
        }
        refresh();
        String chosen = selected.get();
        if (!chosen.isEmpty()) {
            stepsLoading.start(() -> payments.steps(chosen), this::showSteps, this::failed);
        }
    }

    private void failed(Throwable e) {
        message.set(i18n.text(Msg.STAFF_PAY_FAILED, AdminPanelSession.reason(e)));
    }

    private void clearSelection() {
        stepsLoading.cancel();
        selected.set("");
        selectedForStaff.set(false);
        stepsTitle.set("");
        steps.clear();
    }

    // ---- words --------------------------------------------------------------------------------

    private Row row(PaymentRecord p, boolean forStaff) {
        String state = forStaff
                ? i18n.text(Msg.STAFF_PAY_FOR_STAFF)
                : i18n.text(Msg.STAFF_PAY_IN_DOUBT, state(p.state()), p.attempts());
        String headline =
                i18n.text(Msg.STAFF_PAY_ROW, at(p.createdAt()), method(p.method()), yuan(p.amountFen()), state);
        String what = i18n.text(Msg.STAFF_PAY_WHAT, p.orderRef(), p.description() == null ? NONE : p.description());
        String ids = i18n.text(
                Msg.STAFF_PAY_IDS,
                p.receiptNo().orElse(NONE),
                p.traceNo().orElse(NONE),
                p.paymentId().orElse(NONE),
                p.cardMasked().orElse(NONE));
        String why = i18n.text(Msg.STAFF_PAY_WHY, p.note().orElse(NONE));
        return new Row(p.orderRef(), forStaff, headline, what, ids, why);
    }

    private String step(PaymentStep s) {
        return i18n.text(
                Msg.STAFF_PAY_STEP,
                at(s.at()),
                s.from().map(this::state).orElse(NONE),
                state(s.to()),
                actor(s.actor()),
                s.answer().note() == null ? "" : s.answer().note());
    }

    private String difference(Difference d) {
        Object[] args = {
            d.orderRef() == null ? NONE : d.orderRef(),
            yuan(d.kioskFen()),
            yuan(d.otherFen()),
            d.kioskState() == null ? NONE : kioskState(d.kioskState()),
            d.otherState() == null ? NONE : d.otherState()
        };
        Msg words;
        switch (d.kind()) {
            case ONLY_IN_JOURNAL:
                words = Msg.STAFF_PAY_DIFF_ONLY_IN_JOURNAL;
                break;
            case ONLY_ON_PLATFORM:
                words = Msg.STAFF_PAY_DIFF_ONLY_ON_PLATFORM;
                break;
            case AMOUNT_DIFFERS:
                words = Msg.STAFF_PAY_DIFF_AMOUNT_DIFFERS;
                break;
            case STATE_DIFFERS:
                words = Msg.STAFF_PAY_DIFF_STATE_DIFFERS;
                break;
            case TERMINAL_TOTALS_DIFFER:
                words = Msg.STAFF_PAY_DIFF_TERMINAL_TOTALS_DIFFER;
                break;
            case FOR_STAFF:
                words = Msg.STAFF_PAY_DIFF_FOR_STAFF;
                break;
            case NO_ANSWER:
            default:
                words = d.method() == PaymentMethod.CARD
                        ? Msg.STAFF_PAY_DIFF_NO_ANSWER_TERMINAL
                        : Msg.STAFF_PAY_DIFF_NO_ANSWER_PLATFORM;
                break;
        }
        return i18n.text(words, args) + "\n" + i18n.text(Msg.STAFF_PAY_DIFF_NOTE, d.note());
    }

    /** A journal state as the report names it, in words. */
    private String kioskState(String name) {
        for (PaymentState s : PaymentState.values()) {
            if (s.name().equals(name)) {
                return state(s);
            }
        }
        return name;
    }

    /** A state in plain words. */
    public String state(PaymentState s) {
        return i18n.text(stateMsg(s));
    }

    static Msg stateMsg(PaymentState s) {
        return switch (s) {
            case NEW -> Msg.STAFF_PAY_STATE_NEW;
            case SENT -> Msg.STAFF_PAY_STATE_SENT;
            case APPROVED -> Msg.STAFF_PAY_STATE_APPROVED;
            case DELIVERED -> Msg.STAFF_PAY_STATE_DELIVERED;
            case DECLINED -> Msg.STAFF_PAY_STATE_DECLINED;
            case CANCELLED -> Msg.STAFF_PAY_STATE_CANCELLED;
            case REVERSAL_PENDING -> Msg.STAFF_PAY_STATE_REVERSAL_PENDING;
            case REVERSED -> Msg.STAFF_PAY_STATE_REVERSED;
            case REFUND_PENDING -> Msg.STAFF_PAY_STATE_REFUND_PENDING;
            case REFUNDED -> Msg.STAFF_PAY_STATE_REFUNDED;
            case MANUAL -> Msg.STAFF_PAY_STATE_MANUAL;
        };
    }

    /** The words of a way to settle, on its button and in the confirmation. */
    public static Msg settlementMsg(PaymentState to) {
        switch (to) {
            case DELIVERED:
                return Msg.STAFF_PAY_SETTLE_DELIVERED;
            case REVERSED:
                return Msg.STAFF_PAY_SETTLE_REVERSED;
            case REFUNDED:
                return Msg.STAFF_PAY_SETTLE_REFUNDED;
            case DECLINED:
                return Msg.STAFF_PAY_SETTLE_DECLINED;
            case CANCELLED:
                return Msg.STAFF_PAY_SETTLE_CANCELLED;
            default:
                throw new IllegalArgumentException("staff do not settle a payment as " + to);
        }
    }

    private String settlement(PaymentState to) {
        return i18n.text(settlementMsg(to));
    }

    private String method(PaymentMethod m) {
        switch (m) {
            case CARD:
                return i18n.text(Msg.PAY_METHOD_CARD);
            case QR_SHOWN:
                return i18n.text(Msg.PAY_METHOD_QR);
            case QR_SCANNED:
            default:
                return i18n.text(Msg.PAY_METHOD_CODE);
        }
    }

    private String actor(PaymentStep.Actor a) {
        switch (a) {
            case KIOSK:
                return i18n.text(Msg.STAFF_PAY_ACTOR_KIOSK);
            case RECOVERY:
                return i18n.text(Msg.STAFF_PAY_ACTOR_RECOVERY);
            case STAFF:
            default:
                return i18n.text(Msg.STAFF_PAY_ACTOR_STAFF);
        }
    }

    private static String yuan(long fen) {
        return FeeStepViewModel.yuan(fen);
    }

    private String at(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ---- what the view shows ------------------------------------------------------------------

    /** The list and the report have been read since the panel opened. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The payments left for staff, then those still in doubt. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** The order reference of the payment tapped; empty when none. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Whether the payment tapped is left for staff: the ways to settle it are offered. */
    public ReadOnlyBooleanProperty selectedForStaffProperty() {
        return selectedForStaff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepsTitleProperty() {
        return stepsTitle.getReadOnlyProperty();
    }

    /** The tapped payment's steps, one a line. */
    public ObservableList<String> steps() {
        return steps;
    }

    public ReadOnlyStringProperty dayProperty() {
        return dayText.getReadOnlyProperty();
    }

    /** Whether a later day may be chosen (today is the last). */
    public ReadOnlyBooleanProperty laterDayProperty() {
        return laterDay.getReadOnlyProperty();
    }

    /** The day's reconciliation: when, the kiosk's, the terminal's and the platform's figures. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** Each difference of the day's reconciliation, in plain words, with the journal's detail. */
    public ObservableList<String> differences() {
        return differences;
    }

    /** The day shown (tests). */
    LocalDate day() {
        return day;
    }

    public I18n i18n() {
        return i18n;
    }
}
