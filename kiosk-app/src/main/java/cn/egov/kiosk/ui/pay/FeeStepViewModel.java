package cn.egov.kiosk.ui.pay;

import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The fee step (缴费), for any flow whose item has a fee: the amount in large type, the ways to pay
 * the kiosk offers (a bank card on the terminal, the QR code the kiosk shows, the citizen's payment
 * code at the scanner), the progress of the one chosen, and how it ended in plain words: paid (the
 * receipt printed), declined, cancelled, in doubt ("we are checking with your bank, do not pay
 * again", with the hotline), already paid. What is paid and how is the flow's {@link Checkout}; the
 * payment itself runs in the background (it waits on a terminal or the platform), and while it runs
 * the screen holds ({@link #busy()}). Entry points run on the JavaFX thread only.
 */
public final class FeeStepViewModel implements CitizenState {

    public enum Step {
        /** The amount and the ways to pay. */
        CHOOSE,
        /** Asking the platform for the QR code to show. */
        STARTING,
        /** The terminal waits for the card: insert or tap it; "cancel" aborts the sale. */
        CARD,
        /** The QR code shown, with the amount and a countdown; "cancel" closes the order. */
        QR,
        /** Waiting for the citizen's payment code at the scanner (nothing asked yet). */
        SCAN,
        /** The payment code read, being charged. */
        CHARGING,
        /** "Cancel" touched: waiting for the terminal or the platform to confirm nothing was taken. */
        CANCELLING,
        PAID,
        DECLINED,
        CANCELLED,
        /** Not known yet: do not pay again. */
        IN_DOUBT,
        /** Paid before: nothing was asked. */
        ALREADY_PAID,
        /** A payment of this is being checked: nothing was asked. */
        ALREADY_PAYING,
        /** The kiosk itself failed while paying: said with a code for staff, and "do not pay again". */
        FAILED
    }

    /** The receipt of a paid fee. */
    public enum ReceiptState {
        NONE,
        PRINTING,
        PRINTED,
        NOT_PRINTED
    }

    /**
     * What is paid, as the screen says it, and the ways the kiosk offers now.
     *
     * @param note what the fee is, under the amount (an item's {@code feeNote}: 每次签注15元); "" for none
     */
    public record Fee(String title, long amountFen, List<PaymentMethod> methods, String note) {
        public Fee {
            Objects.requireNonNull(title, "title");
            methods = List.copyOf(methods);
            note = note == null ? "" : note;
            if (amountFen <= 0) {
                throw new IllegalArgumentException("a fee of " + amountFen + " fen");
            }
        }

        /** A fee with nothing said under its amount. */
        public Fee(String title, long amountFen, List<PaymentMethod> methods) {
            this(title, amountFen, methods, "");
        }
    }

    /**
     * The flow's side of a payment: what it pays for, and what happens once it is paid. Called off
     * the JavaFX thread.
     */
    public interface Checkout {
        /** Pays the fee by {@code method}, blocking until it ended; see {@code Payments.pay}. */
        Payments.Result pay(PaymentMethod method, Optional<String> payerCode, Payments.Progress progress);

        /** The citizen gave up at the card terminal: the terminal is asked to abort its sale. */
        void abortCard();

        /**
         * The fee is paid: the service handed over (as far as it can be now) and the receipt printed;
         * empty when printed, else why not.
         */
        Optional<Printing.Problem> paid(PaymentRecord paid);
    }

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Executor uiThread;
    private final Clock clock;
    private final String hotline;
    private final Duration qrShown;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ReadOnlyObjectWrapper<Fee> fee = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PaymentMethod> method = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper qrContent = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<PaymentRecord> payment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReceiptState> receipt = new ReadOnlyObjectWrapper<>(ReceiptState.NONE);
    private final ReadOnlyObjectWrapper<Printing.Problem> receiptProblem = new ReadOnlyObjectWrapper<>();
    private final BackgroundTask<Payments.Result> paying;
    private final BackgroundTask<Optional<Printing.Problem>> printing;
    private Checkout checkout;
    private Instant qrDeadline;
    /** The run in flight's "cancel" (read on the paying thread). */
    private AtomicBoolean cancelled = new AtomicBoolean();
    /** Counts the runs: a late QR code of a run no longer wanted is dropped. */
    private long run;

    private Consumer<Payments.Outcome> onOutcome = o -> {};
    private Runnable onDone = () -> {};

    /**
     * @param uiThread hands the paying thread's news (the QR code to show) to the JavaFX thread
     * @param hotline the hall's service hotline ("" for none), said when a payment is in doubt
     * @param qrShown how long a shown code is offered at most (the payments' own limit), for the countdown
     */
    public FeeStepViewModel(
            I18n i18n, TaskRunner tasks, Executor uiThread, Clock clock, String hotline, Duration qrShown) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.uiThread = uiThread;
        this.clock = clock;
        this.hotline = hotline;
        this.qrShown = qrShown;
        this.paying = new BackgroundTask<>(tasks);
        this.printing = new BackgroundTask<>(tasks);
    }

    /** What the flow hears when a payment ended (PAID, DECLINED...), on the JavaFX thread. */
    public void onOutcome(Consumer<Payments.Outcome> listener) {
        this.onOutcome = Objects.requireNonNull(listener);
    }

    /** What "done" does after an outcome (back to the flow's list, say). */
    public void onDone(Runnable action) {
        this.onDone = Objects.requireNonNull(action);
    }

    /** The step opens on a fee: its amount and the ways to pay. */
    public void start(Fee f, Checkout c) {
        tasks.checkUiThread();
        clear();
        fee.set(Objects.requireNonNull(f));
        checkout = Objects.requireNonNull(c);
        step.set(Step.CHOOSE);
    }

    /** A way to pay chosen: the card and the shown code start at once; the payment code waits for the scan. */
    public void choose(PaymentMethod m) {
        tasks.checkUiThread();
        if (step.get() != Step.CHOOSE
                || checkout == null
                || !fee.get().methods().contains(m)) {
            return;
        }
        method.set(m);
        switch (m) {
            case CARD -> pay(Step.CARD, Optional.empty());
            case QR_SHOWN -> pay(Step.STARTING, Optional.empty());
            case QR_SCANNED -> step.set(Step.SCAN);
        }
    }

    /** A payment code scanned: charged while the step waits for one; false (not taken) otherwise. */
    public boolean paymentCode(String code) {
        tasks.checkUiThread();
        if (step.get() != Step.SCAN || checkout == null) {
            return false;
        }
        pay(Step.CHARGING, Optional.of(code));
        return true;
    }

    private void pay(Step waiting, Optional<String> payerCode) {
        Checkout c = checkout;
        PaymentMethod m = method.get();
        AtomicBoolean gaveUp = new AtomicBoolean();
        cancelled = gaveUp;
        long thisRun = ++run;
        step.set(waiting);
        Payments.Progress progress = new Payments.Progress() {
            @Override
            public void qrReady(String content, Optional<Instant> expiresAt) {
                uiThread.execute(() -> shown(thisRun, content, expiresAt));
            }

            @Override
            public boolean cancelled() {
                return gaveUp.get();
            }
        };
        paying.start(() -> c.pay(m, payerCode, progress), this::ended, error -> ended(null));
    }

    private void shown(long ofRun, String content, Optional<Instant> expiresAt) {
        if (ofRun != run || step.get() != Step.STARTING) {
            return;
        }
        Instant limit = clock.instant().plus(qrShown);
        qrDeadline = expiresAt.filter(e -> e.isBefore(limit)).orElse(limit);
        qrContent.set(content);
        tick();
        step.set(Step.QR);
    }

    private void ended(Payments.Result r) {
        qrContent.set("");
        if (r == null) {
            step.set(Step.FAILED);
            onOutcome.accept(Payments.Outcome.IN_DOUBT);
            return;
        }
        payment.set(r.payment());
        step.set(stepOf(r.outcome()));
        onOutcome.accept(r.outcome());
        if (r.outcome() == Payments.Outcome.PAID) {
            Checkout c = checkout;
            PaymentRecord paid = r.payment();
            receipt.set(ReceiptState.PRINTING);
            printing.start(
                    () -> c.paid(paid),
                    problem -> {
                        receiptProblem.set(problem.orElse(null));
                        receipt.set(problem.isPresent() ? ReceiptState.NOT_PRINTED : ReceiptState.PRINTED);
                    },
                    error -> {
                        receiptProblem.set(Printing.Problem.PRINTER_FAULT);
                        receipt.set(ReceiptState.NOT_PRINTED);
                    });
        }
    }

    static Step stepOf(Payments.Outcome o) {
        return switch (o) {
            case PAID -> Step.PAID;
            case DECLINED -> Step.DECLINED;
            case CANCELLED -> Step.CANCELLED;
            case IN_DOUBT -> Step.IN_DOUBT;
            case ALREADY_PAID -> Step.ALREADY_PAID;
            case ALREADY_PAYING -> Step.ALREADY_PAYING;
        };
    }

    /**
     * "取消": at the terminal the sale is aborted, a shown code closed (what was paid meanwhile is
     * still paid), the scan not waited for; the outcome is said when the terminal or the platform
     * has confirmed.
     */
    public void cancel() {
        tasks.checkUiThread();
        switch (step.get()) {
            case CARD -> {
                cancelled.set(true);
                step.set(Step.CANCELLING);
                Checkout c = checkout;
                tasks.run(
                        () -> {
                            c.abortCard();
                            return Boolean.TRUE;
                        },
                        done -> {},
                        error -> {});
            }
            case QR, STARTING -> {
                cancelled.set(true);
                step.set(Step.CANCELLING);
            }
            case SCAN -> step.set(Step.CHOOSE);
            default -> {}
        }
    }

    /** "再试一次" after a declined or cancelled payment: the ways to pay again. */
    public void again() {
        tasks.checkUiThread();
        Step s = step.get();
        if (s == Step.DECLINED || s == Step.CANCELLED) {
            payment.set(null);
            method.set(null);
            step.set(Step.CHOOSE);
        }
    }

    /** "完成"/"返回": the flow takes over (its list, say). */
    public void done() {
        tasks.checkUiThread();
        if (!busy().get()) {
            onDone.run();
        }
    }

    /** The one-second tick: the shown code's countdown. */
    public void tick() {
        if (qrDeadline != null) {
            long left = Duration.between(clock.instant(), qrDeadline).toSeconds();
            secondsLeft.set((int) Math.max(0, left));
        }
    }

    /**
     * The frame's back: the scan back to the ways to pay; nothing while a payment runs (true: back is
     * taken, and does nothing); false at the ways to pay and after an outcome, where the flow decides.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case SCAN:
                step.set(Step.CHOOSE);
                return true;
            case STARTING:
            case CARD:
            case QR:
            case CHARGING:
            case CANCELLING:
                return true;
            default:
                return step.get() == Step.PAID && receipt.get() == ReceiptState.PRINTING;
        }
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets the fee and what happened; a payment in flight goes on, its outcome is dropped (the journal has it). */
    public void reset() {
        tasks.checkUiThread();
        clear();
        step.set(Step.CHOOSE);
    }

    private void clear() {
        paying.cancel();
        printing.cancel();
        cancelled.set(true);
        cancelled = new AtomicBoolean();
        run++;
        checkout = null;
        fee.set(null);
        method.set(null);
        qrContent.set("");
        qrDeadline = null;
        secondsLeft.set(0);
        payment.set(null);
        receipt.set(ReceiptState.NONE);
        receiptProblem.set(null);
    }

    // ---- state --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Fee> feeProperty() {
        return fee.getReadOnlyProperty();
    }

    /** The way chosen, while it is being paid and after. */
    public ReadOnlyObjectProperty<PaymentMethod> methodProperty() {
        return method.getReadOnlyProperty();
    }

    /** What the QR code shown holds ("" when none is shown). */
    public ReadOnlyStringProperty qrContentProperty() {
        return qrContent.getReadOnlyProperty();
    }

    /** The shown code's seconds left. */
    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReceiptState> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    /** The payment as the journal has it, once it ended. */
    public ReadOnlyObjectProperty<PaymentRecord> paymentProperty() {
        return payment.getReadOnlyProperty();
    }

    /** Whether the fee step must not be left: a payment runs, or its receipt prints. */
    public BooleanBinding busy() {
        return Bindings.createBooleanBinding(
                () -> switch (step.get()) {
                    case STARTING, CARD, QR, CHARGING, CANCELLING -> true;
                    default -> receipt.get() == ReceiptState.PRINTING;
                },
                step,
                receipt);
    }

    /** Whether a way to pay is offered. */
    public boolean offers(PaymentMethod m) {
        return fee.get() != null && fee.get().methods().contains(m);
    }

    public I18n i18n() {
        return i18n;
    }

    // ---- words --------------------------------------------------------------------------------

    /** An amount in yuan: 380.00. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** The amount in large type: ¥380.00 / 380.00 元. */
    public StringBinding amountText() {
        return Bindings.createStringBinding(
                () -> fee.get() == null
                        ? ""
                        : i18n.text(Msg.PAY_AMOUNT, yuan(fee.get().amountFen())),
                fee,
                i18n.localeProperty());
    }

    /** What the fee is, under the amount (每次签注15元); "" when nothing is said. */
    public StringBinding noteText() {
        return Bindings.createStringBinding(
                () -> fee.get() == null ? "" : fee.get().note(), fee);
    }

    /** What is paid: 2027年度城乡居民基本医疗保险. */
    public StringBinding titleText() {
        return Bindings.createStringBinding(
                () -> fee.get() == null ? "" : fee.get().title(), fee);
    }

    /** The shown code's countdown: 请在 118 秒内扫码支付. */
    public StringBinding countdownText() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.PAY_QR_COUNTDOWN, secondsLeft.get()), secondsLeft, i18n.localeProperty());
    }

    /** Paid: the amount, the card (masked) or the wallet, the transaction's number. */
    public StringBinding paidText() {
        return Bindings.createStringBinding(
                () -> {
                    PaymentRecord p = payment.get();
                    if (p == null) {
                        return "";
                    }
                    String how = p.cardMasked()
                            .map(card -> i18n.text(Msg.PAY_PAID_CARD, card))
                            .orElse(i18n.text(Msg.PAY_PAID_WALLET));
                    return i18n.text(Msg.PAY_PAID_AMOUNT, yuan(p.amountFen())) + "\n" + how;
                },
                payment,
                i18n.localeProperty());
    }

    /** The receipt: printing, printed (take it), or why not and what to do; "" before. */
    public StringBinding receiptText() {
        return Bindings.createStringBinding(
                () -> switch (receipt.get()) {
                    case NONE -> "";
                    case PRINTING -> i18n.text(Msg.PAY_RECEIPT_PRINTING);
                    case PRINTED -> i18n.text(Msg.PAY_RECEIPT_PRINTED);
                    case NOT_PRINTED ->
                        i18n.text(Msg.PAY_RECEIPT_NOT_PRINTED) + " "
                                + (receiptProblem.get() == null
                                        ? ""
                                        : i18n.text(Msg.forPrintProblem(receiptProblem.get())));
                },
                receipt,
                receiptProblem,
                i18n.localeProperty());
    }

    /** What to do after an outcome that is not PAID, with the hotline where it helps; "" otherwise. */
    public StringBinding adviceText() {
        return Bindings.createStringBinding(
                () -> {
                    String hot = hotline.isBlank() ? "" : "\n" + i18n.text(Msg.PAY_HOTLINE, hotline);
                    return switch (step.get()) {
                        case DECLINED -> i18n.text(Msg.PAY_DECLINED_NEXT);
                        case CANCELLED -> i18n.text(Msg.PAY_CANCELLED_NEXT);
                        case IN_DOUBT -> i18n.text(Msg.PAY_IN_DOUBT_NEXT) + hot;
                        case ALREADY_PAID -> i18n.text(Msg.PAY_ALREADY_PAID_NEXT);
                        case ALREADY_PAYING -> i18n.text(Msg.PAY_ALREADY_PAYING_NEXT) + hot;
                        case FAILED -> i18n.text(Msg.PAY_FAILED_NEXT) + hot;
                        default -> "";
                    };
                },
                step,
                i18n.localeProperty());
    }

    /** The code for staff under an outcome that is not PAID (a receipt not printed too); "" otherwise. */
    public StringBinding codeText() {
        return Bindings.createStringBinding(
                () -> {
                    String code = switch (step.get()) {
                        case DECLINED -> ErrorCodes.FEE_DECLINED;
                        case IN_DOUBT -> ErrorCodes.FEE_IN_DOUBT;
                        case ALREADY_PAID -> ErrorCodes.FEE_ALREADY_PAID;
                        case ALREADY_PAYING -> ErrorCodes.FEE_ALREADY_PAYING;
                        case FAILED -> ErrorCodes.FEE_FAILED;
                        case PAID -> receiptProblem.get() == null ? "" : ErrorCodes.of(receiptProblem.get());
                        default -> "";
                    };
                    return ErrorCodes.line(i18n, code);
                },
                step,
                receiptProblem,
                i18n.localeProperty());
    }

    /** The words of a way to pay, on its button. */
    public static Msg methodName(PaymentMethod m) {
        return switch (m) {
            case CARD -> Msg.PAY_METHOD_CARD;
            case QR_SHOWN -> Msg.PAY_METHOD_QR;
            case QR_SCANNED -> Msg.PAY_METHOD_CODE;
        };
    }

    /** What a way to pay is, under its name. */
    public static Msg methodNote(PaymentMethod m) {
        return switch (m) {
            case CARD -> Msg.PAY_METHOD_CARD_NOTE;
            case QR_SHOWN -> Msg.PAY_METHOD_QR_NOTE;
            case QR_SCANNED -> Msg.PAY_METHOD_CODE_NOTE;
        };
    }
}
