package cn.egov.kiosk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.feature.PlatformState;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.sync.PlatformLink;
import cn.egov.kiosk.ui.AvailabilityModel;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the home screen says about the platform: the licence tile out of service while it is away
 * (from the real {@link PlatformLink}), queue numbers still offered, and a notice of what works and
 * how old the local copy is. The UI thread is played by the test thread (direct executor).
 */
class HomePlatformNoticeTest {
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
    private final PlatformLink link = new PlatformLink(Clock.systemUTC(), PlatformLink.State.ONLINE);
    private volatile PlatformState.Notice notice = PlatformState.Notice.NONE;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private DeviceManager devices;

    private final PlatformState state = new PlatformState() {
        private final PlatformState fromLink = link.asFeatureState();

        @Override
        public Optional<Unavailable> problem() {
            return fromLink.problem();
        }

        @Override
        public Notice notice() {
            return notice;
        }

        @Override
        public void addListener(Runnable l) {
            fromLink.addListener(l);
            listeners.add(l);
        }
    };

    @AfterEach
    void close() {
        if (devices != null) {
            devices.close();
        }
    }

    private HomeViewModel home() {
        devices = new DeviceManager(
                List.of(
                        new DeviceSpec("licence-printer", DeviceClass.DOCUMENT_PRINTER, "sim", "sim:", Map.of()),
                        new DeviceSpec("id-reader", DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of()),
                        new DeviceSpec("ticket-printer", DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of())),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        FeatureAvailability features = new FeatureAvailability(devices.health(), Map.of(), state);
        return new HomeViewModel(i18n, new AvailabilityModel(features, Runnable::run), new Navigator());
    }

    @Test
    void offlineTheLicenceTileSaysWhyAndTheNoticeSaysWhatStillWorks() throws Exception {
        HomeViewModel vm = home();
        devices.start();
        devices.awaitFirstAttempts(Duration.ofSeconds(10));
        assertThat(vm.platformNotice().get()).isEmpty();

        notice = new PlatformState.Notice(true, Optional.of(LocalDateTime.of(2026, 11, 28, 9, 30)), true);
        link.unreachable("connection refused");

        HomeViewModel.Tile licence = vm.tiles().stream()
                .filter(t -> t.feature() == Feature.LICENCE_PRINT)
                .findFirst()
                .orElseThrow();
        HomeViewModel.Tile ticket = vm.tiles().stream()
                .filter(t -> t.feature() == Feature.QUEUE_TICKET)
                .findFirst()
                .orElseThrow();
        assertThat(licence.available().get()).isFalse();
        assertThat(licence.problem().get()).isEqualTo("暂停服务：现在连不上政务服务网。请过一会儿再试；着急的话，请到人工窗口办理。");
        assertThat(licence.code().get()).isEqualTo("代码 N-PLATFORM-AWAY");
        assertThat(ticket.available().get())
                .as("queue numbers come from the kiosk's own range")
                .isTrue();
        assertThat(vm.platformNotice().get()).isEqualTo("网络暂时中断：需要联网的业务暂停办理，取号照常。 办事指南为 11月28日 09:30 更新的版本。");

        i18n.setLocale(Locale.forLanguageTag("en"));
        assertThat(vm.platformNotice().get()).contains("The network is down").contains("as of 28 Nov 09:30");

        notice = new PlatformState.Notice(false, Optional.of(LocalDateTime.of(2026, 11, 29, 9, 0)), false);
        link.reached();
        assertThat(licence.available().get()).isTrue();
        assertThat(vm.platformNotice().get())
                .as("nothing to say when online and fresh")
                .isEmpty();
    }

    // enterprise
    @Test
    void theEnterpriseLookupIsOfferedWithAPlatformAndOutOfServiceWhileItIsAway() throws Exception {
        HomeViewModel vm = home();
        devices.start();
        devices.awaitFirstAttempts(Duration.ofSeconds(10));
        HomeViewModel.Tile enterprise = vm.tiles().stream()
                .filter(t -> t.feature() == Feature.ENTERPRISE_INFO)
                .findFirst()
                .orElseThrow();
        assertThat(enterprise.title().get()).isEqualTo("企业信息查询");
        assertThat(enterprise.available().get()).as("no device needed").isTrue();

        link.unreachable("connection refused");
        assertThat(enterprise.available().get()).isFalse();
        assertThat(enterprise.problem().get()).isEqualTo("暂停服务：现在连不上政务服务网。请过一会儿再试；着急的话，请到人工窗口办理。");
        assertThat(enterprise.code().get()).isEqualTo("代码 N-PLATFORM-AWAY");
        link.notRegistered("unknown kiosk");
        assertThat(enterprise.code().get()).isEqualTo("代码 N-NOT-REGISTERED");
        link.reached();
        assertThat(enterprise.available().get()).isTrue();

        // a kiosk without a platform has no register to ask: the lookup is not offered at all
        FeatureAvailability alone = new FeatureAvailability(devices.health(), Map.of(), PlatformState.NONE);
        assertThat(alone.fitted(Feature.ENTERPRISE_INFO)).isFalse();
        assertThat(alone.fitted(Feature.QUEUE_TICKET)).isTrue();
    }

    @Test
    void aStaleCopyIsShownEvenOnline() {
        HomeViewModel vm = home();
        notice = new PlatformState.Notice(false, Optional.of(LocalDateTime.of(2026, 11, 26, 18, 5)), true);
        listeners.forEach(Runnable::run);
        assertThat(vm.platformNotice().get()).isEqualTo("办事指南为 11月26日 18:05 更新的版本。");
    }
}
