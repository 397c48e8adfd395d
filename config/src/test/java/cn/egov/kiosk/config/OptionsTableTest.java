package cn.egov.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The options table of config/README.md holds every option the bundled drivers declare, with its
 * default as the driver has it (the settings screen shows the same declarations).
 */
class OptionsTableTest {
    private static final List<String> BUNDLED =
            List.of("escpos", "cups", "pcsc", "zvt", "wedge", "serial-scanner", "sam", "sim");

    @Test
    void everyDeclaredOptionIsInTheTableWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        DriverRegistry registry = DriverRegistry.load();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String driver : BUNDLED) {
            DeviceDriverProvider p = registry.find(driver).orElseThrow();
            for (DeviceClass c : p.deviceClasses()) {
                for (OptionDeclaration d : p.options(c)) {
                    Pattern row = Pattern.compile("\\| `" + Pattern.quote(d.name()) + "` \\| `?"
                            + Pattern.quote(d.defaultValue()) + "`? \\|");
                    checked++;
                    if (!row.matcher(readme).find()) {
                        missing.add(driver + " " + c.configName() + " " + d.name() + " = " + d.defaultValue());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(missing)
                .as("declared options not in README.md's table with their default")
                .isEmpty();
    }
}
