package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Card numbers kept or shown with the first 6 and last 4 digits at most. */
class CardMaskTest {

    @Test
    void aWholeNumberKeepsItsFirstSixAndLastFour() {
        assertThat(CardMask.mask("6222021234567890")).isEqualTo("622202******7890");
        assertThat(CardMask.mask("6222 0212 3456 7890 123")).isEqualTo("622202*********0123");
    }

    @Test
    void aNumberMaskedAlreadyStaysAndOneMaskedTooLittleIsMaskedAgain() {
        assertThat(CardMask.mask("622202******1234")).isEqualTo("622202******1234");
        assertThat(CardMask.mask("622202123***1234")).isEqualTo("622202******1234");
    }

    @Test
    void answersKeepOnlyTheMaskedNumber() {
        assertThat(new Answer(null, null, null, "6222021234567890", null, null, null).cardMasked())
                .isEqualTo("622202******7890");
        assertThat(new CardAnswer(GatewayOutcome.APPROVED, 1, null, null, "6222021234567890", null, null, null, null)
                        .cardMasked())
                .isEqualTo("622202******7890");
    }
}
