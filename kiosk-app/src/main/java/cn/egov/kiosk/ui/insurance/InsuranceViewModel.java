package cn.egov.kiosk.ui.insurance;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.insurance.DuesSource;
import cn.egov.kiosk.insurance.InsuranceDesk;
import cn.egov.kiosk.insurance.PaymentReceipt;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.InsuranceDues.Due;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 社保缴费: after the login, the citizen's dues for 城乡居民医保 and 城乡居民养老保险 (the scheme,
 * the year, the amount or "choose a grade", where each stands: to pay, paid, nothing to pay), the
 * grade to choose for the pension, then the fee step ({@link FeeStepViewModel}) on the amount
 * chosen, the receipt printed once paid. When the platform cannot be asked the screen says so.
 * Entry points run on the JavaFX thread only.
 */
public final class InsuranceViewModel implements CitizenState {

    public enum Step {
        LOADING,
        /** The dues, one row a scheme's year. */
        LIST,
        /** The platform answered: no dues for this citizen. */
        NONE,
        /** A pension's grades to choose from. */
        GRADE,
        /** The fee step on the due chosen. */
        PAY,
        /** The platform cannot be asked. */
        OFFLINE,
        /** The lookup failed for a reason nobody foresaw. */
        FAILED
    }

    private final I18n i18n;
    private final InsuranceDesk desk;
    private final TaskRunner tasks;
    private final SessionManager sessions;
    private final ZoneId zone;
    private final Optional<Printing> printing;
    private final Supplier<String> hallName;
    private final List<PaymentMethod> methods;
    private final FeeStepViewModel fee;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ObservableList<Due> dues = FXCollections.observableArrayList();
    private final ObservableList<Due> duesView = FXCollections.unmodifiableObservableList(dues);
    private final ReadOnlyObjectWrapper<Due> chosen = new ReadOnlyObjectWrapper<>();
    private final BackgroundTask<List<Due>> loading;
    /** The screen was opened and its dues are wanted (the login step may come first). */
    private boolean wanted;

    /**
     * @param printing the receipt printer's path, for the payment receipt, when the kiosk has one
     * @param hallName the hall's name in the screen's language, at the receipt's top
     * @param methods the ways to pay this kiosk offers (its terminal, the platform's codes, its scanner)
     * @param fee the fee step this flow pays through
     */
    public InsuranceViewModel(
            I18n i18n,
            InsuranceDesk desk,
            TaskRunner tasks,
            SessionManager sessions,
            ZoneId zone,
            Optional<Printing> printing,
            Supplier<String> hallName,
            List<PaymentMethod> methods,
            FeeStepViewModel fee) {
        this.i18n = i18n;
        this.desk = desk;
        this.tasks = tasks;
        this.sessions = sessions;
        this.zone = zone;
        this.printing = printing;
        this.hallName = hallName;
        this.methods = List.copyOf(methods);
        this.fee = fee;
        this.loading = new BackgroundTask<>(tasks);
        fee.onDone(this::backToList);
    }

    /** The screen opens afresh (from the home screen): its dues once the citizen is signed in. */
    public void start() {
        tasks.checkUiThread();
        reset();
        wanted = true;
    }

    /** The screen is shown (back from the login step too): the dues are looked up. */
    public void shown() {
        tasks.checkUiThread();
        if (wanted && step.get() == Step.LOADING && !loading.running()) {
            load();
        }
    }

    /** "再查一次" after the platform could not be asked, or after a failure. */
    public void retry() {
        tasks.checkUiThread();
        if (step.get() == Step.OFFLINE || step.get() == Step.FAILED) {
            load();
        }
    }

    private void load() {
        Optional<String> id = identity().map(Identity::number);
        if (id.isEmpty()) {
            return; // nobody signed in (the session ended): nothing to look up
        }
        String idNumber = id.get();
        dues.clear();
        chosen.set(null);
        step.set(Step.LOADING);
        loading.start(
                () -> desk.dues(idNumber),
                found -> {
                    dues.setAll(found);
                    step.set(found.isEmpty() ? Step.NONE : Step.LIST);
                },
                error -> step.set(error instanceof DuesSource.Unreachable ? Step.OFFLINE : Step.FAILED));
    }

