package cn.egov.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The screens' texts: every {@link Msg} in both bundles and nothing else, every text a valid
 * message format, the Chinese bundle in Chinese and the English one without any (a pasted Chinese
 * text in the English file shows up here). Files are read as they are: through ResourceBundle, a
 * key missing from the English file would quietly come from the Chinese one.
 */
class I18nBundlesTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** The language button names the other language, in that language. */
    private static final Set<Msg> OTHER_LANGUAGE = Set.of(Msg.FRAME_LANGUAGE_SWITCH);

    static Properties load(String file) throws IOException {
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/cn/egov/kiosk/ui/" + file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    static Set<String> msgKeys() {
        return Arrays.stream(Msg.values()).map(Msg::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void keysAreStableAndUnique() {
        assertThat(Msg.TICKET_DONE_TITLE.key()).isEqualTo("ticket.done.title");
        assertThat(msgKeys()).hasSize(Msg.values().length);
    }

    @Test
    void theChineseBundleHasEveryKeyAndNoOther() throws IOException {
        assertThat(new TreeSet<>(load("messages.properties").stringPropertyNames()))
                .isEqualTo(msgKeys());
    }

    @Test
    void theEnglishBundleHasEveryKeyAndNoOther() throws IOException {
        assertThat(new TreeSet<>(load("messages_en.properties").stringPropertyNames()))
                .isEqualTo(msgKeys());
    }

    @Test
    void noOtherBundleFileHidesBehindTheseTwo() {
        // a messages_zh_CN file would win over the base file for zh-CN and go unchecked
        for (String other :
                List.of("messages_zh.properties", "messages_zh_CN.properties", "messages_en_US.properties")) {
            assertThat(I18nBundlesTest.class.getResource("/cn/egov/kiosk/ui/" + other))
                    .as(other)
                    .isNull();
        }
    }

    @Test
    void everyMessageFormatsInBothLanguagesWithTheSameArguments() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (Msg msg : Msg.values()) {
            MessageFormat zhFormat = new MessageFormat(zh.getProperty(msg.key()), ZH);
            MessageFormat enFormat = new MessageFormat(en.getProperty(msg.key()), EN);
            assertThat(kinds(enFormat)).as("arguments of %s", msg).isEqualTo(kinds(zhFormat));
            for (Object[] args : samples(zhFormat)) {
                assertThatCode(() -> zhFormat.format(args)).as(msg.key()).doesNotThrowAnyException();
                assertThat(zhFormat.format(args)).as(msg.key()).isNotBlank().doesNotContain("{", "}");
                assertThat(enFormat.format(args)).as(msg.key()).isNotBlank().doesNotContain("{", "}");
            }
        }
    }

    /** Through I18n itself, as the screens ask: no key is missing and no text fails, in either language. */
    @Test
    void i18nGivesEveryTextInEveryLanguage() throws IOException {
        I18n i18n = new I18n(List.of(ZH, EN));
        Properties zh = load("messages.properties");
        for (Locale locale : i18n.supported()) {
            i18n.setLocale(locale);
            for (Msg msg : Msg.values()) {
                for (Object[] args : samples(new MessageFormat(zh.getProperty(msg.key()), ZH))) {
                    assertThat(i18n.text(msg, args)).as("%s in %s", msg, locale).isNotBlank();
                }
            }
        }
        i18n.setLocale(EN);
        assertThat(i18n.text(Msg.TICKET_FAILED_VOIDED, "A001"))
                .isEqualTo("Number A001 has been cancelled and will not be called.");
        i18n.setLocale(ZH);
        assertThat(i18n.text(Msg.TICKET_FAILED_VOIDED, "A001")).isEqualTo("号码 A001 已作废，不会被叫号。");
    }

    @Test
    void chineseTextsAreChineseAndEnglishTextsHaveNone() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (Msg msg : Msg.values()) {
            String zhText = zh.getProperty(msg.key());
            String enText = en.getProperty(msg.key());
            boolean swapped = OTHER_LANGUAGE.contains(msg);
            assertThat(HAN.matcher(zhText).find())
                    .as("%s=%s in Chinese", msg.key(), zhText)
                    .isNotEqualTo(swapped);
            assertThat(HAN.matcher(enText).find())
                    .as("%s=%s in English", msg.key(), enText)
                    .isEqualTo(swapped);
        }
        assertThat(zh.getProperty(Msg.FRAME_LANGUAGE_SWITCH.key())).isEqualTo("English");
        assertThat(en.getProperty(Msg.FRAME_LANGUAGE_SWITCH.key())).isEqualTo("中文");
    }

    @Test
    void choiceMessagesCoverNoneOneAndMany() throws IOException {
        I18n i18n = new I18n(List.of(ZH, EN));
        assertThat(i18n.text(Msg.TICKET_WAITING, 0)).isEqualTo("当前无人等候");
        assertThat(i18n.text(Msg.TICKET_WAITING, 5)).isEqualTo("当前等候 5 人");
        assertThat(i18n.text(Msg.TICKET_DONE_AHEAD, 1)).isEqualTo("您前面还有 1 人");
        i18n.setLocale(EN);
        assertThat(i18n.text(Msg.TICKET_WAITING, 0)).isEqualTo("Nobody waiting");
        assertThat(i18n.text(Msg.TICKET_WAITING, 1)).isEqualTo("1 person waiting");
        assertThat(i18n.text(Msg.TICKET_WAITING, 1234)).isEqualTo("1,234 people waiting");
        assertThat(i18n.text(Msg.TICKET_DONE_AHEAD, 2)).isEqualTo("2 people are ahead of you");
    }

    /** The kind of each argument: date, number (choice counts as number) or text. */
    private static List<String> kinds(MessageFormat format) {
        return Arrays.stream(format.getFormatsByArgumentIndex())
                .map(I18nBundlesTest::kind)
                .toList();
    }

    private static String kind(Format f) {
        if (f instanceof DateFormat) {
            return "date";
        }
        if (f instanceof ChoiceFormat || f instanceof NumberFormat) {
            return "number";
        }
        return "text";
    }

    /** Sample arguments that fit the format: a date, numbers 0, 1 and 12, or a text. */
    private static List<Object[]> samples(MessageFormat format) {
        Format[] formats = format.getFormatsByArgumentIndex();
        int n = Math.max(formats.length, 2);
        return List.of(0, 1, 12).stream()
                .map(number -> {
                    Object[] args = new Object[n];
                    for (int i = 0; i < n; i++) {
                        String k = i < formats.length ? kind(formats[i]) : "text";
                        args[i] = switch (k) {
                            case "date" -> new Date(1_796_000_000_000L);
                            case "number" -> number;
                            default -> "A00" + number;
                        };
                    }
                    return args;
                })
                .toList();
    }
}
