package cn.egov.kiosk.print.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ticket's texts: both bundles hold exactly the keys the template reads, every text formats,
 * and each file is in its own language. Read as files, not through ResourceBundle, which would fill
 * a key missing from the English file from the Chinese one.
 */
class TicketBundlesTest {
  private static final Set<String> KEYS = Set.of("waitingAhead", "issuedAt", "idNumber", "instruction", "hotline");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  static Properties load(String name) throws IOException {
    try (InputStream in = TicketBundlesTest.class.getResourceAsStream("/cn/egov/kiosk/print/ticket/" + name)) {
      assertThat(in).as(name).isNotNull();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  @Test
  void bothBundlesHoldExactlyTheTemplatesKeys() throws IOException {
    assertThat(load("ticket.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(KEYS);
    assertThat(load("ticket_en.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(KEYS);
  }

  @Test
  void everyTextFormatsAndIsInItsLanguage() throws IOException {
    check(load("ticket.properties"), Locale.SIMPLIFIED_CHINESE, true);
    check(load("ticket_en.properties"), Locale.ENGLISH, false);
  }

  private static void check(Properties p, Locale locale, boolean chinese) {
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key);
      for (int n : new int[] {0, 1, 2, 7, 1234}) {
        String text = new MessageFormat(value, locale).format(new Object[] {n});
        assertThat(text).as(key).isNotBlank().doesNotContain("{");
      }
      assertThat(HAN.matcher(value).find()).as("%s=%s has Chinese characters", key, value).isEqualTo(chinese);
    }
  }
}
