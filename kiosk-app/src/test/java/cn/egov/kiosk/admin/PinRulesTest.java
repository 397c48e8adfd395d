package cn.egov.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinRulesTest {
    @Test
    void sixToEightDigitsThatAreNotTrivial() {
        for (String good : new String[] {"246810", "13572468", "8057123", "120694", "000001"}) {
            assertThat(PinRules.check(good)).as(good).isEmpty();
        }
    }

    @Test
    void lengthAndDigits() {
        assertThat(PinRules.check("12345")).contains(PinRules.Problem.LENGTH);
        assertThat(PinRules.check("246810135")).contains(PinRules.Problem.LENGTH);
        assertThat(PinRules.check(null)).contains(PinRules.Problem.LENGTH);
        assertThat(PinRules.check("24681a")).contains(PinRules.Problem.NOT_DIGITS);
        assertThat(PinRules.check("２４６８１０")).contains(PinRules.Problem.NOT_DIGITS); // full-width
    }

    @Test
    void trivialPinsAreRefused() {
        for (String same : new String[] {"000000", "1111111", "99999999"}) {
            assertThat(PinRules.check(same)).as(same).contains(PinRules.Problem.ALL_SAME);
        }
        for (String run : new String[] {"123456", "654321", "23456789", "98765432", "789012", "210987"}) {
            assertThat(PinRules.check(run)).as(run).contains(PinRules.Problem.STRAIGHT_RUN);
        }
    }
}
