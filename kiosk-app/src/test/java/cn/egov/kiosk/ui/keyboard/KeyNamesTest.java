package cn.egov.kiosk.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A key that types a sign has a name a screen reader can say; letters and digits say themselves. */
class KeyNamesTest {
    @Test
    void everySignOnEveryLayoutHasANameAndNoLetterOrDigitHas() {
        int signs = 0;
        for (KeyboardLayout layout : KeyboardLayout.values()) {
            for (List<Key> row : layout.rows()) {
                for (Key key : row) {
                    if (key.type() != Key.Type.CHARACTER) {
                        assertThat(KeyNames.of(key)).as(key.id()).isEmpty();
                        continue;
                    }
                    boolean sign = !Character.isLetterOrDigit(key.text().codePointAt(0));
                    assertThat(KeyNames.of(key).isPresent())
                            .as("%s on %s", key.id(), layout)
                            .isEqualTo(sign);
                    signs += sign ? 1 : 0;
                }
            }
        }
        assertThat(signs).as("the pinyin keyboard's punctuation").isPositive();
    }
}
