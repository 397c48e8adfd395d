package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.CreditCodes;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Enterprises by credit code; a citizen's licences, their print data and their verification. */
class EnterprisesAndLicencesTest extends SimulatorTestBase {
    static final String WANG = "11010519491231002X";
    static final Path LICENCE_SAMPLE = Path.of("..", "templates", "licence-example.sample.json");

    @Test
    void anEnterpriseOfTheDataSetIsFoundByItsCode() throws Exception {
        JsonNode first = data("enterprises.json").get("enterprises").get(0);
        String code = first.get("creditCode").asText();

        Enterprise e = client.enterprise(code);

        assertThat(CreditCodes.valid(code)).isTrue();
        assertThat(e.creditCode()).isEqualTo(code);
        assertThat(e.name()).isEqualTo(first.get("name").asText());
    }

    @Test
    void everyEnterpriseOfTheDataSetHasAValidCode() {
        for (JsonNode e : data("enterprises.json").get("enterprises")) {
            assertThat(CreditCodes.valid(e.get("creditCode").asText()))
                    .as(e.get("name").asText())
                    .isTrue();
        }
    }

    @Test
    void aCodeWithAWrongCheckCharacterIsAnInvalidCreditCode() {
        String code = data("enterprises.json")
                .get("enterprises")
                .get(0)
                .get("creditCode")
                .asText();
        char wrong = code.charAt(17) == '0' ? '1' : '0';

        PlatformException e = failure(() -> client.enterprise(code.substring(0, 17) + wrong));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(Problem.INVALID_CREDIT_CODE);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aValidCodeNobodyHasIsNotFound() {
        String first17 = "91110101MA00ZZZZ1".replace('Z', 'Y');
        String code = first17 + CreditCodes.checkCharacter(first17);
        assertThat(data("enterprises.json").findValuesAsText("creditCode")).doesNotContain(code);

        PlatformException e = failure(() -> client.enterprise(code));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo(Problem.NOT_FOUND);
    }

    @Test
    void aCitizensLicencesArePrintedWithTheFieldsOfTheLicenceTemplatesSample() throws Exception {
        Licences.Found found = client.licences(new Licences.Search(WANG));
        assertThat(found.licences()).isNotEmpty();
        Licences.Summary printable = found.licences().stream()
                .filter(Licences.Summary::printable)
                .findFirst()
                .orElseThrow();

        Licences.PrintData print = client.printData(printable.licenceId());

        assertThat(print.licenceId()).isEqualTo(printable.licenceId());
        assertThat(print.template()).isEqualTo("licence-example");
        assertThat(print.verificationCode()).isNotBlank();
        JsonNode sample = Json.mapper().readTree(Files.readAllBytes(LICENCE_SAMPLE));
        assertThat(fields(print.data())).isEqualTo(fields(sample));
    }

    @Test
    void theBusinessOfAPrintableBusinessLicenceIsAnEnterpriseWithAValidCode() throws Exception {
        Licences.Summary printable = client.licences(new Licences.Search(WANG)).licences().stream()
                .filter(Licences.Summary::printable)
                .findFirst()
                .orElseThrow();
        JsonNode data = client.printData(printable.licenceId()).data();
        String code = data.get("creditCode").asText();

        assertThat(CreditCodes.valid(code)).as(code).isTrue();
        assertThat(client.enterprise(code).name())
                .isEqualTo(data.get("businessName").asText());
    }

    @Test
    void aLicenceThatCannotBePrintedAtAKioskIsRefused() throws Exception {
        Licences.Summary notPrintable = client.licences(new Licences.Search(WANG)).licences().stream()
                .filter(l -> !l.printable())
                .findFirst()
                .orElseThrow();

        PlatformException e = failure(() -> client.printData(notPrintable.licenceId()));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void somebodyWithoutLicencesHasNone() throws Exception {
        assertThat(client.licences(new Licences.Search("110101200001010018")).licences())
                .isEmpty();
    }

    @Test
    void aVerificationCodeShowsTheLicenceValidWithTheHoldersNameMasked() throws Exception {
        Licences.Summary printable = client.licences(new Licences.Search(WANG)).licences().stream()
                .filter(Licences.Summary::printable)
                .findFirst()
                .orElseThrow();
        Licences.PrintData print = client.printData(printable.licenceId());
        String holder = print.data().path("operator").path("name").asText();
        assertThat(holder).hasSizeGreaterThan(1);

        Licences.Verification v = client.verify(print.verificationCode());

        assertThat(v.valid()).isTrue();
        assertThat(v.status()).isEqualTo(Licences.Validity.VALID);
        assertThat(v.licenceId()).isEqualTo(printable.licenceId());
        assertThat(v.title()).isEqualTo(printable.title());
        assertThat(v.holderMasked())
                .isNotBlank()
                .doesNotContain(holder)
                .contains("*")
                .startsWith(holder.substring(0, 1));
        assertThat(v.holderMasked().codePointCount(0, v.holderMasked().length()))
                .isEqualTo(holder.codePointCount(0, holder.length()));
        assertThat(v.holderMasked().substring(1)).matches("\\*+");
    }

    @Test
    void anUnknownVerificationCodeIsNotValid() throws Exception {
        Licences.Verification v = client.verify("NONE-0000");

        assertThat(v.valid()).isFalse();
        assertThat(v.licenceId()).isNull();
        assertThat(v.holderMasked()).isNull();
    }

    /** Every field's path (a.b for nested objects). */
    private static Set<String> fields(JsonNode n) {
        Set<String> out = new TreeSet<>();
        collect("", n, out);
        return out;
    }

    private static void collect(String prefix, JsonNode n, Set<String> out) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            out.add(prefix + f);
            if (n.get(f).isObject()) {
                collect(prefix + f + ".", n.get(f), out);
            }
        }
    }
}
