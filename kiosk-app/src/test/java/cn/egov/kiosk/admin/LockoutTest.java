package cn.egov.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lock-out's arithmetic, and what it allows a stranger over a night. */
class LockoutTest {
    @Test
    void everyFifthWrongPinShutsThePadTwiceAsLongUpToAnHour() {
        assertThat(Lockout.after(0)).isZero();
        for (int wrong = 1; wrong <= 4; wrong++) {
            assertThat(Lockout.after(wrong)).isZero();
        }
        assertThat(Lockout.after(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Lockout.after(6)).isZero();
        assertThat(Lockout.after(10)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Lockout.after(15)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Lockout.after(20)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Lockout.after(25)).isEqualTo(Duration.ofMinutes(16));
        assertThat(Lockout.after(30)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Lockout.after(35)).isEqualTo(Duration.ofHours(1)); // 64 min, capped
        assertThat(Lockout.after(5_000)).isEqualTo(Duration.ofHours(1));
        assertThat(Lockout.after(Integer.MAX_VALUE - 2)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void wrongPinsLeftBeforeTheLock() {
        assertThat(Lockout.leftBeforeLock(1)).isEqualTo(4);
        assertThat(Lockout.leftBeforeLock(4)).isEqualTo(1);
        assertThat(Lockout.leftBeforeLock(6)).isEqualTo(4);
    }

    @Test
    void aNightAllowsFewGuesses() {
        // the first 35 guesses cost 1+2+4+8+16+32+60 = 123 minutes of locks; then 5 guesses an hour
        assertThat(Lockout.guessesWithin(Duration.ofMinutes(123))).isEqualTo(35);
        assertThat(Lockout.guessesWithin(Duration.ofMinutes(123).plusSeconds(1)))
                .isEqualTo(40);
        assertThat(Lockout.guessesWithin(Duration.ofHours(12))).isEqualTo(85);
        assertThat(Lockout.guessesWithin(Duration.ofHours(24))).isEqualTo(145);
    }
}
