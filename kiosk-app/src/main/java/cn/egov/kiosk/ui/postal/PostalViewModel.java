package cn.egov.kiosk.ui.postal;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.licence.PostalProblem;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * 免费邮寄: a licence sent to the citizen by post, paid by the government. One decision per step:
 * where to (the address from the ID card, at the division it names, editable with the division
 * picker), a phone the courier calls (the province app's verified number when the citizen signed in
 * with it, else typed), then a confirmation read back; the platform answers a tracking number, which
 * the postal receipt prints on the receipt printer. The order carries the kiosk's reference, kept
 * across a retry, so a lost answer never orders twice. Everything here is the session's: wiped
 * when it ends. Its entry points run on the JavaFX thread only.
 */
public final class PostalViewModel implements CitizenState {

    public enum Step {
        /** Where to send it: the division picker, prefilled from the ID card. */
        ADDRESS,
        /** A phone number for the courier. */
        PHONE,
        /** What will be sent where, read back. */
        CONFIRM,
        SENDING,
        /** Ordered: the tracking number, and the receipt printed (or why not). */
        DONE,
        FAILED
    }

    /** The postal receipt, after the order. */
    public enum Receipt {
        PRINTING,
        PRINTED,
        NOT_PRINTED
    }

    /** A mobile number, or a landline with its area code. */
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private static final String TEMPLATE = "postal-delivery-receipt";

