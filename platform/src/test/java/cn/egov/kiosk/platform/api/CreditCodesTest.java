package cn.egov.kiosk.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unified social credit code's check character, GB 32100-2015. */
class CreditCodesTest {
    /** The standard's 31 characters: the digits and the capitals without I, O, Z, S, V. */
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void aCheckCharacterWorkedOutByHand() {
        // 9 1 1 1 0 1 0 8 M A 0 1 C 2 X N 6, M = 21, A = 10, C = 12, X = 29, N = 22
        // weights 3^i mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
        // 9 + 3 + 9 + 27 + 0 + 26 + 0 + 136 + 420 + 290 + 0 + 13 + 96 + 48 + 290 + 660 + 168 = 2195
        // 2195 mod 31 = 25 (31 * 70 = 2170); 31 - 25 = 6: the check character is '6'
        assertThat(CreditCodes.checkCharacter("91110108MA01C2XN6")).isEqualTo('6');
        assertThat(CreditCodes.valid("91110108MA01C2XN66")).isTrue();
    }

    @Test
    void aSumThatIsAMultipleOf31HasCheckCharacterZero() {
        // 2356 = 31 * 76: 31 - 0 = 31, which the standard writes as 0
        assertThat(CreditCodes.checkCharacter("91440300MA5F0019X")).isEqualTo('0');
        assertThat(CreditCodes.valid("91440300MA5F0019X0")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91440300MA5F0018X", // enterprise (9 1), Shenzhen, check character Y (value 30)
                "12100000400000716", // institution (1 2), a central one
                "31110000MA0012345", // law firm (3 1)
                "92110101MA00DEMQ0", // individual business (9 2), Dongcheng
                "51110000MA00ABCDE", // social organisation (5 1)
                "Y1110000MA00TUWXY" // other (Y 1)
            })
    void codesOfThePublicLayoutWithTheirCheckCharacterComputedHereAreValid(String first17) {
        char check = expectedCheck(first17);

        assertThat(CreditCodes.checkCharacter(first17)).isEqualTo(check);
        assertThat(CreditCodes.valid(first17 + check)).isTrue();
        for (char wrong : CHARS.toCharArray()) {
            if (wrong != check) {
                assertThat(CreditCodes.valid(first17 + wrong))
                        .as(first17 + wrong)
                        .isFalse();
            }
        }
    }

    @Test
    void aWrongCheckCharacterOrOneChangedCharacterIsInvalid() {
        assertThat(CreditCodes.valid("91110108MA01C2XN67")).isFalse();
        assertThat(CreditCodes.valid("91110108MA01C2XN56")).isFalse();
        assertThat(CreditCodes.valid("91110108MA01C2NX66")).isFalse(); // two swapped
    }

    @Test
    void aCodeOfAnotherLengthIsInvalid() {
        assertThat(CreditCodes.valid(null)).isFalse();
        assertThat(CreditCodes.valid("")).isFalse();
        assertThat(CreditCodes.valid("91110108MA01C2XN6")).isFalse();
        assertThat(CreditCodes.valid("91110108MA01C2XN660")).isFalse();
        assertThat(CreditCodes.valid(" 91110108MA01C2XN66")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void theLettersTheStandardLeavesOutAreInvalidAnywhereWhateverTheCheckCharacter(char forbidden) {
        String valid = "91110108MA01C2XN66";
        for (int at : new int[] {0, 8, 15, 17}) {
            String first = valid.substring(0, at) + forbidden;
            for (char check : CHARS.toCharArray()) {
                String code = at == 17 ? first : (first + valid.substring(at + 1, 17) + check);
                assertThat(CreditCodes.valid(code)).as(code).isFalse();
            }
        }
        assertThatThrownBy(() -> CreditCodes.checkCharacter("91110108MA01C2X" + forbidden + "6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
    }

    @Test
    void lowerCaseIsNotTheStandardsAlphabet() {
        assertThat(CreditCodes.valid("91110108ma01c2xn66")).isFalse();
    }

    @Test
    void theLicenceTemplatesSampleCodeIsValidAndItsOldOneWasNot() {
        // templates/licence-example.sample.json: the old sample code held an O, outside the alphabet
        assertThat(CreditCodes.valid("92110101MA00DEM06M")).isTrue();
        assertThat(CreditCodes.valid("92110101MA00DEMO0X")).isFalse();
    }

    /** GB 32100 computed afresh: weights 3^i mod 31, check = 31 - sum mod 31, 31 written as 0. */
    private static char expectedCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARS.charAt((31 - sum % 31) % 31);
    }
}