    /** A row touched: a due to pay goes to its grades or straight to the fee step; the others are only shown. */
    public void choose(int index) {
        tasks.checkUiThread();
        if (step.get() != Step.LIST || index < 0 || index >= dues.size()) {
            return;
        }
        Due d = dues.get(index);
        if (d.status() != InsuranceDues.Status.DUE) {
            return;
        }
        chosen.set(d);
        if (InsuranceDesk.graded(d)) {
            step.set(Step.GRADE);
        } else {
            pay(d, d.amountFen());
        }
    }

    /** A grade chosen for the pension due shown: the fee step on it. */
    public void chooseGrade(long fen) {
        tasks.checkUiThread();
        Due d = chosen.get();
        if (step.get() == Step.GRADE && d != null && d.accepts(fen)) {
            pay(d, fen);
        }
    }

    private void pay(Due due, long fen) {
        Optional<Identity> who = identity();
        if (who.isEmpty()) {
            return;
        }
        String idNumber = who.get().number();
        String name = who.get().name();
        Locale locale = i18n.locale();
        String title = i18n.text(Msg.INSURANCE_DUE_TITLE, Integer.toString(due.year()), schemeName(due.scheme()));
        String item = InsuranceDesk.description(due);
        String collector = i18n.text(Msg.INSURANCE_COLLECTOR);
        String hall = hallName.get();
        String cardWords = i18n.text(FeeStepViewModel.methodName(PaymentMethod.CARD));
        String qrWords = i18n.text(FeeStepViewModel.methodName(PaymentMethod.QR_SHOWN));
        String codeWords = i18n.text(FeeStepViewModel.methodName(PaymentMethod.QR_SCANNED));
        FeeStepViewModel.Checkout checkout = new FeeStepViewModel.Checkout() {
            @Override
            public Payments.Result pay(PaymentMethod method, Optional<String> payerCode, Payments.Progress progress) {
                return desk.pay(desk.order(due, fen, method, payerCode), progress);
            }

            @Override
            public void abortCard() {
                desk.abortSale();
            }

            @Override
            public Optional<Printing.Problem> paid(PaymentRecord paid) {
                desk.deliver(paid); // not yet: the recovery delivers it later
                if (printing.isEmpty()) {
                    return Optional.of(Printing.Problem.NO_PRINTER);
                }
                String how = switch (paid.method()) {
                    case CARD -> cardWords;
                    case QR_SHOWN -> qrWords;
                    case QR_SCANNED -> codeWords;
                };
                JsonNode data = PaymentReceipt.of(paid, hall, name, idNumber, item, collector, how, zone);
                Printing.Outcome out =
                        printing.get().print(PaymentReceipt.TEMPLATE, data, locale, paid.orderRef(), false);
                return out instanceof Printing.NotPrinted np ? Optional.of(np.problem()) : Optional.empty();
            }
        };
        fee.start(new FeeStepViewModel.Fee(title, fen, methods), checkout);
        step.set(Step.PAY);
    }

    /** After the fee step's outcome: the dues again (what was paid is shown paid). */
    private void backToList() {
        chosen.set(null);
        fee.reset();
        load();
    }

    /**
     * The frame's back: inside the fee step first, then to the grades, then to the list; false on
     * the list (and the outcomes with nothing shown), where back leaves the screen.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case PAY:
                if (fee.back()) {
                    return true;
                }
                if (fee.stepProperty().get() == FeeStepViewModel.Step.CHOOSE) {
                    Due d = chosen.get();
                    fee.reset();
                    if (d != null && InsuranceDesk.graded(d)) {
                        step.set(Step.GRADE);
                    } else {
                        chosen.set(null);
                        step.set(Step.LIST);
                    }
                    return true;
                }
                backToList();
                return true;
            case GRADE:
                chosen.set(null);
                step.set(Step.LIST);
                return true;
            default:
                return false;
        }
    }

    private Optional<Identity> identity() {
        return sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets the dues and what was chosen. */
    public void reset() {
        tasks.checkUiThread();
        loading.cancel();
        fee.reset();
        wanted = false;
        dues.clear();
        chosen.set(null);
        step.set(Step.LOADING);
    }

