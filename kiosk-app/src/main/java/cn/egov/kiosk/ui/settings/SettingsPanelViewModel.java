package cn.egov.kiosk.ui.settings;

import cn.egov.kiosk.config.BusinessType;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.config.LocalizedText;
import cn.egov.kiosk.config.Session;
import cn.egov.kiosk.config.Ui;
import cn.egov.kiosk.config.Voice;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.settings.Connection;
import cn.egov.kiosk.settings.Settings;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.admin.AdminPanel;
import cn.egov.kiosk.ui.admin.AdminPanelSession;
import cn.egov.kiosk.ui.attract.AttractViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Staff's 终端设置 behind the staff PIN, over the current screen, on two pages. 外设: each device
 * configured (class, driver, connection), one chosen at a time to edit: its driver, how it connects
 * (the machine's serial ports and a baud rate, a TCP host and port, a CUPS queue, a device file, the
 * simulator on a demo kiosk), the driver's options (each as the driver declares it: empty or at its
 * default, it is left out of the file; a value the driver would refuse is said before anything is
 * tried), tested with the edited settings without saving, saved (the device
 * manager reopens it), removed; a device of a class added. 服务内容: the hall's name, hotline and
 * logo, the default language, elderly mode by default, the inactivity limits, the voice, the
 * services shown, the opening hours and what is offered after them, the business types. A save is
 * checked by the configuration's declarations first: refused in plain words with nothing written.
 * All work runs off the JavaFX thread; the entry points run on it only.
 */
public final class SettingsPanelViewModel implements AdminPanel {
    /** How long the panel stays open without a touch. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(180);

    /** The pages. */
    public enum Page {
        DEVICES,
        OFFER
    }

    /** A configured device as the list shows it. */
    public record DeviceRow(String id, String title, String detail) {}

    /**
     * An option of the chosen driver as edited: its declaration and the value typed or chosen, empty
     * for the default.
     */
    public record OptionRow(OptionDeclaration declaration, StringProperty value) {
        public String name() {
            return declaration.name();
        }
    }

