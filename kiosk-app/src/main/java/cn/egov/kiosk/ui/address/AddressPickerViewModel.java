package cn.egov.kiosk.ui.address;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.address.CardAddressParser;
import cn.egov.kiosk.address.Division;
import cn.egov.kiosk.address.Divisions;
import cn.egov.kiosk.address.Level;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * The address picker: the citizen picks a province, a city, a district and a street from large
 * buttons, one level at a time, then types the rest (示例大街1号) and confirms; the {@link Address}
 * goes to the callback the picker was opened with. A breadcrumb shows what is chosen: tapping one
 * level picks it again (the levels below are dropped, the detail kept), and "start again" clears
 * everything. The street is optional: the street level can be skipped, and an address from an ID
 * card that names no street opens at the detail with the street left to choose.
 *
 * <p>The grouping levels a citizen never writes are stepped over (北京市 then its districts; 东莞市
 * then its streets), as {@link Divisions#choices} does. The divisions load once, in the background,
 * the first time the picker opens (or at {@link #preload()}); until then it says it is loading. If
 * they cannot load, the citizen can still type the whole address: it comes back without a division.
 *
 * <p>Entry points run on the JavaFX thread only. Nothing of the address is logged.
 */
public final class AddressPickerViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(AddressPickerViewModel.class);

    public enum Step {
        /** The divisions are loading (the first time only). */
        LOADING,
        /** A grid of divisions to pick from. */
        PICKING,
        /** The divisions are chosen: the detail and confirm. */
        DETAIL,
        /** The divisions could not load: the whole address is typed as the detail. */
        UNAVAILABLE
    }

    /**
     * A division to pick: code, name, and whether it is the one chosen before at this level (when the
     * citizen went back to change it).
     */
    public record Option(String code, String name, boolean current) {}

    /**
     * A breadcrumb: a chosen division (its level, code, name), or the level to choose next ({@code
     * pending}: no code, the level's name as its text).
     */
    public record Crumb(Level level, String code, String text, boolean pending) {}

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Callable<Divisions> source;
    private final BackgroundTask<Divisions> loading;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    private final ObservableList<Option> readOnlyOptions = FXCollections.unmodifiableObservableList(options);
    private final ObservableList<Crumb> crumbs = FXCollections.observableArrayList();
    private final ObservableList<Crumb> readOnlyCrumbs = FXCollections.unmodifiableObservableList(crumbs);
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSkip = new ReadOnlyBooleanWrapper(false);

    private Divisions divisions;
    private CardAddressParser parser;
    /** The divisions a citizen sees that are chosen so far, from the province down. */
    private final List<Division> chosen = new ArrayList<>();
    /** The division chosen before at the level being picked again, if any. */
    private String replacing = "";
    /** What to do once the divisions are loaded: where the picker opens. */
    private Runnable whenLoaded;
    /** The detail to start from if they cannot load: the whole address the picker was opened at. */
    private String fallbackDetail = "";

    private Consumer<Address> onConfirm = address -> {};

    /** The bundled divisions once read: one copy for the JVM, whatever number of pickers. */
    private static volatile Divisions shared;

    private static final Object SHARED_LOCK = new Object();

    /**
     * @param divisions gives the divisions (blocking; run in the background once, the result kept):
     *     {@code Divisions::bundled}, or a shared instance's supplier
     */
    public AddressPickerViewModel(I18n i18n, TaskRunner tasks, Callable<Divisions> divisions) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.source = divisions;
        this.loading = new BackgroundTask<>(tasks);
        detail.addListener((obs, old, now) -> refreshDetail());
        i18n.localeProperty().addListener((obs, old, now) -> refreshTexts());
    }

    /**
     * The bundled divisions, read once per JVM: the first caller reads them ({@link
     * Divisions#bundled()}), a caller meanwhile waits for that, the others get the same copy; one
     * that failed is tried again by the next caller. Blocking: a picker's loader, in the background
     * ({@code AddressPickerViewModel::sharedDivisions}).
     */
    public static Divisions sharedDivisions() {
        Divisions d = shared;
        if (d == null) {
            synchronized (SHARED_LOCK) {
                d = shared;
                if (d == null) {
                    d = Divisions.bundled();
                    shared = d;
                }
            }
        }
        return d;
    }

    /** Loads the divisions in the background now, if not yet loaded or loading: a form calls it as it opens. */
    public void preload() {
        tasks.checkUiThread();
        if (divisions == null && !loading.running()) {
            load();
        }
    }

    /** Opens empty, at the provinces. */
    public void open(Consumer<Address> onConfirm) {
        open(Address.EMPTY, onConfirm);
    }

    /**
     * Opens at an address (one picked before, to change its detail or one level): its divisions
     * chosen, its detail in the field.
     */
    public void open(Address address, Consumer<Address> onConfirm) {
        start(onConfirm, () -> positionAt(address), address.text());
    }

    /**
     * Opens at the address an ID card gives ({@code Identity.address()}): what the parser recognises
     * of it chosen, the rest in the detail field; empty when the card has none.
     */
    public void openFromCard(Optional<String> cardAddress, Consumer<Address> onConfirm) {
        start(onConfirm, () -> positionAt(parser.parse(cardAddress.orElse(null))), cardAddress.orElse(""));
    }

    private void start(Consumer<Address> callback, Runnable position, String fallback) {
        tasks.checkUiThread();
        this.onConfirm = callback;
        clear();
        if (divisions != null) {
            position.run();
            return;
        }
        whenLoaded = position;
        fallbackDetail = fallback;
        step.set(Step.LOADING);
        refreshTexts();
        if (!loading.running()) {
            load();
        }
    }

    private void load() {
        loading.start(
                source,
                loaded -> {
                    divisions = loaded;
                    parser = new CardAddressParser(loaded);
                    Runnable position = whenLoaded;
                    whenLoaded = null;
                    fallbackDetail = "";
                    if (position != null) {
                        position.run();
                    }
                },
                error -> {
                    log.warn("Could not load the administrative divisions: {}", error.toString());
                    if (whenLoaded != null) {
                        whenLoaded = null;
                        step.set(Step.UNAVAILABLE);
                        detail.set(fallbackDetail);
                        fallbackDetail = "";
                        refresh();
                    }
                });
    }

    /** The citizen tapped a division of the grid. */
    public void choose(String code) {
        tasks.checkUiThread();
        if (step.get() != Step.PICKING) {
            return;
        }
        Optional<Division> picked =
                choices().stream().filter(d -> d.code().equals(code)).findFirst();
        if (picked.isEmpty()) {
            return; // a late touch on a grid that has changed
        }
        chosen.add(picked.get());
        replacing = "";
        step.set(choices().isEmpty() ? Step.DETAIL : Step.PICKING);
        refresh();
    }

    /**
     * The citizen tapped a breadcrumb: that level is picked again (a chosen division's level, or the
     * pending one); the levels below it are dropped, the detail kept.
     */
    public void pickAgain(Level level) {
        tasks.checkUiThread();
        if (divisions == null || (step.get() != Step.PICKING && step.get() != Step.DETAIL)) {
            return;
        }
        int index = -1;
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).level() == level) {
                index = i;
                break;
            }
        }
        if (index >= 0) {
            replacing = chosen.get(index).code();
            chosen.subList(index, chosen.size()).clear();
        } else if (choices().isEmpty()) {
            return;
        }
        step.set(Step.PICKING);
        refresh();
    }

    /** The citizen skips the street: on to the detail with the district as the deepest division. */
    public void skipStreet() {
        tasks.checkUiThread();
        if (canSkip.get()) {
            replacing = "";
            step.set(Step.DETAIL);
            refresh();
        }
    }

    /** Start again: nothing chosen, no detail, the provinces. */
    public void restart() {
        tasks.checkUiThread();
        if (divisions == null) {
            return;
        }
        clear();
        step.set(Step.PICKING);
        refresh();
    }

    /** The citizen confirms: the address goes to the callback the picker was opened with. */
    public void confirm() {
        tasks.checkUiThread();
        if (canConfirm.get()) {
            onConfirm.accept(address());
        }
    }

    /** The address as chosen and typed so far. */
    public Address address() {
        if (chosen.isEmpty() || divisions == null) {
            return new Address(List.of(), detail.get());
        }
        return divisions.address(chosen.get(chosen.size() - 1).code(), detail.get());
    }

    @Override
    public void resetForNextCitizen() {
        tasks.checkUiThread();
        onConfirm = address -> {};
        whenLoaded = null;
        fallbackDetail = "";
        clear();
        step.set(divisions == null ? Step.LOADING : Step.PICKING);
        refresh();
    }

    private void clear() {
        chosen.clear();
        replacing = "";
        detail.set("");
    }

    /**
     * Opens at an address: at the detail once it names a district (the street, if it names none,
     * left to choose), else at the first level it does not name.
     */
    private void positionAt(Address address) {
        clear();
        chosen.addAll(address.shownPath());
        detail.set(address.detail());
        List<Division> next = choices();
        boolean onlyStreetLeft = next.isEmpty() || next.get(0).level() == Level.STREET;
        step.set(!chosen.isEmpty() && onlyStreetLeft ? Step.DETAIL : Step.PICKING);
        refresh();
    }

    /** What can be picked under the deepest chosen division (the provinces when nothing is). */
    private List<Division> choices() {
        if (divisions == null) {
            return List.of();
        }
        return divisions.choices(
                chosen.isEmpty() ? "" : chosen.get(chosen.size() - 1).code());
    }

    private void refresh() {
        List<Division> next = choices();
        if (step.get() == Step.PICKING) {
            options.setAll(next.stream()
                    .map(d -> new Option(d.code(), d.name(), d.code().equals(replacing)))
                    .toList());
        } else {
            options.clear();
        }
        canSkip.set(step.get() == Step.PICKING
                && !chosen.isEmpty()
                && !next.isEmpty()
                && next.get(0).level() == Level.STREET);
        refreshTexts();
        refreshDetail();
    }

    /** The texts that follow the language: the prompt and the breadcrumbs. */
    private void refreshTexts() {
        List<Division> next = choices();
        Optional<Level> pendingLevel =
                next.isEmpty() ? Optional.empty() : Optional.of(next.get(0).level());
        prompt.set(
                switch (step.get()) {
                    case LOADING -> i18n.text(Msg.ADDRESS_LOADING);
                    case UNAVAILABLE -> i18n.text(Msg.ADDRESS_UNAVAILABLE);
                    case DETAIL -> i18n.text(Msg.ADDRESS_DETAIL);
                    case PICKING ->
                        i18n.text(
                                Msg.ADDRESS_PICK,
                                pendingLevel.map(this::levelName).orElse(""));
                });
        List<Crumb> list = new ArrayList<>();
        for (Division d : chosen) {
            list.add(new Crumb(d.level(), d.code(), d.name(), false));
        }
        if ((step.get() == Step.PICKING || step.get() == Step.DETAIL) && pendingLevel.isPresent()) {
            list.add(new Crumb(pendingLevel.get(), "", levelName(pendingLevel.get()), true));
        }
        crumbs.setAll(list);
    }

    private void refreshDetail() {
        boolean typed = detail.get() != null && !detail.get().isBlank();
        canConfirm.set(typed && (step.get() == Step.DETAIL || step.get() == Step.UNAVAILABLE));
        preview.set(
                typed || !chosen.isEmpty()
                        ? i18n.text(Msg.ADDRESS_PREVIEW, address().text())
                        : "");
    }

    private String levelName(Level level) {
        return i18n.text(
                switch (level) {
                    case PROVINCE -> Msg.ADDRESS_LEVEL_PROVINCE;
                    case CITY -> Msg.ADDRESS_LEVEL_CITY;
                    case DISTRICT -> Msg.ADDRESS_LEVEL_DISTRICT;
                    case STREET -> Msg.ADDRESS_LEVEL_STREET;
                });
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The divisions to pick from, while picking. */
    public ObservableList<Option> options() {
        return readOnlyOptions;
    }

    /** What is chosen so far, then the level being (or that may be) chosen next. */
    public ObservableList<Crumb> crumbs() {
        return readOnlyCrumbs;
    }

    /** What the citizen is asked to do now. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** The detail the citizen types (示例大街1号): the field binds to it both ways. */
    public StringProperty detailProperty() {
        return detail;
    }

    /** The whole address as it will read, once anything is chosen or typed. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canConfirmProperty() {
        return canConfirm.getReadOnlyProperty();
    }

    /** Whether the street level may be skipped now. */
    public ReadOnlyBooleanProperty canSkipProperty() {
        return canSkip.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
