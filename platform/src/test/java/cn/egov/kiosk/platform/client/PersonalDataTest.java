package cn.egov.kiosk.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.auth.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect.CloseSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Personal data (ID number, name, phone, address) never reaches a log: not through a record's
 * {@code toString}, not through the client's own log lines, not through an exception's message.
 */
class PersonalDataTest {
    private static final String ID = "11010519491231002X";
    private static final String NAME = "张三丰";
    private static final String PHONE = "13800138000";
    private static final String ADDRESS = "北京市东城区示例大街1号";
    private static final List<String> PERSONAL = List.of(ID, NAME, PHONE, ADDRESS, "示例大街", "1380013");
    private static final String APP_CODE =
            "ZWAPP1.endhcHAtdS03YzQxZTA5YjVkMmE6MTc5NTgyOTQ2MDozZjJh.q83vEjRWeJCrze8SNFZ4kA";
    private static final String SECRET_B64 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private MockWebServer server;
    private PlatformClient client;
    private ListAppender<ILoggingEvent> log;
    private Logger platformLogger;
    private Level levelBefore;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new PlatformClient(
                PlatformConfig.of(server.url("/").toString()),
                () -> Optional.of(Credentials.fromBase64("DEMO-01", "k-1", SECRET_B64)),
                Clock.fixed(Instant.parse("2026-11-28T01:30:00Z"), ZoneOffset.UTC));
        platformLogger = (Logger) LoggerFactory.getLogger("cn.egov.kiosk.platform");
        levelBefore = platformLogger.getLevel();
        platformLogger.setLevel(Level.TRACE);
        log = new ListAppender<>();
        log.start();
        platformLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        platformLogger.detachAppender(log);
        platformLogger.setLevel(levelBefore);
        client.close();
        server.close();
    }

    @Test
    void recordsWithPersonalDataHideItInToString() {
        Applications.Applicant applicant =
                new Applications.Applicant(Applications.IdType.RESIDENT, ID, NAME, PHONE, ADDRESS);
        Appointments.Applicant booker = new Appointments.Applicant(ID, NAME, PHONE);
        PostalOrders.Recipient recipient =
                new PostalOrders.Recipient(NAME, PHONE, "北京市", "北京市", "东城区", ADDRESS, "100010");
        List<Object> records = List.of(
                applicant,
                booker,
                recipient,
                new Appointments.Search(ID, null),
                new Licences.Search(ID),
                new InsuranceDues.Search(ID),
                new Applications.ProgressSearch(ID, null, null),
                new Appointments.Book("appt-1", "slot-1", "item-1", booker),
                new PostalOrders.Create("post-1", "lic-1", null, recipient),
                submitWithPersonalForm(applicant),
                new Batch.Record(
                        "k-1",
                        "applications",
                        1,
                        Batch.APPLICATION_SUBMIT,
                        OffsetDateTime.now(),
                        Json.mapper().valueToTree(submitWithPersonalForm(applicant))),
                new Licences.PrintData(
                        "lic-1",
                        "licence-example",
                        Json.mapper().createObjectNode().put("holderName", NAME).put("idNumber", ID),
                        "V-1",
                        false),
                citizen());

        for (Object r : records) {
            assertThat(r.toString()).as(r.getClass().getName()).doesNotContain(PERSONAL);
        }
        // the application number is the receipt's query code: whoever holds it sees the progress
        assertThat(new Applications.ProgressSearch(null, "SQ20261128000001", null).toString())
                .doesNotContain("SQ20261128000001")
                .isEqualTo("ProgressSearch[by application number]");
        assertThat(new AppLogins.Resolve(APP_CODE).toString())
                .as("the code stands for a person for a minute")
                .doesNotContain(APP_CODE.substring(AppLogins.PREFIX.length()));
    }

    @Test
    void anAppLoginsAnswerThatIsNotTheContractsCarriesNoPersonalDataIntoTheException() throws Exception {
        String answer = new String(Json.bytes(citizen()), StandardCharsets.UTF_8).replace("\"MALE\"", "\"M\"");
        assertThat(answer).contains(NAME, ID, "\"M\"");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(answer)
                .build());

        PlatformException e =
                catchThrowableOfType(PlatformException.class, () -> client.appLogin(new AppLogins.Resolve(APP_CODE)));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.PROTOCOL);
        assertThat(e.toString()).doesNotContain(PERSONAL);
        if (e.getCause() != null) {
            assertThat(e.getCause().toString()).doesNotContain(PERSONAL);
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/v1/app-logins");
        for (ILoggingEvent l : log.list) {
            assertThat(l.getFormattedMessage()).doesNotContain(PERSONAL).doesNotContain(APP_CODE);
        }
    }

    @Test
    void aPaymentCodeIsInNoToStringLogLineOrException() {
        String code = "134567890123456789";
        OffsetDateTime platform = Instant.parse("2026-11-28T01:40:00Z").atOffset(ZoneOffset.ofHours(8));
        // a connection broken under the charge (the first request on its connection: OkHttp resends a
        // request only when a reused connection breaks); refused for clock skew (logged), signed again
        // and refused as charged before; then an answer that is not the contract's
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .onResponseStart(new CloseSocket())
                .build());
        server.enqueue(problem(Problem.of(Problem.CLOCK_SKEW, 401, "终端时间偏差过大", "skew", "/v1/payments/P1/charge", false)
                .withServerTime(platform)));
        server.enqueue(problem(
                Problem.of(Problem.ALREADY_CHARGED, 409, "订单已扣款", "charged before", "/v1/payments/P1/charge", false)));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"outcome\": \"MAYBE\"}")
                .build());

        List<PlatformException> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failures.add(catchThrowableOfType(
                    PlatformException.class, () -> client.charge("P1", new Payments.Charge(code), "charge-1")));
        }

        assertThat(new Payments.Charge(code).toString()).doesNotContain(code).contains("18 digits");
        assertThat(failures)
                .extracting(PlatformException::kind)
                .containsExactly(
                        PlatformException.Kind.INTERRUPTED,
                        PlatformException.Kind.PROBLEM,
                        PlatformException.Kind.PROTOCOL);
        assertThat(log.list).as("the clock skew was logged").isNotEmpty();
        for (ILoggingEvent e : log.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(code);
        }
        for (PlatformException e : failures) {
            assertThat(e.toString()).doesNotContain(code);
            if (e.getCause() != null) {
                assertThat(e.getCause().toString()).doesNotContain(code);
            }
        }
    }

    private static AppLogins.Citizen citizen() {
        return new AppLogins.Citizen(
                Applications.IdType.RESIDENT, ID, NAME, AppLogins.Sex.MALE, LocalDate.of(1949, 12, 31), ADDRESS, PHONE);
    }

    @Test
    void secretsDoNotShowInToStringEither() {
        Registration.Issued issued = new Registration.Issued(
                "DEMO-01", "k-1", SECRET_B64, "Z1", "110101-01", "演示区政务服务中心", OffsetDateTime.now());
        Registration.Rotated rotated = new Registration.Rotated(
                "k-2", SECRET_B64, OffsetDateTime.now(), OffsetDateTime.now().plusHours(24));

        assertThat(issued.toString()).contains("DEMO-01").doesNotContain(SECRET_B64);
        assertThat(rotated.toString()).contains("k-2").doesNotContain(SECRET_B64);
        assertThat(Credentials.fromBase64("DEMO-01", "k-1", SECRET_B64).toString())
                .doesNotContain(SECRET_B64);
    }

    @Test
    void theClientsLogLinesAndExceptionsCarryNoPersonalData() {
        OffsetDateTime platform = Instant.parse("2026-11-28T01:40:00Z").atOffset(ZoneOffset.ofHours(8));
        // an application the connection breaks under (the first request on its connection: OkHttp
        // resends a request only when a reused connection breaks)
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .onResponseStart(new CloseSocket())
                .build());
        // a search refused for clock skew (logged), signed again, then refused for validation
        server.enqueue(problem(Problem.of(Problem.CLOCK_SKEW, 401, "终端时间偏差过大", "skew", "/v1/licences/search", false)
                .withServerTime(platform)));
        server.enqueue(problem(
                Problem.of(Problem.VALIDATION, 400, "请求参数有误", "idNumber is not valid", "/v1/licences/search", false)));
        // an answer that is not the contract's
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{not json")
                .build());

        List<PlatformException> failures = new ArrayList<>();
        failures.add(catchThrowableOfType(
                PlatformException.class,
                () -> client.submit(submitWithPersonalForm(
                        new Applications.Applicant(Applications.IdType.RESIDENT, ID, NAME, PHONE, ADDRESS)))));
        failures.add(catchThrowableOfType(PlatformException.class, () -> client.licences(new Licences.Search(ID))));
        failures.add(catchThrowableOfType(
                PlatformException.class, () -> client.appointments(new Appointments.Search(ID, null))));

        assertThat(failures).doesNotContainNull();
        assertThat(failures)
                .extracting(PlatformException::kind)
                .containsExactly(
                        PlatformException.Kind.INTERRUPTED,
                        PlatformException.Kind.PROBLEM,
                        PlatformException.Kind.PROTOCOL);
        assertThat(client.clockOffset()).isEqualTo(Duration.ofMinutes(10));
        assertThat(log.list).as("the clock skew was logged").isNotEmpty();
        for (ILoggingEvent e : log.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(PERSONAL);
        }
        for (PlatformException e : failures) {
            assertThat(e.getMessage()).doesNotContain(PERSONAL);
            assertThat(e.toString()).doesNotContain(PERSONAL);
            if (e.getCause() != null) {
                assertThat(e.getCause().toString()).doesNotContain(PERSONAL);
            }
        }
    }

    private static Applications.Submit submitWithPersonalForm(Applications.Applicant applicant) {
        return new Applications.Submit(
                "app-1",
                "110101-GA-001",
                applicant,
                Json.mapper()
                        .createObjectNode()
                        .put("householdAddress", ADDRESS)
                        .put("contactPhone", PHONE)
                        .put("reason", "补领"),
                List.of(),
                OffsetDateTime.parse("2026-11-28T09:30:00+08:00"));
    }

    private static MockResponse problem(Problem p) {
        return new MockResponse.Builder()
                .code(p.status())
                .setHeader("Content-Type", "application/problem+json")
                .body(new String(Json.bytes(p), StandardCharsets.UTF_8))
                .build();
    }
}
