package cn.egov.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff's platform panel over the real platform services (SQLite store, the simulator over HTTP):
 * the state, the outbox, a dead letter with its reason but not its content, and sending it again.
 */
class PlatformPanelViewModelTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void showsTheStateTheBacklogAndTheDeadLettersAndSendsThemAgain() throws Exception {
        I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
                Database db = Database.open(dir.resolve("kiosk.db"))) {
            sim.allowRegistrationCode("PANEL-1");
            Platform config = new Platform(
                    Optional.of(URI.create(sim.url())),
                    "110101-01",
                    Optional.of("PANEL-1"),
                    dir.resolve("credentials.json"),
                    dir.resolve("store.key"),
                    Optional.empty(),
                    List.of(),
                    60,
                    24,
                    600,
                    30,
                    900,
                    30);
            try (PlatformServices platform =
                    new PlatformServices(config, db, Clock.systemUTC(), SHANGHAI, "K01", List::of)) {
                platform.checkNow();
                var applicant = new Applications.Applicant(
                        Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市东城区示例大街1号");
                platform.applications()
                        .submit("no-such-item", applicant, Json.mapper().createObjectNode(), List.of());
                platform.sender().drainOnce();

                MutableClock uiClock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
                PlatformPanelViewModel vm = new PlatformPanelViewModel(
                        i18n,
                        TaskRunner.DIRECT,
                        platform::report,
                        platform::retryDeadLetters,
                        platform::checkNow,
                        SHANGHAI,
                        uiClock);
                vm.open();

                assertThat(vm.visibleProperty().get()).isTrue();
                assertThat(vm.statusProperty().get())
                        .contains("平台：在线（最近联系")
                        .contains("与平台时钟相差")
                        .contains("办事指南 469 项");
                assertThat(vm.outboxProperty().get()).startsWith("待上传 0 条，上传失败 1 条");
                assertThat(vm.warningsProperty().get())
                        .as("registered, with its code still configured")
                        .isEqualTo("配置中的注册码（platform.registrationCode）已经用过，不能再次注册：请从终端配置文件中删除它")
                        .doesNotContain("PANEL-1");
                assertThat(vm.deadLetters())
                        .singleElement()
                        .satisfies(line -> assertThat(line)
                                .contains("application.submit")
                                .contains("validation (422)")
                                .doesNotContain("王小明")
                                .doesNotContain("11010519491231002X"));

                vm.retryAll();
                assertThat(vm.messageProperty().get()).isEqualTo("已重新排队 1 条");
                platform.sender().drainOnce(); // the platform refuses it again: a dead letter again, not a duplicate
                vm.refresh();
                assertThat(vm.outboxProperty().get()).startsWith("待上传 0 条，上传失败 1 条");
                assertThat(sim.ledger().size()).as("nothing applied").isLessThanOrEqualTo(1);

                sim.down(Duration.ofMinutes(5));
                vm.syncNow();
                assertThat(vm.statusProperty().get()).startsWith("平台：连接中断（自");
                i18n.setLocale(Locale.forLanguageTag("en"));
                vm.refresh();
                assertThat(vm.statusProperty().get()).startsWith("Platform: unreachable (since");
                vm.close();
                assertThat(vm.visibleProperty().get()).isFalse();
                assertThat(vm.deadLetters()).isEmpty();

                // left open and alone, the panel closes by itself after a minute; a touch gives it another
                vm.open();
                uiClock.advance(Duration.ofSeconds(50));
                vm.tick();
                vm.touch();
                uiClock.advance(Duration.ofSeconds(50));
                vm.tick();
                assertThat(vm.visibleProperty().get()).as("touched 50 s ago").isTrue();
                uiClock.advance(Duration.ofSeconds(11));
                vm.tick();
                assertThat(vm.visibleProperty().get())
                        .as("a minute without a touch")
                        .isFalse();
            }
        }
    }
}
