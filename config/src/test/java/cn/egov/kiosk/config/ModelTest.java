package cn.egov.kiosk.config;

import static cn.egov.kiosk.config.TestYaml.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.schema.Key;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults, path resolution, text fallback, and the records' own checks. */
class ModelTest {
    private static final Path SOURCE = Path.of("/srv/kiosk/config/kiosk.yaml");

    @Test
    void omittedSectionsAndOptionalKeysTakeTheirDefaults() throws Exception {
        String yaml = edit(
                4, null, // hotline
                6, null, // locales
                9, null, 10, null, // ui
                11, null, 12, null, 13, null, // session
                18, null, // printMaskedId
                27, null); // options
        KioskConfig c = ConfigLoader.parse(yaml, SOURCE);
        assertThat(c.kiosk().hotline()).isEmpty();
        assertThat(c.kiosk().locales()).containsExactly(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en"));
        assertThat(c.ui()).isEqualTo(Ui.DEFAULTS).isEqualTo(new Ui(true, "standard"));
        assertThat(c.session()).isEqualTo(Session.DEFAULTS).isEqualTo(new Session(60, 20, 15));
        assertThat(c.queue().printMaskedId()).isFalse();
        assertThat(c.queue().businessTypes().get(0).description().isEmpty()).isTrue();
        assertThat(c.queue().businessTypes().get(0).description().get(Locale.ENGLISH))
                .isEmpty();
        assertThat(c.devices().get(0).options()).isEmpty();
    }

    @Test
    void emptySectionsAndValuesAlsoMeanTheDefault() throws Exception {
        KioskConfig c =
                ConfigLoader.parse(edit(4, "  hotline:", 10, null, 11, "session: {}", 12, null, 13, null), SOURCE);
        assertThat(c.kiosk().hotline()).isEmpty();
        assertThat(c.ui()).isEqualTo(Ui.DEFAULTS);
        assertThat(c.session()).isEqualTo(Session.DEFAULTS);
    }

    @Test
    void givenValuesOverrideTheDefaults() throws Exception {
        KioskConfig c = ConfigLoader.parse(
                edit(
                        6, "  locales: [en]",
                        10, "  fullScreen: false\n  theme: elderly",
                        12, "  inactivityTimeoutSeconds: 600",
                        13, "  warningSeconds: 120",
                        18, "  printMaskedId: true"),
                SOURCE);
        assertThat(c.kiosk().locales()).containsExactly(Locale.ENGLISH);
        assertThat(c.kiosk().defaultLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(c.ui()).isEqualTo(new Ui(false, "elderly"));
        assertThat(c.session()).isEqualTo(new Session(600, 120, 15));
        assertThat(c.session().warning()).hasSeconds(120);
        assertThat(c.queue().printMaskedId()).isTrue();
    }

    @Test
    void relativePathsResolveAgainstTheFilesDirectory() throws Exception {
        KioskConfig c = ConfigLoader.parse(TestYaml.BASE, SOURCE);
        assertThat(c.source()).isEqualTo(SOURCE);
        assertThat(c.storage().database()).isEqualTo(Path.of("/srv/kiosk/var/test/kiosk.db"));
        assertThat(c.storage().dataDir()).isEqualTo(Path.of("/srv/kiosk/var/test"));
    }

    @Test
    void absolutePathsStayAndAreNormalized() throws Exception {
        KioskConfig c = ConfigLoader.parse(
                edit(15, "  database: /data/./kiosk/../kiosk/kiosk.db", 16, "  dataDir: \"/data/kiosk/\""), SOURCE);
        assertThat(c.storage().database()).isEqualTo(Path.of("/data/kiosk/kiosk.db"));
        assertThat(c.storage().dataDir()).isEqualTo(Path.of("/data/kiosk"));
    }

    @Test
    void aRelativeSourceResolvesAgainstTheWorkingDirectory() throws Exception {
        KioskConfig c = ConfigLoader.parse(TestYaml.BASE, Path.of("config/test.yaml"));
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(c.source()).isEqualTo(cwd.resolve("config/test.yaml"));
        assertThat(c.storage().database()).isEqualTo(cwd.resolve("var/test/kiosk.db"));
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        assertThat(ConfigLoader.parse("\uFEFF" + TestYaml.BASE, SOURCE).kiosk().id())
                .isEqualTo("K01");
    }

    @Test
    void unquotedScalarsAreReadAsWritten() throws Exception {
        KioskConfig c = ConfigLoader.parse(edit(2, "  id: 007", 4, "  hotline: 12345"), SOURCE);
        assertThat(c.kiosk().id()).isEqualTo("007");
        assertThat(c.kiosk().hotline()).isEqualTo("12345");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "zh-CN, 综合受理",
        "zh, 综合受理",
        "zh-TW, 综合受理",
        "en, General services",
        "en-US, General services",
        "en-GB, General services",
        "fr, 综合受理",
        "ja-JP, 综合受理"
    })
    void localizedTextFallsBackToChinese(String tag, String expected) {
        LocalizedText t = LocalizedText.of("综合受理", "General services");
        assertThat(t.get(Locale.forLanguageTag(tag))).isEqualTo(expected);
    }

    @Test
    void localizedTextWithOnlyChineseGivesChineseForEnglish() {
        assertThat(LocalizedText.of("社保医保", null).get(Locale.ENGLISH)).isEqualTo("社保医保");
        assertThat(LocalizedText.empty().get(Locale.ENGLISH)).isEmpty();
        assertThat(LocalizedText.empty().get(null)).isEmpty();
    }

    @Test
    void localizedTextChecksItsLanguages() {
        assertThatThrownBy(() -> new LocalizedText(Map.of("en", "Hall")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zh-CN");
        assertThatThrownBy(() -> new LocalizedText(Map.of("zh-CN", "大厅", "fr", "Salle")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalizedText(Map.of("zh-CN", " "))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LocalizedText(Map.of("zh-CN", "大厅", "en", "Hall")).byLanguageTag())
                .containsOnlyKeys("zh-CN", "en");
    }

    @Test
    void theRecordsRefuseWhatTheLoaderRefuses() {
        LocalizedText name = LocalizedText.of("大厅", "Hall");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThatThrownBy(() -> new Kiosk("K_01", name, "", zone, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Kiosk("K01", name, "", zone, List.of(Locale.FRENCH), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session(14, 20, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session(60, 19, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session(60, 20, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session(60, 20, 121)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Session.DEFAULTS.finished()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> new Ui(true, "dark")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Storage(Path.of("kiosk.db"), Path.of("/data")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessType("AB", name, null)).isInstanceOf(IllegalArgumentException.class);
        BusinessType a = new BusinessType("A", name, null);
        assertThatThrownBy(() -> new Queue(false, List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Queue(false, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAdminPinsAreNotPartOfTheConfiguration() throws Exception {
        Kiosk k = ConfigLoader.parse(TestYaml.BASE, SOURCE).kiosk();
        assertThat(k.toString()).doesNotContain("staffPin");
        assertThat(Kiosk.SCHEMA.keys()).extracting(Key::name).doesNotContain("staffPin");
    }

    @Test
    void theConfigIsImmutable() throws Exception {
        KioskConfig c = ConfigLoader.parse(TestYaml.BASE, SOURCE);
        assertThatThrownBy(() -> c.devices().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.queue().businessTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.kiosk().locales().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.kiosk().hallName().byLanguageTag().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.devices().get(0).options().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theIdentitySectionHasDefaultsAndRanges() throws Exception {
        assertThat(ConfigLoader.parse(TestYaml.BASE, SOURCE).identity()).isEqualTo(Identity.DEFAULTS);
        KioskConfig c = ConfigLoader.parse(
                TestYaml.edit(
                        28,
                        "identity: {readTimeoutSeconds: 45, cardRemovalEndsSession: true, socialSecurityCard: true}"),
                SOURCE);
        assertThat(c.identity()).isEqualTo(new Identity(45, true, true));
        assertThat(c.identity().readTimeout()).hasSeconds(45);
        assertThatThrownBy(() -> ConfigLoader.parse(TestYaml.edit(28, "identity: {readTimeoutSeconds: 5}"), SOURCE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("identity.readTimeoutSeconds: expected a whole number from 10 to 120");
    }
}
