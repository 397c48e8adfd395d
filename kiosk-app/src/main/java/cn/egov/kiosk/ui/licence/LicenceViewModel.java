package cn.egov.kiosk.ui.licence;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.print.pdf.PdfPreview;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 证照打印: every licence and certificate the signed-in citizen holds (waiting, collected, mailed),
 * one chosen, shown as a preview large enough to read (the PDF page rendered to an image) before it
 * is printed on the licence printer; then whether it came out, and if not, why and what to do. A
 * printed licence is told to the platform as collected; printed again it is a copy marked so, or
 * refused, as its item says. 免费邮寄 instead hands the licence to the postal screen. The list, the
 * licence, its preview and its PDF belong to the session and are dropped (the preview's pixels
 * overwritten) when it ends. Its entry points run on the JavaFX thread only.
 */
public final class LicenceViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(LicenceViewModel.class);

    public enum Step {
        LOADING,
        NONE,
        /** Every licence the citizen holds, to choose one. */
        LIST,
        PREVIEW,
        PRINTING,
        DONE,
        FAILED
    }

    /** Preview resolution: an A4 page about 1,150 pixels high, readable at arm's length. */
    static final float PREVIEW_DPI = 100;

    private final I18n i18n;
    private final LicenceSource source;
    private final TemplateLibrary templates;
    private final Renderings renderings;
    private final Printing printService;
    private final TaskRunner tasks;
    private final SessionManager sessions;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ReadOnlyObjectWrapper<WritableImage> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Printing.Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper partly = new ReadOnlyBooleanWrapper(false);
    private Optional<LicenceSource.Licence> licence = Optional.empty();
    private final ObservableList<LicenceSource.Held> held = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LicenceSource.Held> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LicenceSource.Refusal> refused = new ReadOnlyObjectWrapper<>();
    private Consumer<LicenceSource.Held> mail = h -> {};
    /** Lists the citizen's licences. */
    private final BackgroundTask<List<LicenceSource.Held>> listing;
    /** Tells the platform of a collection (the outbox: on the disk, not the network). */
    private final BackgroundTask<Boolean> telling;
    /**
     * Looks up the licence and renders its preview. A preview that comes after the session moved on is
     * overwritten: the holder's page is not kept.
     */
    private final BackgroundTask<Rendered> loading;

    private final BackgroundTask<Printing.Outcome> printing;

    public LicenceViewModel(
            I18n i18n,
            LicenceSource source,
            TemplateLibrary templates,
            Renderings renderings,
            Printing printing,
            TaskRunner tasks,
            SessionManager sessions) {
        this.i18n = i18n;
        this.source = source;
        this.templates = templates;
        this.renderings = renderings;
        this.printService = printing;
        this.tasks = tasks;
        this.sessions = sessions;
        this.loading = new BackgroundTask<>(tasks, late -> overwrite(late.image()));
        this.printing = new BackgroundTask<>(tasks);
        this.listing = new BackgroundTask<>(tasks);
        this.telling = new BackgroundTask<>(tasks);
    }

    /** Where 免费邮寄 goes with the chosen licence (the postal screen). */
    public void onMail(Consumer<LicenceSource.Held> mail) {
        this.mail = mail;
    }

    /** The screen opens: look up every licence the citizen holds, off the JavaFX thread. */
    public void open() {
        tasks.checkUiThread();
        reset();
        Optional<Identity> citizen = sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
        if (citizen.isEmpty()) {
            step.set(Step.NONE);
            return;
        }
        listing.start(
                () -> source.heldBy(citizen.get()),
                found -> {
                    held.setAll(found);
                    step.set(found.isEmpty() ? Step.NONE : Step.LIST);
                },
                error -> {
                    problem.set(Printing.Problem.PLATFORM);
                    step.set(Step.FAILED);
                });
    }

    /** A licence chosen from the list: its preview, if it can be printed here; else what it is and where it stands. */
    public void choose(LicenceSource.Held h) {
        tasks.checkUiThread();
        if (step.get() != Step.LIST) {
            return;
        }
        chosen.set(h);
        refused.set(null);
        if (!h.canPrint()) {
            step.set(Step.PREVIEW); // no page to show: what it is, and 免费邮寄 while it waits
            return;
        }
        step.set(Step.LOADING);
        Locale locale = i18n.localeProperty().get();
        loading.start(
                () -> {
                    LicenceSource.Licence l = source.printData(h);
                    // the PDF and the page drawn from it show the holder: overwritten once the preview is made
                    // (the preview's own pixels go with the session, in reset)
                    byte[] pdf = renderings.pdf(templates.get(l.template()), l.data(), locale);
                    try {
                        BufferedImage page = PdfPreview.render(pdf, 0, PREVIEW_DPI);
                        try {
                            return new Rendered(l, SwingFXUtils.toFXImage(page, null), PdfPreview.pageCount(pdf));
                        } finally {
                            PdfPreview.wipe(page);
                        }
                    } finally {
                        Arrays.fill(pdf, (byte) 0);
                    }
                },
                rendered -> {
                    licence = Optional.of(rendered.licence());
                    preview.set(rendered.image());
                    pages.set(rendered.pages());
                    step.set(Step.PREVIEW);
                },
                error -> {
                    if (error instanceof LicenceSource.RefusedException r) {
                        // collected or mailed meanwhile (at a window, at another kiosk): said on its page
                        refused.set(r.refusal());
                        chosen.set(h.now(
                                r.refusal() == LicenceSource.Refusal.MAILED
                                        ? LicenceSource.Status.MAILED
                                        : LicenceSource.Status.COLLECTED,
                                h.trackingNumber()));
                        replace(chosen.get());
                        step.set(Step.PREVIEW);
                        return;
                    }
                    problem.set(
                            error instanceof LicenceSource.UnavailableException
                                    ? Printing.Problem.PLATFORM
                                    : Printing.Problem.TEMPLATE);
                    step.set(Step.FAILED);
                });
    }

    /** 免费邮寄 for the chosen licence, while it waits to be collected. */
    public void mail() {
        tasks.checkUiThread();
        LicenceSource.Held h = chosen.get();
        if (step.get() == Step.PREVIEW && h != null && h.canMail()) {
            mail.accept(h);
        }
    }

    /** The postal screen mailed {@code h}: the list shows it so when the citizen comes back. */
    public void mailed(LicenceSource.Held h) {
        tasks.checkUiThread();
        replace(h);
        if (chosen.get() != null && chosen.get().licenceId().equals(h.licenceId())) {
            backToList();
        }
    }

    private void replace(LicenceSource.Held h) {
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).licenceId().equals(h.licenceId())) {
                held.set(i, h);
            }
        }
    }

    /** Back inside the screen: from a licence to the list. False at the list (back leaves the screen). */
    public boolean back() {
        tasks.checkUiThread();
        Step now = step.get();
        if ((now == Step.PREVIEW || now == Step.FAILED || now == Step.DONE) && held.size() > 0) {
            backToList();
            return true;
        }
        return false;
    }

    private void backToList() {
        loading.cancel();
        licence = Optional.empty();
        dropPreview();
        chosen.set(null);
        refused.set(null);
        problem.set(null);
        partly.set(false);
        step.set(Step.LIST);
    }

    private record Rendered(LicenceSource.Licence licence, WritableImage image, int pages) {}

    /** "Print": on the licence printer, off the JavaFX thread. */
    public void print() {
        tasks.checkUiThread();
        if (licence.isEmpty() && step.get() == Step.FAILED && problem.get() == Printing.Problem.PLATFORM) {
            if (chosen.get() == null) {
                open(); // the list never came: ask the platform again
            } else {
                LicenceSource.Held h = chosen.get();
                step.set(Step.LIST);
                choose(h); // the licence's data never came: ask again
            }
            return;
        }
        if (licence.isEmpty() || (step.get() != Step.PREVIEW && step.get() != Step.FAILED)) {
            return;
        }
        LicenceSource.Licence l = licence.get();
        boolean again = step.get() == Step.FAILED && partly.get(); // a second go at one that came out in part
        step.set(Step.PRINTING);
        problem.set(null);
        Locale locale = i18n.localeProperty().get();
        printing.start(
                () -> printService.print(l.template(), l.data(), locale, l.reference(), again),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        problem.set(np.problem());
                        partly.set(np.partly());
                        step.set(Step.FAILED);
                    } else {
                        collected(l);
                        step.set(Step.DONE);
                    }
                },
                error -> {
                    problem.set(Printing.Problem.PRINTER_FAULT);
                    step.set(Step.FAILED);
                });
    }

    /** The licence came out: the platform is told (through the outbox), the list shows it collected. */
    private void collected(LicenceSource.Licence l) {
        LicenceSource.Held h = chosen.get();
        if (h == null) {
            return;
        }
        replace(h.now(LicenceSource.Status.COLLECTED, h.trackingNumber()));
        telling.start(
                () -> {
                    source.collected(h, l.copy());
                    return true;
                },
                done -> {},
                error -> log.error("The collection of licence {} could not be recorded", h.licenceId(), error));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets the licence and overwrites the preview's pixels (a session ended, the screen left). */
    public void reset() {
        tasks.checkUiThread();
        loading.cancel();
        printing.cancel();
        listing.cancel();
        licence = Optional.empty();
        held.clear();
        chosen.set(null);
        refused.set(null);
        dropPreview();
        problem.set(null);
        partly.set(false);
        step.set(Step.LOADING);
    }

    private void dropPreview() {
        WritableImage shown = preview.get();
        if (shown != null) {
            overwrite(shown);
            preview.set(null);
        }
        pages.set(0);
    }

    private static void overwrite(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), new int[w * h], 0, w);
    }

    /** Every licence the citizen holds, as listed. */
    public ObservableList<LicenceSource.Held> held() {
        return held;
    }

    /** The licence chosen; null at the list. */
    public ReadOnlyObjectProperty<LicenceSource.Held> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Why the platform refused to print the chosen licence (collected or mailed meanwhile); null if it did not. */
    public ReadOnlyObjectProperty<LicenceSource.Refusal> refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** Where a licence stands, in the current language: 待领取 / 已领取，可打印副本 / 已邮寄 运单号… */
    public String statusText(LicenceSource.Held h) {
        if (h.status() == LicenceSource.Status.MAILED) {
            return h.trackingNumber()
                    .map(t -> i18n.text(Msg.LICENCE_STATUS_MAILED_TRACKING, t))
                    .orElse(i18n.text(Msg.LICENCE_STATUS_MAILED));
        }
        if (h.status() == LicenceSource.Status.COLLECTED) {
            return i18n.text(
                    h.printable() && h.copyAllowed()
                            ? Msg.LICENCE_STATUS_COLLECTED_COPY
                            : Msg.LICENCE_STATUS_COLLECTED);
        }
        return i18n.text(h.printable() ? Msg.LICENCE_STATUS_WAITING : Msg.LICENCE_STATUS_WAITING_WINDOW);
    }

    /** Issued by whom and when, in the current language. */
    public String issuedText(LicenceSource.Held h) {
        return h.issuedOn()
                .map(d -> i18n.text(Msg.LICENCE_ISSUED, h.issuer(), i18n.date(d)))
                .orElse(h.issuer());
    }

    /** What can be done with the chosen licence here, in the current language (its page without a preview). */
    public StringBinding chosenText() {
        return Bindings.createStringBinding(
                () -> {
                    LicenceSource.Held h = chosen.get();
                    if (h == null) {
                        return "";
                    }
                    if (refused.get() != null) {
                        return i18n.text(
                                refused.get() == LicenceSource.Refusal.MAILED
                                        ? Msg.LICENCE_REFUSED_MAILED
                                        : Msg.LICENCE_REFUSED_COLLECTED);
                    }
                    if (h.status() == LicenceSource.Status.MAILED) {
                        return i18n.text(Msg.LICENCE_CANNOT_MAILED);
                    }
                    if (h.status() == LicenceSource.Status.COLLECTED) {
                        return i18n.text(Msg.LICENCE_CANNOT_AGAIN);
                    }
                    return i18n.text(Msg.LICENCE_CANNOT_PRINT_HERE);
                },
                chosen,
                refused,
                i18n.localeProperty());
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WritableImage> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pagesProperty() {
        return pages.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Printing.Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty partlyProperty() {
        return partly.getReadOnlyProperty();
    }

    /** "Page 1 of 2" under a preview of more than one page; empty for one page. */
    public StringBinding pagesText() {
        return Bindings.createStringBinding(
                () -> pages.get() > 1 ? i18n.text(Msg.LICENCE_PAGE, 1, pages.get()) : "", pages, i18n.localeProperty());
    }

    /** What went wrong, in the current language. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null
                        ? ""
                        : i18n.text(Msg.LICENCE_FAILED) + " " + i18n.text(Msg.forPrintProblem(problem.get())) + " "
                                + i18n.text(ErrorCodes.nextStep(problem.get())),
                problem,
                i18n.localeProperty());
    }

    /** The failure's code for staff (代码 P-PAPER-OUT); "" while nothing failed. */
    public StringBinding problemCodeText() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(problem.get())),
                problem,
                i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }

    /** The image's pixels for tests of the wipe. */
    static boolean blank(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] px = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        for (int p : px) {
            if (p != 0) {
                return false;
            }
        }
        return true;
    }

    Optional<Session> session() {
        return sessions.current();
    }
}
