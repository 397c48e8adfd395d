package cn.egov.kiosk.ui.guide;

import cn.egov.kiosk.catalogue.CatalogueIndex;
import cn.egov.kiosk.catalogue.Glossary;
import cn.egov.kiosk.catalogue.Guide;
import cn.egov.kiosk.catalogue.GuideDocument;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 办事指南: the citizen finds a service (the 零跑腿 and 只跑一次 lists, the items doable here, the
 * most used, by department, theme or life event, or by typing) and reads its page: department,
 * materials (those the platform already holds are 免提交), fee, time limits, trips, and where it can
 * be done: here, on the phone (a QR code), or at a counter. The page prints as a one-page guide. All
 * of it from the local copy, so it works while the platform is away; the screen says how current
 * the copy is. Its entry points run on the JavaFX thread only.
 */
public final class GuideViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(GuideViewModel.class);

    /** Rows on a page of a list: few, large, no scrolling for an older hand. */
    static final int PAGE_SIZE = 5;

    static final int SEARCH_RESULTS = 30;

    /** The search field takes at most this many characters. */
    public static final int QUERY_MAX = 20;

    public enum Step {
        LOADING,
        /** The copy was never synced: nothing to show yet. */
        EMPTY,
        START,
        GROUPS,
        LIST,
        SEARCH,
        ITEM
    }

    /** What the item page's print button is doing. */
    public enum PrintState {
        IDLE,
        PRINTING,
        PRINTED,
        FAILED
    }

    /** What the START screen's big entries open. */
    public enum Entry {
        ZERO_TRIP,
        ONCE_TRIP,
        DOABLE_HERE,
        MOST_USED
    }

    private final I18n i18n;
    private final ServiceGuide source;
    private final Printing printing;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final Predicate<Catalogue.Item> canApplyHere;
    private final Consumer<Catalogue.Item> apply;
    private final Consumer<String> takeNumber;
    private final Predicate<String> hasQueue;
    private final BiFunction<String, Locale, String> counterNames;
    private final Supplier<String> hall;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ReadOnlyObjectWrapper<Guide> guide = new ReadOnlyObjectWrapper<>(Guide.empty());
    private final ReadOnlyObjectWrapper<Guide.Facet> facet = new ReadOnlyObjectWrapper<>(Guide.Facet.DEPARTMENT);
    private final ReadOnlyObjectWrapper<Guide.Audience> audience = new ReadOnlyObjectWrapper<>(Guide.Audience.PERSONAL);
    private final ObservableList<Guide.Group> groups = FXCollections.observableArrayList();
    // one read-only view of each list, kept: a view listens to its list weakly, so one made per call
    // would be collected with the screen's listener on it
    private final ObservableList<Guide.Group> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ReadOnlyStringWrapper listTitle = new ReadOnlyStringWrapper("");
    private List<Catalogue.Item> listed = List.of();
    private final ObservableList<Catalogue.Item> pageItems = FXCollections.observableArrayList();
    private final ObservableList<Catalogue.Item> pageItemsView = FXCollections.unmodifiableObservableList(pageItems);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(0);
    private final StringProperty query = new SimpleStringProperty("");
    /** The pinyin being typed on the keyboard, not yet turned into characters: searched as it is. */
    private final StringProperty typing = new SimpleStringProperty("");

    private final ObservableList<Catalogue.Item> hits = FXCollections.observableArrayList();
    private final ObservableList<Catalogue.Item> hitsView = FXCollections.unmodifiableObservableList(hits);
    private final ReadOnlyObjectWrapper<Catalogue.Item> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PrintState> printState = new ReadOnlyObjectWrapper<>(PrintState.IDLE);
    private final ReadOnlyObjectWrapper<Printing.Problem> printProblem = new ReadOnlyObjectWrapper<>();
    /** Where "back" goes from the item page: the list or the search it was opened from. */
    private Step cameFrom = Step.START;
    /** Set when home opens the guide: where it starts the next time it shows. */
    private Optional<Optional<Entry>> startAt = Optional.empty();

    /** The plain words of the official terms, read with the guide. */
    private Glossary glossary = Glossary.empty();

    private final BackgroundTask<Opened> loading;
    private final BackgroundTask<Printing.Outcome> printingTask;
    private final BackgroundTask<Void> counting;

    /** What opening the guide reads off the JavaFX thread. */
    private record Opened(Guide guide, Glossary glossary) {}

    /**
     * @param canApplyHere whether the kiosk can take an application for an item now (doable here, with
     *     a form, and the apply feature in service)
     * @param apply starts the application for an item (through the ID card step)
     * @param takeNumber takes a queue number for a business type (the item's counter)
     * @param hasQueue whether the hall has the business type's queue here
     * @param counterNames the name of a business type's queue in a language
     * @param hall the hall's name in the current language, for the printed guide
     */
    public GuideViewModel(
            I18n i18n,
            ServiceGuide source,
            Printing printing,
            TaskRunner tasks,
            Clock clock,
            ZoneId zone,
            Predicate<Catalogue.Item> canApplyHere,
            Consumer<Catalogue.Item> apply,
            Consumer<String> takeNumber,
            Predicate<String> hasQueue,
            BiFunction<String, Locale, String> counterNames,
            Supplier<String> hall) {
        this.i18n = i18n;
        this.source = source;
        this.printing = printing;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.canApplyHere = canApplyHere;
        this.apply = apply;
        this.takeNumber = takeNumber;
        this.hasQueue = hasQueue;
        this.counterNames = counterNames;
        this.hall = hall;
        this.loading = new BackgroundTask<>(tasks);
        this.printingTask = new BackgroundTask<>(tasks);
        this.counting = new BackgroundTask<>(tasks);
        query.addListener((obs, was, now) -> search());
        typing.addListener((obs, was, now) -> search());
    }

    /**
     * The guide is opened from the home screen: the next time it shows, it starts afresh, at its start
     * or at one of its lists (自助申办 opens the items doable here).
     */
    public void startAt(Optional<Entry> entry) {
        tasks.checkUiThread();
        startAt = Optional.of(entry);
    }

    /**
     * The screen shows: opened from home, it starts afresh; come back to (from a queue number taken
     * for an item, say), it is as the citizen left it.
     */
    public void shown() {
        tasks.checkUiThread();
        if (startAt.isPresent() || step.get() == Step.LOADING || step.get() == Step.EMPTY) {
            Optional<Entry> entry = startAt.orElse(Optional.empty());
            startAt = Optional.empty();
            open(entry);
        }
    }

    /** The guide over the local copy as it is now, read off the JavaFX thread; then the start or a list. */
    public void open(Optional<Entry> entry) {
        tasks.checkUiThread();
        reset();
        step.set(Step.LOADING);
        loading.start(
                () -> new Opened(source.current(), Glossary.bundled()),
                opened -> {
                    glossary = opened.glossary();
                    Guide g = opened.guide();
                    guide.set(g);
                    step.set(g.size() == 0 ? Step.EMPTY : Step.START);
                    if (g.size() > 0) {
                        entry.ifPresent(this::openEntry);
                    }
                },
                error -> {
                    log.warn("Could not read the local catalogue: {}", error.toString());
                    step.set(Step.EMPTY);
                });
    }

    /** One of the start screen's lists. */
    public void openEntry(Entry entry) {
        tasks.checkUiThread();
        Guide g = guide.get();
        switch (entry) {
            case ZERO_TRIP -> list(i18n.text(Msg.GUIDE_ZERO_TRIP), g.byTrips(Catalogue.Trips.ZERO));
            case ONCE_TRIP -> list(i18n.text(Msg.GUIDE_ONCE_TRIP), g.byTrips(Catalogue.Trips.ONCE));
            case DOABLE_HERE -> list(i18n.text(Msg.GUIDE_DOABLE_HERE), g.doableHere());
            case MOST_USED -> list(i18n.text(Msg.GUIDE_MOST_USED), g.mostUsed());
        }
    }

    /** Browse by department, theme or life event. */
    public void browse(Guide.Facet by) {
        tasks.checkUiThread();
        facet.set(by);
        groups.setAll(guide.get().groups(by, audience.get()));
        step.set(Step.GROUPS);
    }

    /** Personal or business: the themes and life events change with it. */
    public void audience(Guide.Audience who) {
        tasks.checkUiThread();
        audience.set(who);
        if (step.get() == Step.GROUPS) {
            groups.setAll(guide.get().groups(facet.get(), who));
        }
    }

    public void openGroup(Guide.Group group) {
        tasks.checkUiThread();
        list(group.name(), guide.get().itemsOf(group, audience.get()));
    }

    private void list(String title, List<Catalogue.Item> items) {
        listTitle.set(title);
        listed = List.copyOf(items);
        pages.set(Math.max(1, (listed.size() + PAGE_SIZE - 1) / PAGE_SIZE));
        showPage(0);
        step.set(Step.LIST);
    }

    public void nextPage() {
        tasks.checkUiThread();
        if (page.get() + 1 < pages.get()) {
            showPage(page.get() + 1);
        }
    }

    public void previousPage() {
        tasks.checkUiThread();
        if (page.get() > 0) {
            showPage(page.get() - 1);
        }
    }

    private void showPage(int p) {
        page.set(p);
        int from = p * PAGE_SIZE;
        pageItems.setAll(listed.subList(Math.min(from, listed.size()), Math.min(from + PAGE_SIZE, listed.size())));
    }

    /** The search screen: results as the citizen types into {@link #queryProperty()}. */
    public void openSearch() {
        tasks.checkUiThread();
        query.set("");
        hits.clear();
        step.set(Step.SEARCH);
    }

    /** What is in the field and the pinyin being typed after it ({@code yyzz} finds before any character is chosen). */
    private void search() {
        String text = (query.get() == null ? "" : query.get()) + (typing.get() == null ? "" : typing.get());
        List<CatalogueIndex.Hit> found = guide.get().search(text, SEARCH_RESULTS);
        hits.setAll(found.stream().map(CatalogueIndex.Hit::item).toList());
    }

    /** An item's page; counted as used (off the JavaFX thread). */
    public void openItem(Catalogue.Item chosen) {
        tasks.checkUiThread();
        if (step.get() != Step.ITEM) {
            cameFrom = step.get();
        }
        // what the page shows is set before the item, whose change builds the page
        applicable.set(canApplyHere.test(chosen));
        printState.set(PrintState.IDLE);
        printProblem.set(null);
        item.set(chosen);
        step.set(Step.ITEM);
        String id = chosen.id();
        counting.start(
                () -> {
                    source.opened(id);
                    return null;
                },
                done -> {},
                error -> log.warn("Could not count the use of item {}: {}", id, error.toString()));
    }

    /** Opens an item by its id (from another screen, or a walk-through). */
    public boolean openItem(String id) {
        Optional<Catalogue.Item> found = guide.get().find(id);
        found.ifPresent(this::openItem);
        return found.isPresent();
    }

    /** 立即申办: the application for the item shown. */
    public void applyHere() {
        tasks.checkUiThread();
        Catalogue.Item shown = item.get();
        if (shown != null && canApplyHere.test(shown)) {
            apply.accept(shown);
        }
    }

    /** 取号: a number for the item's counter. */
    public void takeNumber() {
        tasks.checkUiThread();
        Catalogue.Item shown = item.get();
        if (shown != null && hasQueue.test(shown.businessType())) {
            takeNumber.accept(shown.businessType());
        }
    }

    /** Prints the item's page as a one-page guide, off the JavaFX thread. */
    public void printGuide() {
        tasks.checkUiThread();
        Catalogue.Item shown = item.get();
        if (shown == null || printState.get() == PrintState.PRINTING) {
            return;
        }
        printState.set(PrintState.PRINTING);
        printProblem.set(null);
        Locale locale = i18n.locale();
        Optional<Instant> asOf = guide.get().syncedAt();
        Optional<String> counter = hasQueue.test(shown.businessType())
                ? Optional.of(counterNames.apply(shown.businessType(), locale))
                : Optional.empty();
        printingTask.start(
                () -> printing.print(
                        GuideDocument.TEMPLATE,
                        GuideDocument.of(shown, counter, hall.get(), asOf, clock.instant(), zone),
                        locale,
                        shown.id(),
                        false),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        printProblem.set(np.problem());
                        printState.set(PrintState.FAILED);
                    } else {
                        printState.set(PrintState.PRINTED);
                    }
                },
                error -> {
                    log.warn("The guide of item {} did not print: {}", shown.id(), error.toString());
                    printProblem.set(Printing.Problem.PRINTER_FAULT);
                    printState.set(PrintState.FAILED);
                });
    }

    /**
     * The frame's back button inside the guide: a step back (item → its list → the groups → the
     * start); false at the start, where back leaves the guide.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case ITEM -> {
                step.set(cameFrom);
                return true;
            }
            case LIST -> {
                step.set(groups.isEmpty() || !listFromGroups() ? Step.START : Step.GROUPS);
                return true;
            }
            case GROUPS, SEARCH -> {
                step.set(Step.START);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean listFromGroups() {
        return groups.stream().anyMatch(g -> g.name().equals(listTitle.get()));
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets what was browsed and typed. */
    public void reset() {
        tasks.checkUiThread();
        loading.cancel();
        printingTask.cancel();
        query.set("");
        hits.clear();
        groups.clear();
        listed = List.of();
        pageItems.clear();
        page.set(0);
        pages.set(0);
        listTitle.set("");
        item.set(null);
        applicable.set(false);
        printState.set(PrintState.IDLE);
        printProblem.set(null);
        audience.set(Guide.Audience.PERSONAL);
        cameFrom = Step.START;
        startAt = Optional.empty();
        step.set(Step.LOADING);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Guide> guideProperty() {
        return guide.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Guide.Facet> facetProperty() {
        return facet.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Guide.Audience> audienceProperty() {
        return audience.getReadOnlyProperty();
    }

    public ObservableList<Guide.Group> groups() {
        return groupsView;
    }

    public ReadOnlyStringProperty listTitleProperty() {
        return listTitle.getReadOnlyProperty();
    }

    public ObservableList<Catalogue.Item> pageItems() {
        return pageItemsView;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pagesProperty() {
        return pages.getReadOnlyProperty();
    }

    /** What the citizen typed into the search; results follow it. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The pinyin the keyboard is composing, searched with the field's text. */
    public StringProperty typingProperty() {
        return typing;
    }

    public ObservableList<Catalogue.Item> hits() {
        return hitsView;
    }

    public ReadOnlyObjectProperty<Catalogue.Item> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** Whether the item shown can be applied for here, now. */
    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    /** Whether the hall has a queue for the item shown. */
    public boolean counterHere(Catalogue.Item shown) {
        return shown != null && hasQueue.test(shown.businessType());
    }

    public ReadOnlyObjectProperty<PrintState> printStateProperty() {
        return printState.getReadOnlyProperty();
    }

    /** "Page 2 of 7", or empty for one page. */
    public StringBinding pageText() {
        return Bindings.createStringBinding(
                () -> pages.get() > 1 ? i18n.text(Msg.GUIDE_PAGE, page.get() + 1, pages.get()) : "",
                page,
                pages,
                i18n.localeProperty());
    }

    /** "Catalogue as of 6 Dec 18:00", from when the local copy was last brought up to date. */
    public StringBinding asOfText() {
        return Bindings.createStringBinding(
                () -> guide.get()
                        .syncedAt()
                        .map(at -> i18n.text(
                                Msg.GUIDE_DATA_AS_OF,
                                DateTimeFormatter.ofPattern(i18n.text(Msg.HOME_DATA_AS_OF_PATTERN), i18n.locale())
                                        .format(at.atZone(zone))))
                        .orElse(""),
                guide,
                i18n.localeProperty());
    }

    /** What the print button did: printing, printed, or why not; empty before. */
    public StringBinding printStatusText() {
        return Bindings.createStringBinding(
                () -> switch (printState.get()) {
                    case IDLE -> "";
                    case PRINTING -> i18n.text(Msg.ITEM_PRINTING);
                    case PRINTED -> i18n.text(Msg.ITEM_PRINTED);
                    case FAILED -> printProblemText().get();
                },
                printState,
                printProblem,
                i18n.localeProperty());
    }

    /** Why the guide did not print, in the citizen's words. */
    public StringBinding printProblemText() {
        return Bindings.createStringBinding(
                () -> printProblem.get() == null
                        ? ""
                        : i18n.text(Msg.ITEM_PRINT_FAILED) + " "
                                + i18n.text(Msg.forPrintProblem(printProblem.get())) + " "
                                + i18n.text(ErrorCodes.nextStep(printProblem.get())),
                printProblem,
                i18n.localeProperty());
    }

    /** The print failure's code for staff (代码 P-PAPER-OUT); "" while nothing failed. */
    public StringBinding printCodeText() {
        return Bindings.createStringBinding(
                () -> printProblem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(printProblem.get())),
                printProblem,
                i18n.localeProperty());
    }

    /** The code for staff when the catalogue never reached the kiosk (代码 G-NO-CATALOGUE). */
    public StringBinding emptyCodeText() {
        return Bindings.createStringBinding(
                () -> ErrorCodes.line(i18n, ErrorCodes.GUIDE_NO_CATALOGUE), i18n.localeProperty());
    }

    /** "Free", or the fee in yuan. */
    public String feeText(Catalogue.Item shown) {
        return shown.feeFen() == 0
                ? i18n.text(Msg.ITEM_FEE_FREE)
                : i18n.text(Msg.ITEM_FEE_AMOUNT, BigDecimal.valueOf(shown.feeFen(), 2));
    }

    /**
     * A text of the item page cut into segments, each official term with its everyday words in the
     * citizen's language, unless the page explained it already ({@code explained}, one per page).
     */
    public List<Glossary.Segment> explain(String text, Set<String> explained) {
        return glossary.explain(text, i18n.locale(), explained);
    }

    /** The name of the hall's queue for the item, in the citizen's language. */
    public String counterName(Catalogue.Item shown) {
        return counterNames.apply(shown.businessType(), i18n.locale());
    }

    public I18n i18n() {
        return i18n;
    }
}