    /** A business type as edited: its letter and names. */
    public record TypeRow(String code, String zh, String en) {
        String line() {
            return code + "  " + zh + (en.isBlank() ? "" : " / " + en);
        }
    }

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Settings settings;
    private final Clock clock;
    private final BackgroundTask<Object> work;
    private final AdminPanelSession session;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.DEVICES);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    // ---- devices
    private final ObservableList<DeviceRow> deviceRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper("");
    private DeviceClass selectedClass = DeviceClass.RECEIPT_PRINTER;
    private Map<String, String> selectedOptions = Map.of();
    private final StringProperty driver = new SimpleStringProperty("");
    private final ObjectProperty<Connection.Kind> kind = new SimpleObjectProperty<>(Connection.Kind.SIM);
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty number = new SimpleStringProperty("");
    private final ObservableList<String> drivers = FXCollections.observableArrayList();
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final ObservableList<String> queues = FXCollections.observableArrayList();
    private final ObservableList<OptionRow> options = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");

    // ---- what the kiosk offers
    private final StringProperty hallZh = new SimpleStringProperty("");
    private final StringProperty hallEn = new SimpleStringProperty("");
    private final StringProperty hotline = new SimpleStringProperty("");
    private final StringProperty logo = new SimpleStringProperty("");
    private final BooleanProperty englishFirst = new SimpleBooleanProperty(false);
    private final BooleanProperty elderly = new SimpleBooleanProperty(false);
    private final IntegerProperty inactivity = new SimpleIntegerProperty(Session.DEFAULT_INACTIVITY_TIMEOUT_SECONDS);
    private final IntegerProperty warning = new SimpleIntegerProperty(Session.DEFAULT_WARNING_SECONDS);
    private final BooleanProperty voiceOn = new SimpleBooleanProperty(false);
    private final IntegerProperty volume = new SimpleIntegerProperty(Voice.DEFAULT_VOLUME);
    private final Map<String, BooleanProperty> services = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> afterHours = new LinkedHashMap<>();
    private final Map<DayOfWeek, StringProperty> hours = new EnumMap<>(DayOfWeek.class);
    private final ObservableList<TypeRow> types = FXCollections.observableArrayList();
    private final StringProperty typeCode = new SimpleStringProperty("");
    private final StringProperty typeZh = new SimpleStringProperty("");
    private final StringProperty typeEn = new SimpleStringProperty("");

    /**
     * @param settings the configuration on screen (blocking: run on the task runner)
     */
    public SettingsPanelViewModel(I18n i18n, TaskRunner tasks, Settings settings, Clock clock) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.work = new BackgroundTask<>(tasks);
        this.session = new AdminPanelSession(tasks, clock, IDLE_LIMIT);
        for (String s : Ui.SERVICES) {
            services.put(s, new SimpleBooleanProperty(true));
            afterHours.put(s, new SimpleBooleanProperty(true));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, new SimpleStringProperty(""));
        }
        driver.addListener((obs, was, now) -> fillOptions());
    }

    // ---- opening and closing ------------------------------------------------------------------

    /** Opens on the devices, as the configuration now has them. */
    public void open() {
        tasks.checkUiThread();
        message.set("");
        testResult.set("");
        page.set(Page.DEVICES);
        session.open();
        load(settings.config());
        session.begin();
        work.start(
                () -> List.of(settings.serialPorts(), settings.printerQueues()),
                lists -> {
                    session.end();
                    @SuppressWarnings("unchecked")
                    List<List<String>> both = (List<List<String>>) lists;
                    ports.setAll(both.get(0));
                    queues.setAll(both.get(1));
                },
                this::failed);
    }

    @Override
    public AdminPanelSession session() {
        return session;
    }

    @Override
    public void close() {
        tasks.checkUiThread();
        session.close();
        work.cancel();
        session.end();
        selected.set("");
        message.set("");
        testResult.set("");
    }

    public void show(Page next) {
        tasks.checkUiThread();
        page.set(next);
        message.set("");
    }

    // ---- devices ------------------------------------------------------------------------------

    /** A device tapped: its settings into the editor. */
    public void select(String id) {
        tasks.checkUiThread();
        settings.config().device(id).ifPresent(this::edit);
        testResult.set("");
        message.set("");
    }

    private void edit(DeviceSpec spec) {
        selected.set(spec.id());
        selectedClass = spec.deviceClass();
        selectedOptions = spec.options();
        drivers.setAll(settings.drivers(spec.deviceClass()));
        if (!drivers.contains(spec.driver())) {
            drivers.add(spec.driver());
        }
        driver.set(spec.driver());
        fillOptions();
        Connection c = Connection.parse(spec.connection());
        kind.set(c.kind());
        target.set(c.target());
        number.set(c.number() > 0 ? Integer.toString(c.number()) : "");
        if (c.kind() == Connection.Kind.SERIAL && !c.target().isEmpty() && !ports.contains(c.target())) {
            ports.add(c.target());
        }
    }

    /**
     * The chosen driver's options into the editor, each with the value the configuration holds (if
     * the device is saved with this driver), else empty: the default.
     */
    private void fillOptions() {
        if (selected.get().isEmpty()) {
            options.clear();
            return;
        }
        Map<String, String> current = savedDriver() ? selectedOptions : Map.of();
        List<OptionRow> rows = new ArrayList<>();
        for (OptionDeclaration d : settings.options(driver.get(), selectedClass)) {
            rows.add(new OptionRow(d, new SimpleStringProperty(current.getOrDefault(d.name(), ""))));
        }
        options.setAll(rows);
    }

    /** Whether the driver on screen is the one the device is saved with. */
    private boolean savedDriver() {
        return settings.config()
                .device(selected.get())
                .map(DeviceSpec::driver)
                .orElse("")
                .equals(driver.get());
    }

    /** An option put back to its default (left out of the file at the next save). */
    public void resetOption(String name) {
        tasks.checkUiThread();
        options.stream()
                .filter(o -> o.name().equals(name))
                .forEach(o -> o.value().set(""));
    }

    /**
     * The first option whose value the driver would refuse, said in plain words; empty when the
     * driver takes them all.
     */
    public Optional<String> optionProblem() {
        for (OptionRow o : options) {
            String v = o.value().get().strip();
            if (!v.isEmpty() && !o.declaration().accepts(v)) {
                return Optional.of(i18n.text(Msg.SETTINGS_OPTIONS_BAD, o.name(), v, expected(o.declaration())));
            }
        }
        return Optional.empty();
    }

    private String expected(OptionDeclaration d) {
        return switch (d.kind()) {
            case INTEGER ->
                i18n.text(Msg.SETTINGS_OPTIONS_EXPECT_NUMBER, Long.toString(d.min()), Long.toString(d.max()));
            case MILLIS ->
                i18n.text(Msg.SETTINGS_OPTIONS_EXPECT_MILLIS, Long.toString(d.min()), Long.toString(d.max()));
            case BOOL, CHOICE -> i18n.text(Msg.SETTINGS_OPTIONS_EXPECT_CHOICE, String.join(", ", d.allowed()));
            case TEXT -> i18n.text(Msg.SETTINGS_OPTIONS_EXPECT_TEXT, d.expected());
        };
    }

    /** The words under an option: its description where the bundle has one. */
    public static Optional<Msg> optionMsg(String name) {
        String key = "SETTINGS_OPTION_" + name.toUpperCase(Locale.ROOT);
        for (Msg m : Msg.values()) {
            if (m.name().equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** An option's control's id: {@code settings-option-columns}, a choice {@code settings-option-charset-1}. */
    public static String optionId(String name, int choice) {
        String base = "settings-option-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return choice < 0 ? base : base + "-" + choice;
    }

    /** Whether an option is a secret (a terminal's password): typed into a field that hides it. */
    public static boolean secret(OptionDeclaration d) {
        return d.kind() == OptionDeclaration.Kind.TEXT
                && d.name().toLowerCase(Locale.ROOT).contains("password");
    }

    /** The id of an option's 恢复默认: {@code settings-option-columns-default}. */
    public static String optionResetId(String name) {
        return optionId(name, -1) + "-default";
    }

    /** Adds a device of a class to the editor (saved only with 保存): the first driver, the simulator on a demo kiosk. */
    public void add(DeviceClass deviceClass) {
        tasks.checkUiThread();
        List<String> choices = settings.drivers(deviceClass);
        String first = settings.demo() && choices.contains("sim") ? "sim" : choices.isEmpty() ? "sim" : choices.get(0);
        edit(new DeviceSpec(
                settings.freeId(deviceClass), deviceClass, first, first.equals("sim") ? "sim:" : "", Map.of()));
        testResult.set("");
        message.set("");
    }

    /** The device as edited. */
    public Optional<DeviceSpec> edited() {
        if (selected.get().isEmpty()) {
            return Optional.empty();
        }
        int n;
        try {
            n = number.get().isBlank() ? 0 : Integer.parseInt(number.get().strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        String connection = new Connection(kind.get(), target.get(), n).text();
        // options of another driver would be refused by this one: a driver changed starts without;
        // an option the driver does not declare (a vendor's) stays as the file has it
        Map<String, String> edited = new TreeMap<>();
        if (savedDriver()) {
            edited.putAll(selectedOptions);
        }
        for (OptionRow o : options) {
            String v = o.value().get().strip();
            if (v.isEmpty() || o.declaration().isDefault(v)) {
                edited.remove(o.name()); // at its default: not written
            } else {
                edited.put(o.name(), v);
            }
        }
        return Optional.of(new DeviceSpec(selected.get(), selectedClass, driver.get(), connection, edited));
    }

    /** Opens the device with the edited settings and runs its health check; nothing is saved. */
    public void test() {
        tasks.checkUiThread();
        Optional<DeviceSpec> spec = edited();
        if (spec.isEmpty() || session.busy()) {
            return;
        }
        Optional<String> refused = optionProblem();
        if (refused.isPresent()) {
            testResult.set(i18n.text(Msg.SETTINGS_TEST_INVALID, refused.get()));
            return;
        }
        session.begin();
        testResult.set(i18n.text(Msg.SETTINGS_TESTING));
        work.start(
                () -> settings.test(spec.get()),
                r -> {
                    session.end();
                    Settings.TestResult result = (Settings.TestResult) r;
                    testResult.set(i18n.text(testMsg(result.outcome()), result.detail()));
                },
                this::failed);
    }

    static Msg testMsg(Settings.TestOutcome outcome) {
        return switch (outcome) {
            case WORKS -> Msg.SETTINGS_TEST_WORKS;
            case UNHEALTHY -> Msg.SETTINGS_TEST_UNHEALTHY;
            case NO_ANSWER -> Msg.SETTINGS_TEST_NO_ANSWER;
            case INVALID -> Msg.SETTINGS_TEST_INVALID;
        };
    }

    /** Saves the edited device; the device manager reopens it on its new settings. */
    public void saveDevice() {
        tasks.checkUiThread();
        Optional<DeviceSpec> spec = edited();
        if (spec.isEmpty() || session.busy()) {
            return;
        }
        Optional<String> refused = optionProblem();
        if (refused.isPresent()) {
            message.set(i18n.text(Msg.SETTINGS_REFUSED, refused.get()));
            return;
        }
        run(() -> settings.saveDevice(spec.get()), Msg.SETTINGS_DEVICE_SAVED);
    }

    /** Takes the chosen device out of the configuration. */
    public void removeDevice() {
        tasks.checkUiThread();
        String id = selected.get();
        if (id.isEmpty() || session.busy()) {
            return;
        }
        run(() -> settings.removeDevice(id), Msg.SETTINGS_SAVED);
    }

    // ---- what the kiosk offers ------------------------------------------------------------------

    /** Saves every value of the page together. */
    public void saveOffer() {
        tasks.checkUiThread();
        if (session.busy()) {
            return;
        }
        List<Settings.Change<?>> changes;
        try {
            changes = offerChanges();
        } catch (IllegalArgumentException e) {
            // a value no declaration would take (a blank name): said as the file's check says it
            message.set(i18n.text(Msg.SETTINGS_REFUSED, e.getMessage()));
            return;
        }
        run(() -> settings.save(changes), Msg.SETTINGS_SAVED);
    }

    private List<Settings.Change<?>> offerChanges() {
        List<Settings.Change<?>> changes = new ArrayList<>();
        changes.add(new Settings.Change<>(Settings.HALL_NAME, text(hallZh.get(), hallEn.get())));
        changes.add(new Settings.Change<>(Settings.HOTLINE, hotline.get().strip()));
        changes.add(new Settings.Change<>(
                Settings.LOGO,
                logo.get().isBlank()
                        ? Optional.empty()
                        : Optional.of(Path.of(logo.get().strip()))));
        Locale zh = Locale.forLanguageTag("zh-CN");
        Locale en = Locale.forLanguageTag("en");
        changes.add(new Settings.Change<>(Settings.LANGUAGES, englishFirst.get() ? List.of(en, zh) : List.of(zh, en)));
        changes.add(new Settings.Change<>(Settings.THEME, elderly.get() ? Ui.ELDERLY : Ui.STANDARD));
        changes.add(new Settings.Change<>(Settings.INACTIVITY, inactivity.get()));
        changes.add(new Settings.Change<>(Settings.WARNING, warning.get()));
        changes.add(new Settings.Change<>(Settings.VOICE_ON, voiceOn.get()));
        changes.add(new Settings.Change<>(Settings.VOLUME, volume.get()));
        changes.add(new Settings.Change<>(Settings.SERVICES, chosen(services)));
        changes.add(new Settings.Change<>(Settings.AFTER_HOURS, chosen(afterHours)));
        for (DayOfWeek d : DayOfWeek.values()) {
            changes.add(new Settings.Change<>(
                    Settings.hoursOn(d), hours.get(d).get().strip()));
        }
        List<BusinessType> businessTypes = new ArrayList<>();
        for (TypeRow t : types) {
            businessTypes.add(new BusinessType(t.code(), text(t.zh(), t.en()), descriptionOf(t.code())));
        }
        changes.add(new Settings.Change<>(Settings.BUSINESS_TYPES, businessTypes));
        return changes;
    }

    private static LocalizedText text(String zh, String en) {
        return LocalizedText.of(zh.strip(), en.isBlank() ? null : en.strip());
    }

    private LocalizedText descriptionOf(String code) {
        return settings.config()
                .queue()
                .businessType(code)
                .map(BusinessType::description)
                .orElse(LocalizedText.empty());
    }

    private static List<String> chosen(Map<String, BooleanProperty> choices) {
        return choices.entrySet().stream()
                .filter(e -> e.getValue().get())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The business type in the fields added, or the one of that letter changed. */
    public void putType() {
        tasks.checkUiThread();
        String code = typeCode.get().strip().toUpperCase(Locale.ROOT);
        if (!BusinessType.CODE.matcher(code).matches() || typeZh.get().isBlank()) {
            message.set(i18n.text(Msg.SETTINGS_TYPE_INCOMPLETE));
            return;
        }
        TypeRow row = new TypeRow(code, typeZh.get().strip(), typeEn.get().strip());
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).code().equals(code)) {
                types.set(i, row);
                return;
            }
        }
        types.add(row);
    }

    /** A business type tapped: into the fields, to change or remove. */
    public void pickType(String code) {
        tasks.checkUiThread();
        types.stream().filter(t -> t.code().equals(code)).findFirst().ifPresent(t -> {
            typeCode.set(t.code());
            typeZh.set(t.zh());
            typeEn.set(t.en());
        });
    }

    /** Removes the business type of the letter in the field. */
    public void removeType() {
        tasks.checkUiThread();
        String code = typeCode.get().strip().toUpperCase(Locale.ROOT);
        types.removeIf(t -> t.code().equals(code));
    }

    /** One step up or down, within the declared range. */
    public void step(IntegerProperty value, int by, int min, int max) {
        value.set(Math.max(min, Math.min(max, value.get() + by)));
    }

    // ---- common ---------------------------------------------------------------------------------

    private void run(Callable<Settings.Outcome> save, Msg done) {
        session.begin();
        message.set(i18n.text(Msg.SETTINGS_SAVING));
        work.start(
                save::call,
                o -> {
                    session.end();
                    shown((Settings.Outcome) o, done);
                },
                this::failed);
    }

    private void shown(Settings.Outcome outcome, Msg done) {
        if (outcome instanceof Settings.Saved s) {
            load(s.config());
            if (s.changed().isEmpty()) {
                message.set(i18n.text(Msg.SETTINGS_UNCHANGED));
            } else {
                message.set(i18n.text(s.needsRestart() ? Msg.SETTINGS_SAVED_RESTART : done));
            }
        } else if (outcome instanceof Settings.Refused r) {
            message.set(i18n.text(Msg.SETTINGS_REFUSED, String.join("；", r.problems())));
        } else if (outcome instanceof Settings.Failed f) {
            message.set(i18n.text(Msg.SETTINGS_FAILED, f.why()));
        }
    }

    private void failed(Throwable e) {
        session.end();
        message.set(i18n.text(Msg.SETTINGS_FAILED, String.valueOf(e.getMessage())));
    }

    /** The configuration's values into the pages (after a save: as saved). */
    private void load(KioskConfig c) {
        List<DeviceRow> rows = new ArrayList<>();
        for (DeviceSpec d : c.devices()) {
            rows.add(new DeviceRow(
                    d.id(),
                    i18n.text(classMsg(d.deviceClass())) + "  " + d.id(),
                    i18n.text(Msg.SETTINGS_DEVICE_ROW, d.driver(), d.connection())));
        }
        deviceRows.setAll(rows);
        String id = selected.get();
        if (!id.isEmpty()) {
            c.device(id).ifPresentOrElse(this::edit, () -> selected.set(""));
        }
        hallZh.set(c.kiosk().hallName().get(Locale.forLanguageTag("zh-CN")));
        hallEn.set(c.kiosk().hallName().byLanguageTag().getOrDefault("en", ""));
        hotline.set(c.kiosk().hotline());
        logo.set(c.ui().logo().map(Path::toString).orElse(""));
        englishFirst.set(c.kiosk().defaultLocale().getLanguage().equals("en"));
        elderly.set(c.ui().theme().equals(Ui.ELDERLY));
        inactivity.set(c.session().inactivityTimeoutSeconds());
        warning.set(c.session().warningSeconds());
        voiceOn.set(c.voice().onByDefault());
        volume.set(c.voice().volume());
        services.forEach((name, p) -> p.set(c.ui().shows(name)));
        afterHours.forEach((name, p) -> p.set(c.hours().afterHours().contains(name)));
        hours.forEach((d, p) -> p.set(c.hours().days().get(d)));
        types.setAll(c.queue().businessTypes().stream()
                .map(t -> new TypeRow(
                        t.code(),
                        t.name().get(Locale.forLanguageTag("zh-CN")),
                        t.name().byLanguageTag().getOrDefault("en", "")))
                .toList());
    }

    /** The words of a device class. */
    public static Msg classMsg(DeviceClass c) {
        return switch (c) {
            case ID_CARD_READER -> Msg.SETTINGS_CLASS_ID_CARD_READER;
            case SMART_CARD_READER -> Msg.SETTINGS_CLASS_SMART_CARD_READER;
            case RECEIPT_PRINTER -> Msg.SETTINGS_CLASS_RECEIPT_PRINTER;
            case DOCUMENT_PRINTER -> Msg.SETTINGS_CLASS_DOCUMENT_PRINTER;
            case PAYMENT_TERMINAL -> Msg.SETTINGS_CLASS_PAYMENT_TERMINAL;
            case BARCODE_SCANNER -> Msg.SETTINGS_CLASS_BARCODE_SCANNER;
        };
    }

    /** The words of a connection's kind. */
    public static Msg kindMsg(Connection.Kind k) {
        return switch (k) {
            case SERIAL -> Msg.SETTINGS_KIND_SERIAL;
            case TCP -> Msg.SETTINGS_KIND_TCP;
            case CUPS -> Msg.SETTINGS_KIND_CUPS;
            case FILE -> Msg.SETTINGS_KIND_FILE;
            case KEYBOARD -> Msg.SETTINGS_KIND_KEYBOARD;
            case SIM -> Msg.SETTINGS_KIND_SIM;
            case OTHER -> Msg.SETTINGS_KIND_OTHER;
        };
    }

    /** The words of a service (its home tile's title). */
    public static Msg serviceMsg(String configName) {
        for (Feature f : Feature.values()) {
            if (f.configName().equals(configName)) {
                return AttractViewModel.featureName(f);
            }
        }
        throw new IllegalArgumentException("no service " + configName);
    }

    /** The lists of choices on the devices page. */
    public enum Choice {
        DRIVER,
        PORT,
        QUEUE,
        BAUD
    }

    /** The number steppers of the offer page. */
    public enum Stepper {
        INACTIVITY,
        WARNING,
        VOLUME
    }

    /**
     * A choice's id for tests and the tour: from the value where it makes one ({@code
     * settings-driver-escpos}, {@code settings-baud-115200}), else its place ({@code settings-port-0}).
     */
    public static String choiceId(Choice what, String value, int index) {
        String prefix = "settings-" + what.name().toLowerCase(Locale.ROOT) + "-";
        boolean plain = !value.isEmpty()
                && value.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
        return prefix + (plain ? value : Integer.toString(index));
    }

    /** A stepper's ids: its value (0), less (-1), more (1): {@code settings-volume-more}. */
    public static String stepperId(Stepper which, int part) {
        String base = "settings-" + which.name().toLowerCase(Locale.ROOT);
        return base + (part == 0 ? "-value" : part < 0 ? "-less" : "-more");
    }

    /** The kinds of connection offered: the simulator only on a demo kiosk. */
    public List<Connection.Kind> kinds() {
        List<Connection.Kind> all = new ArrayList<>(List.of(Connection.Kind.values()));
        if (!settings.demo()) {
            all.remove(Connection.Kind.SIM);
        }
        return all;
    }

    // ---- properties -----------------------------------------------------------------------------

    public I18n i18n() {
        return i18n;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<DeviceRow> deviceRows() {
        return deviceRows;
    }

    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty driverProperty() {
        return driver;
    }

    public ObjectProperty<Connection.Kind> kindProperty() {
        return kind;
    }

    /** The serial port or file path, the host, the queue, or the connection's text (other). */
    public StringProperty targetProperty() {
        return target;
    }

    /** The baud rate (serial) or the TCP port. */
    public StringProperty numberProperty() {
        return number;
    }

    public ObservableList<String> drivers() {
        return drivers;
    }

    public ObservableList<String> ports() {
        return ports;
    }

    public ObservableList<String> queues() {
        return queues;
    }

    /** The chosen driver's options, as edited. */
    public ObservableList<OptionRow> options() {
        return options;
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public StringProperty hallZhProperty() {
        return hallZh;
    }

    public StringProperty hallEnProperty() {
        return hallEn;
    }

    public StringProperty hotlineProperty() {
        return hotline;
    }

    public StringProperty logoProperty() {
        return logo;
    }

    public BooleanProperty englishFirstProperty() {
        return englishFirst;
    }

    public BooleanProperty elderlyProperty() {
        return elderly;
    }

    public IntegerProperty inactivityProperty() {
        return inactivity;
    }

    public IntegerProperty warningProperty() {
        return warning;
    }

    public BooleanProperty voiceOnProperty() {
        return voiceOn;
    }

    public IntegerProperty volumeProperty() {
        return volume;
    }

    public Map<String, BooleanProperty> services() {
        return services;
    }

    public Map<String, BooleanProperty> afterHours() {
        return afterHours;
    }

    public Map<DayOfWeek, StringProperty> hours() {
        return hours;
    }

    public ObservableList<TypeRow> types() {
        return types;
    }

    public StringProperty typeCodeProperty() {
        return typeCode;
    }

    public StringProperty typeZhProperty() {
        return typeZh;
    }

    public StringProperty typeEnProperty() {
        return typeEn;
    }
}
