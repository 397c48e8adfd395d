package cn.egov.kiosk.settings;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.Problem;
import cn.egov.kiosk.common.yaml.YamlEdit;
import cn.egov.kiosk.config.BusinessType;
import cn.egov.kiosk.config.ConfigEditor;
import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.Hours;
import cn.egov.kiosk.config.Kiosk;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.config.LocalizedText;
import cn.egov.kiosk.config.Queue;
import cn.egov.kiosk.config.Session;
import cn.egov.kiosk.config.Ui;
import cn.egov.kiosk.config.Voice;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.SerialPorts;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the staff's settings screens use: the configuration file changed through its declarations
 * ({@link ConfigEditor}: checked as a whole before anything is written, replaced atomically, the
 * comments kept), each value changed audited as {@code config.change} with the actor, the key and the
 * values before and after, the running kiosk told ({@link LiveConfig}), and a device changed
 * reopened by the device manager on its new settings. Every method may block (the file, a device, a
 * process): call it off the JavaFX thread. One save at a time.
 */
public final class Settings {
    private static final Logger log = LoggerFactory.getLogger(Settings.class);

    /** The audit event's kind. */
    public static final String AUDIT_KIND = "config.change";

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

    /** When a changed value takes effect. */
    public enum Effect {
        /** At once (for the next citizen where it is a citizen's default). */
        NOW,
        /** At the next start of the kiosk: the value is saved. */
        NEXT_START
    }

    /**
     * One value of what the kiosk offers, as the screen edits it: where it is in the file, its
     * declaration, how to read it from a configuration, and when a change takes effect.
     */
    public record Value<T>(String mapping, Key<T> key, Function<KioskConfig, T> read, Effect effect) {
        /** The dotted key path, {@code kiosk.hallName}. */
        public String path() {
            return mapping + "." + key.name();
        }

        /** The value as written in the file. */
        public String yaml(T value) {
            return key.schema().toYaml(value);
        }
    }

    public static final Value<LocalizedText> HALL_NAME =
            new Value<>("kiosk", Kiosk.HALL_NAME, c -> c.kiosk().hallName(), Effect.NOW);
    public static final Value<String> HOTLINE =
            new Value<>("kiosk", Kiosk.HOTLINE, c -> c.kiosk().hotline(), Effect.NOW);
    public static final Value<List<Locale>> LANGUAGES =
            new Value<>("kiosk", Kiosk.LOCALES, c -> c.kiosk().locales(), Effect.NOW);
    public static final Value<String> THEME = new Value<>("ui", Ui.THEME, c -> c.ui().theme(), Effect.NOW);
    public static final Value<List<String>> SERVICES =
            new Value<>("ui", Ui.SERVICES_KEY, c -> c.ui().services(), Effect.NEXT_START);
    public static final Value<Optional<Path>> LOGO = new Value<>("ui", Ui.LOGO, c -> c.ui().logo(), Effect.NOW);
    public static final Value<Integer> INACTIVITY =
            new Value<>("session", Session.INACTIVITY_TIMEOUT, c -> c.session().inactivityTimeoutSeconds(), Effect.NOW);
    public static final Value<Integer> WARNING =
            new Value<>("session", Session.WARNING, c -> c.session().warningSeconds(), Effect.NOW);
    public static final Value<Integer> FINISHED =
            new Value<>("session", Session.FINISHED, c -> c.session().finishedSeconds(), Effect.NEXT_START);
    public static final Value<Boolean> VOICE_ON =
            new Value<>("voice", Voice.ON_BY_DEFAULT, c -> c.voice().onByDefault(), Effect.NOW);
    public static final Value<Integer> VOLUME =
            new Value<>("voice", Voice.VOLUME, c -> c.voice().volume(), Effect.NOW);
    public static final Value<List<BusinessType>> BUSINESS_TYPES =
            new Value<>("queue", Queue.BUSINESS_TYPES, c -> c.queue().businessTypes(), Effect.NEXT_START);
    public static final Value<List<String>> AFTER_HOURS =
            new Value<>("hours", Hours.AFTER_HOURS, c -> c.hours().afterHours(), Effect.NOW);

    /** A weekday's opening hours. */
    public static Value<String> hoursOn(DayOfWeek day) {
        return new Value<>(
                "hours",
                Hours.DAY_KEYS.get(day.ordinal()),
                c -> c.hours().days().get(day),
                Effect.NOW);
    }

    /** A value to change, and its new value. */
    public record Change<T>(Value<T> value, T to) {
        public Change {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(to, "to");
        }
    }

    /** What a save came to. */
    public sealed interface Outcome permits Saved, Refused, Failed {}

