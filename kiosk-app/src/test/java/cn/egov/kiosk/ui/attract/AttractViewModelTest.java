package cn.egov.kiosk.ui.attract;

import static org.assertj.core.api.Assertions.assertThat;

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
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.AvailabilityModel;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.attract.AttractViewModel.ServiceLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttractViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");

    private final Queue<Runnable> uiThread = new ConcurrentLinkedQueue<>();
    private final SimulatorRegistry simulators = new SimulatorRegistry();
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final Navigator navigator = new Navigator();
    private final SessionManager sessions = new SessionManager(
            new MutableClock(Instant.parse("2026-11-28T06:00:00Z")), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private DeviceManager devices;
    private AttractViewModel vm;

    @BeforeEach
    void create() {
        devices = new DeviceManager(
                List.of(new DeviceSpec(
                        "ticket-printer",
                        DeviceClass.RECEIPT_PRINTER,
                        "sim",
                        "sim:",
                        Map.of("columns", "32", "jobTimeoutMs", "5000", "pollMs", "200"))),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), simulators),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        AvailabilityModel availability =
                new AvailabilityModel(new FeatureAvailability(devices.health()), uiThread::add);
        vm = new AttractViewModel(
                i18n,
                availability,
                sessions,
                navigator,
                l -> l.getLanguage().equals("zh") ? "西湖区政务服务中心" : "Xihu Service Centre");
    }

    @AfterEach
    void close() {
        devices.close();
    }

    private void awaitServices(List<ServiceLine> expected, String what) {
        Await.until(
                () -> {
                    for (Runnable r; (r = uiThread.poll()) != null; ) {
                        r.run();
                    }
                    return vm.servicesProperty().get().equals(expected);
                },
                Duration.ofSeconds(10),
                what + " (now " + vm.servicesProperty().get() + ")");
    }

    @Test
    void theServicesListSaysWhatCanBeUsedNowAndWhyNot() {
        assertThat(vm.servicesProperty().get())
                .containsExactly(new ServiceLine(Feature.QUEUE_TICKET, "取号暂停服务：机器的设备正在启动", false));

        devices.start();
        awaitServices(List.of(new ServiceLine(Feature.QUEUE_TICKET, "取号", true)), "the printer to come up");

        simulators
                .find("ticket-printer", SimulatedReceiptPrinter.class)
                .orElseThrow()
                .apply("paper-out");
        awaitServices(List.of(new ServiceLine(Feature.QUEUE_TICKET, "取号暂停服务：打印机没纸了", false)), "paper out to show");

        i18n.setLocale(EN);
        assertThat(vm.servicesProperty().get())
                .containsExactly(new ServiceLine(
                        Feature.QUEUE_TICKET, "Queue number: out of service, the printer has run out of paper", false));
    }

    @Test
    void theHallNameFollowsTheLanguage() {
        assertThat(vm.hallNameProperty().get()).isEqualTo("西湖区政务服务中心");
        i18n.setLocale(EN);
        assertThat(vm.hallNameProperty().get()).isEqualTo("Xihu Service Centre");
    }

    @Test
    void aTouchStartsASessionInTheLanguageOnScreenAndShowsHome() {
        i18n.setLocale(EN);

        vm.start();

        assertThat(sessions.current()).isPresent();
        assertThat(sessions.current().get().locale()).isEqualTo(EN);
        assertThat(navigator.current()).isEqualTo(Screen.HOME);
    }
}
