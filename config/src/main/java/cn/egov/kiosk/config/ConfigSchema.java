package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.JsonSchemas;
import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.KeyTables;
import cn.egov.kiosk.common.schema.MapSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Problem.Kind;
import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.schema.Types;
import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration file's schema: the sections (each declared by its record: {@link Kiosk#SCHEMA},
 * {@link Platform#SCHEMA}...) and the devices, whose drivers come from the registry, so it is made
 * for one.
 */
public final class ConfigSchema {
    public static final Key<Kiosk> KIOSK =
            Key.required("kiosk", Kiosk.SCHEMA).doc("终端信息", "Which kiosk this is and where it stands");
    public static final Key<Ui> UI = Key.defaults("ui", Ui.SCHEMA).doc("界面", "The screen");
    public static final Key<Session> SESSION =
            Key.defaults("session", Session.SCHEMA).doc("会话超时", "When an unattended session ends");
    public static final Key<Identity> IDENTITY =
            Key.defaults("identity", Identity.SCHEMA).doc("身份核验", "How citizens identify themselves");
    public static final Key<Storage> STORAGE =
            Key.required("storage", Storage.SCHEMA).doc("本地存储", "Where the kiosk keeps its data");
    public static final Key<Queue> QUEUE = Key.required("queue", Queue.SCHEMA).doc("排队叫号", "Taking queue numbers");
    public static final Key<PaymentSettings> PAYMENTS = Key.defaults("payments", PaymentSettings.SCHEMA)
            .doc("缴费：结果未明的支付的核实、日结对账", "Payments: those left in doubt, the daily reconciliation");
    public static final Key<Optional<Platform>> PLATFORM = Key.optional("platform", Platform.SCHEMA)
            .doc("政务服务平台；没有这一节时终端独立运行", "The cloud platform; without it the kiosk runs alone");

    public static final Key<Hours> HOURS = Key.defaults("hours", Hours.SCHEMA)
            .doc("开放时间，以及开放时间以外提供的服务", "The opening hours, and what is offered outside them");
    public static final Key<Voice> VOICE = Key.defaults("voice", Voice.SCHEMA).doc("语音播报", "Spoken guidance");

    private static final String CONNECTION_EXPECTED =
            "a connection in quotes: \"sim:\", \"serial:/dev/ttyUSB0?baud=115200\", \"tcp:HOST:PORT\" or \"file:/dev/usb/lp0\"";

    private final DriverRegistry registry;
    private final Key<Map<String, DeviceSpec>> devices;
    private final ObjectSchema<KioskConfig> root;

    private ConfigSchema(DriverRegistry registry) {
        this.registry = registry;
        this.devices = Key.required(
                        "devices",
                        MapSchema.of(
                                KioskConfig.DEVICE_ID,
                                "a device id of a lowercase letter or digit and up to 31 more lowercase letters, digits and hyphens, such as ticket-printer",
                                device(),
                                "a mapping from device id to {class, driver, connection, options}, at least one device",
                                1,
                                true))
                .doc(
                        "外设：设备编号到设备的映射，至少一个；每台设备由其驱动检查",
                        "The devices, by id; at least one; each is checked by its driver");
        this.root = ObjectSchema.of(
                "a mapping",
                List.of(KIOSK, UI, SESSION, IDENTITY, STORAGE, QUEUE, PAYMENTS, PLATFORM, devices, HOURS, VOICE),
                v -> {
                    try {
                        return new KioskConfig(
                                v.reading().file(),
                                v.get(KIOSK),
                                v.get(UI),
                                v.get(SESSION),
                                v.get(IDENTITY),
                                v.get(STORAGE),
                                v.get(QUEUE),
                                v.get(PAYMENTS),
                                v.get(PLATFORM),
                                List.copyOf(v.get(devices).values()),
                                v.get(HOURS),
                                v.get(VOICE));
                    } catch (RuntimeException e) {
                        // The schema mirrors the records' own checks; this would be a bug, but say what it is.
                        throw v.reading().invalid("", null, "a consistent configuration", e.getMessage());
                    }
                });
    }

    /** The schema for the drivers in {@code registry}. */
    public static ConfigSchema of(DriverRegistry registry) {
        return new ConfigSchema(registry);
    }

    /** The whole file. */
    public ObjectSchema<KioskConfig> root() {
        return root;
    }

    /** The JSON Schema of a configuration file, for editors ({@code config/config.schema.json}). */
    public String jsonSchema() {
        return JsonSchemas.document(
                root,
                "https://kiosk.egov.cn/schema/config.schema.json",
                "政务服务自助终端配置 / Kiosk configuration",
                "One kiosk's configuration: config/README.md explains every key. 每个键的说明见 config/README.md。");
    }

    /** The key table of a section ({@code kiosk}, {@code devices}...), as config/README.md shows it. */
    public String table(String section) {
        return root.keys().stream()
                .filter(k -> k.name().equals(section))
                .findFirst()
                .map(KeyTables::sectionTable)
                .orElseThrow(() -> new IllegalArgumentException("no section " + section));
    }

    /** The {@code devices} section. */
    public Key<Map<String, DeviceSpec>> devices() {
        return devices;
    }

    private ObjectSchema<DeviceSpec> device() {
        List<String> classNames =
                Arrays.stream(DeviceClass.values()).map(DeviceClass::configName).toList();
        Key<DeviceClass> deviceClass = Key.required("class", Types.oneOf(DeviceClass.class, DeviceClass::configName))
                .doc("设备类别", "The device class")
                .example(classNames.get(0));
        // any text: the registry says which drivers there are, and which class each drives
        ObjectNode driverJson = JsonNodeFactory.instance.objectNode().put("type", "string");
        registry.all().keySet().forEach(driverJson.putArray("enum")::add);
        Schema<String> driverName = Types.scalar(
                "a driver, one of " + registry.all().keySet(), driverJson, (text, node, path, r) -> text, s -> s);
        Key<String> driver = Key.required("driver", driverName)
                .doc(
                        "驱动：sim 模拟各类设备；escpos、sam、pcsc、cups、serial-scanner、wedge、zvt 驱动真实设备；厂商驱动另加名称",
                        "The driver: sim simulates every class; escpos, sam, pcsc, cups, serial-scanner, wedge and zvt drive real devices; vendor drivers add their own names")
                .example("escpos");
        Key<String> connection = Key.required("connection", Types.text(CONNECTION_EXPECTED))
                .doc("设备在哪里（见下文）", "Where the device is (see below)")
                .example("\"serial:/dev/ttyUSB0?baud=115200\"");
        ObjectNode optionValue = JsonNodeFactory.instance.objectNode();
        optionValue.putArray("type").add("string").add("number").add("boolean");
        Schema<String> optionText =
                Types.scalar("a number, a text or true/false", optionValue, (text, node, path, r) -> text, s -> s);
        Key<Map<String, String>> options = Key.optional(
                        "options",
                        MapSchema.of(
                                null,
                                "",
                                optionText,
                                "a mapping of option names to values, such as {columns: 48}",
                                0,
                                false),
                        Map.<String, String>of())
                .doc("驱动选项（见下文）；未知选项是错误", "The driver's options (see below); an unknown option is an error")
                .example("{columns: 48}");
        return ObjectSchema.of("a device", List.of(deviceClass, driver, connection, options), v -> {
            if (!KioskConfig.DEVICE_ID.matcher(v.name()).matches()) {
                throw Reading.rejected(); // the id is reported
            }
            DeviceSpec spec =
                    new DeviceSpec(v.name(), v.get(deviceClass), v.get(driver), v.get(connection), v.get(options));
            List<SpecProblem> found = new ArrayList<>(registry.validate(spec));
            boolean demo = v.reading().fact(Kiosk.DEMO).orElse(true);
            if (!demo
                    && registry.find(spec.driver())
                            .map(p -> p.simulatesHardware())
                            .orElse(false)) {
                found.add(new SpecProblem(
                        "driver",
                        "a driver for real hardware (\"" + spec.driver()
                                + "\" simulates the device: only with kiosk.demo: true; leave out a device the kiosk does not have)",
                        spec.driver()));
            }
            for (SpecProblem p : found) {
                report(v.path(), v.node(), p, v.reading());
            }
            if (!found.isEmpty()) {
                throw Reading.rejected();
            }
            return spec;
        });
    }

    /** A driver's problem with a device, with the device's key path and the line of that key. */
    private static void report(String devicePath, MapNode device, SpecProblem p, Reading r) {
        String[] parts = p.key().split("\\.");
        Node at = device;
        Entry last = null;
        for (String part : parts) {
            if (at instanceof MapNode m && m.entries().containsKey(part)) {
                last = m.entries().get(part);
                at = last.value();
            } else {
                break;
            }
        }
        String key = devicePath + "." + p.key();
        String lastPart = parts[parts.length - 1];
        boolean unknownOption = parts.length == 2
                && parts[0].equals("options")
                && lastPart.equals(p.found())
                && p.expected().startsWith("one of ");
        if (unknownOption) {
            String expected = p.expected().equals("one of []")
                    ? "no options (this driver takes none for this class)"
                    : p.expected();
            r.add(key, last == null ? at.line() : last.keyLine(), Kind.UNKNOWN_KEY, expected, null);
        } else {
            r.add(key, at.line(), Kind.INVALID, p.expected(), p.found() == null ? null : Reading.quote(p.found()));
        }
    }
}
