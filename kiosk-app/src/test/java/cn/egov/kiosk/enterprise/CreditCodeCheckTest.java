package cn.egov.kiosk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.platform.api.CreditCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A typed credit code checked as GB 32100-2015 says, and what is wrong said precisely. */
class CreditCodeCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"91110101MA0E3PWQ0E", "914403001922038216", "92110101MA00DEM06M", "9111010181013457X3"})
    void validCodesPass(String code) {
        assertThat(CreditCodeCheck.check(code)).isEmpty();
        assertThat(CreditCodes.valid(code)).as("the platform agrees").isTrue();
    }

    @Test
    void whatAScannerOrAHandMayAddIsNotAFault() {
        assertThat(CreditCodeCheck.normalise(" 91110101ma0e3pwq0e ")).isEqualTo("91110101MA0E3PWQ0E");
        assertThat(CreditCodeCheck.normalise("911101-01MA0E 3PWQ0E")).isEqualTo("91110101MA0E3PWQ0E");
        assertThat(CreditCodeCheck.check("91110101ma0e3pwq0e")).isEmpty();
        assertThat(CreditCodeCheck.normalise(null)).isEmpty();
    }

    @Test
    void aShortOrLongCodeSaysHowManyCharactersItHas() {
        assertThat(CreditCodeCheck.check("91110101MA0E3PWQ0")).hasValueSatisfying(f -> {
            assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.LENGTH);
            assertThat(f.length()).isEqualTo(17);
        });
        assertThat(CreditCodeCheck.check("91110101MA0E3PWQ0E1"))
                .hasValueSatisfying(f -> assertThat(f.length()).isEqualTo(19));
        assertThat(CreditCodeCheck.check("")).hasValueSatisfying(f -> {
            assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.LENGTH);
            assertThat(f.length()).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z"})
    void aLetterNeverInSuchCodesIsNamedWithItsPlace(String letter) {
        String code = "91110101MA0E3" + letter + "WQ0E"; // 18 characters, the 14th wrong
        assertThat(CreditCodeCheck.check(code)).hasValueSatisfying(f -> {
            assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.CHARACTER);
            assertThat(f.position()).isEqualTo(14);
            assertThat(f.character()).isEqualTo(letter);
        });
    }

    @Test
    void aWrongCharacterIsSaidBeforeAWrongLengthAndTheFirstOneIsNamed() {
        assertThat(CreditCodeCheck.check("9O11*")).hasValueSatisfying(f -> {
            assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.CHARACTER);
            assertThat(f.position()).isEqualTo(2);
            assertThat(f.character()).isEqualTo("O");
            assertThat(f.length()).isEqualTo(5);
        });
        assertThat(CreditCodeCheck.check("９1110101MA0E3PWQ0E"))
                .as("a full-width digit is not a digit of the code")
                .hasValueSatisfying(f -> assertThat(f.position()).isEqualTo(1));
    }

    @Test
    void eighteenGoodCharactersWithTheWrongLastOneAreACheckCharacterProblem() {
        assertThat(CreditCodeCheck.check("91110101MA0E3PWQ0A")).hasValueSatisfying(f -> {
            assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.CHECK_CHARACTER);
            assertThat(f.position()).isEqualTo(18);
            assertThat(f.character()).isEqualTo("A");
        });
        // a slip in the middle shows as a check character that does not fit
        assertThat(CreditCodeCheck.check("91110101MA0E3PWQ1E"))
                .hasValueSatisfying(f -> assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.CHECK_CHARACTER));
    }

    @Test
    void theAlphabetIsThePlatformsOne() {
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*#+.".toCharArray()) {
            String seventeen = "9111010" + c + "MA0E3PWQ0";
            boolean ours = CreditCodeCheck.ALPHABET.indexOf(c) >= 0;
            if (ours) {
                char check = CreditCodes.checkCharacter(seventeen);
                assertThat(CreditCodeCheck.check(seventeen + check)).as("%s", c).isEmpty();
            } else {
                assertThatThrownBy(() -> CreditCodes.checkCharacter(seventeen))
                        .as("%s", c)
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(CreditCodeCheck.check(seventeen + "0"))
                        .as("%s", c)
                        .hasValueSatisfying(f -> assertThat(f.problem()).isEqualTo(CreditCodeCheck.Problem.CHARACTER));
            }
        }
    }
}