    // ---- state --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<Due> dues() {
        return duesView;
    }

    /** The due being paid (or whose grade is being chosen). */
    public ReadOnlyObjectProperty<Due> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public FeeStepViewModel fee() {
        return fee;
    }

    /** Whether the screen must not be left: a payment runs, or its receipt prints. */
    public BooleanBinding busy() {
        return Bindings.createBooleanBinding(
                () -> step.get() == Step.PAY && fee.busy().get(), step, fee.stepProperty(), fee.receiptProperty());
    }

    public I18n i18n() {
        return i18n;
    }

    // ---- words --------------------------------------------------------------------------------

    static Msg schemeWords(InsuranceDues.Scheme s) {
        return switch (s) {
            case RESIDENT_MEDICAL -> Msg.INSURANCE_SCHEME_MEDICAL;
            case RESIDENT_PENSION -> Msg.INSURANCE_SCHEME_PENSION;
        };
    }

    private String schemeName(InsuranceDues.Scheme s) {
        return i18n.text(schemeWords(s));
    }

    /** A row's title: 2027年度 城乡居民基本医疗保险. */
    public String rowTitle(Due d) {
        return i18n.text(Msg.INSURANCE_DUE_TITLE, Integer.toString(d.year()), schemeName(d.scheme()));
    }

    /** A row's amount: 应缴 380.00 元, 按档次缴费 (请选择档次), 已缴 360.00 元; "" when nothing is owed. */
    public String rowAmount(Due d) {
        return switch (d.status()) {
            case DUE ->
                InsuranceDesk.graded(d)
                        ? i18n.text(Msg.INSURANCE_CHOOSE_GRADE)
                        : i18n.text(Msg.INSURANCE_AMOUNT_DUE, FeeStepViewModel.yuan(d.amountFen()));
            case PAID -> i18n.text(Msg.INSURANCE_AMOUNT_PAID, FeeStepViewModel.yuan(d.paidFen()));
            case NOT_DUE -> "";
        };
    }

    /** Where a row stands: 待缴费 (缴费期至 12月31日), 已缴费, 无需缴费 and why. */
    public String rowStatus(Due d) {
        return switch (d.status()) {
            case DUE ->
                d.payUntil() == null
                        ? i18n.text(Msg.INSURANCE_STATUS_DUE)
                        : i18n.text(Msg.INSURANCE_STATUS_DUE_UNTIL, i18n.date(d.payUntil()));
            case PAID -> i18n.text(Msg.INSURANCE_STATUS_PAID);
            case NOT_DUE ->
                d.note() == null || d.note().isBlank()
                        ? i18n.text(Msg.INSURANCE_STATUS_NOT_DUE)
                        : i18n.text(Msg.INSURANCE_STATUS_NOT_DUE) + "\n" + d.note();
        };
    }

    /** Whether a row can be touched (a due to pay). */
    public static boolean payable(Due d) {
        return d.status() == InsuranceDues.Status.DUE;
    }

    /** The grades of the due chosen, lowest first. */
    public List<Long> grades() {
        Due d = chosen.get();
        return d == null || d.gradesFen() == null ? List.of() : List.copyOf(d.gradesFen());
    }

    /** A grade's button: 200.00 元. */
    public String gradeText(long fen) {
        return i18n.text(Msg.PAY_AMOUNT, FeeStepViewModel.yuan(fen));
    }

    /** Over the grades: which due, and that a higher grade gives a higher pension. */
    public StringBinding gradeTitle() {
        return Bindings.createStringBinding(
                () -> chosen.get() == null ? "" : rowTitle(chosen.get()), chosen, i18n.localeProperty());
    }

    /** The code for staff under the offline and failed pages; "" otherwise. */
    public StringBinding problemCodeText() {
        return Bindings.createStringBinding(
                () -> switch (step.get()) {
                    case OFFLINE -> ErrorCodes.line(i18n, ErrorCodes.INSURANCE_AWAY);
                    case FAILED -> ErrorCodes.line(i18n, ErrorCodes.INSURANCE_FAILED);
                    default -> "";
                },
                step,
                i18n.localeProperty());
    }
}
