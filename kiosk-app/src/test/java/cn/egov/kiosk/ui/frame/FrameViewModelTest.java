package cn.egov.kiosk.ui.frame;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");

    // 00:30 on Sunday 29 November in Shanghai; still Saturday the 28th in UTC
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T16:30:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final Navigator navigator = new Navigator();
    private final ThemeManager themes = new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.STANDARD);
    private final AtomicInteger exits = new AtomicInteger();
    private TimeZone jvmZone;
    private FrameViewModel vm;

    @BeforeEach
    void create() {
        // the kiosk PC's own zone is not the hall's: the screen must follow the hall's
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        vm = frame("0571-12345");
    }

    private FrameViewModel frame(String hotline) {
        return new FrameViewModel(
                i18n,
                navigator,
                themes,
                clock,
                ZoneId.of("Asia/Shanghai"),
                l -> l.getLanguage().equals("zh") ? "西湖区政务服务中心" : "Xihu Service Centre",
                hotline,
                exits::incrementAndGet);
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void clockAndDateAreTheHallsEvenNearMidnight() {
        assertThat(vm.timeProperty().get()).isEqualTo("00:30");
        assertThat(vm.dateProperty().get()).isEqualTo("2026年11月29日 星期日");
    }

    @Test
    void theClockMovesOnTick() {
        clock.advance(Duration.ofMinutes(31));
        assertThat(vm.timeProperty().get()).isEqualTo("00:30"); // not before the tick

        vm.tick();

        assertThat(vm.timeProperty().get()).isEqualTo("01:01");
    }

    @Test
    void theLanguageSwitchRendersEveryTextAgain() {
        assertThat(vm.languageSwitchText().get()).isEqualTo("English");
        assertThat(vm.hallNameProperty().get()).isEqualTo("西湖区政务服务中心");
        assertThat(vm.hotlineProperty().get()).isEqualTo("服务热线 0571-12345");

        vm.switchLanguage();

        assertThat(i18n.locale()).isEqualTo(EN);
        assertThat(vm.languageSwitchText().get()).isEqualTo("中文");
        assertThat(vm.hallNameProperty().get()).isEqualTo("Xihu Service Centre");
        assertThat(vm.hotlineProperty().get()).isEqualTo("Hotline 0571-12345");
        assertThat(vm.dateProperty().get()).isEqualTo("Sunday, 29 November 2026");

        vm.switchLanguage();
        assertThat(i18n.locale()).isEqualTo(ZH);
        assertThat(vm.dateProperty().get()).isEqualTo("2026年11月29日 星期日");
    }

    @Test
    void noHotlineShowsNothing() {
        assertThat(frame("").hotlineProperty().get()).isEmpty();
    }

    @Test
    void theElderlySwitchNamesTheOtherMode() {
        assertThat(vm.elderlySwitchText().get()).isEqualTo("长辈模式");

        vm.toggleElderly();

        assertThat(themes.elderly()).isTrue();
        assertThat(vm.elderlySwitchText().get()).isEqualTo("标准模式");
        vm.switchLanguage();
        assertThat(vm.elderlySwitchText().get()).isEqualTo("Standard text");
        vm.toggleElderly();
        assertThat(vm.elderlySwitchText().get()).isEqualTo("Large text");
    }

    @Test
    void navigationShowsOffTheAttractScreenAndGoesBack() {
        assertThat(vm.navigationVisible().get()).isFalse();
        assertThat(vm.canGoBack().get()).isFalse();

        navigator.go(Screen.HOME);
        assertThat(vm.navigationVisible().get()).isTrue();
        assertThat(vm.canGoBack().get()).isFalse();

        navigator.go(Screen.TICKET);
        assertThat(vm.canGoBack().get()).isTrue();
        vm.back();
        assertThat(navigator.current()).isEqualTo(Screen.HOME);

        navigator.go(Screen.TICKET);
        vm.home();
        assertThat(navigator.current()).isEqualTo(Screen.HOME);
        assertThat(vm.canGoBack().get()).isFalse();
    }

    @Test
    void exitEndsTheSession() {
        vm.exit();

        assertThat(exits).hasValue(1);
    }
}