    /**
     * Saved: the configuration now; the keys that changed (nothing when every value was as before);
     * whether some takes effect only at the next start.
     */
    public record Saved(KioskConfig config, List<String> changed, boolean needsRestart) implements Outcome {}

    /** Not saved, the file unchanged: what the declarations say about the values, one line each. */
    public record Refused(List<String> problems) implements Outcome {}

    /** Not saved: the file could not be read or written. */
    public record Failed(String why) implements Outcome {}

    /** What a device's test came to, said to staff by kind, with the driver's own words as detail. */
    public record TestResult(TestOutcome outcome, String detail) {}

    public enum TestOutcome {
        /** Opened, and its health check passed. */
        WORKS,
        /** Opened, but its health check found a problem (paper out, cover open...). */
        UNHEALTHY,
        /** Could not be opened or did not answer. */
        NO_ANSWER,
        /** The settings themselves are not valid: nothing was tried. */
        INVALID
    }

    private final Path file;
    private final LiveConfig live;
    private final DeviceManager devices;
    private final DriverRegistry drivers;
    private final ConfigAudit audit;
    private final Clock clock;
    private final Supplier<String> actor;

    /**
     * @param actor who is changing the configuration ("STAFF", "ENGINEER"), asked at each save
     */
    public Settings(
            Path file,
            LiveConfig live,
            DeviceManager devices,
            DriverRegistry drivers,
            ConfigAudit audit,
            Clock clock,
            Supplier<String> actor) {
        this.file = Objects.requireNonNull(file, "file");
        this.live = live;
        this.devices = devices;
        this.drivers = drivers;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
    }

    /** The configuration now. */
    public KioskConfig config() {
        return live.get();
    }

    /** {@code listener} hears every configuration saved from now on (on the saving thread). */
    public void onChange(Consumer<KioskConfig> listener) {
        live.onChange(listener);
    }

    /** Whether this is a demo kiosk: only then may a device be switched to its simulator. */
    public boolean demo() {
        return live.get().kiosk().demo();
    }

    // ---- what the kiosk offers -----------------------------------------------------------------

    /** Saves the changes together (each one checked, all or none), audits each value changed. */
    public synchronized Outcome save(List<Change<?>> changes) {
        KioskConfig before = live.get();
        List<ConfigEditor.Change> edits = new ArrayList<>();
        Map<String, String[]> fromTo = new LinkedHashMap<>();
        boolean restart = false;
        for (Change<?> c : changes) {
            String[] ft = fromTo(c, before);
            if (ft[0].equals(ft[1])) {
                continue;
            }
            fromTo.put(c.value().path(), ft);
            // an optional value left empty (no logo): the key goes
            edits.add(
                    ft[1].isEmpty()
                            ? new ConfigEditor.Remove(c.value().path())
                            : new ConfigEditor.Put(c.value().path(), ft[1]));
            restart |= c.value().effect() == Effect.NEXT_START;
        }
        if (edits.isEmpty()) {
            return new Saved(before, List.of(), false);
        }
        Outcome o = write(edits);
        if (o instanceof Saved s) {
            fromTo.forEach((path, ft) -> record(path, ft[0], ft[1]));
            live.set(s.config());
            return new Saved(s.config(), List.copyOf(fromTo.keySet()), restart);
        }
        return o;
    }

    private static <T> String[] fromTo(Change<T> c, KioskConfig before) {
        Value<T> v = c.value();
        return new String[] {yaml(v, v.read().apply(before)), yaml(v, c.to())};
    }

    /** A value as written in the file; "" for an optional value that is empty. */
    private static <T> String yaml(Value<T> v, T value) {
        return value instanceof Optional<?> o && o.isEmpty() ? "" : v.yaml(value);
    }

    // ---- devices -------------------------------------------------------------------------------

    /** The devices configured, in the file's order. */
    public List<DeviceSpec> devices() {
        return live.get().devices();
    }

    /** The drivers that drive a class, by name; the simulator only on a demo kiosk. */
    public List<String> drivers(DeviceClass deviceClass) {
        boolean demo = demo();
        return drivers.all().values().stream()
                .filter(p -> p.deviceClasses().contains(deviceClass))
                .filter(p -> demo || !p.simulatesHardware())
                .map(DeviceDriverProvider::name)
                .toList();
    }

    /**
     * The options a driver reads for a device of a class, each with its default and what it accepts
     * (none for a driver that does not declare them).
     */
    public List<OptionDeclaration> options(String driver, DeviceClass deviceClass) {
        return drivers.options(driver, deviceClass);
    }

    /**
     * The serial ports to choose from: those the machine has, and every serial path the
     * configuration holds now (a pseudo-terminal is not listed by the system).
     */
    public List<String> serialPorts() {
        Set<String> ports = new TreeSet<>(SerialPorts.available());
        for (DeviceSpec d : devices()) {
            Connection c = Connection.parse(d.connection());
            if (c.kind() == Connection.Kind.SERIAL && !c.target().isEmpty()) {
                ports.add(c.target());
            }
        }
        return List.copyOf(ports);
    }

