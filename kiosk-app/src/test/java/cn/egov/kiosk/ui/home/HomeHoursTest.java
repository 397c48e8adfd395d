package cn.egov.kiosk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.Hours;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.feature.OpeningHours;
import cn.egov.kiosk.feature.PlatformState;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.ui.AvailabilityModel;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The home screen across the hall's closing time: the tiles not offered after hours turn to "paused"
 * with their reason, code and what to do, the queue ticket (offered after hours) stays, and the
 * notice says when the hall opens again. The change reaches the UI thread (played by the test
 * thread) from the opening hours' listener, as from the minute timer.
 */
class HomeHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final Locale EN = Locale.forLanguageTag("en");

    private final Queue<Runnable> uiThread = new ConcurrentLinkedQueue<>();
    private final I18n i18n = new I18n(List.of(ZH, EN));
    // Friday 2026-12-11, a minute before closing; the hall is shut at the weekend
    private final MutableClock clock = new MutableClock(
            LocalDateTime.of(2026, 12, 11, 17, 29).atZone(SHANGHAI).toInstant());
    private final OpeningHours hours = new OpeningHours(
            () -> new Hours(
                    Map.of(
                            DayOfWeek.FRIDAY,
                            "08:30-12:00, 13:30-17:30",
                            DayOfWeek.SATURDAY,
                            Hours.CLOSED,
                            DayOfWeek.SUNDAY,
                            Hours.CLOSED,
                            DayOfWeek.MONDAY,
                            "08:30-17:30"),
                    List.of("queue-ticket")),
            clock,
            SHANGHAI);
    private DeviceManager devices;

    @AfterEach
    void close() {
        hours.close();
        if (devices != null) {
            devices.close();
        }
    }

    private HomeViewModel home() {
        devices = new DeviceManager(
                List.of(
                        HomeViewModelTest.simPrinter(),
                        new DeviceSpec("id-reader", DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of())),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, clock, new SimulatorRegistry()),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        AvailabilityModel availability = new AvailabilityModel(
                new FeatureAvailability(devices.health(), Map.of(), online(), hours), uiThread::add);
        devices.start();
        return new HomeViewModel(i18n, availability, new Navigator());
    }

    private void runUiThread() {
        for (Runnable r; (r = uiThread.poll()) != null; ) {
            r.run();
        }
    }

    private static PlatformState online() {
        return new PlatformState() {
            @Override
            public Optional<Unavailable> problem() {
                return Optional.empty();
            }

            @Override
            public void addListener(Runnable listener) {}
        };
    }

    private static HomeViewModel.Tile tile(HomeViewModel vm, Feature feature) {
        return vm.tiles().stream()
                .filter(t -> t.feature() == feature)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void atClosingTimeTheTilesPauseAndTheNoticeSaysWhenTheHallOpens() {
        HomeViewModel vm = home();
        HomeViewModel.Tile apply = tile(vm, Feature.APPLY);
        HomeViewModel.Tile queue = tile(vm, Feature.QUEUE_TICKET);
        Await.until(
                () -> {
                    runUiThread();
                    return apply.available().get() && queue.available().get();
                },
                Duration.ofSeconds(10),
                "the simulated devices to come up");
        assertThat(vm.platformNotice().get()).isEmpty();

        clock.advance(Duration.ofMinutes(1)); // 17:30
        hours.check();
        runUiThread();

        assertThat(apply.available().get()).isFalse();
        assertThat(apply.problem().get()).isEqualTo("暂停服务：现在不是大厅的办公时间。请在大厅办公时间再来办理；现在能办的业务照常。");
        assertThat(apply.code().get()).isEqualTo("代码 H-AFTER-HOURS");
        assertThat(queue.available().get())
                .as("queue numbers are offered after hours")
                .isTrue();
        assertThat(vm.platformNotice().get()).isEqualTo("现在是非办公时间，部分业务暂停，12月14日 星期一 08:30 恢复办理。");
        i18n.setLocale(EN);
        assertThat(vm.platformNotice().get())
                .isEqualTo("The hall is closed now: some services are paused until Monday 14 December, 08:30.");
        assertThat(apply.code().get()).isEqualTo("Code H-AFTER-HOURS");
        i18n.setLocale(ZH);

        // the lunch break of the same day says "today"
        clock.set(LocalDateTime.of(2026, 12, 11, 12, 5).atZone(SHANGHAI).toInstant());
        hours.check();
        runUiThread();
        assertThat(vm.platformNotice().get()).isEqualTo("现在是非办公时间，部分业务暂停，今天 13:30 恢复办理。");

        clock.set(LocalDateTime.of(2026, 12, 11, 13, 30).atZone(SHANGHAI).toInstant());
        hours.check();
        runUiThread();
        assertThat(apply.available().get()).isTrue();
        assertThat(apply.problem().get()).isEmpty();
        assertThat(vm.platformNotice().get()).isEmpty();
    }
}
