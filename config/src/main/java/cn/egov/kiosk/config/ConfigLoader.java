package cn.egov.kiosk.config;

import cn.egov.kiosk.config.ConfigProblem.Kind;
import cn.egov.kiosk.common.yaml.YamlTree;
import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.ListNode;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import cn.egov.kiosk.common.yaml.YamlTree.ScalarNode;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads a kiosk configuration file (YAML) into a {@link KioskConfig}.
 *
 * <p>The file is read token by token into a tree that keeps line numbers, then walked section by
 * section; every problem found is collected, and if there is any the whole lot is thrown as one
 * {@link ConfigException}. Devices are checked by their drivers through {@link
 * DriverRegistry#validate}, so a driver's options and connection rules live in one place.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Reads and checks a configuration file. Relative paths in it resolve against the directory
   * that contains it.
   *
   * @throws ConfigException listing every problem: the file missing or unreadable, a YAML syntax
   *     error, an unknown key, a wrong type, a missing or out-of-range value, a bad device
   */
  public static KioskConfig load(Path file) throws ConfigException {
    Objects.requireNonNull(file, "file");
    if (Files.isDirectory(file)) {
      throw unreadable(file, "a directory");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file (working directory " + Path.of("").toAbsolutePath() + ")");
    } catch (AccessDeniedException e) {
      throw unreadable(file, "no permission to read it");
    } catch (IOException e) {
      throw unreadable(file, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(new ConfigProblem(
          file, OptionalInt.empty(), "", Kind.UNREADABLE, "a text file in UTF-8", Optional.of("bytes that are not UTF-8 (save the file as UTF-8)")));
    }
    return parse(text, file);
  }

  /**
   * Reads and checks configuration text as if it came from {@code pretendSource}: messages name
   * that file, and relative paths resolve against its directory. The file need not exist.
   */
  public static KioskConfig parse(String yaml, Path pretendSource) throws ConfigException {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(pretendSource, "pretendSource");
    return new Run(pretendSource, DriverRegistry.load()).read(yaml);
  }

  private static ConfigException unreadable(Path file, String found) {
    return new ConfigException(new ConfigProblem(
        file, OptionalInt.empty(), "", Kind.UNREADABLE, "a readable YAML file", Optional.of(found)));
  }

  /** One reading of one file; collects the problems. */
  private static final class Run {
    private static final List<String> ROOT_KEYS = List.of("devices", "identity", "kiosk", "platform", "queue", "session", "storage", "ui");
    private static final List<String> PLATFORM_KEYS = List.of(
        "caFile", "clockDriftWarnSeconds", "credentialsFile", "hallId", "heartbeatSeconds", "keyFile", "maxClockCorrectionSeconds", "pins",
        "registrationCode", "rotateDays", "staleAfterHours", "syncMinutes", "url");
    private static final List<String> KIOSK_KEYS = List.of("demo", "hallName", "hotline", "id", "locales", "staffPin", "timeZone");
    private static final List<String> UI_KEYS = List.of("fullScreen", "theme");
    private static final List<String> SESSION_KEYS = List.of("finishedSeconds", "inactivityTimeoutSeconds", "warningSeconds");
    private static final List<String> IDENTITY_KEYS = List.of("cardRemovalEndsSession", "readTimeoutSeconds", "socialSecurityCard");
    private static final List<String> STORAGE_KEYS = List.of("dataDir", "database");
    private static final List<String> QUEUE_KEYS = List.of("businessTypes", "printMaskedId");
    private static final List<String> BUSINESS_TYPE_KEYS = List.of("code", "description", "name");
    private static final List<String> DEVICE_KEYS = List.of("class", "connection", "driver", "options");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final String PIN_EXPECTED = "4 to 12 digits in quotes";
    private static final int MAX_SHOWN = 60;

    private final Path file;
    private final DriverRegistry registry;
    /** kiosk.demo, once read: simulated devices are allowed only then (null: unknown). */
    private Boolean demo;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Run(Path file, DriverRegistry registry) {
      this.file = file;
      this.registry = registry;
    }

    KioskConfig read(String yaml) throws ConfigException {
      if (!yaml.isEmpty() && yaml.charAt(0) == '\uFEFF') {
        yaml = yaml.substring(1); // a byte-order mark, as some Windows editors write
      }
      YamlTree.Parsed parsed;
      try {
        parsed = YamlTree.parse(yaml);
      } catch (YamlTree.SyntaxError e) {
        throw new ConfigException(new ConfigProblem(
            file, lineOf(e.line()), "", Kind.SYNTAX,
            "well-formed YAML (indent with spaces, a space after every colon, quotes closed)",
            Optional.of(e.getMessage())));
      }
      for (YamlTree.Duplicate d : parsed.duplicates()) {
        add(d.path(), d.line(), Kind.DUPLICATE_KEY, "each key once (first given at line " + d.firstLine() + ")", null);
      }
      if (parsed.secondDocumentLine() > 0) {
        add("", parsed.secondDocumentLine(), Kind.INVALID, "one YAML document", "a second document (---)");
      }
      Node root = parsed.root();
      KioskConfig result = null;
      if (root == null || isAbsent(root)) {
        add("", 0, Kind.INVALID, "a mapping with the keys " + ROOT_KEYS, "an empty file");
      } else if (!(root instanceof MapNode rootMap)) {
        add("", root.line(), Kind.INVALID, "a mapping with the keys " + ROOT_KEYS, describe(root));
      } else {
        result = readRoot(new Section(rootMap, "", ROOT_KEYS));
      }
      if (!problems.isEmpty() || result == null) {
        throw new ConfigException(problems);
      }
      return result;
    }

    private KioskConfig readRoot(Section root) {
      Kiosk kiosk = readKiosk(root);
      Ui ui = readUi(root);
      Session session = readSession(root);
      Identity identity = readIdentity(root);
      Storage storage = readStorage(root);
      Queue queue = readQueue(root);
      Optional<Platform> platform = readPlatform(root, storage);
      List<DeviceSpec> devices = readDevices(root);
      if (!problems.isEmpty()) {
        return null;
      }
      try {
        return new KioskConfig(file, kiosk, ui, session, identity, storage, queue, platform, devices);
      } catch (RuntimeException e) {
        // The checks above mirror the records' own; this would be a bug, but say what it is.
        add("", 0, Kind.INVALID, "a consistent configuration", e.getMessage());
        return null;
      }
    }

    // ---- sections ----

    private Kiosk readKiosk(Section root) {
      Section s = section(root, "kiosk", true, KIOSK_KEYS);
      if (s == null) {
        return null;
      }
      String id = matching(s, "id", true, Kiosk.ID, "1 to 16 letters, digits and hyphens, such as K01");
      LocalizedText hallName = localized(s, "hallName", true);
      String hotline = matching(s, "hotline", false, Kiosk.HOTLINE,
          "a phone number of up to 20 digits, spaces, hyphens, + and parentheses, in quotes, such as \"12345\"");
      ZoneId zone = null;
      Node zoneNode = s.value("timeZone");
      String zoneText = scalar(s, "timeZone", true, "a time-zone id such as Asia/Shanghai");
      if (zoneText != null) {
        try {
          zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
          invalid(s.path("timeZone"), zoneNode, "a time-zone id such as Asia/Shanghai", quote(zoneText));
        }
      }
      List<Locale> locales = readLocales(s);
      String pin = readStaffPin(s);
      Boolean isDemo = bool(s, "demo", false);
      demo = isDemo;
      if (id == null || hallName == null || zone == null || locales == null || pin == null || isDemo == null) {
        return null;
      }
      return new Kiosk(id, hallName, hotline == null ? "" : hotline, zone, locales, pin, isDemo);
    }

    private List<Locale> readLocales(Section s) {
      String expected = "a list of languages from " + Kiosk.SUPPORTED_LANGUAGE_TAGS + ", the default first, such as [zh-CN, en]";
      Node node = s.value("locales");
      if (node == null || isAbsent(node)) {
        return Kiosk.DEFAULT_LOCALES;
      }
      if (!(node instanceof ListNode list)) {
        invalid(s.path("locales"), node, expected, describe(node));
        return null;
      }
      if (list.items().isEmpty()) {
        invalid(s.path("locales"), node, expected, "an empty list");
        return null;
      }
      List<Locale> locales = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      boolean ok = true;
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String path = s.path("locales") + "[" + i + "]";
        String tag = text(item);
        if (tag == null || !Kiosk.SUPPORTED_LANGUAGE_TAGS.contains(tag)) {
          invalid(path, item, "one of " + Kiosk.SUPPORTED_LANGUAGE_TAGS, describe(item));
          ok = false;
        } else if (seen.containsKey(tag)) {
          invalid(path, item, "each language once (" + tag + " is already at line " + seen.get(tag) + ")", quote(tag));
          ok = false;
        } else {
          seen.put(tag, item.line());
          locales.add(Locale.forLanguageTag(tag));
        }
      }
      return ok ? locales : null;
    }

    private String readStaffPin(Section s) {
      Node node = s.value("staffPin");
      String path = s.path("staffPin");
      if (node == null || isAbsent(node)) {
        required(path, node, PIN_EXPECTED);
        return null;
      }
      // Never show the PIN itself: say only what kind of value it is.
      if (node instanceof ScalarNode sc && !sc.alias()) {
        if (sc.token() == JsonToken.VALUE_NUMBER_INT || sc.token() == JsonToken.VALUE_NUMBER_FLOAT) {
          invalid(path, node, PIN_EXPECTED, "a number without quotes (a leading 0 would be lost: write staffPin: \"…\")");
          return null;
        }
        if (sc.token() == JsonToken.VALUE_STRING && Kiosk.STAFF_PIN.matcher(sc.text()).matches()) {
          return sc.text();
        }
        invalid(path, node, PIN_EXPECTED, "a value that is not 4-12 digits");
        return null;
      }
      invalid(path, node, PIN_EXPECTED, describe(node));
      return null;
    }

    private Ui readUi(Section root) {
      Section s = section(root, "ui", false, UI_KEYS);
      if (s == null) {
        return Ui.DEFAULTS;
      }
      Boolean fullScreen = bool(s, "fullScreen", Ui.DEFAULTS.fullScreen());
      String theme = scalar(s, "theme", false, "one of " + Ui.THEMES);
      if (theme != null && !Ui.THEMES.contains(theme)) {
        invalid(s.path("theme"), s.value("theme"), "one of " + Ui.THEMES, quote(theme));
        theme = null;
      }
      if (fullScreen == null) {
        return null;
      }
      return new Ui(fullScreen, theme == null ? Ui.DEFAULTS.theme() : theme);
    }

    private Identity readIdentity(Section root) {
      Section s = section(root, "identity", false, IDENTITY_KEYS);
      if (s == null) {
        return Identity.DEFAULTS;
      }
      Integer timeout = integer(s, "readTimeoutSeconds", Identity.DEFAULT_READ_TIMEOUT_SECONDS,
          Identity.MIN_READ_TIMEOUT_SECONDS, Identity.MAX_READ_TIMEOUT_SECONDS, "");
      Boolean removalEnds = bool(s, "cardRemovalEndsSession", false);
      Boolean socialSecurity = bool(s, "socialSecurityCard", false);
      if (timeout == null || removalEnds == null || socialSecurity == null) {
        return null;
      }
      return new Identity(timeout, removalEnds, socialSecurity);
    }

    private Session readSession(Section root) {
      Section s = section(root, "session", false, SESSION_KEYS);
      if (s == null) {
        return Session.DEFAULTS;
      }
      Integer timeout = integer(s, "inactivityTimeoutSeconds", Session.DEFAULT_INACTIVITY_TIMEOUT_SECONDS,
          Session.MIN_INACTIVITY_TIMEOUT_SECONDS, Session.MAX_INACTIVITY_TIMEOUT_SECONDS, "");
      Integer warning = integer(s, "warningSeconds", Session.DEFAULT_WARNING_SECONDS,
          Session.MIN_WARNING_SECONDS, Session.MAX_WARNING_SECONDS,
          " (WCAG 2.2.1: at least 20 seconds to react)");
      Integer finished = integer(s, "finishedSeconds", Session.DEFAULT_FINISHED_SECONDS, Session.MIN_FINISHED_SECONDS, Session.MAX_FINISHED_SECONDS, "");
      if (timeout == null || warning == null || finished == null) {
        return null;
      }
      return new Session(timeout, warning, finished);
    }

    private Storage readStorage(Section root) {
      Section s = section(root, "storage", true, STORAGE_KEYS);
      if (s == null) {
        return null;
      }
      Path database = path(s, "database");
      Path dataDir = path(s, "dataDir");
      return database == null || dataDir == null ? null : new Storage(database, dataDir);
    }

    /** The optional platform section; null when it is there but bad (reported). */
    private Optional<Platform> readPlatform(Section root, Storage storage) {
      Section s = section(root, "platform", false, PLATFORM_KEYS);
      if (s == null) {
        return Optional.empty();
      }
      boolean ok = true;
      String urlExpected = "embedded (the simulator, demo mode only) or an http(s) URL such as https://platform.example.gov.cn";
      String httpsExpected = "an https URL such as https://platform.example.gov.cn: outside demo mode the kiosk's key, ID numbers and"
          + " applications never travel in clear (http:// is for the simulator, with kiosk.demo: true)";
      String urlText = scalar(s, "url", true, urlExpected);
      Optional<URI> url = Optional.empty();
      if (urlText == null) {
        ok = false;
      } else if (urlText.equals(Platform.EMBEDDED)) {
        if (Boolean.FALSE.equals(demo)) {
          invalid(s.path("url"), s.value("url"), "a platform URL (embedded needs kiosk.demo: true)", quote(urlText));
          ok = false;
        }
      } else {
        try {
          URI u = new URI(urlText);
          if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
            throw new URISyntaxException(urlText, "not an http(s) URL with a host");
          }
          if ("http".equals(u.getScheme()) && !Boolean.TRUE.equals(demo)) {
            invalid(s.path("url"), s.value("url"), httpsExpected, quote(urlText));
            ok = false;
          }
          url = Optional.of(u);
        } catch (URISyntaxException e) {
          invalid(s.path("url"), s.value("url"), urlExpected, quote(urlText));
          ok = false;
        }
      }
      String hallId = matching(s, "hallId", true, Platform.HALL_ID, "the hall's id on the platform: 1 to 32 letters, digits and hyphens");
      String code = scalar(s, "registrationCode", false, "the one-time registration code from the platform's console, in quotes");
      Path dataDir = storage == null ? null : storage.dataDir();
      Path credentials = s.value("credentialsFile") == null ? (dataDir == null ? null : dataDir.resolve("platform-credentials.json")) : path(s, "credentialsFile");
      Path keyFile = s.value("keyFile") == null ? (dataDir == null ? null : dataDir.resolve("store.key")) : path(s, "keyFile");
      Optional<Path> caFile = Optional.empty();
      if (s.value("caFile") != null && !isAbsent(s.value("caFile"))) {
        Path ca = path(s, "caFile");
        if (ca == null) {
          ok = false;
        } else {
          caFile = Optional.of(ca);
        }
      }
      List<String> pins = new ArrayList<>();
      Node pinNode = s.value("pins");
      String pinExpected = "a list of public-key pins, each sha256/ and 44 base64 characters";
      if (pinNode != null && !isAbsent(pinNode)) {
        if (!(pinNode instanceof ListNode list)) {
          invalid(s.path("pins"), pinNode, pinExpected, describe(pinNode));
          ok = false;
        } else {
          for (int i = 0; i < list.items().size(); i++) {
            String pin = text(list.items().get(i));
            if (pin == null || !Platform.PIN.matcher(pin).matches()) {
              invalid(s.path("pins") + "[" + i + "]", list.items().get(i), pinExpected, describe(list.items().get(i)));
              ok = false;
            } else {
              pins.add(pin);
            }
          }
        }
      }
      Integer sync = integer(s, "syncMinutes", Platform.DEFAULT_SYNC_MINUTES, 1, 1440, "");
      Integer stale = integer(s, "staleAfterHours", Platform.DEFAULT_STALE_AFTER_HOURS, 1, 720, "");
      Integer heartbeat = integer(s, "heartbeatSeconds", Platform.DEFAULT_HEARTBEAT_SECONDS, 10, 3600, "");
      Integer drift = integer(s, "clockDriftWarnSeconds", Platform.DEFAULT_CLOCK_DRIFT_WARN_SECONDS, 1, 3600, "");
      Integer maxCorrection = integer(s, "maxClockCorrectionSeconds", Platform.DEFAULT_MAX_CLOCK_CORRECTION_SECONDS, 10, 86_400, "");
      Integer rotate = integer(s, "rotateDays", Platform.DEFAULT_ROTATE_DAYS, 1, 365, "");
      if (!ok || hallId == null || credentials == null || keyFile == null || sync == null || stale == null || heartbeat == null || drift == null
          || maxCorrection == null || rotate == null) {
        return null;
      }
      return Optional.of(new Platform(
          url, hallId, Optional.ofNullable(code), credentials, keyFile, caFile, pins, sync, stale, heartbeat, drift, maxCorrection, rotate));
    }

    private Queue readQueue(Section root) {
      Section s = section(root, "queue", true, QUEUE_KEYS);
      if (s == null) {
        return null;
      }
      Boolean printMaskedId = bool(s, "printMaskedId", false);
      String expected = "a list of 1 to " + Queue.MAX_BUSINESS_TYPES + " business types, each with a code and a name";
      Node node = s.value("businessTypes");
      String path = s.path("businessTypes");
      if (node == null || isAbsent(node)) {
        required(path, node, expected);
        return null;
      }
      if (!(node instanceof ListNode list)) {
        invalid(path, node, expected, describe(node));
        return null;
      }
      if (list.items().isEmpty() || list.items().size() > Queue.MAX_BUSINESS_TYPES) {
        invalid(path, node, expected, list.items().isEmpty() ? "an empty list" : list.items().size() + " business types");
        return null;
      }
      List<BusinessType> types = new ArrayList<>();
      Map<String, Integer> codes = new HashMap<>();
      boolean ok = true;
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String itemPath = path + "[" + i + "]";
        if (!(item instanceof MapNode map)) {
          invalid(itemPath, item, "a business type with the keys " + BUSINESS_TYPE_KEYS, describe(item));
          ok = false;
          continue;
        }
        Section t = new Section(map, itemPath, BUSINESS_TYPE_KEYS);
        String code = matching(t, "code", true, BusinessType.CODE, "one capital letter A-Z");
        if (code != null) {
          Integer firstLine = codes.putIfAbsent(code, t.value("code").line());
          if (firstLine != null) {
            invalid(t.path("code"), t.value("code"),
                "a letter no other business type has (" + code + " is already used at line " + firstLine + ")", quote(code));
            code = null;
          }
        }
        LocalizedText name = localized(t, "name", true);
        LocalizedText description = localized(t, "description", false);
        if (code == null || name == null || description == null) {
          ok = false;
        } else {
          types.add(new BusinessType(code, name, description));
        }
      }
      if (!ok || printMaskedId == null) {
        return null;
      }
      return new Queue(printMaskedId, types);
    }

    private List<DeviceSpec> readDevices(Section root) {
      String expected = "a mapping from device id to {class, driver, connection, options}, at least one device";
      Node node = root.value("devices");
      if (node == null || isAbsent(node)) {
        required("devices", node, expected);
        return null;
      }
      if (!(node instanceof MapNode map)) {
        invalid("devices", node, expected, describe(node));
        return null;
      }
      if (map.entries().isEmpty()) {
        invalid("devices", node, expected, "an empty mapping");
        return null;
      }
      List<DeviceSpec> devices = new ArrayList<>();
      for (Entry e : map.entries().values()) {
        DeviceSpec spec = readDevice(e);
        if (spec != null) {
          devices.add(spec);
        }
      }
      return devices.size() == map.entries().size() ? devices : null;
    }

    private DeviceSpec readDevice(Entry e) {
      String id = e.key();
      String path = "devices." + id;
      boolean ok = true;
      if (!KioskConfig.DEVICE_ID.matcher(id).matches()) {
        add(path, e.keyLine(), Kind.INVALID,
            "a device id of a lowercase letter or digit and up to 31 more lowercase letters, digits and hyphens, such as ticket-printer",
            quote(id));
        ok = false;
      }
      if (!(e.value() instanceof MapNode deviceMap)) {
        if (isAbsent(e.value())) {
          required(path, e.value(), "a device with the keys " + DEVICE_KEYS);
        } else {
          invalid(path, e.value(), "a device with the keys " + DEVICE_KEYS, describe(e.value()));
        }
        return null;
      }
      Section s = new Section(deviceMap, path, DEVICE_KEYS);
      List<String> classNames = Arrays.stream(DeviceClass.values()).map(DeviceClass::configName).toList();
      String className = scalar(s, "class", true, "one of " + classNames);
      DeviceClass deviceClass = null;
      if (className != null) {
        deviceClass = DeviceClass.fromConfigName(className).orElse(null);
        if (deviceClass == null) {
          invalid(s.path("class"), s.value("class"), "one of " + classNames, quote(className));
        }
      }
      String driver = scalar(s, "driver", true, "a driver, one of " + registry.all().keySet());
      String connection = scalar(s, "connection", true,
          "a connection in quotes: \"sim:\", \"serial:/dev/ttyUSB0?baud=115200\", \"tcp:HOST:PORT\" or \"file:/dev/usb/lp0\"");
      Map<String, String> options = readOptions(s);
      if (!ok || deviceClass == null || driver == null || connection == null || options == null) {
        return null;
      }
      DeviceSpec spec = new DeviceSpec(id, deviceClass, driver, connection, options);
      List<SpecProblem> found = new ArrayList<>(registry.validate(spec));
      if (Boolean.FALSE.equals(demo) && registry.find(driver).map(p -> p.simulatesHardware()).orElse(false)) {
        found.add(
            new SpecProblem(
                "driver",
                "a driver for real hardware (\"" + driver + "\" simulates the device: only with kiosk.demo: true;"
                    + " leave out a device the kiosk does not have)",
                driver));
      }
      for (SpecProblem p : found) {
        addSpecProblem(path, deviceMap, p);
      }
      return found.isEmpty() ? spec : null;
    }

    private Map<String, String> readOptions(Section s) {
      Node node = s.value("options");
      if (node == null || isAbsent(node)) {
        return Map.of();
      }
      if (!(node instanceof MapNode map)) {
        invalid(s.path("options"), node, "a mapping of option names to values, such as {columns: 48}", describe(node));
        return null;
      }
      Map<String, String> options = new LinkedHashMap<>();
      boolean ok = true;
      for (Entry e : map.entries().values()) {
        String value = text(e.value());
        if (value == null || isAbsent(e.value())) {
          invalid(s.path("options") + "." + e.key(), e.value(), "a number, a text or true/false", describe(e.value()));
          ok = false;
        } else {
          options.put(e.key(), value);
        }
      }
      return ok ? options : null;
    }

    /** A driver's problem with a device, with the device's key path and the line of that key. */
    private void addSpecProblem(String devicePath, MapNode device, SpecProblem p) {
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
      boolean unknownOption = parts.length == 2 && parts[0].equals("options")
          && lastPart.equals(p.found()) && p.expected().startsWith("one of ");
      if (unknownOption) {
        String expected = p.expected().equals("one of []") ? "no options (this driver takes none for this class)" : p.expected();
        add(key, last == null ? at.line() : last.keyLine(), Kind.UNKNOWN_KEY, expected, null);
      } else {
        add(key, at.line(), Kind.INVALID, p.expected(), p.found() == null ? null : quote(p.found()));
      }
    }

    // ---- typed values ----

    /** A mapping section, checked for unknown keys; null when absent (reported if required) or bad. */
    private Section section(Section parent, String key, boolean required, List<String> keys) {
      Node node = parent.value(key);
      String path = parent.path(key);
      String expected = "a mapping with the keys " + keys;
      if (node == null || isAbsent(node)) {
        if (required) {
          required(path, node, expected);
        }
        return null;
      }
      if (!(node instanceof MapNode map)) {
        invalid(path, node, expected, describe(node));
        return null;
      }
      return new Section(map, path, keys);
    }

    /** The text of a scalar; null when absent (reported if required) or not a scalar (reported). */
    private String scalar(Section s, String key, boolean required, String expected) {
      Node node = s.value(key);
      if (node == null || isAbsent(node)) {
        if (required) {
          required(s.path(key), node, expected);
        }
        return null;
      }
      String text = text(node);
      if (text == null) {
        invalid(s.path(key), node, expected, describe(node));
      }
      return text;
    }

    private String matching(Section s, String key, boolean required, Pattern pattern, String expected) {
      String text = scalar(s, key, required, expected);
      if (text != null && !pattern.matcher(text).matches()) {
        invalid(s.path(key), s.value(key), expected, quote(text));
        return null;
      }
      return text;
    }

    /** A whole number in range; the default when absent; null when bad (reported). */
    private Integer integer(Section s, String key, int defaultValue, int min, int max, String why) {
      String expected = "a whole number from " + min + " to " + max + why;
      Node node = s.value(key);
      if (node == null || isAbsent(node)) {
        return defaultValue;
      }
      String text = text(node);
      if (text != null && WHOLE_NUMBER.matcher(text).matches()) {
        try {
          long value = Long.parseLong(text);
          if (value >= min && value <= max) {
            return (int) value;
          }
        } catch (NumberFormatException e) {
          // far too many digits: reported below
        }
      }
      invalid(s.path(key), node, expected, describe(node));
      return null;
    }

    /** true or false; the default when absent; null when bad (reported). yes/no/on/off are refused. */
    private Boolean bool(Section s, String key, boolean defaultValue) {
      Node node = s.value(key);
      if (node == null || isAbsent(node)) {
        return defaultValue;
      }
      String text = text(node);
      if ("true".equalsIgnoreCase(text)) {
        return true;
      }
      if ("false".equalsIgnoreCase(text)) {
        return false;
      }
      invalid(s.path(key), node, "true or false", describe(node));
      return null;
    }

    /**
     * A text by language; {@link LocalizedText#empty()} when absent and optional; null when bad or
     * absent and required (reported).
     */
    private LocalizedText localized(Section s, String key, boolean required) {
      String expected = "a text by language with at least zh-CN, such as {zh-CN: 综合受理, en: General services}";
      Node node = s.value(key);
      String path = s.path(key);
      if (node == null || isAbsent(node)) {
        if (required) {
          required(path, node, expected);
          return null;
        }
        return LocalizedText.empty();
      }
      if (!(node instanceof MapNode map)) {
        invalid(path, node, expected, describe(node));
        return null;
      }
      Section t = new Section(map, path, LocalizedText.LANGUAGE_TAGS);
      Map<String, String> texts = new LinkedHashMap<>();
      boolean ok = true;
      for (String tag : LocalizedText.LANGUAGE_TAGS) {
        Node v = t.value(tag);
        if (v == null) {
          continue;
        }
        String text = text(v);
        if (isAbsent(v) || (text != null && text.isBlank())) {
          invalid(t.path(tag), v, "a text that is not empty", describe(v));
          ok = false;
        } else if (text == null) {
          invalid(t.path(tag), v, "a text", describe(v));
          ok = false;
        } else {
          texts.put(tag, text);
        }
      }
      if (ok && !texts.containsKey(LocalizedText.FALLBACK_TAG)) {
        required(t.path(LocalizedText.FALLBACK_TAG), null,
            "the Chinese text, the one shown when there is none in the citizen's language");
        ok = false;
      }
      if (!t.unknownKeys.isEmpty()) {
        ok = false;
      }
      return ok ? new LocalizedText(texts) : null;
    }

    /** A path, absolute or relative to the directory of the file; absolute and normalized. */
    private Path path(Section s, String key) {
      String expected = "a path, absolute or relative to the directory of this file";
      String text = scalar(s, key, true, expected);
      if (text == null) {
        return null;
      }
      if (text.startsWith("~")) {
        invalid(s.path(key), s.value(key), expected + " (~ is not expanded)", quote(text));
        return null;
      }
      try {
        Path p = Path.of(text);
        Path base = file.toAbsolutePath().normalize().getParent();
        if (!p.isAbsolute() && base != null) {
          p = base.resolve(p);
        }
        return p.toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        invalid(s.path(key), s.value(key), expected, quote(text) + " (" + e.getReason() + ")");
        return null;
      }
    }

    // ---- helpers ----

    /** A mapping with its key path; reports its unknown keys when made. */
    private final class Section {
      final MapNode node;
      final String path;
      final List<String> unknownKeys = new ArrayList<>();

      Section(MapNode node, String path, List<String> keys) {
        this.node = node;
        this.path = path;
        for (Entry e : node.entries().values()) {
          if (!keys.contains(e.key())) {
            unknownKeys.add(e.key());
            add(path(e.key()), e.keyLine(), Kind.UNKNOWN_KEY, "one of " + keys, null);
          }
        }
      }

      /** The value of a key, null when the key is not there. */
      Node value(String key) {
        Entry e = node.entries().get(key);
        return e == null ? null : e.value();
      }

      String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
      }
    }

    private static boolean isAbsent(Node node) {
      return node instanceof ScalarNode sc && sc.isAbsent();
    }

    /** The text of a scalar as written (numbers and true/false too); null for anything else. */
    private static String text(Node node) {
      if (node instanceof ScalarNode sc && !sc.alias()) {
        return sc.token() == JsonToken.VALUE_NULL ? null : sc.text();
      }
      return null;
    }

    /** What a node is, for "found ...". */
    private static String describe(Node node) {
      if (node instanceof MapNode) {
        return "a mapping";
      }
      if (node instanceof ListNode) {
        return "a list";
      }
      ScalarNode sc = (ScalarNode) node;
      if (sc.alias()) {
        return "the alias *" + sc.text() + " (anchors and aliases are not supported)";
      }
      if (sc.isAbsent()) {
        return "nothing";
      }
      return quote(sc.text());
    }

    private static String quote(String text) {
      StringBuilder sb = new StringBuilder("\"");
      int shown = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (shown++ == MAX_SHOWN) {
          sb.append('…');
          break;
        }
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          case '\r' -> sb.append("\\r");
          default -> {
            if (Character.isISOControl(c)) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }

    private void invalid(String path, Node at, String expected, String found) {
      add(path, at == null ? 0 : at.line(), Kind.INVALID, expected, found);
    }

    /** A required value: missing keys have no line, empty values have theirs. */
    private void required(String path, Node at, String expected) {
      add(path, at == null ? 0 : at.line(), Kind.REQUIRED, expected, null);
    }

    private void add(String key, int line, Kind kind, String expected, String found) {
      problems.add(new ConfigProblem(file, lineOf(line), key, kind, expected, Optional.ofNullable(found)));
    }

    private static OptionalInt lineOf(int line) {
      return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
  }
}
