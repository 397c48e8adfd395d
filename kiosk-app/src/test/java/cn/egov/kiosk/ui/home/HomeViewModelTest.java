package cn.egov.kiosk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.ui.AvailabilityModel;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The home tiles over a real device manager with the simulated ticket printer: the ESC/POS driver
 * and a virtual printer on an in-memory cable. Health changes arrive on device threads; here the
 * test thread plays the UI thread and runs what they hand over.
 */
class HomeViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Queue<Runnable> uiThread = new ConcurrentLinkedQueue<>();
    private final SimulatorRegistry simulators = new SimulatorRegistry();
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final Navigator navigator = new Navigator();
    private DeviceManager devices;
    private HomeViewModel vm;

    private void create(List<DeviceSpec> specs) {
        devices = new DeviceManager(
                specs,
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), simulators),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        AvailabilityModel availability =
                new AvailabilityModel(new FeatureAvailability(devices.health()), uiThread::add);
        vm = new HomeViewModel(i18n, availability, navigator);
    }

    static DeviceSpec simPrinter() {
        return new DeviceSpec(
                "ticket-printer",
                DeviceClass.RECEIPT_PRINTER,
                "sim",
                "sim:",
                Map.of("columns", "32", "jobTimeoutMs", "5000", "pollMs", "200"));
    }

    @AfterEach
    void close() {
        if (devices != null) {
            devices.close();
        }
    }

    private void awaitOnUiThread(BooleanSupplier condition, String what) {
        Await.until(
                () -> {
                    for (Runnable r; (r = uiThread.poll()) != null; ) {
                        r.run();
                    }
                    return condition.getAsBoolean();
                },
                WAIT,
                what);
    }

    private HomeViewModel.Tile queueTile() {
        assertThat(vm.tiles())
                .extracting(HomeViewModel.Tile::feature)
                .containsExactly(Feature.QUEUE_TICKET); // no licence printer here: not offered
        return vm.tiles().get(0);
    }

    private SimulatedReceiptPrinter printerSimulator() {
        return simulators.find("ticket-printer", SimulatedReceiptPrinter.class).orElseThrow();
    }

    @Test
    void paperOutMakesTheQueueTileUnavailableWithTheReason() {
        create(List.of(simPrinter()));
        HomeViewModel.Tile tile = queueTile();
        devices.start();
        awaitOnUiThread(() -> tile.available().get(), "the printer to come up");
        assertThat(tile.problem().get()).isEmpty();
        assertThat(tile.title().get()).isEqualTo("取号");
        assertThat(tile.description().get()).isEqualTo("选择业务类型，打印排队号票");

        printerSimulator().apply("paper-out");

        awaitOnUiThread(() -> !tile.available().get(), "the tile to go unavailable");
        assertThat(tile.problem().get()).isEqualTo("暂停服务：打印机没纸了。请到人工窗口办理，工作人员会帮您。");
        assertThat(tile.code().get()).isEqualTo("代码 D-PAPER-OUT");
        i18n.setLocale(EN);
        assertThat(tile.problem().get())
                .isEqualTo(
                        "Out of service: the printer has run out of paper. Please go to a service window: the staff will help you.");
        assertThat(tile.code().get()).isEqualTo("Code D-PAPER-OUT");
        assertThat(tile.title().get()).isEqualTo("Queue number");

        printerSimulator().apply("paper-ok");

        awaitOnUiThread(() -> tile.available().get(), "the tile to come back");
        assertThat(tile.problem().get()).isEmpty();
    }

    @Test
    void anUnavailableTileDoesNotOpenItsScreen() {
        create(List.of(simPrinter()));
        HomeViewModel.Tile tile = queueTile();
        navigator.go(Screen.HOME);

        // not started: the printer is "starting"
        assertThat(tile.available().get()).isFalse();
        assertThat(tile.problem().get()).isEqualTo("暂停服务：机器的设备正在启动。机器正在准备，请等一两分钟再试。");
        tile.open();
        assertThat(navigator.current()).isEqualTo(Screen.HOME);

        devices.start();
        awaitOnUiThread(() -> tile.available().get(), "the printer to come up");
        tile.open();
        assertThat(navigator.current()).isEqualTo(Screen.TICKET);
    }

    @Test
    void aPulledCableShowsTheDeviceAsNotConnected() {
        create(List.of(simPrinter()));
        HomeViewModel.Tile tile = queueTile();
        devices.start();
        awaitOnUiThread(() -> tile.available().get(), "the printer to come up");

        printerSimulator().apply("disconnect");

        awaitOnUiThread(() -> !tile.available().get(), "the tile to go unavailable");
        assertThat(tile.problem().get()).isEqualTo("暂停服务：机器的设备没有连上。请到人工窗口办理，工作人员会帮您。");

        printerSimulator().apply("reconnect");
        awaitOnUiThread(() -> tile.available().get(), "the device manager to reconnect");
    }

    @Test
    void aFeatureTheKioskHasNoDeviceForIsNotOffered() {
        create(List.of());

        // not a tile that says "out of service" for good: a feature this kiosk is not fitted for is not shown
        assertThat(vm.tiles()).isEmpty();
    }

    @Test
    void everyProblemADeviceCanReportHasItsOwnText() {
        // Msg.forProblem is an exhaustive switch; what is left to check is that no two share words
        Set<Msg> texts = EnumSet.noneOf(Msg.class);
        for (Unavailable u : Unavailable.values()) {
            texts.add(Msg.forProblem(u));
        }
        assertThat(texts).hasSize(Unavailable.values().length);
        // and each device problem keeps its own reason
        assertThat(Arrays.stream(HealthProblem.values()).map(Unavailable::of).distinct())
                .hasSize(HealthProblem.values().length);
    }
}
