package cn.egov.kiosk.ui.apply;

import cn.egov.kiosk.application.AcceptanceReceipt;
import cn.egov.kiosk.application.ApplicationFees;
import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.catalogue.Glossary;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.form.FormState;
import cn.egov.kiosk.form.HeldLicence;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.insurance.PaymentReceipt;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.form.FormViewModel;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 自助申办: one application, one screen per decision. The citizen checks what the ID card says
 * (CHECK), completes the form the catalogue describes, prefilled from the card and from the
 * business licence the platform holds (FORM), reads it back (CONFIRM) and submits: the
 * application is saved here before anything is said, goes to the platform through the outbox, and
 * the acceptance receipt prints with its query code (DONE), the platform's number when it answered
 * in time, else the kiosk's reference and a plain word that it goes when the platform is back. An
 * item with a fee ({@code feeFen}) then has its fee step (PAY, {@link FeeStepViewModel}) where the
 * kiosk takes payments: the amount with the item's {@code feeNote}, the ways to pay, the outcome,
 * the payment receipt once paid; paid or not, the application is in, and the done page says where
 * the fee stands (paid; to pay here again or at the window; being checked, not to pay again). Its
 * entry points run on the JavaFX thread only.
 */
public final class ApplyViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(ApplyViewModel.class);
    /** How long the citizen waits for the platform's number before the kiosk says it will follow. */
    static final Duration NUMBER_WAIT = Duration.ofSeconds(6);

    public enum Step {
        /** No item chosen, or the card not read yet. */
        IDLE,
        LOADING,
        CHECK,
        FORM,
        CONFIRM,
        SUBMITTING,
        /** The application is in; its item's fee is being paid (the fee step). */
        PAY,
        DONE,
        /** The platform refused the application at once (its own checks): nothing will be sent; no receipt. */
        REFUSED,
        /** The application could not even be saved here (the store failed): nothing was sent. */
        FAILED
    }

    /** What the receipt printer did. */
    public enum ReceiptState {
        NONE,
        PRINTING,
        PRINTED,
        FAILED
    }

    /** Where the fee of the item applied for stands, once the application is in. */
    public enum FeeState {
        /** The item has no fee (or no application is in yet). */
        NONE,
        /** Not paid: payable here (when the kiosk takes payments) or at the window. */
        DUE,
        PAID,
        /** The payment is in doubt or being checked: not to be paid again. */
        CHECKING
    }

    /**
     * What the fee step after an application needs, where the kiosk takes payments.
     *
     * @param fees the fees' orders, payment and delivery
     * @param step the fee step this flow pays through (its own, not another flow's)
     * @param methods the ways to pay this kiosk offers now (the card only with a terminal); none: not offered
     * @param receipts the receipt printer's path for the payment receipt, when the kiosk has one
     * @param hallName the hall's name in the screen's language, at the receipt's top
     */
    public record FeeWiring(
            ApplicationFees fees,
            FeeStepViewModel step,
            List<PaymentMethod> methods,
            Optional<Printing> receipts,
            Supplier<String> hallName) {
        public FeeWiring {
            Objects.requireNonNull(fees, "fees");
            Objects.requireNonNull(step, "step");
            methods = List.copyOf(methods);
            Objects.requireNonNull(receipts, "receipts");
            Objects.requireNonNull(hallName, "hallName");
        }
    }

    /** One line of the confirmation: the field's label and its value as shown (masked when personal). */
    public record Line(String fieldId, String label, String value) {}

    private final I18n i18n;
    private final SessionManager sessions;
    private final LicenceSource licences;
    private final ApplicationService applications;
    private final Optional<ServiceGuide> guide;
    private final Printing printing;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final FormViewModel formVm;
    private final Optional<FeeWiring> feeWiring;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.IDLE);
    private final ReadOnlyObjectWrapper<Catalogue.Item> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper maskedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reference = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper numbered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ReceiptState> receipt = new ReadOnlyObjectWrapper<>(ReceiptState.NONE);
    private final ReadOnlyObjectWrapper<Printing.Problem> receiptProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeeState> feeState = new ReadOnlyObjectWrapper<>(FeeState.NONE);
    private Optional<JsonNode> receiptData = Optional.empty();
    /** Whether some of the receipt came out of a print that failed: the next one is a reprint. */
    private boolean partlyOut;

    /** The everyday words of the official terms, read with the form. */
    private Glossary glossary = Glossary.empty();

    private final BackgroundTask<Loaded> loading;
    private final BackgroundTask<Submitted> submitting;
    private final BackgroundTask<Printing.Outcome> printingTask;

    /** What the screen reads off the JavaFX thread before the form shows. */
    private record Loaded(Optional<HeldLicence> held, Glossary glossary) {}

    private record Submitted(ApplicationService.Standing standing, JsonNode receipt) {}

    public ApplyViewModel(
            I18n i18n,
            SessionManager sessions,
            LicenceSource licences,
            ApplicationService applications,
            Optional<ServiceGuide> guide,
            Printing printing,
            TaskRunner tasks,
            Clock clock,
            ZoneId zone,
            FormViewModel formVm) {
        this(i18n, sessions, licences, applications, guide, printing, tasks, clock, zone, formVm, Optional.empty());
    }

    /** @param fees the fee step after an application of an item with a fee, where the kiosk takes payments */
    public ApplyViewModel(
            I18n i18n,
            SessionManager sessions,
            LicenceSource licences,
            ApplicationService applications,
            Optional<ServiceGuide> guide,
            Printing printing,
            TaskRunner tasks,
            Clock clock,
            ZoneId zone,
            FormViewModel formVm,
            Optional<FeeWiring> fees) {
        this.i18n = i18n;
        this.feeWiring = fees;
        this.formVm = formVm;
        this.sessions = sessions;
        this.licences = licences;
        this.applications = applications;
        this.guide = guide;
        this.printing = printing;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.loading = new BackgroundTask<>(tasks);
        this.submitting = new BackgroundTask<>(tasks);
        this.printingTask = new BackgroundTask<>(tasks);
        // the form's own "next" with every field right: on to the confirmation
        formVm.completedProperty().addListener((obs, was, now) -> {
            if (now != null && step.get() == Step.FORM) {
                step.set(Step.CONFIRM);
            }
        });
        fees.ifPresent(f -> {
            f.step().onOutcome(this::feeOutcome);
            f.step().onDone(this::feeLeft);
        });
    }

    /** The item the citizen chose to apply for; the screen opens on it after the ID card step. */
    public void prepare(Catalogue.Item chosen) {
        tasks.checkUiThread();
        reset();
        item.set(chosen);
    }

    /**
     * The screen shows, the citizen identified: what the platform holds (the business licence, for
     * the forms that name the business) is looked up off the JavaFX thread, then the card's data is
     * shown to check. Without the platform the form opens without it.
     */
    public void shown() {
        tasks.checkUiThread();
        Optional<Identity> who = citizen();
        if (item.get() == null || who.isEmpty() || step.get() != Step.IDLE) {
            return;
        }
        Identity identity = who.get();
        maskedName.set(identity.maskedName());
        maskedNumber.set(identity.maskedNumber());
        maskedAddress.set(identity.address().map(Masking::address).orElse(""));
        step.set(Step.LOADING);
        boolean needsLicence = item.get().form().fields().stream()
                .anyMatch(f -> f.prefill() == Catalogue.Prefill.LICENCE_CREDIT_CODE
                        || f.prefill() == Catalogue.Prefill.LICENCE_BUSINESS_NAME);
        loading.start(
                () -> new Loaded(
                        needsLicence ? heldLicence(identity) : Optional.<HeldLicence>empty(), Glossary.bundled()),
                loaded -> {
                    glossary = loaded.glossary();
                    formVm.start(item.get(), identity, loaded.held(), glossary);
                    step.set(Step.CHECK);
                },
                error -> {
                    formVm.start(item.get(), identity, Optional.empty(), glossary);
                    step.set(Step.CHECK);
                });
    }

    private Optional<HeldLicence> heldLicence(Identity identity) {
        try {
            return HeldLicence.businessLicence(licences.licencesOf(identity));
        } catch (LicenceSource.UnavailableException e) {
            log.info("The platform's licences could not be looked up; the form opens without them");
            return Optional.empty();
        }
    }

    /** "Yes, that is me": on to the form. */
    public void confirmIdentity() {
        tasks.checkUiThread();
        if (step.get() == Step.CHECK) {
            step.set(Step.FORM);
        }
    }

    /** The form read back before it is sent: every field with a value, personal values masked. */
    public List<Line> confirmation() {
        FormState.Completed done = formVm.completedProperty().get();
        Catalogue.Item chosen = item.get();
        List<Line> lines = new ArrayList<>();
        if (done == null || chosen == null) {
            return lines;
        }
        Locale locale = i18n.locale();
        for (Catalogue.Field field : chosen.form().fields()) {
            String v = done.form().path(field.id()).asText("");
            if (!v.isBlank()) {
                lines.add(new Line(field.id(), field.label(locale), shown(field, v, locale)));
            }
        }
        return lines;
    }

    /** A text of the confirmation cut into segments, each official term with its everyday words. */
    public List<Glossary.Segment> explain(String text) {
        return glossary.explain(text, i18n.locale());
    }

    /** How a value is read back: an ID number, name, phone or address masked; a choice by its label. */
    private static String shown(Catalogue.Field field, String value, Locale locale) {
        return switch (field.type()) {
            case ID_NUMBER -> Masking.idNumber(value);
            case NAME -> Masking.name(value);
            case PHONE -> Masking.phone(value);
            case ADDRESS -> Masking.address(value);
            case CHOICE ->
                field.choices().stream()
                        .filter(c -> c.value().equals(value))
                        .map(c -> c.label(locale))
                        .findFirst()
                        .orElse(value);
            case TEXT, DATE, CREDIT_CODE, NUMBER -> value;
        };
    }

    /**
     * The frame's back button inside the application: a step back (the confirmation → the form → the
     * card's check); false at the check and once submitted, where back leaves the screen.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case PAY -> {
                // inside the fee step first; at its ways to pay or after an outcome: the done page
                if (feeWiring.map(f -> !f.step().back()).orElse(true)) {
                    feeLeft();
                }
                return true;
            }
            case CONFIRM -> {
                step.set(Step.FORM);
                return true;
            }
            case FORM -> {
                step.set(Step.CHECK);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Whether the application is being saved and sent, or its fee paid (or its payment receipt
     * printed): the citizen cannot leave the screen meanwhile.
     */
    public BooleanBinding busy() {
        return feeWiring
                .map(f -> step.isEqualTo(Step.SUBMITTING)
                        .or(step.isEqualTo(Step.PAY).and(f.step().busy())))
                .orElseGet(() -> step.isEqualTo(Step.SUBMITTING));
    }

    /** "Change something": back to the form, as it was. */
    public void edit() {
        tasks.checkUiThread();
        if (step.get() == Step.CONFIRM) {
            step.set(Step.FORM);
        }
    }

    /** "Submit": saved here first, then the platform's number if it comes quickly, then the receipt. */
    public void submit() {
        tasks.checkUiThread();
        Optional<FormState.Completed> done =
                Optional.ofNullable(formVm.completedProperty().get());
        if (step.get() != Step.CONFIRM || done.isEmpty()) {
            return;
        }
        FormState.Completed c = done.get();
        Catalogue.Item chosen = item.get();
        step.set(Step.SUBMITTING);
        submitting.start(
                () -> {
                    ZonedDateTime at = ZonedDateTime.ofInstant(clock.instant(), zone);
                    ApplicationService.Standing s =
                            applications.submitAndWait(c.itemId(), c.applicant(), c.form(), NUMBER_WAIT);
                    guide.ifPresent(g -> g.applied(c.itemId()));
                    return new Submitted(s, AcceptanceReceipt.of(chosen, c.applicant(), s, at));
                },
                s -> {
                    if (s.standing().refused().isPresent()) {
                        // told at once: not "saved, goes later", and no receipt of an acceptance
                        log.warn("The platform refused an application for item {}", c.itemId());
                        step.set(Step.REFUSED);
                        return;
                    }
                    numbered.set(s.standing().applicationNo().isPresent());
                    reference.set(s.receipt().path("queryCode").asText());
                    receiptData = Optional.of(s.receipt());
                    feeState.set(ApplicationFees.hasFee(chosen) ? FeeState.DUE : FeeState.NONE);
                    // the acceptance receipt first: the application is in whatever the fee does
                    printReceipt();
                    if (!startFee()) {
                        step.set(Step.DONE);
                    }
                },
                error -> {
                    log.error("An application could not be saved at the kiosk: {}", error.toString());
                    step.set(Step.FAILED);
                });
    }

    // ---- the fee ------------------------------------------------------------------------------

    /** Whether the fee of the item applied for can be paid here: it has one, and the kiosk takes payments. */
    public boolean feePayableHere() {
        return feeState.get() == FeeState.DUE
                && feeWiring.map(f -> !f.methods().isEmpty()).orElse(false);
    }

    /** "缴费" on the done page: the fee step again, while the fee is due and payable here. */
    public void payFee() {
        tasks.checkUiThread();
        if (step.get() == Step.DONE) {
            startFee();
        }
    }

    /** The fee step on the item's fee, where it is due and payable here; false when not. */
    private boolean startFee() {
        Catalogue.Item chosen = item.get();
        Optional<Identity> who = citizen();
        if (!feePayableHere()
                || chosen == null
                || who.isEmpty()
                || reference.get().isBlank()) {
            return false;
        }
        FeeWiring f = feeWiring.orElseThrow();
        String applicationRef = reference.get();
        String idNumber = who.get().number();
        String name = who.get().name();
        Locale locale = i18n.locale();
        String hall = f.hallName().get();
        String collector = chosen.departmentName() == null ? "" : chosen.departmentName();
        String cardWords = i18n.text(FeeStepViewModel.methodName(PaymentMethod.CARD));
        String qrWords = i18n.text(FeeStepViewModel.methodName(PaymentMethod.QR_SHOWN));
        String codeWords = i18n.text(FeeStepViewModel.methodName(PaymentMethod.QR_SCANNED));
        ApplicationFees fees = f.fees();
        Optional<Printing> receipts = f.receipts();
        FeeStepViewModel.Checkout checkout = new FeeStepViewModel.Checkout() {
            @Override
            public Payments.Result pay(PaymentMethod method, Optional<String> payerCode, Payments.Progress progress) {
                return fees.pay(ApplicationFees.order(chosen, applicationRef, method, payerCode), progress);
            }

            @Override
            public void abortCard() {
                fees.abortSale();
            }

            @Override
            public Optional<Printing.Problem> paid(PaymentRecord paid) {
                fees.deliver(paid); // not now: the recovery delivers it later
                if (receipts.isEmpty()) {
                    return Optional.of(Printing.Problem.NO_PRINTER);
                }
                String how = switch (paid.method()) {
                    case CARD -> cardWords;
                    case QR_SHOWN -> qrWords;
                    case QR_SCANNED -> codeWords;
                };
                JsonNode data = PaymentReceipt.of(paid, hall, name, idNumber, chosen.name(), collector, how, zone);
                Printing.Outcome out =
                        receipts.get().print(PaymentReceipt.TEMPLATE, data, locale, paid.orderRef(), false);
                return out instanceof Printing.NotPrinted np ? Optional.of(np.problem()) : Optional.empty();
            }
        };
        String note = chosen.feeNote() == null ? "" : chosen.feeNote();
        f.step().start(new FeeStepViewModel.Fee(chosen.name(), chosen.feeFen(), f.methods(), note), checkout);
        step.set(Step.PAY);
        return true;
    }

    /** A payment of the fee ended: where the fee stands now. */
    private void feeOutcome(Payments.Outcome outcome) {
        switch (outcome) {
            case PAID, ALREADY_PAID -> feeState.set(FeeState.PAID);
            case IN_DOUBT, ALREADY_PAYING -> feeState.set(FeeState.CHECKING);
            case DECLINED, CANCELLED -> feeState.set(FeeState.DUE);
        }
    }

    /** The fee step left (its "back"/"done", or the frame's back at its ways to pay): the done page. */
    private void feeLeft() {
        if (step.get() == Step.PAY) {
            feeWiring.ifPresent(f -> f.step().reset());
            step.set(Step.DONE);
        }
    }

    /** Prints (again) the acceptance receipt, off the JavaFX thread. */
    public void printReceipt() {
        tasks.checkUiThread();
        if (receiptData.isEmpty() || receipt.get() == ReceiptState.PRINTING) {
            return;
        }
        // a second copy only when a first came out (whole, or in part): after a print refused before
        // anything came out, the citizen has no copy yet
        boolean again = receipt.get() == ReceiptState.PRINTED || (receipt.get() == ReceiptState.FAILED && partlyOut);
        JsonNode data = receiptData.get();
        String ref = reference.get();
        Locale locale = i18n.locale();
        receipt.set(ReceiptState.PRINTING);
        receiptProblem.set(null);
        printingTask.start(
                () -> printing.print(AcceptanceReceipt.TEMPLATE, data, locale, ref, again),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        partlyOut = partlyOut || np.partly();
                        receiptProblem.set(np.problem());
                        receipt.set(ReceiptState.FAILED);
                    } else {
                        receipt.set(ReceiptState.PRINTED);
                    }
                },
                error -> {
                    receiptProblem.set(Printing.Problem.PRINTER_FAULT);
                    receipt.set(ReceiptState.FAILED);
                });
    }

    private Optional<Identity> citizen() {
        return sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets the item, the form and what was typed, the receipt's data. */
    public void reset() {
        tasks.checkUiThread();
        loading.cancel();
        submitting.cancel();
        printingTask.cancel();
        feeWiring.ifPresent(f -> f.step().reset());
        feeState.set(FeeState.NONE);
        formVm.resetForNextCitizen();
        item.set(null);
        maskedName.set("");
        maskedNumber.set("");
        maskedAddress.set("");
        reference.set("");
        numbered.set(false);
        receipt.set(ReceiptState.NONE);
        receiptProblem.set(null);
        receiptData = Optional.empty();
        partlyOut = false;
        step.set(Step.IDLE);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Catalogue.Item> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The form's own screen model (its fields, their messages, next). */
    public FormViewModel form() {
        return formVm;
    }

    public ReadOnlyStringProperty maskedNameProperty() {
        return maskedName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedNumberProperty() {
        return maskedNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedAddressProperty() {
        return maskedAddress.getReadOnlyProperty();
    }

    /** The query code: the platform's application number, or the kiosk's reference until it has one. */
    public ReadOnlyStringProperty referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    /** Whether the platform numbered the application on the spot. */
    public ReadOnlyBooleanProperty numberedProperty() {
        return numbered.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReceiptState> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    /** Where the fee of the item applied for stands. */
    public ReadOnlyObjectProperty<FeeState> feeStateProperty() {
        return feeState.getReadOnlyProperty();
    }

    /** The fee step after an application, where the kiosk takes payments. */
    public Optional<FeeStepViewModel> fee() {
        return feeWiring.map(FeeWiring::step);
    }

    /**
     * Over the fee step: the application is in, with its number (or the kiosk's), and the fee next
     * while it is being paid; once the payment ended, only that the application is in.
     */
    public StringBinding feeBannerText() {
        return feeWiring
                .map(f -> Bindings.createStringBinding(
                        () -> switch (f.step().stepProperty().get()) {
                            case CHOOSE, STARTING, CARD, QR, SCAN, CHARGING, CANCELLING ->
                                i18n.text(Msg.APPLY_FEE_BANNER, reference.get());
                            case PAID, DECLINED, CANCELLED, IN_DOUBT, ALREADY_PAID, ALREADY_PAYING, FAILED ->
                                i18n.text(Msg.APPLY_FEE_BANNER_IN, reference.get());
                        },
                        f.step().stepProperty(),
                        reference,
                        i18n.localeProperty()))
                .orElseGet(() -> Bindings.createStringBinding(() -> ""));
    }

    /**
     * The done page's word on the fee: paid; not paid (here again or at the window, the application
     * in all the same); being checked (do not pay again); "" for an item without a fee.
     */
    public StringBinding feeText() {
        return Bindings.createStringBinding(
                () -> {
                    Catalogue.Item chosen = item.get();
                    if (chosen == null) {
                        return "";
                    }
                    String amount = FeeStepViewModel.yuan(chosen.feeFen());
                    String note = chosen.feeNote() == null || chosen.feeNote().isBlank()
                            ? ""
                            : i18n.text(Msg.APPLY_FEE_NOTE, chosen.feeNote());
                    return switch (feeState.get()) {
                        case NONE -> "";
                        case PAID -> i18n.text(Msg.APPLY_FEE_PAID, amount);
                        case CHECKING -> i18n.text(Msg.APPLY_FEE_CHECKING, amount);
                        case DUE ->
                            feePayableHere()
                                    ? i18n.text(Msg.APPLY_FEE_DUE_HERE, amount, note)
                                    : i18n.text(Msg.APPLY_FEE_DUE_WINDOW, amount, note);
                    };
                },
                item,
                feeState,
                i18n.localeProperty());
    }

    /** The name of the item applied for; empty before one is chosen. */
    public StringBinding itemName() {
        return Bindings.createStringBinding(
                () -> item.get() == null ? "" : item.get().name(), item);
    }

    /** What the done screen says of the application: its number, or that it goes when the platform is back. */
    public StringBinding doneText() {
        return Bindings.createStringBinding(
                () -> step.get() == Step.REFUSED
                        ? i18n.text(Msg.APPLY_REFUSED)
                        : numbered.get()
                                ? i18n.text(Msg.APPLY_DONE_NUMBERED, reference.get())
                                : i18n.text(Msg.APPLY_DONE_SAVED, reference.get()),
                step,
                numbered,
                reference,
                i18n.localeProperty());
    }

    /** What the receipt printer did, in the citizen's words; empty before. */
    public StringBinding receiptText() {
        return Bindings.createStringBinding(
                () -> switch (receipt.get()) {
                    case NONE -> "";
                    case PRINTING -> i18n.text(Msg.APPLY_RECEIPT_PRINTING);
                    case PRINTED -> i18n.text(Msg.APPLY_RECEIPT_PRINTED);
                    case FAILED ->
                        i18n.text(Msg.APPLY_RECEIPT_FAILED, reference.get()) + " "
                                + i18n.text(Msg.forPrintProblem(receiptProblem.get())) + " "
                                + i18n.text(ErrorCodes.nextStep(receiptProblem.get()));
                },
                receipt,
                receiptProblem,
                reference,
                i18n.localeProperty());
    }

    /** The receipt's print failure's code for staff (代码 P-PAPER-OUT); "" unless it failed. */
    public StringBinding receiptCodeText() {
        return Bindings.createStringBinding(
                () -> receipt.get() == ReceiptState.FAILED && receiptProblem.get() != null
                        ? ErrorCodes.line(i18n, ErrorCodes.of(receiptProblem.get()))
                        : "",
                receipt,
                receiptProblem,
                i18n.localeProperty());
    }

    /** The code for staff of an application refused or not saved (代码 A-REFUSED); "" otherwise. */
    public StringBinding failureCodeText() {
        return Bindings.createStringBinding(
                () -> switch (step.get()) {
                    case REFUSED -> ErrorCodes.line(i18n, ErrorCodes.APPLY_REFUSED);
                    case FAILED -> ErrorCodes.line(i18n, ErrorCodes.APPLY_NOT_SAVED);
                    default -> "";
                },
                step,
                i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }
}
