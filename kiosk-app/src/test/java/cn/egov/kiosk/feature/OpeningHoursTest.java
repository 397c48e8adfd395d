package cn.egov.kiosk.feature;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.Hours;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Features across a closing time: the real device manager with a simulated ticket printer and ID
 * card reader, the hours read from a configuration that staff change, and a clock the test moves.
 */
class OpeningHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(10);

    // Monday 2026-12-07, a minute before closing
    private final MutableClock clock = new MutableClock(
            LocalDateTime.of(2026, 12, 7, 17, 29).atZone(SHANGHAI).toInstant());
    private final AtomicReference<Hours> saved = new AtomicReference<>(weekdays(List.of("queue-ticket")));
    private final OpeningHours hours = new OpeningHours(saved::get, clock, SHANGHAI);
    /** A platform that answers (the catalogue's features are offered only where there is one). */
    static final PlatformState ONLINE = new PlatformState() {
        @Override
        public Optional<Unavailable> problem() {
            return Optional.empty();
        }

        @Override
        public void addListener(Runnable listener) {}
    };

    private final SimulatorRegistry simulators = new SimulatorRegistry();
    private DeviceManager devices;

    private static Hours weekdays(List<String> afterHours) {
        return new Hours(
                Map.of(
                        DayOfWeek.MONDAY, "08:30-17:30",
                        DayOfWeek.TUESDAY, "08:30-17:30",
                        DayOfWeek.WEDNESDAY, "08:30-17:30",
                        DayOfWeek.THURSDAY, "08:30-17:30",
                        DayOfWeek.FRIDAY, "08:30-17:30",
                        DayOfWeek.SATURDAY, Hours.CLOSED,
                        DayOfWeek.SUNDAY, Hours.CLOSED),
                afterHours);
    }

    @AfterEach
    void close() {
        hours.close();
        if (devices != null) {
            devices.close();
        }
    }

    private FeatureAvailability features() {
        devices = new DeviceManager(
                List.of(
                        new DeviceSpec("ticket-printer", DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of()),
                        new DeviceSpec("id-reader", DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of())),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, clock, simulators),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        devices.start();
        FeatureAvailability f = new FeatureAvailability(devices.health(), Map.of(), ONLINE, hours);
        Await.until(
                () -> f.of(Feature.APPLY).available()
                        && f.of(Feature.QUEUE_TICKET).available(),
                WAIT,
                "the simulated devices to come up");
        return f;
    }

    @Test
    void atClosingTimeOnlyTheAfterHoursFeaturesStayAndListenersHearItOnce() {
        FeatureAvailability f = features();
        AtomicInteger heard = new AtomicInteger();
        hours.addListener(heard::incrementAndGet);
        hours.check();
        assertThat(heard).as("nothing changed yet").hasValue(0);

        clock.advance(Duration.ofMinutes(1)); // 17:30
        hours.check();
        assertThat(heard).as("the hall closed").hasValue(1);
        hours.check();
        assertThat(heard).as("told once, not every minute").hasValue(1);

        assertThat(f.of(Feature.QUEUE_TICKET).available())
                .as("offered after hours")
                .isTrue();
        Availability apply = f.of(Feature.APPLY);
        assertThat(apply.problem()).contains(Unavailable.AFTER_HOURS);
        assertThat(apply.device()).as("not a device's fault").isEmpty();
        assertThat(f.fitted(Feature.APPLY)).as("still shown, as paused").isTrue();
        assertThat(hours.state().open()).isFalse();
        assertThat(hours.state().nextOpening())
                .contains(LocalDateTime.of(2026, 12, 8, 8, 30).atZone(SHANGHAI));

        clock.set(LocalDateTime.of(2026, 12, 8, 8, 30).atZone(SHANGHAI).toInstant());
        hours.check();
        assertThat(heard).as("the hall opened").hasValue(2);
        assertThat(f.of(Feature.APPLY).available()).isTrue();
        assertThat(hours.state()).isEqualTo(OpeningHours.State.OPEN);
    }

    @Test
    void hoursStaffSaveApplyAtOnce() {
        FeatureAvailability f = features();
        clock.advance(Duration.ofMinutes(1)); // closed
        assertThat(f.of(Feature.APPLY).problem()).contains(Unavailable.AFTER_HOURS);
        AtomicInteger heard = new AtomicInteger();
        hours.addListener(heard::incrementAndGet);

        saved.set(weekdays(List.of("queue-ticket", "apply")));
        hours.changed();
        assertThat(heard).hasValue(1);
        assertThat(f.of(Feature.APPLY).available())
                .as("now offered after hours")
                .isTrue();

        saved.set(new Hours(Map.of(DayOfWeek.MONDAY, "08:30-20:00"), List.of()));
        hours.changed();
        assertThat(f.of(Feature.QUEUE_TICKET).available())
                .as("open till eight now")
                .isTrue();
    }

    @Test
    void aDeviceProblemDoesNotHideThatTheHallIsClosed() {
        FeatureAvailability f = features();
        simulators
                .find("ticket-printer", SimulatedReceiptPrinter.class)
                .orElseThrow()
                .apply("paper-out");
        Await.until(() -> f.of(Feature.QUEUE_TICKET).problem().isPresent(), WAIT, "paper out");
        clock.advance(Duration.ofMinutes(1));
        assertThat(f.of(Feature.APPLY).problem()).contains(Unavailable.AFTER_HOURS);
        assertThat(f.of(Feature.QUEUE_TICKET).problem())
                .as("offered after hours, so its device's problem shows")
                .contains(Unavailable.PAPER_OUT);
    }

    @Test
    void theNextOpeningSkipsTheWeekendAndIsEmptyWhenNeverOpen() {
        clock.set(LocalDateTime.of(2026, 12, 11, 18, 0).atZone(SHANGHAI).toInstant()); // Friday evening
        assertThat(hours.nextOpening())
                .contains(LocalDateTime.of(2026, 12, 14, 8, 30).atZone(SHANGHAI));
        clock.set(LocalDateTime.of(2026, 12, 7, 6, 0).atZone(SHANGHAI).toInstant()); // Monday morning
        assertThat(hours.nextOpening())
                .contains(LocalDateTime.of(2026, 12, 7, 8, 30).atZone(SHANGHAI));
        Map<DayOfWeek, String> never = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            never.put(d, Hours.CLOSED);
        }
        saved.set(new Hours(never, List.of()));
        assertThat(hours.nextOpening()).isEmpty();
        assertThat(hours.state().open()).isFalse();
    }
}