    private final I18n i18n;
    private final LicenceSource source;
    private final Printing printService;
    private final TaskRunner tasks;
    private final SessionManager sessions;
    private final Supplier<String> hallName;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.ADDRESS);
    private final ReadOnlyObjectWrapper<LicenceSource.Held> licence = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Address> address = new ReadOnlyObjectWrapper<>(Address.EMPTY);
    private final StringProperty phone = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Msg> phoneProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PostalProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Receipt> receipt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Printing.Problem> receiptProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tracking = new ReadOnlyStringWrapper("");
    private Optional<LicenceSource.Mailed> mailed = Optional.empty();
    /**
     * The kiosk's reference of this order: made with the first attempt (off the JavaFX thread: it
     * reads the system's randomness) and the same for every retry, so the post is ordered once. A new
     * licence's post gets a new holder, so a late attempt for the one before never lends it its own.
     */
    private AtomicReference<String> orderRef = new AtomicReference<>();
    /**
     * Whether the order was sent once: the platform may hold it, so its recipient is fixed (a retry
     * under the same reference places the first order, not one to an address changed since).
     */
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper(false);

    private Consumer<LicenceSource.Held> onMailed = h -> {};
    private final BackgroundTask<LicenceSource.Mailed> sending;
    private final BackgroundTask<Printing.Outcome> printing;

    public PostalViewModel(
            I18n i18n,
            LicenceSource source,
            Printing printing,
            TaskRunner tasks,
            SessionManager sessions,
            Supplier<String> hallName) {
        this.i18n = i18n;
        this.source = source;
        this.printService = printing;
        this.tasks = tasks;
        this.sessions = sessions;
        this.hallName = hallName;
        this.sending = new BackgroundTask<>(tasks);
        this.printing = new BackgroundTask<>(tasks);
        phone.addListener((obs, was, now) -> phoneProblem.set(null));
    }

    /** Told when a licence was mailed (the licence screen's list shows it so). */
    public void onMailed(Consumer<LicenceSource.Held> onMailed) {
        this.onMailed = onMailed;
    }

    /** Starts the post of {@code held}: its address first. */
    public void start(LicenceSource.Held held) {
        tasks.checkUiThread();
        reset();
        licence.set(held);
        orderRef = new AtomicReference<>();
        sent.set(false);
        identity().flatMap(Identity::phone).ifPresent(phone::set);
        step.set(Step.ADDRESS);
    }

    /** The address on the citizen's ID card (or from the app), to prefill the picker; empty if none. */
    public Optional<String> cardAddress() {
        return identity().flatMap(Identity::address);
    }

    /** The picker confirmed an address: on to the phone. */
    public void addressChosen(Address chosen) {
        tasks.checkUiThread();
        if (step.get() != Step.ADDRESS || chosen.isEmpty()) {
            return;
        }
        address.set(chosen);
        step.set(Step.PHONE);
    }

    /** "Next" after the phone: checked, then the confirmation. */
    public void phoneDone() {
        tasks.checkUiThread();
        if (step.get() != Step.PHONE) {
            return;
        }
        String p = phone.get() == null ? "" : phone.get().strip();
        if (p.isEmpty()) {
            phoneProblem.set(Msg.POSTAL_PHONE_MISSING);
            return;
        }
        if (!PHONE.matcher(p).matches()) {
            phoneProblem.set(Msg.POSTAL_PHONE_INVALID);
            return;
        }
        phone.set(p);
        step.set(Step.CONFIRM);
    }

    /** "Confirm, send it": the order, off the JavaFX thread; a retry sends the same reference. */
    public void confirm() {
        tasks.checkUiThread();
        if ((step.get() != Step.CONFIRM && step.get() != Step.FAILED)
                || problem.get() == PostalProblem.COLLECTED
                || problem.get() == PostalProblem.MAILED) {
            return;
        }
        Optional<Identity> who = identity();
        LicenceSource.Held held = licence.get();
        if (who.isEmpty() || held == null) {
            return;
        }
        LicenceSource.Recipient to = new LicenceSource.Recipient(who.get().name(), phone.get(), address.get());
        AtomicReference<String> ref = orderRef;
        problem.set(null);
        sent.set(true);
        step.set(Step.SENDING);
        sending.start(
                () -> {
                    ref.compareAndSet(null, UUID.randomUUID().toString());
                    return source.mail(held, to, ref.get());
                },
                m -> {
                    mailed = Optional.of(m);
                    tracking.set(m.trackingNumber());
                    LicenceSource.Held now =
                            held.now(LicenceSource.Status.MAILED, Optional.ofNullable(m.trackingNumber()));
                    licence.set(now);
                    step.set(Step.DONE);
                    onMailed.accept(now);
                    printReceipt(false);
                },
                error -> {
                    if (error instanceof LicenceSource.RefusedException r) {
                        problem.set(
                                r.refusal() == LicenceSource.Refusal.MAILED
                                        ? PostalProblem.MAILED
                                        : PostalProblem.COLLECTED);
                    } else {
                        problem.set(PostalProblem.OFFLINE);
                    }
                    step.set(Step.FAILED);
                });
    }

    /** Prints the postal receipt (again, after a failure: marked as a reprint only if part came out). */
    public void printReceipt(boolean again) {
        tasks.checkUiThread();
        if (mailed.isEmpty() || receipt.get() == Receipt.PRINTING) {
            return;
        }
        Optional<Identity> who = identity();
        if (who.isEmpty()) {
            return;
        }
        LicenceSource.Mailed m = mailed.get();
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("hallName", hallName.get());
        data.put("licenceName", licence.get().title());
        ObjectNode r = data.putObject("recipient");
        r.put("name", who.get().name());
        r.put("phone", phone.get());
        r.put("address", address.get().text());
        data.put("carrier", m.carrier() == null ? "EMS" : m.carrier());
        m.expectedBy().ifPresent(d -> data.put("expectedBy", d.toString()));
        data.put("waybillNo", m.trackingNumber());
        Locale locale = i18n.localeProperty().get();
        receipt.set(Receipt.PRINTING);
        receiptProblem.set(null);
        printing.start(
                () -> printService.print(TEMPLATE, data, locale, m.orderId(), again),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        receiptProblem.set(np.problem());
                        receipt.set(Receipt.NOT_PRINTED);
                    } else {
                        receipt.set(Receipt.PRINTED);
                    }
                },
                error -> {
                    receiptProblem.set(Printing.Problem.PRINTER_FAULT);
                    receipt.set(Receipt.NOT_PRINTED);
                });
    }

    /** Back inside the screen: one step back; false at the address (back leaves the screen). */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case PHONE -> step.set(Step.ADDRESS);
            case CONFIRM -> {
                if (sent.get()) {
                    return false; // sent once: the recipient stays as sent; back leaves the screen
                }
                step.set(Step.PHONE);
            }
            case FAILED -> {
                if (problem.get() == PostalProblem.OFFLINE) {
                    step.set(Step.CONFIRM);
                } else {
                    return false;
                }
            }
            case SENDING -> {
                return true; // the order is on its way: not left now
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether the screen must not be left now (the order on its way, the receipt printing). */
    public BooleanBinding busy() {
        return step.isEqualTo(Step.SENDING).or(receipt.isEqualTo(Receipt.PRINTING));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets the order's data (the session ended, the screen left). */
    public void reset() {
        tasks.checkUiThread();
        sending.cancel();
        printing.cancel();
        licence.set(null);
        address.set(Address.EMPTY);
        phone.set("");
        phoneProblem.set(null);
        problem.set(null);
        receipt.set(null);
        receiptProblem.set(null);
        tracking.set("");
        mailed = Optional.empty();
        orderRef = new AtomicReference<>();
        sent.set(false);
        step.set(Step.ADDRESS);
    }

    private Optional<Identity> identity() {
        return sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LicenceSource.Held> licenceProperty() {
        return licence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Address> addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The phone as typed (the keyboard's field binds to it). */
    public StringProperty phoneProperty() {
        return phone;
    }

    public ReadOnlyObjectProperty<PostalProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Receipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trackingProperty() {
        return tracking.getReadOnlyProperty();
    }

    /** What is wrong with the phone, in the current language; "" while nothing is. */
    public StringBinding phoneProblemText() {
        return Bindings.createStringBinding(
                () -> phoneProblem.get() == null ? "" : i18n.text(phoneProblem.get()),
                phoneProblem,
                i18n.localeProperty());
    }

    /** The licence read back: its title. */
    public StringBinding confirmLicence() {
        return Bindings.createStringBinding(
                () -> licence.get() == null ? "" : licence.get().title(), licence);
    }

    /** The recipient read back: the signed-in citizen's name, masked. */
    public StringBinding confirmName() {
        return Bindings.createStringBinding(
                () -> licence.get() == null
                        ? ""
                        : identity().map(Identity::maskedName).orElse(""),
                licence);
    }

    /** The courier's phone read back, masked. */
    public StringBinding confirmPhone() {
        return Bindings.createStringBinding(() -> Masking.phone(phone.get()), phone);
    }

    /**
     * The address read back whole: the citizen checks what the courier will be given (the receipt,
     * which leaves the kiosk, masks it).
     */
    public StringBinding confirmAddress() {
        return Bindings.createStringBinding(
                () -> address.get() == null ? "" : address.get().text(), address);
    }

    /** Whether the order was sent once (its recipient can no longer change). */
    public ReadOnlyBooleanProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    /** From the read-back to the address again (the phone is kept); not once the order was sent. */
    public void changeAddress() {
        tasks.checkUiThread();
        if (step.get() == Step.CONFIRM && !sent.get()) {
            step.set(Step.ADDRESS);
        }
    }

    /** Why the order was not placed and what to do, in the current language. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : i18n.text(problemMsg(problem.get())),
                problem,
                i18n.localeProperty());
    }

    /** The code for staff (代码 M-OFFLINE); "" while nothing failed. */
    public StringBinding problemCodeText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(problem.get())),
                problem,
                i18n.localeProperty());
    }

    /** Whether the receipt came out, or why not and what to do, in the current language. */
    public StringBinding receiptText() {
        return Bindings.createStringBinding(
                () -> {
                    if (receipt.get() == null) {
                        return "";
                    }
                    return switch (receipt.get()) {
                        case PRINTING -> i18n.text(Msg.POSTAL_RECEIPT_PRINTING);
                        case PRINTED -> i18n.text(Msg.POSTAL_RECEIPT_PRINTED);
                        case NOT_PRINTED ->
                            i18n.text(Msg.POSTAL_RECEIPT_NOT_PRINTED)
                                    + " "
                                    + (receiptProblem.get() == null
                                            ? ""
                                            : i18n.text(Msg.forPrintProblem(receiptProblem.get())));
                    };
                },
                receipt,
                receiptProblem,
                i18n.localeProperty());
    }

    /** What to do about it, in the current language. */
    public StringBinding nextStepText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : i18n.text(ErrorCodes.nextStep(problem.get())),
                problem,
                i18n.localeProperty());
    }

    static Msg problemMsg(PostalProblem p) {
        return switch (p) {
            case OFFLINE -> Msg.POSTAL_PROBLEM_OFFLINE;
            case COLLECTED -> Msg.POSTAL_PROBLEM_COLLECTED;
            case MAILED -> Msg.POSTAL_PROBLEM_MAILED;
        };
    }

    public I18n i18n() {
        return i18n;
    }
}
