package cn.egov.kiosk.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Enterprises;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records of the login by the province app's code, the enterprise search, the licences' standing,
 * the appointments' check-in, the progress by query code, the payments and the social insurance
 * dues are the contract's schemas
 * (docs/platform-api.yaml): the same fields and enum values; the problem codes are the contract's.
 */
class RecordSchemasTest {
    private static JsonNode spec;
    private static JsonNode schemas;

    @BeforeAll
    static void readContract() throws Exception {
        spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../docs/platform-api.yaml").toFile());
        schemas = spec.path("components").path("schemas");
    }

    /** The properties of the schemas, together (the alternatives of a search). */
    private static List<String> properties(String... schema) {
        List<String> names = new ArrayList<>();
        for (String s : schema) {
            schemas.path(s).path("properties").fieldNames().forEachRemaining(names::add);
        }
        assertThat(names).as(String.join(", ", schema)).isNotEmpty();
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> enumValues(String schema, String property) {
        List<String> values = new ArrayList<>();
        schemas.path(schema).path("properties").path(property).path("enum").forEach(v -> values.add(v.asText()));
        assertThat(values).as(schema + "." + property).isNotEmpty();
        return values;
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    @Test
    void theRecordsHaveTheSchemasFields() {
        assertThat(components(AppLogins.Resolve.class)).containsExactlyElementsOf(properties("AppLoginRequest"));
        assertThat(components(AppLogins.Citizen.class)).containsExactlyElementsOf(properties("AppLoginCitizen"));
        assertThat(components(Enterprises.Search.class)).containsExactlyElementsOf(properties("EnterpriseSearch"));
        assertThat(components(Enterprises.Found.class)).containsExactlyElementsOf(properties("EnterpriseList"));
        assertThat(components(Licences.Summary.class)).containsExactlyElementsOf(properties("Licence"));
        assertThat(components(Licences.PrintData.class)).containsExactlyElementsOf(properties("LicencePrintData"));
        assertThat(components(Licences.Collected.class)).containsExactlyElementsOf(properties("LicenceCollected"));
        assertThat(components(Appointments.Appointment.class)).containsExactlyElementsOf(properties("Appointment"));
        assertThat(components(Appointments.Search.class))
                .containsExactlyElementsOf(properties("PersonSearch", "CheckInCodeSearch"));
        assertThat(components(Applications.ProgressSearch.class))
                .containsExactlyElementsOf(
                        properties("ProgressSearchByPerson", "ProgressSearchByNumber", "ProgressSearchByQueryCode"));
        assertThat(components(Applications.Progress.class))
                .containsExactlyElementsOf(properties("ApplicationProgress"));
        assertThat(components(Applications.Result.class)).containsExactlyElementsOf(properties("ApplicationResult"));
        assertThat(components(Payments.Create.class)).containsExactlyElementsOf(properties("PaymentRequest"));
        assertThat(components(Payments.Payment.class)).containsExactlyElementsOf(properties("Payment"));
        assertThat(components(Payments.PaymentList.class)).containsExactlyElementsOf(properties("PaymentList"));
        assertThat(components(Payments.CardResult.class)).containsExactlyElementsOf(properties("CardResult"));
        assertThat(components(Payments.Charge.class)).containsExactlyElementsOf(properties("ChargeRequest"));
        assertThat(components(Payments.Charged.class)).containsExactlyElementsOf(properties("ChargeResult"));
        assertThat(components(InsuranceDues.Search.class)).containsExactlyElementsOf(properties("PersonSearch"));
        assertThat(components(InsuranceDues.Due.class)).containsExactlyElementsOf(properties("InsuranceDue"));
        assertThat(components(InsuranceDues.Found.class)).containsExactlyElementsOf(properties("InsuranceDueList"));
        assertThat(components(Heartbeat.class)).containsExactlyElementsOf(properties("Heartbeat"));
        assertThat(components(Heartbeat.Device.class)).containsExactlyElementsOf(properties("DeviceStatus"));
        assertThat(components(Heartbeat.Health.class)).containsExactlyElementsOf(properties("DeviceHealth"));
        assertThat(components(Heartbeat.UrgentEvent.class)).containsExactlyElementsOf(properties("UrgentEvent"));
    }

    @Test
    void theEnumsHaveTheSchemasValues() {
        assertThat(names(AppLogins.Sex.class)).containsExactlyElementsOf(enumValues("AppLoginCitizen", "sex"));
        assertThat(names(Applications.IdType.class)).containsExactlyElementsOf(enumValues("AppLoginCitizen", "idType"));
        assertThat(names(Licences.Status.class)).containsExactlyElementsOf(enumValues("Licence", "status"));
        assertThat(names(Licences.Reprint.class)).containsExactlyElementsOf(enumValues("Licence", "reprint"));
        assertThat(names(Applications.Delivery.class))
                .containsExactlyElementsOf(enumValues("ApplicationResult", "delivery"));
        assertThat(names(Appointments.Status.class)).containsExactlyElementsOf(enumValues("Appointment", "status"));
        List<String> methods = new ArrayList<>();
        schemas.path("PaymentMethod").path("enum").forEach(v -> methods.add(v.asText()));
        assertThat(names(Payments.Method.class)).containsExactlyElementsOf(methods);
        assertThat(names(Payments.Status.class)).containsExactlyElementsOf(enumValues("Payment", "status"));
        assertThat(names(Payments.Wallet.class)).containsExactlyElementsOf(enumValues("Payment", "wallet"));
        assertThat(names(Payments.Failure.class)).containsExactlyElementsOf(enumValues("Payment", "failure"));
        assertThat(names(Payments.CardOutcome.class)).containsExactlyElementsOf(enumValues("CardResult", "result"));
        assertThat(names(Payments.ChargeOutcome.class))
                .containsExactlyElementsOf(enumValues("ChargeResult", "outcome"));
        assertThat(names(InsuranceDues.Scheme.class)).containsExactlyElementsOf(enumValues("InsuranceDue", "scheme"));
        assertThat(names(InsuranceDues.Status.class)).containsExactlyElementsOf(enumValues("InsuranceDue", "status"));
        List<String> levels = new ArrayList<>();
        schemas.path("HealthLevel").path("enum").forEach(v -> levels.add(v.asText()));
        assertThat(names(Heartbeat.Level.class)).containsExactlyElementsOf(levels);
    }

    @Test
    void theProblemCodesAreTheContractsAndTheBatchKindsToo() throws Exception {
        List<String> codes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Field f : Problem.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && !f.getName().equals("BASE")) {
                codes.add((String) f.get(null));
            }
        }
        for (Field f : Batch.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                kinds.add((String) f.get(null));
            }
        }

        assertThat(codes).containsExactlyInAnyOrderElementsOf(enumValues("Problem", "code"));
        List<String> mapped = new ArrayList<>();
        schemas.path("BatchRecord")
                .path("discriminator")
                .path("mapping")
                .fieldNames()
                .forEachRemaining(mapped::add);
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(mapped);
    }
}