    /** The print queues CUPS has ({@code lpstat -e}), and those the configuration names. */
    public List<String> printerQueues() {
        Set<String> queues = new TreeSet<>();
        try {
            Process p = new ProcessBuilder("lpstat", "-e")
                    .redirectErrorStream(false)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                if (p.waitFor(3, TimeUnit.SECONDS)) {
                    out.lines()
                            .map(String::strip)
                            .filter(l -> l.matches("[A-Za-z0-9_.@-]+"))
                            .forEach(queues::add);
                } else {
                    p.destroyForcibly();
                }
            }
        } catch (IOException e) {
            log.debug("lpstat cannot run: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DeviceSpec d : devices()) {
            Connection c = Connection.parse(d.connection());
            if (c.kind() == Connection.Kind.CUPS && !c.target().isEmpty()) {
                queues.add(c.target());
            }
        }
        return List.copyOf(queues);
    }

    /** A device id not yet used, for a new device of this class: {@code receipt-printer}, {@code receipt-printer-2}. */
    public String freeId(DeviceClass deviceClass) {
        String base = deviceClass.configName();
        Set<String> used = devices().stream().map(DeviceSpec::id).collect(Collectors.toSet());
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!used.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    /**
     * Saves a device's settings (a new id adds it), audited; the device manager reopens it on them
     * at once.
     */
    public synchronized Outcome saveDevice(DeviceSpec spec) {
        Optional<DeviceSpec> before = live.get().device(spec.id());
        List<ConfigEditor.Change> edits = deviceEdits(spec, before);
        if (edits.isEmpty()) {
            return new Saved(live.get(), List.of(), false);
        }
        Outcome o = write(edits);
        if (o instanceof Saved s) {
            String prefix = "devices." + spec.id();
            if (before.isEmpty()) {
                record(prefix, "", describe(spec));
            } else {
                DeviceSpec b = before.get();
                recordIfChanged(
                        prefix + ".class",
                        b.deviceClass().configName(),
                        spec.deviceClass().configName());
                recordIfChanged(prefix + ".driver", b.driver(), spec.driver());
                recordIfChanged(prefix + ".connection", b.connection(), spec.connection());
                recordIfChanged(prefix + ".options", audited(b.options()), audited(spec.options()));
            }
            live.set(s.config());
            devices.reconfigure(s.config().device(spec.id()).orElse(spec));
            return new Saved(s.config(), List.of(prefix), false);
        }
        return o;
    }

    /** Takes a device out of the configuration (no longer fitted), audited; the device manager closes it. */
    public synchronized Outcome removeDevice(String id) {
        Optional<DeviceSpec> before = live.get().device(id);
        if (before.isEmpty()) {
            return new Saved(live.get(), List.of(), false);
        }
        Outcome o = write(List.of(new ConfigEditor.Remove("devices." + id)));
        if (o instanceof Saved s) {
            record("devices." + id, describe(before.get()), "");
            live.set(s.config());
            devices.remove(id);
            return new Saved(s.config(), List.of("devices." + id), false);
        }
        return o;
    }

    /**
     * Opens the device as {@code spec} describes it, without saving anything, and runs its health
     * check ({@code EXTERNAL}: it asks the hardware). The device running with the very same settings
     * is asked directly (its port is its own); otherwise a device is built for the test and closed
     * after it, while the running device of that id (if any) is closed so that the test has the port
     * to itself ({@link DeviceManager#whileClosed}).
     */
    public TestResult test(DeviceSpec spec) {
        try {
            ConfigEditor.check(file, deviceEdits(spec, live.get().device(spec.id())));
        } catch (ConfigException e) {
            return new TestResult(TestOutcome.INVALID, String.join("\n", plain(e)));
        } catch (IOException e) {
            return new TestResult(TestOutcome.INVALID, e.getMessage());
        }
        Optional<Device> running = devices.device(spec.id())
                .filter(d -> live.get().device(spec.id()).map(spec::equals).orElse(false))
                .filter(Device::isEnabled);
        if (running.isPresent()) {
            return check(running.get());
        }
        // the device of that id, running with other settings (or trying to), holds its port: it is
        // closed while the test has the port, then comes up again with the settings it runs with
        return devices.whileClosed(spec.id(), () -> testBuilt(spec));
    }

    private TestResult testBuilt(DeviceSpec spec) {
        Device device = drivers.create(spec, new DeviceContext(StatisticsStore.NONE, clock, new SimulatorRegistry()));
        try {
            device.open();
            device.claim(CLAIM_TIMEOUT);
            device.enable();
            return check(device);
        } catch (DeviceException | RuntimeException e) {
            return new TestResult(TestOutcome.NO_ANSWER, e instanceof DeviceException de ? de.summary() : e.toString());
        } finally {
            device.close();
        }
    }

    private static TestResult check(Device device) {
        try {
            HealthReport r = device.checkHealth(HealthLevel.EXTERNAL);
            return new TestResult(r.healthy() ? TestOutcome.WORKS : TestOutcome.UNHEALTHY, r.text());
        } catch (DeviceException e) {
            return new TestResult(TestOutcome.NO_ANSWER, e.summary());
        }
    }

    private static List<ConfigEditor.Change> deviceEdits(DeviceSpec spec, Optional<DeviceSpec> before) {
        String at = "devices." + spec.id();
        List<ConfigEditor.Change> edits = new ArrayList<>();
        if (before.isEmpty()) {
            // key by key, so that the new device is written in block style like its siblings: a later
            // change of one of its values edits that value only (a flow mapping's keys cannot be removed)
            edits.add(new ConfigEditor.Put(at + ".class", spec.deviceClass().configName()));
            edits.add(new ConfigEditor.Put(at + ".driver", YamlEdit.scalar(spec.driver())));
            edits.add(new ConfigEditor.Put(at + ".connection", quoted(spec.connection())));
            if (!spec.options().isEmpty()) {
                edits.add(new ConfigEditor.Put(at + ".options", options(spec.options())));
            }
            return edits;
        }
        DeviceSpec b = before.get();
        if (b.equals(spec)) {
            return edits;
        }
        if (b.deviceClass() != spec.deviceClass()) {
            edits.add(new ConfigEditor.Put(at + ".class", spec.deviceClass().configName()));
        }
        if (!b.driver().equals(spec.driver())) {
            edits.add(new ConfigEditor.Put(at + ".driver", YamlEdit.scalar(spec.driver())));
        }
        if (!b.connection().equals(spec.connection())) {
            edits.add(new ConfigEditor.Put(at + ".connection", quoted(spec.connection())));
        }
        if (!b.options().equals(spec.options())) {
            // the whole value in one Put: this works whether the device is written in block or flow
            // style; none left: the key goes (devices added on screen are written in block style)
            edits.add(
                    spec.options().isEmpty()
                            ? new ConfigEditor.Remove(at + ".options")
                            : new ConfigEditor.Put(at + ".options", options(spec.options())));
        }
        return edits;
    }

    private static String options(Map<String, String> options) {
        return options.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                // a number or true/false as YAML writes it (the file's own style), any other text quoted where it must
                // be
                .map(e -> e.getKey() + ": "
                        + (e.getValue().matches("-?[0-9]{1,18}|true|false")
                                ? e.getValue()
                                : YamlEdit.scalar(e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Options as the audit keeps them, by name; a password's value hidden (a terminal's ECR password). */
    static String audited(Map<String, String> options) {
        Map<String, String> shown = new TreeMap<>();
        options.forEach((k, v) -> shown.put(k, k.toLowerCase(Locale.ROOT).contains("password") ? "******" : v));
        return shown.toString();
    }

    private static String quoted(String text) {
        return YamlEdit.doubleQuoted(text, Integer.MAX_VALUE);
    }

    private static String describe(DeviceSpec spec) {
        return spec.deviceClass().configName() + " " + spec.driver() + " " + spec.connection();
    }

    // ---- the file and the audit ------------------------------------------------------------------

    private Outcome write(List<ConfigEditor.Change> edits) {
        try {
            return new Saved(ConfigEditor.apply(file, edits), List.of(), false);
        } catch (ConfigException e) {
            return new Refused(plain(e));
        } catch (IOException e) {
            log.warn("The configuration could not be saved: {}", e.getMessage());
            return new Failed(e.getMessage());
        }
    }

    /** Each problem as key, what is expected and what was found; no file or line (staff see the screen). */
    private static List<String> plain(ConfigException e) {
        List<String> lines = new ArrayList<>();
        for (Problem p : e.problems()) {
            lines.add(p.key() + ": " + p.expected()
                    + p.found().map(f -> " (" + f + ")").orElse(""));
        }
        return lines.isEmpty() ? List.of(e.getMessage()) : lines;
    }

    private void recordIfChanged(String key, String from, String to) {
        if (!from.equals(to)) {
            record(key, from, to);
        }
    }

    private void record(String key, String from, String to) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("key", key);
        detail.put("from", from);
        detail.put("to", to);
        audit.record(clock.instant(), AUDIT_KIND, actor.get(), detail);
        log.info("Configuration changed by {}: {}", actor.get(), key);
    }
}
