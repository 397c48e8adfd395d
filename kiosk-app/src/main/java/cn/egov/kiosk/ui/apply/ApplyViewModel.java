package cn.egov.kiosk.ui.apply;

import cn.egov.kiosk.application.AcceptanceReceipt;
import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.catalogue.Glossary;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.form.FormState;
import cn.egov.kiosk.form.HeldLicence;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
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
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * in time, else the kiosk's reference and a plain word that it goes when the platform is back. Its
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

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.IDLE);
    private final ReadOnlyObjectWrapper<Catalogue.Item> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper maskedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reference = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper numbered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ReceiptState> receipt = new ReadOnlyObjectWrapper<>(ReceiptState.NONE);
    private final ReadOnlyObjectWrapper<Printing.Problem> receiptProblem = new ReadOnlyObjectWrapper<>();
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
        this.i18n = i18n;
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

    /** Whether the application is being saved and sent: the citizen cannot leave the screen meanwhile. */
    public BooleanBinding busy() {
        return step.isEqualTo(Step.SUBMITTING);
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
                    step.set(Step.DONE);
                    printReceipt();
                },
                error -> {
                    log.error("An application could not be saved at the kiosk: {}", error.toString());
                    step.set(Step.FAILED);
                });
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
