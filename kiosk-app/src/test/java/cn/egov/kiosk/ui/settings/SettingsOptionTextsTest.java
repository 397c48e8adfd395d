package cn.egov.kiosk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceDriverProvider;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.ui.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each option a bundled driver declares has its short description on the settings screen, and no description is left over. */
class SettingsOptionTextsTest {
    private static final List<String> BUNDLED =
            List.of("escpos", "cups", "pcsc", "zvt", "wedge", "serial-scanner", "sam", "sim");

    @Test
    void everyBundledOptionHasADescriptionAndEveryDescriptionAnOption() {
        DriverRegistry registry = DriverRegistry.load();
        Set<String> names = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String driver : BUNDLED) {
            DeviceDriverProvider p = registry.find(driver).orElseThrow();
            for (DeviceClass c : p.deviceClasses()) {
                for (OptionDeclaration d : p.options(c)) {
                    names.add(d.name().toUpperCase(Locale.ROOT));
                    if (SettingsPanelViewModel.optionMsg(d.name()).isEmpty()) {
                        missing.add(driver + " " + d.name());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(names).hasSizeGreaterThan(15);
        for (Msg m : Msg.values()) {
            if (m.name().startsWith("SETTINGS_OPTION_")) {
                assertThat(names).as(m.name()).contains(m.name().substring("SETTINGS_OPTION_".length()));
            }
        }
        assertThat(SettingsPanelViewModel.optionMsg("columns")).contains(Msg.SETTINGS_OPTION_COLUMNS);
        assertThat(SettingsPanelViewModel.optionMsg("noSuchOption")).isEmpty();
    }

    @Test
    void idsAndSecrets() {
        assertThat(SettingsPanelViewModel.optionId("jobTimeoutMs", -1)).isEqualTo("settings-option-jobtimeoutms");
        assertThat(SettingsPanelViewModel.optionId("charset", 2)).isEqualTo("settings-option-charset-2");
        assertThat(SettingsPanelViewModel.optionResetId("columns")).isEqualTo("settings-option-columns-default");
        OptionDeclaration password = DriverRegistry.load().options("zvt", DeviceClass.PAYMENT_TERMINAL).stream()
                .filter(d -> d.name().equals("password"))
                .findFirst()
                .orElseThrow();
        assertThat(SettingsPanelViewModel.secret(password)).isTrue();
        assertThat(SettingsPanelViewModel.secret(DriverRegistry.load()
                        .options("escpos", DeviceClass.RECEIPT_PRINTER)
                        .get(0)))
                .isFalse();
    }
}
