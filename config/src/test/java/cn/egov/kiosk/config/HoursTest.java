package cn.egov.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opening hours as written: open or closed at a moment, what is offered, and when the hall opens next. */
class HoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // 2026-12-07 is a Monday
    private static ZonedDateTime at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 12, day, hour, minute).atZone(SHANGHAI);
    }

    private final Hours hours = new Hours(
            Map.of(
                    DayOfWeek.MONDAY, "08:30-12:00, 13:30-17:30",
                    DayOfWeek.SATURDAY, "09:00-24:00",
                    DayOfWeek.SUNDAY, Hours.CLOSED),
            List.of("queue-ticket", "service-guide"));

    @Test
    void openInsideARangeAndClosedAtItsEndMinute() {
        assertThat(hours.isOpen(at(7, 8, 29))).isFalse();
        assertThat(hours.isOpen(at(7, 8, 30))).isTrue();
        assertThat(hours.isOpen(at(7, 11, 59))).isTrue();
        assertThat(hours.isOpen(at(7, 12, 0))).as("the lunch break").isFalse();
        assertThat(hours.isOpen(at(7, 13, 30))).isTrue();
        assertThat(hours.isOpen(at(7, 17, 29))).isTrue();
        assertThat(hours.isOpen(at(7, 17, 30))).as("closing time").isFalse();
        assertThat(hours.isOpen(at(12, 23, 59))).as("24:00 means to midnight").isTrue();
        assertThat(hours.isOpen(at(13, 10, 0))).as("closed on Sunday").isFalse();
        assertThat(hours.isOpen(at(8, 3, 0)))
                .as("a day not written is open all day")
                .isTrue();
    }

    @Test
    void afterHoursOnlyTheListedServicesAreOffered() {
        ZonedDateTime closed = at(7, 17, 30);
        assertThat(hours.offers("queue-ticket", closed)).isTrue();
        assertThat(hours.offers("service-guide", closed)).isTrue();
        assertThat(hours.offers("apply", closed)).isFalse();
        assertThat(hours.offers("apply", at(7, 17, 29))).isTrue();
        assertThat(Hours.DEFAULTS.offers("apply", at(13, 3, 0)))
                .as("no hours set: all offered")
                .isTrue();
    }

    @Test
    void opensAtIsTheNextRangeOfTheSameDay() {
        assertThat(hours.opensAt(at(7, 6, 0))).contains(at(7, 8, 30));
        assertThat(hours.opensAt(at(7, 12, 10))).contains(at(7, 13, 30));
        assertThat(hours.opensAt(at(7, 13, 30))).contains(at(7, 13, 30));
        assertThat(hours.opensAt(at(7, 18, 0))).isEmpty();
        assertThat(hours.opensAt(at(13, 0, 0))).as("closed all Sunday").isEmpty();
    }

    @Test
    void aDayOutOfPatternIsRefused() {
        assertThatThrownBy(() -> new Hours(Map.of(DayOfWeek.MONDAY, "8:30-17:30"), List.of()))
                .hasMessageContaining("hours.monday");
    }
}
