package cn.egov.kiosk.ui.appointment;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * Days and times as the citizen says them, in the screen's language: 12月8日 星期二, 上午9:30至10:00,
 * 今天/明天 before the day when it is one of those. The words and the forms come from the bundles (a
 * time goes into a message as a date, formatted there), the day and hour in the hall's time zone.
 */
public final class When {
    /** A day for a time of day alone: the message formats only its time. */
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    private final I18n i18n;
    private final ZoneId zone;

    public When(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    /** 12月8日 星期二; 今天 12月8日 星期二 when {@code day} is {@code today}, 明天 … the day after. */
    public String day(LocalDate day, LocalDate today) {
        return relative(i18n.textInZone(Msg.APPOINTMENT_WHEN_DAY, zone, date(day.atStartOfDay())), day, today);
    }

    /** 上午9:00至9:30: a slot; the end says its half of the day only when it is another. */
    public String span(LocalTime start, LocalTime end) {
        boolean sameHalf = (start.getHour() < 12) == (end.getHour() < 12);
        return i18n.textInZone(
                sameHalf ? Msg.APPOINTMENT_WHEN_SPAN : Msg.APPOINTMENT_WHEN_SPAN_HALVES,
                zone,
                date(ANY_DAY.atTime(start)),
                date(ANY_DAY.atTime(end)));
    }

    /** 今天 12月8日 星期二 上午9:30. */
    public String dayTime(LocalDateTime at, LocalDate today) {
        return relative(i18n.textInZone(Msg.APPOINTMENT_WHEN_DAY_TIME, zone, date(at)), at.toLocalDate(), today);
    }

    /** A message whose arguments hold times ({@link #date}), formatted in the hall's zone. */
    public String text(Msg msg, Object... args) {
        return i18n.textInZone(msg, zone, args);
    }

    /** A local time of the hall as a message's date argument. */
    public Date date(LocalDateTime at) {
        return Date.from(at.atZone(zone).toInstant());
    }

    /** A time of day alone as a message's date argument. */
    public Date date(LocalTime at) {
        return date(ANY_DAY.atTime(at));
    }

    private String relative(String text, LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return i18n.text(Msg.APPOINTMENT_WHEN_TODAY, text);
        }
        if (day.equals(today.plusDays(1))) {
            return i18n.text(Msg.APPOINTMENT_WHEN_TOMORROW, text);
        }
        return text;
    }
}
