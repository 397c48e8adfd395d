package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    @Test
    void secretsGoCommentsAndEverythingElseStay() {
        String yaml = """
                kiosk:
                  id: K01   # the kiosk
                  staffPin: "135790"
                  engineerPinHash: {salt: abc, hash: "pbkdf2$xyz"}
                platform:
                  url: https://gov.example/api
                  registrationCode: "REG-SECRET-1"
                  pins:
                    - sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
                    - sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=
                  keyFile: var/store.key
                  syncMinutes: 60
                devices:
                  pos: {class: payment-terminal, driver: zvt, connection: "tcp:10.0.0.5:20007", options: {password: "000000", timeoutMs: 5}}
                """;
        String out = SecretRedaction.redact(yaml);
        assertThat(out)
                .doesNotContain("135790", "REG-SECRET-1", "AAAAAAAA", "BBBBBBBB", "pbkdf2$xyz", "abc", "000000")
                .contains("id: K01   # the kiosk")
                .contains("staffPin: <removed>")
                .contains("registrationCode: <removed>")
                .contains("    - <removed>")
                .contains("keyFile: var/store.key")
                .contains("syncMinutes: 60")
                .contains("url: https://gov.example/api")
                .contains("password: <removed>")
                .contains("timeoutMs: 5")
                .contains("connection: \"tcp:10.0.0.5:20007\"");
    }

    @Test
    void theDemoAndHallExampleConfigurationsLoseTheirPinsAndCodes() throws Exception {
        for (String name : new String[] {"demo.yaml", "hall-example.yaml"}) {
            Path file = Path.of("..", "config", name);
            String out = SecretRedaction.redact(Files.readString(file));
            for (String line : out.split("\n")) {
                String t = line.trim();
                if (t.startsWith("staffPin:") || t.startsWith("registrationCode:")) {
                    assertThat(t).as(name).endsWith(": <removed>");
                }
            }
            assertThat(out.lines().count())
                    .isEqualTo(Files.readString(file).lines().count());
        }
    }
}
