package cn.egov.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.ui.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaffViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final AtomicInteger exits = new AtomicInteger();
    private final List<String> checked = new ArrayList<>();
    private final StaffViewModel vm = new StaffViewModel(
            i18n,
            clock,
            entry -> {
                checked.add(entry.toString());
                return entry.toString().equals("2468");
            },
            exits::incrementAndGet);

    private void tapsEvery(Duration gap, int taps) {
        for (int i = 0; i < taps; i++) {
            if (i > 0) {
                clock.advance(gap);
            }
            vm.cornerTapped();
        }
    }

    private void enter(String pin) {
        for (char c : pin.toCharArray()) {
            vm.digit(c - '0');
        }
        vm.submit();
    }

    @Test
    void fiveTapsWithinThreeSecondsOpenThePad() {
        tapsEvery(Duration.ofMillis(750), 5); // 3.0 s from the first to the fifth

        assertThat(vm.visibleProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("请输入管理密码");
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    @Test
    void fiveTapsOverFourSecondsDoNot() {
        tapsEvery(Duration.ofSeconds(1), 5);

        assertThat(vm.visibleProperty().get()).isFalse();

        // the window slides over the last five taps
        clock.advance(Duration.ofMillis(100));
        vm.cornerTapped(); // the last five at 1, 2, 3, 4, 4.1 s: 3.1 s apart
        assertThat(vm.visibleProperty().get()).isFalse();
        clock.advance(Duration.ofMillis(100));
        vm.cornerTapped(); // 2, 3, 4, 4.1, 4.2 s: 2.2 s apart
        assertThat(vm.visibleProperty().get()).isTrue();
    }

    @Test
    void fourTapsAreNotEnough() {
        tapsEvery(Duration.ofMillis(100), 4);

        assertThat(vm.visibleProperty().get()).isFalse();
    }

    @Test
    void theRightPinClosesTheKioskProgram() {
        vm.open();
        vm.digit(2);
        vm.digit(4);
        assertThat(vm.maskedProperty().get()).isEqualTo("●●");
        vm.digit(6);
        vm.digit(8);

        vm.submit();

        assertThat(exits).hasValue(1);
        assertThat(checked).containsExactly("2468");
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    @Test
    void withAPlatformTheRightPinCanOpenThePlatformPanelInstead() {
        AtomicInteger panels = new AtomicInteger();
        assertThat(vm.offersPlatform()).isFalse();
        vm.submitForPlatform(); // no platform: nothing happens, nothing is checked
        assertThat(checked).isEmpty();
        vm.platformPanel(panels::incrementAndGet);
        assertThat(vm.offersPlatform()).isTrue();
        vm.open();

        "1111".chars().forEach(c -> vm.digit(c - '0'));
        vm.submitForPlatform();
        assertThat(panels).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");

        "2468".chars().forEach(c -> vm.digit(c - '0'));
        vm.submitForPlatform();
        assertThat(panels).hasValue(1);
        assertThat(exits).as("the kiosk program stays").hasValue(0);
        assertThat(vm.visibleProperty().get()).isFalse();
    }

    @Test
    void theRightPinCanOpenThePaymentsPanelAndAWrongOneCannot() {
        AtomicInteger panels = new AtomicInteger();
        assertThat(vm.offersPayments()).isFalse();
        vm.submitForPayments(); // no payments: nothing happens, nothing is checked
        assertThat(checked).isEmpty();
        vm.paymentsPanel(panels::incrementAndGet);
        assertThat(vm.offersPayments()).isTrue();
        vm.open();

        "1111".chars().forEach(c -> vm.digit(c - '0'));
        vm.submitForPayments();
        assertThat(panels).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");

        "2468".chars().forEach(c -> vm.digit(c - '0'));
        vm.submitForPayments();
        assertThat(panels).hasValue(1);
        assertThat(exits).as("the kiosk program stays").hasValue(0);
        assertThat(vm.visibleProperty().get()).isFalse();
    }

    @Test
    void theRightPinCanOpenTheDiagnosticsAndAWrongOneCannot() {
        AtomicInteger panels = new AtomicInteger();
        assertThat(vm.offersDiagnostics()).isFalse();
        vm.submitForDiagnostics(); // no diagnostics: nothing happens, nothing is checked
        assertThat(checked).isEmpty();
        vm.diagnosticsPanel(panels::incrementAndGet);
        assertThat(vm.offersDiagnostics()).isTrue();
        vm.open();

        "1111".chars().forEach(c -> vm.digit(c - '0'));
        vm.submitForDiagnostics();
        assertThat(panels).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");

        "2468".chars().forEach(c -> vm.digit(c - '0'));
        vm.submitForDiagnostics();
        assertThat(panels).hasValue(1);
        assertThat(exits).as("the kiosk program stays").hasValue(0);
        assertThat(vm.visibleProperty().get()).isFalse();
    }

    @Test
    void aWrongPinSaysSoAndClearsTheEntry() {
        vm.open();

        enter("1234");

        assertThat(exits).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");
        assertThat(vm.maskedProperty().get()).isEmpty();
        assertThat(vm.visibleProperty().get()).isTrue();
        i18n.setLocale(EN);
        enter("1");
        assertThat(vm.messageProperty().get()).isEqualTo("Wrong PIN, please try again");
    }

    @Test
    void fiveWrongPinsLockThePadForAMinuteEvenForTheRightPin() {
        vm.open();
        for (int i = 0; i < 4; i++) {
            enter("0000");
            assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");
        }
        enter("0000");
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 60 秒后再试");

        enter("2468");
        assertThat(exits).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 60 秒后再试");

        clock.advance(Duration.ofSeconds(30));
        enter("2468");
        assertThat(exits).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 30 秒后再试");

        clock.advance(Duration.ofMillis(29_500));
        enter("2468");
        assertThat(exits).hasValue(0);
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 1 秒后再试");
        // while locked the PIN is not even checked
        assertThat(checked).containsExactly("0000", "0000", "0000", "0000", "0000");

        clock.advance(Duration.ofMillis(500)); // 60 s after the lock
        enter("2468");
        assertThat(exits).hasValue(1);
    }

    @Test
    void afterTheLockFiveMoreWrongPinsAreNeededToLockAgain() {
        vm.open();
        for (int i = 0; i < 5; i++) {
            enter("0000");
        }
        clock.advance(Duration.ofSeconds(61));

        for (int i = 0; i < 4; i++) {
            enter("0000");
        }
        assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");
        enter("2468");
        assertThat(exits).hasValue(1);
    }

    @Test
    void digitsOutsideZeroToNineAndBeyondTwelveAreIgnored() {
        vm.open();
        vm.digit(-1);
        vm.digit(10);
        for (int i = 0; i < 15; i++) {
            vm.digit(1);
        }

        assertThat(vm.maskedProperty().get()).isEqualTo("●".repeat(12));
        vm.clearEntry();
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    @Test
    void cancelHidesThePadAndForgetsTheEntry() {
        vm.open();
        vm.digit(2);

        vm.cancel();

        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.maskedProperty().get()).isEmpty();
        vm.open();
        vm.digit(4);
        vm.digit(6);
        vm.digit(8);
        vm.submit();
        assertThat(checked).containsExactly("468");
    }
}
