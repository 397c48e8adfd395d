package cn.egov.kiosk.ui.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InactivityViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final SessionManager sessions = new SessionManager(clock, Duration.ofSeconds(90), Duration.ofSeconds(30));
    private final InactivityViewModel vm = new InactivityViewModel(i18n, sessions);

    private void after(Duration d) {
        clock.advance(d);
        sessions.tick();
    }

    @Test
    void theWarningShowsAndCountsDown() {
        sessions.start(ZH);
        after(Duration.ofSeconds(89));
        assertThat(vm.visibleProperty().get()).isFalse();

        after(Duration.ofSeconds(1));

        assertThat(vm.visibleProperty().get()).isTrue();
        assertThat(vm.secondsLeftProperty().get()).isEqualTo(30);
        assertThat(vm.countdownText().get()).isEqualTo("30 秒后将自动退出，并清除您的信息。");
        after(Duration.ofSeconds(8));
        assertThat(vm.secondsLeftProperty().get()).isEqualTo(22);
        i18n.setLocale(EN);
        assertThat(vm.countdownText().get())
                .isEqualTo("In 22 seconds this session will end and your details will be cleared.");
    }

    @Test
    void continueKeepsTheSessionAndHidesTheWarning() {
        sessions.start(ZH);
        after(Duration.ofSeconds(95));

        vm.keepGoing();

        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(sessions.phase()).isEqualTo(SessionManager.Phase.ACTIVE);
        after(Duration.ofSeconds(89));
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(sessions.current()).isPresent();
    }

    @Test
    void aTouchAnywhereHidesTheWarningToo() {
        sessions.start(ZH);
        after(Duration.ofSeconds(95));

        sessions.touch();

        assertThat(vm.visibleProperty().get()).isFalse();
    }

    @Test
    void theEndOfTheSessionHidesTheWarning() {
        sessions.start(ZH);
        after(Duration.ofSeconds(100));
        assertThat(vm.visibleProperty().get()).isTrue();

        after(Duration.ofSeconds(20));

        assertThat(sessions.current()).isEmpty();
        assertThat(vm.visibleProperty().get()).isFalse();
    }

    @Test
    void anEndByStaffHidesTheWarning() {
        sessions.start(ZH);
        after(Duration.ofSeconds(100));

        sessions.end(EndReason.STAFF);

        assertThat(vm.visibleProperty().get()).isFalse();
    }
}
