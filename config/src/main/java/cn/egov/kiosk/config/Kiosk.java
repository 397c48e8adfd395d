package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Fact;
import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ListSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.schema.Types;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code kiosk} section: which kiosk this is and where it stands.
 *
 * @param id the kiosk's id in the hall and on the platform, {@link #ID}
 * @param hallName the name of the hall, shown on screen and printed on tickets
 * @param hotline the service hotline shown on the help screen; "" for none
 * @param timeZone the time zone of tickets, receipts and opening hours
 * @param locales the languages offered, the first the default
 * @param demo demo mode
 *     <p>The admin PINs are not here: each role's PIN is kept hashed in the kiosk's store and set with
 *     {@code ./kiosk admin set-pin ROLE} (or the first start's set-up); a file still carrying the old
 *     {@code staffPin} is refused with that advice ({@link #STAFF_PIN_REMOVED}).
 */
public record Kiosk(
        String id, LocalizedText hallName, String hotline, ZoneId timeZone, List<Locale> locales, boolean demo) {

    /** 1 to 16 letters, digits and hyphens. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,16}");

    /** Up to 20 digits, spaces, hyphens, plus signs and parentheses, for example {@code 0571-12345}. */
    public static final Pattern HOTLINE_PATTERN = Pattern.compile("[0-9+()\\- ]{0,20}");

    /** The languages the kiosk supports, as language tags. */
    public static final List<String> SUPPORTED_LANGUAGE_TAGS = List.of("zh-CN", "en");

    /** The languages offered when the file does not say: Chinese first, then English. */
    public static final List<Locale> DEFAULT_LOCALES =
            List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en"));

    /** Whether the file says this is a demo kiosk (the platform and devices sections ask). */
    public static final Fact<Boolean> DEMO = new Fact<>("kiosk.demo");

    public static final Key<String> ID_KEY = Key.required(
                    "id", Types.text(ID, "1 to 16 letters, digits and hyphens, such as K01"))
            .doc("终端编号：打印在排队票上，也是平台上的编号", "The kiosk's id, printed on tickets and used on the platform")
            .example("K01");

    public static final Key<LocalizedText> HALL_NAME = Key.required("hallName", LocalizedText.SCHEMA)
            .doc("大厅名称，显示在屏幕上并打印在排队票上；zh-CN 必填", "The hall's name, on screen and on tickets; zh-CN required")
            .example("{zh-CN: 西湖区政务服务中心, en: Xihu District Government Service Centre}");

    public static final Key<String> HOTLINE = Key.optional(
                    "hotline",
                    Types.text(
                            Kiosk.HOTLINE_PATTERN,
                            "a phone number of up to 20 digits, spaces, hyphens, + and parentheses, in quotes, such as \"12345\""),
                    "")
            .doc(
                    "服务热线，显示在底栏并打印在排队票上；留空则不显示",
                    "The service hotline, in the bottom bar and on tickets; none when left out")
            .example("\"0571-12345\"");

    public static final Key<ZoneId> TIME_ZONE = Key.required("timeZone", zoneIdSchema())
            .doc("时区：排队票、回执和开放时间所用", "The time zone of tickets, receipts and opening hours")
            .example("Asia/Shanghai");

    public static final Key<List<Locale>> LOCALES = Key.optional("locales", languagesSchema(), DEFAULT_LOCALES)
            .doc(
                    "提供的语言，第一种为默认语言，每次会话结束后回到它",
                    "The languages offered; the first is the default the kiosk returns to after every session");

    /** What a file that still carries the old plain {@code staffPin} is told. */
    public static final String STAFF_PIN_REMOVED = "the PINs are no longer kept in this file: remove this line,"
            + " then set the staff PIN with ./kiosk admin set-pin staff (and the engineer's with"
            + " ./kiosk admin set-pin engineer); only their salted hashes are kept, in the kiosk's store";

    public static final Key<Boolean> DEMO_KEY = Key.optional("demo", Types.bool(), false)
            .tells(DEMO)
            .doc(
                    "演示模式：只有此时外设才可用模拟驱动（driver: sim），运行中的终端才接受 ./kiosk simctl 命令",
                    "Demo mode: only then may devices use a simulating driver (driver: sim) and does the running kiosk take ./kiosk simctl commands");

    /** The {@code kiosk} section. */
    public static final ObjectSchema<Kiosk> SCHEMA = ObjectSchema.of(
                    "a mapping",
                    List.of(ID_KEY, HALL_NAME, HOTLINE, TIME_ZONE, LOCALES, DEMO_KEY),
                    v -> new Kiosk(
                            v.get(ID_KEY),
                            v.get(HALL_NAME),
                            v.get(HOTLINE),
                            v.get(TIME_ZONE),
                            v.get(LOCALES),
                            v.get(DEMO_KEY)))
            .removed("staffPin", STAFF_PIN_REMOVED);

    public Kiosk {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("kiosk.id must be 1 to 16 letters, digits and hyphens: " + id);
        }
        Objects.requireNonNull(hallName, "hallName");
        if (hallName.isEmpty()) {
            throw new IllegalArgumentException("kiosk.hallName is empty");
        }
        hotline = hotline == null ? "" : hotline;
        if (!HOTLINE_PATTERN.matcher(hotline).matches()) {
            throw new IllegalArgumentException("kiosk.hotline must be up to 20 digits, spaces and + - ( ): " + hotline);
        }
        Objects.requireNonNull(timeZone, "timeZone");
        locales = locales == null ? DEFAULT_LOCALES : List.copyOf(locales);
        if (locales.isEmpty()) {
            throw new IllegalArgumentException("kiosk.locales is empty");
        }
        if (new HashSet<>(locales).size() != locales.size()) {
            throw new IllegalArgumentException("kiosk.locales has a language twice: " + locales);
        }
        for (Locale l : locales) {
            if (!SUPPORTED_LANGUAGE_TAGS.contains(l.toLanguageTag())) {
                throw new IllegalArgumentException(
                        "kiosk.locales: " + l.toLanguageTag() + " is not one of " + SUPPORTED_LANGUAGE_TAGS);
            }
        }
    }

    /** The language the kiosk starts in and returns to after every session. */
    public Locale defaultLocale() {
        return locales.get(0);
    }

    private static Schema<ZoneId> zoneIdSchema() {
        String expected = "a time-zone id such as Asia/Shanghai";
        return Types.scalar(
                expected,
                JsonNodeFactory.instance.objectNode().put("type", "string"),
                (text, node, path, r) -> {
                    try {
                        return ZoneId.of(text);
                    } catch (DateTimeException e) {
                        throw r.invalid(path, node, expected, Reading.quote(text));
                    }
                },
                ZoneId::getId);
    }

    private static Schema<List<Locale>> languagesSchema() {
        Schema<Locale> language =
                Types.oneOf(SUPPORTED_LANGUAGE_TAGS).map(Locale::forLanguageTag, Locale::toLanguageTag);
        return ListSchema.of(
                        language,
                        "a list of languages from " + SUPPORTED_LANGUAGE_TAGS
                                + ", the default first, such as [zh-CN, en]",
                        1,
                        SUPPORTED_LANGUAGE_TAGS.size(),
                        "languages")
                .unique(
                        null,
                        SUPPORTED_LANGUAGE_TAGS::contains,
                        (tag, line) -> "each language once (" + tag + " is already at line " + line + ")");
    }
}
