package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.printer.escpos.EscPosPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bundled driver declares the options it reads, and a declaration accepts what the driver accepts. */
class OptionDeclarationsTest {
    private static final List<String> BUNDLED =
            List.of("escpos", "cups", "pcsc", "zvt", "wedge", "serial-scanner", "sam", "sim");

    private final DriverRegistry registry = DriverRegistry.load();

    private static List<SpecProblem> optionProblems(DriverRegistry registry, DeviceSpec spec) {
        return registry.validate(spec).stream()
                .filter(p -> p.key().startsWith("options."))
                .toList();
    }

    @Test
    void everyBundledDriverDeclaresWhatItReadsEachAtItsDefaultValidatesClean() {
        for (String driver : BUNDLED) {
            DeviceDriverProvider p = registry.find(driver).orElseThrow();
            for (DeviceClass c : p.deviceClasses()) {
                for (OptionDeclaration d : p.options(c)) {
                    DeviceSpec spec = new DeviceSpec("dev", c, driver, "sim:", Map.of(d.name(), d.defaultValue()));
                    assertThat(optionProblems(registry, spec))
                            .as(driver + " " + c + " " + d.name())
                            .isEmpty();
                    assertThat(d.accepts(d.defaultValue())).as(d.name()).isTrue();
                }
                DeviceSpec unknown = new DeviceSpec("dev", c, driver, "sim:", Map.of("noSuchOption", "1"));
                assertThat(optionProblems(registry, unknown))
                        .as(driver + " " + c + " refuses an unknown option")
                        .extracting(SpecProblem::key)
                        .containsExactly("options.noSuchOption");
            }
        }
    }

    @Test
    void theDriversWithOptionsDeclareThem() {
        assertThat(registry.options("escpos", DeviceClass.RECEIPT_PRINTER))
                .extracting(OptionDeclaration::name)
                .containsExactly("columns", "statusTimeoutMs", "jobTimeoutMs", "pollMs");
        assertThat(registry.options("sim", DeviceClass.RECEIPT_PRINTER))
                .extracting(OptionDeclaration::name)
                .contains("columns");
        assertThat(registry.options("sim", DeviceClass.PAYMENT_TERMINAL))
                .extracting(OptionDeclaration::name)
                .containsExactly("cardDelayMs");
        assertThat(registry.options("sam", DeviceClass.ID_CARD_READER))
                .extracting(OptionDeclaration::kind)
                .contains(OptionDeclaration.Kind.BOOL, OptionDeclaration.Kind.MILLIS);
        assertThat(registry.options("zvt", DeviceClass.PAYMENT_TERMINAL))
                .extracting(OptionDeclaration::kind)
                .contains(OptionDeclaration.Kind.TEXT, OptionDeclaration.Kind.CHOICE, OptionDeclaration.Kind.INTEGER);
        assertThat(registry.options("no-such-driver", DeviceClass.RECEIPT_PRINTER))
                .isEmpty();
    }

    @Test
    void aDeclarationAcceptsWhatTheDriverAcceptsAndNothingElse() {
        OptionDeclaration columns =
                registry.options("escpos", DeviceClass.RECEIPT_PRINTER).get(0);
        assertThat(columns.kind()).isEqualTo(OptionDeclaration.Kind.INTEGER);
        assertThat(columns.defaultValue()).isEqualTo(Integer.toString(EscPosPrinter.Options.DEFAULTS.columns()));
        assertThat(List.of(columns.min(), columns.max())).containsExactly(16L, 96L);
        for (String value : List.of("32", "16", "96", "200", "15", "x", "", "3.5")) {
            DeviceSpec spec = new DeviceSpec(
                    "dev", DeviceClass.RECEIPT_PRINTER, "escpos", "tcp:localhost:9100", Map.of("columns", value));
            assertThat(columns.accepts(value))
                    .as(value)
                    .isEqualTo(optionProblems(registry, spec).isEmpty());
        }
    }

    @Test
    void eachKindIsRecordedAsAsked() {
        List<OptionDeclaration> all = OptionReader.declarations(r -> {
            r.millis("waitMs", Duration.ofMillis(500), 10, 1000);
            r.bool("beep", true);
            r.oneOf("charset", "GBK", List.of("GBK", "UTF-8"));
            r.text("pin", "000000", "[0-9]{6}", "six digits");
            r.integer("n", 3, 1, 9);
            r.integer("n", 3, 1, 9); // asked twice, declared once
        });

        assertThat(all)
                .containsExactly(
                        new OptionDeclaration(
                                "waitMs", OptionDeclaration.Kind.MILLIS, "500", 10, 1000, List.of(), "", ""),
                        new OptionDeclaration(
                                "beep", OptionDeclaration.Kind.BOOL, "true", 0, 0, List.of("true", "false"), "", ""),
                        new OptionDeclaration(
                                "charset", OptionDeclaration.Kind.CHOICE, "GBK", 0, 0, List.of("GBK", "UTF-8"), "", ""),
                        new OptionDeclaration(
                                "pin",
                                OptionDeclaration.Kind.TEXT,
                                "000000",
                                0,
                                0,
                                List.of(),
                                "[0-9]{6}",
                                "six digits"),
                        new OptionDeclaration("n", OptionDeclaration.Kind.INTEGER, "3", 1, 9, List.of(), "", ""));
        assertThat(all.get(1).accepts("false")).isTrue();
        assertThat(all.get(1).accepts("yes")).isFalse();
        assertThat(all.get(3).accepts("12345")).isFalse();
        assertThat(all.get(0).accepts("1001")).isFalse();
        assertThat(all.get(0).isDefault("500")).isTrue();
    }
}
