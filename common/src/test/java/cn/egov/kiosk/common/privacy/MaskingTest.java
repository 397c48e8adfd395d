package cn.egov.kiosk.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "6222021234567891234 | 622202*********1234",
                "6222 0212 3456 7891 | 622202******7891",
                "622202******1234    | 622202******1234",
                "6222-02**-****-1234 | 622202******1234",
                "1234567890          | ******7890",
                "1234                | 1234",
                "12                  | 12",
                "ABC                 | ''",
            })
    void aCardNumberKeepsTheIssuerAndTheLastFourAtMost(String number, String masked) {
        assertThat(Masking.cardNumber(number)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"6222021234567891234", "4000123412341234", "62220212345678912"})
    void noMoreThanTenDigitsOfACardNumberEverShow(String number) {
        String masked = Masking.cardNumber(number);

        assertThat(masked).hasSameSizeAs(number);
        assertThat(masked.chars().filter(Character::isDigit).count()).isEqualTo(10);
        assertThat(masked).startsWith(number.substring(0, 6)).endsWith(number.substring(number.length() - 4));
    }

    @Test
    void nothingGivesNothing() {
        assertThat(Masking.cardNumber(null)).isEmpty();
        assertThat(Masking.cardNumber("")).isEmpty();
    }
}
