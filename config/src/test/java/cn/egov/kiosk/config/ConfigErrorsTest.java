package cn.egov.kiosk.config;

import static cn.egov.kiosk.config.TestYaml.SOURCE;
import static cn.egov.kiosk.config.TestYaml.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.common.schema.Problem;
import cn.egov.kiosk.common.schema.Problem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake gives one exact message: the file, the line, the key, what was expected. */
class ConfigErrorsTest {
    private static final String F = "config/test.yaml";
    private static final String ROOT_KEYS =
            "[devices, hours, identity, kiosk, payments, platform, queue, session, storage, ui, voice]";
    private static final String CLASSES =
            "[id-card-reader, smart-card-reader, receipt-printer, document-printer, payment-terminal, barcode-scanner]";
    private static final String WELL_FORMED =
            "well-formed YAML (indent with spaces, a space after every colon, quotes closed)";
    private static final String TEXT_BY_LANGUAGE =
            "a text by language with at least zh-CN, such as {zh-CN: 综合受理, en: General services}";

    static ConfigException failure(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE));
        assertThat(e).as("a ConfigException for:%n%s", yaml).isNotNull();
        return e;
    }

    static Stream<Arguments> syntaxAndStructure() {
        return Stream.of(
                Arguments.of(
                        "empty file",
                        "",
                        F + ": expected a mapping with the keys " + ROOT_KEYS + ", found an empty file"),
                Arguments.of(
                        "only comments",
                        "# nothing here\n",
                        F + ": expected a mapping with the keys " + ROOT_KEYS + ", found an empty file"),
                Arguments.of(
                        "a list at the top",
                        "- a\n- b\n",
                        F + ", line 1: expected a mapping with the keys " + ROOT_KEYS + ", found a list"),
                Arguments.of(
                        "colon inside a value",
                        edit(2, "  id: K01: x"),
                        F + ", line 2: YAML syntax error: mapping values are not allowed here; expected "
                                + WELL_FORMED),
                Arguments.of(
                        "tab indentation",
                        edit(2, "\tid: K01"),
                        F
                                + ", line 2: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"
                                + " (while scanning for the next token); expected " + WELL_FORMED),
                Arguments.of(
                        "unclosed quote",
                        edit(27, "    options: {columns: \"48}"),
                        F
                                + ", line 28: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts at line 27);"
                                + " expected " + WELL_FORMED),
                Arguments.of(
                        "unclosed bracket",
                        edit(6, "  locales: [zh-CN, en"),
                        F
                                + ", line 7: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 6);"
                                + " expected " + WELL_FORMED),
                Arguments.of(
                        "two documents",
                        edit(28, "---\nkiosk: {}"),
                        F + ", line 29: expected one YAML document, found a second document (---)"),
                Arguments.of(
                        "duplicate key",
                        edit(2, "  id: K01\n  id: K02"),
                        F + ", line 3: kiosk.id: duplicate key; expected each key once (first given at line 2)"),
                Arguments.of(
                        "duplicate device id",
                        edit(28, "  ticket-printer: {class: receipt-printer, driver: sim, connection: \"sim:\"}"),
                        F
                                + ", line 28: devices.ticket-printer: duplicate key; expected each key once (first given at line 23)"),
                Arguments.of(
                        "unknown key at the top",
                        edit(28, "colour: red"),
                        F + ", line 28: colour: unknown key; expected one of " + ROOT_KEYS),
                Arguments.of(
                        "unknown key in kiosk",
                        edit(2, "  id: K01\n  colour: red"),
                        F
                                + ", line 3: kiosk.colour: unknown key; expected one of [demo, hallName, hotline, id, locales, timeZone]"),
                Arguments.of(
                        "a finished countdown too short to read",
                        edit(12, "  inactivityTimeoutSeconds: 60\n  finishedSeconds: 3"),
                        F + ", line 13: session.finishedSeconds: expected a whole number from 5 to 120, found \"3\""),
                Arguments.of(
                        "misspelt key in session",
                        edit(12, "  inactivityTimeout: 60"),
                        F
                                + ", line 12: session.inactivityTimeout: unknown key; expected one of [finishedSeconds, inactivityTimeoutSeconds, warningSeconds]"),
                Arguments.of(
                        "unknown key in a business type",
                        edit(20, "    - {code: A, name: {zh-CN: 综合受理}, colour: red}"),
                        F
                                + ", line 20: queue.businessTypes[0].colour: unknown key; expected one of [code, description, name]"),
                Arguments.of(
                        "unknown key in a device",
                        edit(25, "    driver: sim\n    port: COM1"),
                        F
                                + ", line 26: devices.ticket-printer.port: unknown key; expected one of [class, connection, driver, options]"),
                Arguments.of(
                        "an alias",
                        edit(2, "  id: &k K01", 4, "  hotline: *k"),
                        F
                                + ", line 4: kiosk.hotline: expected a phone number of up to 20 digits, spaces, hyphens, + and parentheses,"
                                + " in quotes, such as \"12345\", found the alias *k (anchors and aliases are not supported)"),
                Arguments.of(
                        "section of the wrong type",
                        edit(9, "ui: full", 10, null),
                        F
                                + ", line 9: ui: expected a mapping with the keys [fullScreen, logo, services, theme], found \"full\""));
    }

    static Stream<Arguments> kioskSection() {
        return Stream.of(
                Arguments.of(
                        "kiosk missing",
                        edit(1, null, 2, null, 3, null, 4, null, 5, null, 6, null, 7, null, 8, null),
                        F
                                + ": kiosk: required, expected a mapping with the keys [demo, hallName, hotline, id, locales, timeZone]"),
                Arguments.of(
                        "id missing",
                        edit(2, null),
                        F + ": kiosk.id: required, expected 1 to 16 letters, digits and hyphens, such as K01"),
                Arguments.of(
                        "id empty",
                        edit(2, "  id:"),
                        F + ", line 2: kiosk.id: required, expected 1 to 16 letters, digits and hyphens, such as K01"),
                Arguments.of(
                        "id with an underscore",
                        edit(2, "  id: K_01"),
                        F
                                + ", line 2: kiosk.id: expected 1 to 16 letters, digits and hyphens, such as K01, found \"K_01\""),
                Arguments.of(
                        "id too long",
                        edit(2, "  id: K0123456789abcdefg"),
                        F
                                + ", line 2: kiosk.id: expected 1 to 16 letters, digits and hyphens, such as K01, found \"K0123456789abcdefg\""),
                Arguments.of(
                        "hall name missing",
                        edit(3, null),
                        F + ": kiosk.hallName: required, expected " + TEXT_BY_LANGUAGE),
                Arguments.of(
                        "hall name as plain text",
                        edit(3, "  hallName: 测试大厅"),
                        F + ", line 3: kiosk.hallName: expected " + TEXT_BY_LANGUAGE + ", found \"测试大厅\""),
                Arguments.of(
                        "hall name without Chinese",
                        edit(3, "  hallName: {en: Test hall}"),
                        F
                                + ": kiosk.hallName.zh-CN: required, expected the Chinese text, the one shown when there is none in the citizen's language"),
                Arguments.of(
                        "hall name in an unsupported language",
                        edit(3, "  hallName: {zh-CN: 测试大厅, fr: Salle}"),
                        F + ", line 3: kiosk.hallName.fr: unknown key; expected one of [zh-CN, en]"),
                Arguments.of(
                        "hall name empty text",
                        edit(3, "  hallName: {zh-CN: \"  \"}"),
                        F + ", line 3: kiosk.hallName.zh-CN: expected a text that is not empty, found \"  \""),
                Arguments.of(
                        "hotline with letters",
                        edit(4, "  hotline: call us"),
                        F
                                + ", line 4: kiosk.hotline: expected a phone number of up to 20 digits, spaces, hyphens, + and parentheses,"
                                + " in quotes, such as \"12345\", found \"call us\""),
                Arguments.of(
                        "time zone missing",
                        edit(5, null),
                        F + ": kiosk.timeZone: required, expected a time-zone id such as Asia/Shanghai"),
                Arguments.of(
                        "time zone unknown",
                        edit(5, "  timeZone: Asia/Beijing"),
                        F
                                + ", line 5: kiosk.timeZone: expected a time-zone id such as Asia/Shanghai, found \"Asia/Beijing\""),
                Arguments.of(
                        "locales not a list",
                        edit(6, "  locales: zh-CN"),
                        F
                                + ", line 6: kiosk.locales: expected a list of languages from [zh-CN, en], the default first, such as [zh-CN, en], found \"zh-CN\""),
                Arguments.of(
                        "locales empty",
                        edit(6, "  locales: []"),
                        F
                                + ", line 6: kiosk.locales: expected a list of languages from [zh-CN, en], the default first, such as [zh-CN, en], found an empty list"),
                Arguments.of(
                        "locale unsupported",
                        edit(6, "  locales: [zh-CN, fr]"),
                        F + ", line 6: kiosk.locales[1]: expected one of [zh-CN, en], found \"fr\""),
                Arguments.of(
                        "locale twice",
                        edit(6, "  locales:\n  - en\n  - en"),
                        F
                                + ", line 8: kiosk.locales[1]: expected each language once (en is already at line 7), found \"en\""),
                Arguments.of(
                        "the plain staff PIN of before",
                        edit(8, "  staffPin: \"246810\""),
                        F + ", line 8: kiosk.staffPin: no longer a key; " + Kiosk.STAFF_PIN_REMOVED),
                Arguments.of(
                        "the plain staff PIN of before, without quotes",
                        edit(8, "  staffPin: 246810"),
                        F + ", line 8: kiosk.staffPin: no longer a key; the PINs are no longer kept in this file:"
                                + " remove this line, then set the staff PIN with ./kiosk admin set-pin staff (and the"
                                + " engineer's with ./kiosk admin set-pin engineer); only their salted hashes are kept,"
                                + " in the kiosk's store"));
    }

    static Stream<Arguments> otherSections() {
        return Stream.of(
                Arguments.of(
                        "fullScreen yes",
                        edit(10, "  fullScreen: yes"),
                        F + ", line 10: ui.fullScreen: expected true or false, found \"yes\""),
                Arguments.of(
                        "theme unknown",
                        edit(10, "  theme: dark"),
                        F + ", line 10: ui.theme: expected one of [standard, elderly], found \"dark\""),
                Arguments.of(
                        "timeout too short",
                        edit(12, "  inactivityTimeoutSeconds: 5"),
                        F
                                + ", line 12: session.inactivityTimeoutSeconds: expected a whole number from 15 to 600, found \"5\""),
                Arguments.of(
                        "timeout not whole",
                        edit(12, "  inactivityTimeoutSeconds: 60.5"),
                        F
                                + ", line 12: session.inactivityTimeoutSeconds: expected a whole number from 15 to 600, found \"60.5\""),
                Arguments.of(
                        "warning too short",
                        edit(13, "  warningSeconds: 10"),
                        F
                                + ", line 13: session.warningSeconds: expected a whole number from 20 to 120 (WCAG 2.2.1: at least 20 seconds to react), found \"10\""),
                Arguments.of(
                        "warning not a number",
                        edit(13, "  warningSeconds: soon"),
                        F
                                + ", line 13: session.warningSeconds: expected a whole number from 20 to 120 (WCAG 2.2.1: at least 20 seconds to react), found \"soon\""),
                Arguments.of(
                        "warning huge",
                        edit(13, "  warningSeconds: 99999999999999999999"),
                        F
                                + ", line 13: session.warningSeconds: expected a whole number from 20 to 120 (WCAG 2.2.1: at least 20 seconds to react), found \"99999999999999999999\""),
                Arguments.of(
                        "storage missing",
                        edit(14, null, 15, null, 16, null),
                        F + ": storage: required, expected a mapping with the keys [dataDir, database]"),
                Arguments.of(
                        "database missing",
                        edit(15, null),
                        F
                                + ": storage.database: required, expected a path, absolute or relative to the directory of this file"),
                Arguments.of(
                        "data dir with ~",
                        edit(16, "  dataDir: ~/kiosk"),
                        F
                                + ", line 16: storage.dataDir: expected a path, absolute or relative to the directory of this file (~ is not expanded), found \"~/kiosk\""),
                Arguments.of(
                        "queue missing",
                        edit(17, null, 18, null, 19, null, 20, null, 21, null),
                        F + ": queue: required, expected a mapping with the keys [businessTypes, printMaskedId]"),
                Arguments.of(
                        "printMaskedId as text",
                        edit(18, "  printMaskedId: maybe"),
                        F + ", line 18: queue.printMaskedId: expected true or false, found \"maybe\""),
                Arguments.of(
                        "no business types",
                        edit(19, "  businessTypes: []", 20, null, 21, null),
                        F
                                + ", line 19: queue.businessTypes: expected a list of 1 to 26 business types, each with a code and a name, found an empty list"),
                Arguments.of(
                        "business code lowercase",
                        edit(20, "    - {code: a, name: {zh-CN: 综合受理}}"),
                        F + ", line 20: queue.businessTypes[0].code: expected one capital letter A-Z, found \"a\""),
                Arguments.of(
                        "business code two letters",
                        edit(20, "    - {code: AB, name: {zh-CN: 综合受理}}"),
                        F + ", line 20: queue.businessTypes[0].code: expected one capital letter A-Z, found \"AB\""),
                Arguments.of(
                        "business code used twice",
                        edit(21, "    - {code: A, name: {zh-CN: 社保医保}}"),
                        F
                                + ", line 21: queue.businessTypes[1].code: expected a letter no other business type has (A is already used at line 20), found \"A\""),
                Arguments.of(
                        "business type without name",
                        edit(21, "    - {code: B}"),
                        F + ": queue.businessTypes[1].name: required, expected " + TEXT_BY_LANGUAGE),
                Arguments.of(
                        "business type as text",
                        edit(21, "    - B"),
                        F
                                + ", line 21: queue.businessTypes[1]: expected a business type with the keys [code, description, name], found \"B\""));
    }

    static Stream<Arguments> devices() {
        return Stream.of(
                Arguments.of(
                        "devices missing",
                        edit(22, null, 23, null, 24, null, 25, null, 26, null, 27, null),
                        F
                                + ": devices: required, expected a mapping from device id to {class, driver, connection, options}, at least one device"),
                Arguments.of(
                        "no devices",
                        edit(22, "devices: {}", 23, null, 24, null, 25, null, 26, null, 27, null),
                        F
                                + ", line 22: devices: expected a mapping from device id to {class, driver, connection, options}, at least one device, found an empty mapping"),
                Arguments.of(
                        "device id with capitals",
                        edit(23, "  Ticket_Printer:"),
                        F
                                + ", line 23: devices.Ticket_Printer: expected a device id of a lowercase letter or digit and up to 31 more lowercase letters,"
                                + " digits and hyphens, such as ticket-printer, found \"Ticket_Printer\""),
                Arguments.of(
                        "class missing",
                        edit(24, null),
                        F + ": devices.ticket-printer.class: required, expected one of " + CLASSES),
                Arguments.of(
                        "class unknown",
                        edit(24, "    class: printer"),
                        F + ", line 24: devices.ticket-printer.class: expected one of " + CLASSES
                                + ", found \"printer\""),
                Arguments.of(
                        "driver unknown",
                        edit(25, "    driver: epson"),
                        F
                                + ", line 25: devices.ticket-printer.driver: expected one of [cups, escpos, pcsc, sam, serial-scanner, sim, wedge, zvt], found \"epson\""),
                Arguments.of(
                        "driver for another class",
                        edit(
                                24,
                                "    class: payment-terminal",
                                25,
                                "    driver: escpos",
                                26,
                                "    connection: \"tcp:10.0.0.5:9100\"",
                                27,
                                null),
                        F
                                + ", line 25: devices.ticket-printer.driver: expected a driver for a payment-terminal (\"escpos\" drives [receipt-printer]), found \"escpos\""),
                Arguments.of(
                        "connection missing",
                        edit(26, null),
                        F
                                + ": devices.ticket-printer.connection: required, expected a connection in quotes: \"sim:\", \"serial:/dev/ttyUSB0?baud=115200\","
                                + " \"tcp:HOST:PORT\" or \"file:/dev/usb/lp0\""),
                Arguments.of(
                        "serial connection for a simulator",
                        edit(26, "    connection: \"serial:/dev/ttyUSB0\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected sim: for a simulated device, found \"serial:/dev/ttyUSB0\""),
                Arguments.of(
                        "serial baud not a number",
                        edit(25, "    driver: escpos", 26, "    connection: \"serial:/dev/ttyUSB0?baud=fast\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected a whole number for \"baud\" in the connection, not \"fast\","
                                + " found \"serial:/dev/ttyUSB0?baud=fast\""),
                Arguments.of(
                        "serial baud out of range",
                        edit(25, "    driver: escpos", 26, "    connection: \"serial:/dev/ttyUSB0?baud=12\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected a baud rate from 300 to 4000000, not 12, found \"serial:/dev/ttyUSB0?baud=12\""),
                Arguments.of(
                        "serial parity unknown",
                        edit(25, "    driver: escpos", 26, "    connection: \"serial:/dev/ttyUSB0?parity=mark\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected parity none, odd or even, not \"mark\", found \"serial:/dev/ttyUSB0?parity=mark\""),
                Arguments.of(
                        "serial without a port",
                        edit(25, "    driver: escpos", 26, "    connection: \"serial:\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected a path or address after \"serial:\", found \"serial:\""),
                Arguments.of(
                        "tcp without a port",
                        edit(25, "    driver: escpos", 26, "    connection: \"tcp:10.0.0.5\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected tcp:HOST:PORT, not \"tcp:10.0.0.5\", found \"tcp:10.0.0.5\""),
                Arguments.of(
                        "unknown scheme",
                        edit(25, "    driver: escpos", 26, "    connection: \"usb:1\""),
                        F
                                + ", line 26: devices.ticket-printer.connection: expected serial:, tcp:, file: or sim: at the start of the connection, not \"usb:\","
                                + " found \"usb:1\""),
                Arguments.of(
                        "option not a number",
                        edit(27, "    options: {columns: wide}"),
                        F
                                + ", line 27: devices.ticket-printer.options.columns: expected a whole number from 16 to 96, found \"wide\""),
                Arguments.of(
                        "option out of range",
                        edit(27, "    options:\n      columns: 200"),
                        F
                                + ", line 28: devices.ticket-printer.options.columns: expected a whole number from 16 to 96, found \"200\""),
                Arguments.of(
                        "option unknown",
                        edit(27, "    options:\n      columns: 48\n      colour: red"),
                        F
                                + ", line 29: devices.ticket-printer.options.colour: unknown key; expected one of [columns, jobTimeoutMs, pollMs, statusTimeoutMs]"),
                Arguments.of(
                        "a simulated device outside demo mode",
                        edit(7, null),
                        F
                                + ", line 24: devices.ticket-printer.driver: expected a driver for real hardware (\"sim\" simulates the device: only with"
                                + " kiosk.demo: true; leave out a device the kiosk does not have), found \"sim\""),
                Arguments.of(
                        "option for a device that takes none",
                        edit(24, "    class: barcode-scanner", 27, "    options: {beep: true}"),
                        F
                                + ", line 27: devices.ticket-printer.options.beep: unknown key; expected no options (this driver takes none for this class)"),
                Arguments.of(
                        "option with a list value",
                        edit(27, "    options: {columns: [48]}"),
                        F
                                + ", line 27: devices.ticket-printer.options.columns: expected a number, a text or true/false, found a list"),
                Arguments.of(
                        "options as a list",
                        edit(27, "    options: [columns]"),
                        F
                                + ", line 27: devices.ticket-printer.options: expected a mapping of option names to values, such as {columns: 48}, found a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"syntaxAndStructure", "kioskSection", "otherSections", "devices"})
    void oneMistakeGivesOneExactMessage(String mistake, String yaml, String message) {
        ConfigException e = failure(yaml);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.file()).isEqualTo(SOURCE);
    }

    @Test
    void theProblemIsAlsoThereInParts() {
        ConfigException e = failure(edit(27, "    options: {columns: wide}"));
        assertThat(e.file()).isEqualTo(SOURCE);
        assertThat(e.line()).isEqualTo(OptionalInt.of(27));
        assertThat(e.key()).isEqualTo("devices.ticket-printer.options.columns");
        assertThat(e.expected()).isEqualTo("a whole number from 16 to 96");
        assertThat(e.found()).contains("\"wide\"");
        assertThat(e.problems().get(0).kind()).isEqualTo(Kind.INVALID);

        ConfigException missing = failure(edit(2, null));
        assertThat(missing.line()).isEmpty();
        assertThat(missing.key()).isEqualTo("kiosk.id");
        assertThat(missing.found()).isEmpty();
        assertThat(missing.problems().get(0).kind()).isEqualTo(Kind.REQUIRED);

        ConfigException removed = failure(edit(8, "  staffPin: \"246810\""));
        assertThat(removed.line()).isEqualTo(OptionalInt.of(8));
        assertThat(removed.key()).isEqualTo("kiosk.staffPin");
        assertThat(removed.found()).isEmpty();
        assertThat(removed.problems().get(0).kind()).isEqualTo(Kind.REMOVED_KEY);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        ConfigException e = failure(edit(
                2, "  id: K_01",
                3, "  colour: red",
                8, "  staffPin: \"12ab\"",
                13, "  warningSeconds: 5",
                21, "    - {code: A, name: {zh-CN: 社保医保}}",
                25, "    driver: epson"));
        assertThat(e.problems())
                .extracting(Problem::key)
                .containsExactly(
                        "kiosk.colour",
                        "kiosk.staffPin",
                        "kiosk.id",
                        "kiosk.hallName",
                        "session.warningSeconds",
                        "queue.businessTypes[1].code",
                        "devices.ticket-printer.driver");
        assertThat(e.getMessage().lines())
                .hasSize(7)
                .allMatch(line -> line.startsWith(F + ", line ") || line.startsWith(F + ": "));
    }

    @Test
    void theStaffPinNeverAppearsInAMessage() {
        for (String pin : new String[] {"\"12ab34\"", "\"123\"", "9876543210123", "\"98765432101234\"", "[\"4711\"]"}) {
            ConfigException e = failure(edit(8, "  staffPin: " + pin));
            String bare = pin.replace("\"", "").replace("[", "").replace("]", "");
            assertThat(e.getMessage()).doesNotContain(bare).contains("./kiosk admin set-pin staff");
            assertThat(e.found()).isEmpty();
        }
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = Path.of("no-such-dir/kiosk.yaml");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing));
        assertThat(e.getMessage())
                .startsWith(
                        "no-such-dir/kiosk.yaml: cannot read the file; expected a readable YAML file, found no such file");
        assertThat(e.problems().get(0).kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(e.line()).isEmpty();
    }

    @Test
    void aDirectoryIsNotAFile(@TempDir Path dir) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));
        assertThat(e.getMessage())
                .isEqualTo(dir + ": cannot read the file; expected a readable YAML file, found a directory");
    }

    @Test
    void aFileNotInUtf8IsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gbk.yaml");
        Files.write(file, TestYaml.BASE.getBytes("GBK"));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e.getMessage())
                .isEqualTo(
                        file
                                + ": cannot read the file; expected a text file in UTF-8, found bytes that are not UTF-8 (save the file as UTF-8)");
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        String longId = "K".repeat(200);
        ConfigException e = failure(edit(2, "  id: " + longId));
        assertThat(e.found()).isEqualTo(Optional.of("\"" + "K".repeat(60) + "…\""));
    }
}
