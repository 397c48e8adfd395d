package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.embedded.EmbeddedPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 扫码登录: the province app's login code resolved by the platform, once, within its minute. */
class AppLoginsTest extends SimulatorTestBase {
    private static final Path DEMO_CARDS = Path.of("..", "config", "cards", "demo-cards.json");

    private final MovableClock platformClock = new MovableClock();

    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(platformClock);
    }

    private AppLogins.Citizen login(String code) throws PlatformException {
        return client.appLogin(new AppLogins.Resolve(code));
    }

    private PlatformException refused(String code) {
        return failure(() -> login(code));
    }

    @Test
    void aFreshCodeIsTheCitizenAsTheirIdCardSaysWithTheirPhone() throws Exception {
        String code = sim.appCode(EnterprisesAndLicencesTest.WANG);

        AppLogins.Citizen c = login(code);

        assertThat(code).startsWith(AppLogins.PREFIX);
        JsonNode card = card(EnterprisesAndLicencesTest.WANG);
        assertThat(c.idType()).isEqualTo(Applications.IdType.RESIDENT);
        assertThat(c.idNumber()).isEqualTo(EnterprisesAndLicencesTest.WANG);
        assertThat(c.name()).isEqualTo(card.get("name").asText());
        assertThat(c.sex().name()).isEqualTo(card.get("sex").asText().toUpperCase(Locale.ROOT));
        assertThat(c.birthDate())
                .isEqualTo(LocalDate.parse(card.get("birthDate").asText()));
        assertThat(c.address())
                .as("the card's current address: the one appended to it")
                .isEqualTo(card.get("appendedAddress").asText());
        assertThat(c.phone()).matches("1[3-9]\\d{9}");
        assertThat(c.toString()).doesNotContain(c.name(), c.idNumber(), c.address(), c.phone());
    }

    @Test
    void everyCitizenOfTheDataSetLogsInAsTheirCardSays() throws Exception {
        for (JsonNode z : data("citizens.json").get("citizens")) {
            String idNumber = z.get("idNumber").asText();
            JsonNode card = card(idNumber);

            AppLogins.Citizen c = login(sim.appCode(idNumber));

            assertThat(c.idNumber()).isEqualTo(idNumber);
            assertThat(c.name())
                    .isEqualTo(
                            card.has("name")
                                    ? card.get("name").asText()
                                    : card.get("chineseName").asText());
            assertThat(c.birthDate())
                    .isEqualTo(LocalDate.parse(card.get("birthDate").asText()));
            assertThat(c.idType())
                    .isEqualTo(
                            switch (card.get("type").asText()) {
                                case "resident" -> Applications.IdType.RESIDENT;
                                case "permit" -> Applications.IdType.PERMIT;
                                default -> Applications.IdType.FOREIGN;
                            });
            String address =
                    card.path("appendedAddress").asText(card.path("address").asText(null));
            assertThat(c.address()).isEqualTo(address);
        }
    }

    @Test
    void aCodeLogsInOnceAndEveryLoginIsInTheLedgerWithoutPersonalData() throws Exception {
        String code = sim.appCode(EnterprisesAndLicencesTest.WANG);
        login(code);

        PlatformException again = refused(code);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(Problem.APP_CODE_USED);
        assertThat(again.retryable()).isFalse();
        assertThat(login(sim.appCode(EnterprisesAndLicencesTest.WANG)).idNumber())
                .as("a fresh code of the same citizen")
                .isEqualTo(EnterprisesAndLicencesTest.WANG);
        assertThat(sim.ledger().counts()).containsEntry(AppLoginsResource.APP_LOGIN, 2);
        assertThat(sim.ledger().entries(AppLoginsResource.APP_LOGIN))
                .allSatisfy(e -> assertThat(Json.mapper().writeValueAsString(e.body()) + e.id())
                        .doesNotContain(EnterprisesAndLicencesTest.WANG, "王小明", "13800138000"));
    }

    @Test
    void aCodeOlderThanAMinuteHasExpired() throws Exception {
        String code = sim.appCode(EnterprisesAndLicencesTest.WANG);
        String fresh = sim.appCode(EnterprisesAndLicencesTest.WANG);
        platformClock.ahead = Duration.ofSeconds(50);
        assertThat(login(fresh).idNumber()).as("50 s old").isEqualTo(EnterprisesAndLicencesTest.WANG);

        platformClock.ahead = Duration.ofSeconds(62);
        PlatformException e = refused(code);

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo(Problem.APP_CODE_EXPIRED);
        assertThat(e.retryable()).isFalse();
        assertThat(refused(fresh).code())
                .as("a used code that expired since is expired")
                .isEqualTo(Problem.APP_CODE_EXPIRED);
    }

    @Test
    void aTamperedOrForeignCodeIsInvalid() throws Exception {
        String code = sim.appCode(EnterprisesAndLicencesTest.WANG);
        int dot = code.lastIndexOf('.');
        String token = code.substring(AppLogins.PREFIX.length(), dot);
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        // the same token for another citizen, or living an hour longer, under the old signature
        String otherCitizen = text.replace(text.substring(0, text.indexOf(':')), "zwapp-u-2f8d63a0c915");
        long expires = Long.parseLong(text.substring(text.indexOf(':') + 1, text.lastIndexOf(':')));
        String longer = text.replace(":" + expires + ":", ":" + (expires + 3600) + ":");
        String otherSimulatorsCode;
        try (PlatformSimulator other = PlatformSimulator.start(PlatformSimulator.Options.loopback(0))) {
            otherSimulatorsCode = other.appCode(EnterprisesAndLicencesTest.WANG);
        }

        for (String bad : new String[] {
            AppLogins.PREFIX + encode(otherCitizen) + code.substring(dot),
            AppLogins.PREFIX + encode(longer) + code.substring(dot),
            code.substring(0, dot + 1) + flip(code.substring(dot + 1)),
            code.substring(0, dot),
            "ZWAPP2." + code.substring(AppLogins.PREFIX.length()),
            AppLogins.PREFIX + "!!!." + code.substring(dot + 1),
            otherSimulatorsCode,
            "https://zwfw.example.gov.cn/item/110101-GA-0019",
            code + "x".repeat(600)
        }) {
            PlatformException e = refused(bad);
            assertThat(e.status()).as(bad).isEqualTo(422);
            assertThat(e.code()).as(bad).isEqualTo(Problem.APP_CODE_INVALID);
        }
        assertThat(login(code).idNumber())
                .as("the genuine code still logs in")
                .isEqualTo(EnterprisesAndLicencesTest.WANG);
    }

    @Test
    void noCodeIsARequestWithoutWhatItNeeds() {
        for (String blank : new String[] {null, "", "   "}) {
            PlatformException e = refused(blank);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        }
    }

    @Test
    void thereIsNoCodeForSomebodyTheProvinceDoesNotKnow() throws Exception {
        assertThatThrownBy(() -> sim.appCode("110101200001010018")).isInstanceOf(IllegalArgumentException.class);
        byte[] nobody = "{\"idNumber\":\"110101200001010018\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(send("POST", "/sim/app-codes", nobody, Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSimulatorRunAloneGivesCodesOnRequest() throws Exception {
        byte[] body = ("{\"idNumber\":\"" + EnterprisesAndLicencesTest.WANG + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = send("POST", "/sim/app-codes", body, Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        String code = Json.mapper().readTree(r.body()).path("code").asText();
        assertThat(login(code).idNumber()).isEqualTo(EnterprisesAndLicencesTest.WANG);
    }

    @Test
    void theEmbeddedPlatformOfDemoModeGivesCodesToo() throws Exception {
        EmbeddedPlatform.Provider provider = EmbeddedPlatform.provider().orElseThrow();
        try (EmbeddedPlatform embedded = provider.start("REG-TEST-0001", Optional.of(KIOSK), "Z9");
                PlatformClient demo = new PlatformClient(
                        PlatformConfig.of(embedded.url()), () -> Optional.of(KIOSK), Clock.systemUTC())) {
            String code = embedded.appCode(LicenceStandingTest.CHEN);

            AppLogins.Citizen c = demo.appLogin(new AppLogins.Resolve(code));

            assertThat(c.idNumber()).isEqualTo(LicenceStandingTest.CHEN);
            assertThat(c.idType()).isEqualTo(Applications.IdType.PERMIT);
            assertThat(embedded.received()).containsEntry(AppLoginsResource.APP_LOGIN, 1);
            assertThatThrownBy(() -> embedded.appCode("nobody")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String encode(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature with its first character changed. */
    private static String flip(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }

    private static JsonNode card(String idNumber) throws Exception {
        for (JsonNode c : Json.mapper().readTree(DEMO_CARDS.toFile())) {
            if (idNumber.equals(c.path("idNumber").asText(c.path("number").asText()))) {
                return c;
            }
        }
        throw new AssertionError("no demo card " + idNumber);
    }
}
