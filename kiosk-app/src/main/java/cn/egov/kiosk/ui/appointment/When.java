package cn.egov.kiosk.ui.appointment;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * Days and times as the citizen says them, in the screen's language: 12月8日 星期二, 上午9:30,
 * 今天/明天 before the day when it is one of those. The words come from the bundles, the day and hour
 * in the hall's time zone.
 */
public final class When {
    private final I18n i18n;
    private final ZoneId zone;

    public When(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    /** 12月8日 星期二; 今天 12月8日 星期二 when {@code day} is {@code today}, 明天 … the day after. */
    public String day(LocalDate day, LocalDate today) {
        String date = i18n.textInZone(Msg.APPOINTMENT_WHEN_DAY, zone, date(day.atStartOfDay()));
        if (day.equals(today)) {
            return i18n.text(Msg.APPOINTMENT_WHEN_TODAY, date);
        }
        if (day.equals(today.plusDays(1))) {
            return i18n.text(Msg.APPOINTMENT_WHEN_TOMORROW, date);
        }
        return date;
    }

    /** 上午9:30. */
    public String time(LocalTime time) {
        return i18n.textInZone(
                Msg.APPOINTMENT_WHEN_TIME, zone, date(LocalDate.of(2000, 1, 1).atTime(time)));
    }

    /** 上午9:30–10:00: a slot; the end without its half of the day when it is the same. */
    public String span(LocalTime start, LocalTime end) {
        String from = time(start);
        String to = time(end);
        boolean sameHalf = (start.getHour() < 12) == (end.getHour() < 12);
        return i18n.text(Msg.APPOINTMENT_WHEN_SPAN, from, sameHalf ? bare(end) : to);
    }

    /** 今天 12月8日 星期二 上午9:30. */
    public String dayTime(LocalDateTime at, LocalDate today) {
        return i18n.text(Msg.APPOINTMENT_WHEN_DAY_TIME, day(at.toLocalDate(), today), time(at.toLocalTime()));
    }

    /** A time without its half of the day: 10:00 (after 上午9:30–). */
    private String bare(LocalTime time) {
        return i18n.textInZone(
                Msg.APPOINTMENT_WHEN_CLOCK, zone, date(LocalDate.of(2000, 1, 1).atTime(time)));
    }

    private Date date(LocalDateTime at) {
        return Date.from(at.atZone(zone).toInstant());
    }
}
