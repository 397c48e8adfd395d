package cn.egov.kiosk.ui.licence;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.print.pdf.PdfPreview;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.LicenceSource;
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
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * 证照打印: the signed-in citizen's licence, shown as a preview large enough to read (the PDF page
 * rendered to an image) before it is printed on the licence printer; then whether it came out, and
 * if not, why and what to do. The licence, its preview and its PDF belong to the session and are
 * dropped (the preview's pixels overwritten) when it ends. Its entry points run on the JavaFX
 * thread only.
 */
public final class LicenceViewModel implements CitizenState {

    public enum Step {
        LOADING,
        NONE,
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
    }

    /** The screen opens: look up the citizen's licence and render its preview, off the JavaFX thread. */
    public void open() {
        tasks.checkUiThread();
        reset();
        Optional<Identity> citizen = sessions.current().flatMap(s -> s.get(Identity.SESSION_KEY));
        if (citizen.isEmpty()) {
            step.set(Step.NONE);
            return;
        }
        Locale locale = i18n.localeProperty().get();
        loading.start(
                () -> {
                    List<LicenceSource.Licence> found = source.licencesOf(citizen.get());
                    if (found.isEmpty()) {
                        return null;
                    }
                    LicenceSource.Licence l = found.get(0);
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
                    if (rendered == null) {
                        step.set(Step.NONE);
                        return;
                    }
                    licence = Optional.of(rendered.licence());
                    preview.set(rendered.image());
                    pages.set(rendered.pages());
                    step.set(Step.PREVIEW);
                },
                error -> {
                    problem.set(
                            error instanceof LicenceSource.UnavailableException
                                    ? Printing.Problem.PLATFORM
                                    : Printing.Problem.TEMPLATE);
                    step.set(Step.FAILED);
                });
    }

    private record Rendered(LicenceSource.Licence licence, WritableImage image, int pages) {}

    /** "Print": on the licence printer, off the JavaFX thread. */
    public void print() {
        tasks.checkUiThread();
        if (licence.isEmpty() && step.get() == Step.FAILED && problem.get() == Printing.Problem.PLATFORM) {
            open(); // the licence never came: ask the platform again
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
                        step.set(Step.DONE);
                    }
                },
                error -> {
                    problem.set(Printing.Problem.PRINTER_FAULT);
                    step.set(Step.FAILED);
                });
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
        licence = Optional.empty();
        WritableImage shown = preview.get();
        if (shown != null) {
            overwrite(shown);
            preview.set(null);
        }
        pages.set(0);
        problem.set(null);
        partly.set(false);
        step.set(Step.LOADING);
    }

    private static void overwrite(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), new int[w * h], 0, w);
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
