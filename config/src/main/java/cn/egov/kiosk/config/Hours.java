package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ListSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code hours} section: the hall's opening hours and what the kiosk offers outside them.
 *
 * @param days each weekday's hours as written: {@code "08:30-17:30"}, {@code "08:30-12:00,
 *     13:30-17:30"} or {@code closed}
 * @param afterHours the services (names of {@link Ui#SERVICES}) offered outside opening hours
 */
public record Hours(Map<DayOfWeek, String> days, List<String> afterHours) {
    /** Open all day. */
    public static final String ALL_DAY = "00:00-24:00";

    public static final String CLOSED = "closed";

    /** {@code closed}, or one or more times of day {@code HH:MM-HH:MM} separated by commas. */
    public static final Pattern DAY =
            Pattern.compile("closed|([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)"
                    + "(, ?([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00))*");

    private static final Pattern RANGE = Pattern.compile("(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)");

    private static final String DAY_EXPECTED =
            "opening hours such as \"08:30-17:30\" or \"08:30-12:00, 13:30-17:30\", or closed";

    /** One key per weekday, Monday first. */
    public static final List<Key<String>> DAY_KEYS = dayKeys();

    public static final Key<List<String>> AFTER_HOURS = Key.optional(
                    "afterHours",
                    ListSchema.of(
                                    Types.oneOf(Ui.SERVICES),
                                    "a list of services from " + Ui.SERVICES + ", each once",
                                    0,
                                    Ui.SERVICES.size(),
                                    "services")
                            .unique(
                                    null,
                                    Ui.SERVICES::contains,
                                    (name, line) -> "each service once (" + name + " is already at line " + line + ")"),
                    Ui.SERVICES)
            .doc(
                    "开放时间以外仍提供的服务（例如 [service-guide, progress]）；其余服务显示“非办公时间”。默认全部",
                    "The services still offered outside the opening hours (such as [service-guide, progress]); the others show \"outside opening hours\". Default: all")
            .example("[service-guide, progress]");

    /** The {@code hours} section. */
    public static final ObjectSchema<Hours> SCHEMA = schema();

    /** What an omitted {@code hours} section means: open all day, every day. */
    public static final Hours DEFAULTS = new Hours(Map.of(), Ui.SERVICES);

    public Hours {
        Map<DayOfWeek, String> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            String text = days == null ? null : days.get(d);
            text = text == null ? ALL_DAY : text;
            if (!DAY.matcher(text).matches()) {
                throw new IllegalArgumentException("hours." + keyOf(d) + ": " + text);
            }
            all.put(d, text);
        }
        days = Map.copyOf(all);
        afterHours = List.copyOf(Objects.requireNonNull(afterHours, "afterHours"));
    }

    /** Whether the hall is open at this moment (in the hall's time zone). */
    public boolean isOpen(ZonedDateTime at) {
        String text = days.get(at.getDayOfWeek());
        LocalTime t = at.toLocalTime();
        for (LocalTime[] r : ranges(text)) {
            if (!t.isBefore(r[0]) && (r[1] == null || t.isBefore(r[1]))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a service is offered at this moment: always while open, after hours when listed. */
    public boolean offers(String service, ZonedDateTime at) {
        return afterHours.contains(service) || isOpen(at);
    }

    /**
     * When the hall opens on {@code from}'s day at or after {@code from}'s time: the start of the
     * first range that begins then or later; empty when none does (closed that day, or its last range
     * has begun).
     */
    public Optional<ZonedDateTime> opensAt(ZonedDateTime from) {
        LocalTime t = from.toLocalTime();
        LocalTime first = null;
        for (LocalTime[] r : ranges(days.get(from.getDayOfWeek()))) {
            if (!r[0].isBefore(t) && (first == null || r[0].isBefore(first))) {
                first = r[0];
            }
        }
        return first == null ? Optional.empty() : Optional.of(from.with(first).truncatedTo(ChronoUnit.MINUTES));
    }

    /** The key of a weekday: {@code monday}... */
    public static String keyOf(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** A day's ranges, start and end ({@code null}: midnight at the end of the day). */
    private static List<LocalTime[]> ranges(String text) {
        List<LocalTime[]> out = new ArrayList<>();
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            int h = Integer.parseInt(m.group(3));
            LocalTime to = h == 24 ? null : LocalTime.of(h, Integer.parseInt(m.group(4)));
            out.add(new LocalTime[] {from, to});
        }
        return out;
    }

    private static List<Key<String>> dayKeys() {
        String[] zh = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
        List<Key<String>> keys = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            keys.add(Key.optional(keyOf(d), Types.text(DAY, DAY_EXPECTED), ALL_DAY)
                    .doc(
                            zh[d.ordinal()] + "的开放时间，如 \"08:30-12:00, 13:30-17:30\"，或 closed（不开放）；默认全天",
                            "The opening hours on " + d.name().charAt(0)
                                    + d.name().substring(1).toLowerCase(Locale.ROOT)
                                    + ", such as \"08:30-12:00, 13:30-17:30\", or closed; default all day")
                    .example("\"08:30-17:30\""));
        }
        return List.copyOf(keys);
    }

    private static ObjectSchema<Hours> schema() {
        List<Key<?>> keys = new ArrayList<>(DAY_KEYS);
        keys.add(AFTER_HOURS);
        return ObjectSchema.of("a mapping", keys, v -> {
            Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                days.put(d, v.get(DAY_KEYS.get(d.ordinal())));
            }
            return new Hours(days, v.get(AFTER_HOURS));
        });
    }
}
