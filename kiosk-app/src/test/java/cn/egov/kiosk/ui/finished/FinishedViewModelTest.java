package cn.egov.kiosk.ui.finished;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionListener;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After a finished flow: another service or exit, and a countdown that ends the session by itself. */
class FinishedViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final Locale EN = Locale.forLanguageTag("en");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final SessionManager sessions = new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(20));
    private final Navigator navigator = new Navigator();
    private final FinishedViewModel vm =
            new FinishedViewModel(i18n, sessions, navigator, clock, Duration.ofSeconds(15));
    private final List<EndReason> ended = new ArrayList<>();

    @BeforeEach
    void aCitizenHasTakenANumber() {
        sessions.addListener(new SessionListener() {
            @Override
            public void ended(Session session, EndReason reason) {
                ended.add(reason);
            }
        });
        sessions.start(ZH);
        navigator.go(Screen.TICKET);
        vm.start();
    }

    private void after(Duration d) {
        clock.advance(d);
        vm.tick();
        sessions.tick();
    }

    @Test
    void theCountdownShowsAndEndsTheSessionLongBeforeTheInactivityLimit() {
        assertThat(vm.countingProperty().get()).isTrue();
        assertThat(vm.countdownText().get()).isEqualTo("15 秒后自动退出");
        after(Duration.ofSeconds(6));
        assertThat(vm.secondsLeftProperty().get()).isEqualTo(9);
        i18n.setLocale(EN);
        assertThat(vm.countdownText().get()).isEqualTo("Ending in 9 seconds");

        after(Duration.ofSeconds(9));

        assertThat(ended).containsExactly(EndReason.FINISHED);
        assertThat(sessions.current()).isEmpty();
        assertThat(vm.countingProperty().get()).isFalse();
    }

    @Test
    void aTouchStartsTheCountdownAgain() {
        after(Duration.ofSeconds(12));
        vm.touch();
        assertThat(vm.secondsLeftProperty().get()).isEqualTo(15);
        after(Duration.ofSeconds(12));
        assertThat(sessions.current()).as("touched 12 s ago").isPresent();
        after(Duration.ofSeconds(3));
        assertThat(ended).containsExactly(EndReason.FINISHED);
    }

    @Test
    void anotherServiceKeepsTheSessionAndStopsTheCountdown() {
        vm.otherService();

        assertThat(navigator.current()).isEqualTo(Screen.HOME);
        assertThat(vm.countingProperty().get()).isFalse();
        after(Duration.ofSeconds(30));
        assertThat(sessions.current())
                .as("still the citizen's, until the inactivity limit")
                .isPresent();
        assertThat(ended).isEmpty();
    }

    @Test
    void exitEndsTheSessionAtOnce() {
        vm.exit();

        assertThat(ended).containsExactly(EndReason.EXPLICIT_EXIT);
        after(Duration.ofSeconds(30));
        assertThat(ended).as("the countdown does not end it twice").hasSize(1);
    }
}
