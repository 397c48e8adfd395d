package cn.egov.kiosk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.FieldProblem;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.sync.PlatformLicenceSource;
import cn.egov.kiosk.sync.PlatformLink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A form filled in from the three demo cards (resident ID card, residence permit, foreign permanent
 * resident card) and the business licence the platform holds, over the simulator's real catalogue
 * and licence search; every problem a value can have, the typed text kept; and what comes out is
 * what the simulator takes.
 */
class FormStateTest {
    private static PlatformSimulator sim;
    private static PlatformClient client;
    private static final Map<String, Catalogue.Item> ITEMS = new LinkedHashMap<>();

    @BeforeAll
    static void platform() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        Credentials credentials = new Credentials(
                "KSK-FORM-01", "k-form01", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        sim.provision(credentials, "Z7");
        client = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)),
                () -> Optional.of(credentials),
                Clock.systemUTC());
        String cursor = null;
        do {
            Catalogue.Page page =
                    client.catalogue(0, cursor, 500, Optional.empty()).body().orElseThrow();
            page.items().forEach(i -> ITEMS.put(i.name(), i));
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    private static Catalogue.Item item(String name) {
        return ITEMS.get(name);
    }

    private static Optional<HeldLicence> licenceOf(Identity citizen) {
        var source = new PlatformLicenceSource(
                () -> client, new PlatformLink(new MutableClock(Instant.now()), PlatformLink.State.OFFLINE));
        return HeldLicence.businessLicence(source.licencesOf(citizen));
    }

    private static Applications.Received submit(FormState.Completed c) throws Exception {
        return client.submit(new Applications.Submit(
                UUID.randomUUID().toString(),
                c.itemId(),
                c.applicant(),
                c.form(),
                List.of(),
                OffsetDateTime.parse("2026-11-28T10:00:00+08:00")));
    }

    // --- prefill from the three demo cards ------------------------------------------------------

    @Test
    void theResidentIdCardFillsInNameNumberSexBirthDateAndItsLaterAddress() throws Exception {
        FormState form = new FormState(item("灵活就业人员参保登记"), Identity.of(DemoCards.resident()), Optional.empty());

        assertThat(form.value("name")).isEqualTo("王小明");
        assertThat(form.value("idNumber")).isEqualTo("11010519491231002X");
        assertThat(form.value("sex")).as("male, GB/T 2261.1").isEqualTo("1");
        assertThat(form.value("birthDate")).isEqualTo("1949-12-31");
        assertThat(form.value("address")).as("the appended address").isEqualTo("北京市西城区演示胡同8号");
        for (String id : List.of("name", "idNumber", "sex", "birthDate", "address")) {
            assertThat(form.fromCard(id)).as(id).isTrue();
        }
        assertThat(form.locked("idNumber")).isTrue();
        assertThat(form.locked("address")).as("people move").isFalse();
        assertThat(form.value("phone")).isEmpty();
        assertThat(form.source("phone")).isEqualTo(FormState.Source.TYPED);
        assertThat(form.problems())
                .containsExactly(
                        Map.entry("insurance", FieldProblem.REQUIRED),
                        Map.entry("from", FieldProblem.REQUIRED),
                        Map.entry("base", FieldProblem.REQUIRED),
                        Map.entry("phone", FieldProblem.REQUIRED));
        assertThat(form.complete()).isEmpty();

        form.set("insurance", "1");
        form.set("from", "2026-12-01");
        form.set("base", "2");
        form.set("phone", "138 0013 8000");
        form.set("address", "北京市东城区示例大街3号");
        assertThat(form.fromCard("address")).as("changed: no longer the card's").isFalse();
        FormState.Completed done = form.complete().orElseThrow();

        assertThat(done.applicant())
                .isEqualTo(new Applications.Applicant(
                        Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市东城区示例大街3号"));
        assertThat(done.form().path("phone").asText()).isEqualTo("13800138000");
        assertThat(done.toString()).doesNotContain("王小明", "11010519491231002X", "1380");
        assertThat(submit(done).applicationNo()).as("the simulator takes it").startsWith("SQ");
    }

    @Test
    void theResidencePermitGivesTheCardsSexNotTheNumbersAndIsAPermitApplicant() throws Exception {
        FormState form = new FormState(item("社会保障卡申领"), Identity.of(DemoCards.residencePermit()), Optional.empty());

        assertThat(form.value("name")).isEqualTo("陈大文");
        assertThat(form.value("idNumber")).isEqualTo("810000199203050043");
        // the demo number's sequence digit is even (female by GB 11643); the card says male
        assertThat(form.value("sex")).isEqualTo("1");
        assertThat(form.value("birthDate")).isEqualTo("1992-03-05");
        assertThat(form.value("address")).isEqualTo("广东省深圳市福田区示范路6号");

        form.set("delivery", "2");
        form.set("phone", "0755-23456789");
        FormState.Completed done = form.complete().orElseThrow();
        assertThat(done.applicant().idType()).isEqualTo(Applications.IdType.PERMIT);
        assertThat(submit(done).applicationNo()).startsWith("SQ");
    }

    @Test
    void theForeignPermanentResidentCardsNumberIsTakenAsItIsAndItsMissingAddressIsAsked() throws Exception {
        FormState form = new FormState(item("城乡居民医保参保登记"), Identity.of(DemoCards.foreign2017()), Optional.empty());

        assertThat(form.value("idNumber")).isEqualTo("ESP310085061501");
        assertThat(form.problem("idNumber"))
                .as("the card's own number, another shape")
                .isEmpty();
        assertThat(form.value("address")).isEmpty();
        assertThat(form.fromCard("address")).isFalse();
        assertThat(form.problems()).containsKeys("address", "category", "phone").doesNotContainKey("idNumber");

        form.set("address", "北京市朝阳区示例路2号");
        form.set("category", "2");
        form.set("phone", "13912345678");
        FormState.Completed done = form.complete().orElseThrow();
        assertThat(done.applicant().idType()).isEqualTo(Applications.IdType.FOREIGN);
        assertThat(done.applicant().address()).isEqualTo("北京市朝阳区示例路2号");
        assertThat(submit(done).applicationNo()).startsWith("SQ");
    }

    @Test
    void theBusinessLicenceThePlatformHoldsFillsInTheCreditCodeAndName() throws Exception {
        Identity wang = Identity.of(DemoCards.resident());
        Optional<HeldLicence> licence = licenceOf(wang);
        assertThat(licence).hasValue(new HeldLicence("92110101MA00DEM06M", "演示区小明便民早餐店"));

        FormState form = new FormState(item("个体工商户变更登记"), wang, licence);

        assertThat(form.value("creditCode")).isEqualTo("92110101MA00DEM06M");
        assertThat(form.value("businessName")).isEqualTo("演示区小明便民早餐店");
        assertThat(form.source("creditCode")).isEqualTo(FormState.Source.LICENCE);
        assertThat(form.fromCard("creditCode")).isFalse();
        assertThat(form.locked("creditCode"))
                .as("the citizen may run another business")
                .isFalse();
        form.set("change", "2");
        form.set("changedTo", "北京市东城区示例大街3号底商");
        form.set("phone", "13800138000");
        assertThat(submit(form.complete().orElseThrow()).applicationNo()).startsWith("SQ");

        // without a licence the citizen types it
        FormState typed = new FormState(item("个体工商户变更登记"), wang, Optional.empty());
        assertThat(typed.value("creditCode")).isEmpty();
        assertThat(typed.problem("creditCode")).hasValue(FieldProblem.REQUIRED);
        // the foreign card's holder has none: the search finds nothing to take
        assertThat(licenceOf(Identity.of(DemoCards.foreign2017()))).isEmpty();
    }

    // --- what the citizen types -----------------------------------------------------------------

    private static Catalogue.Field field(String id, Catalogue.FieldType type, boolean required, int maxLength) {
        return new Catalogue.Field(
                id,
                id,
                id,
                type,
                required,
                Catalogue.Prefill.NONE,
                maxLength,
                type == Catalogue.FieldType.CHOICE
                        ? List.of(new Catalogue.Choice("1", "是", "Yes"), new Catalogue.Choice("2", "否", "No"))
                        : List.of(),
                "",
                "");
    }

    /** A form of every type, one field each, the ID number's owner a family member. */
    private static Catalogue.Item everyType() {
        List<Catalogue.Field> fields = new ArrayList<>();
        fields.add(field("text", Catalogue.FieldType.TEXT, true, 4));
        fields.add(field("name", Catalogue.FieldType.NAME, true, 0));
        fields.add(field("member", Catalogue.FieldType.ID_NUMBER, true, 0));
        fields.add(field("phone", Catalogue.FieldType.PHONE, true, 0));
        fields.add(field("day", Catalogue.FieldType.DATE, true, 0));
        fields.add(field("address", Catalogue.FieldType.ADDRESS, false, 0));
        fields.add(field("code", Catalogue.FieldType.CREDIT_CODE, true, 0));
        fields.add(field("count", Catalogue.FieldType.NUMBER, true, 0));
        fields.add(field("pick", Catalogue.FieldType.CHOICE, true, 0));
        Catalogue.Item base = item("社会保障卡挂失");
        return new Catalogue.Item(
                "T-1",
                1,
                base.departmentId(),
                base.departmentName(),
                "测试",
                base.category(),
                base.audience(),
                List.of(),
                base.trips(),
                base.materials(),
                0,
                "",
                1,
                1,
                true,
                false,
                "B",
                new Catalogue.Form(fields),
                null);
    }

    @Test
    void everyProblemIsFoundAndTheTypedTextIsKept() {
        record Typed(String field, String text, FieldProblem problem) {}
        List<Typed> cases = List.of(
                new Typed("text", "", FieldProblem.REQUIRED),
                new Typed("text", "十二个字太多", FieldProblem.TOO_LONG),
                new Typed("name", "王小明3", FieldProblem.NAME_CHARACTERS),
                new Typed("member", "1101051952031500", FieldProblem.ID_NUMBER_LENGTH),
                new Typed("member", "11010519520315002Y", FieldProblem.ID_NUMBER_CHARACTERS),
                new Typed("member", "110105195213150021", FieldProblem.ID_NUMBER_BIRTH_DATE),
                new Typed("member", "110105195203150022", FieldProblem.ID_NUMBER_CHECK),
                new Typed("code", "92110101MA00DEM06", FieldProblem.CREDIT_CODE_LENGTH),
                new Typed("code", "92110101MA00DEMO0X", FieldProblem.CREDIT_CODE_CHARACTERS),
                new Typed("code", "92110101MA00DEM06N", FieldProblem.CREDIT_CODE_CHECK),
                new Typed("phone", "1380013800", FieldProblem.PHONE),
                new Typed("day", "2026/11/28", FieldProblem.DATE_FORMAT),
                new Typed("day", "2026-02-29", FieldProblem.DATE_NOT_REAL),
                new Typed("count", "两", FieldProblem.NUMBER),
                new Typed("pick", "3", FieldProblem.NOT_A_CHOICE));
        assertThat(cases.stream().map(Typed::problem).distinct())
                .as("every problem there is")
                .containsExactlyInAnyOrder(FieldProblem.values());
        FormState form = new FormState(everyType(), Identity.of(DemoCards.resident()), Optional.empty());
        for (Typed t : cases) {
            form.set(t.field(), t.text());

            assertThat(form.problem(t.field())).as(t.text()).hasValue(t.problem());
            assertThat(form.value(t.field())).as("kept as typed").isEqualTo(t.text());
        }
        assertThat(form.complete()).isEmpty();
    }

    @Test
    void rightValuesPassAndAreSentTidiedUp() {
        FormState form = new FormState(everyType(), Identity.of(DemoCards.resident()), Optional.empty());
        form.set("text", "装修 ");
        form.set("name", "李秀兰");
        form.set("member", "11010519491231002x");
        form.set("phone", "010-64015110");
        form.set("day", "20261128");
        form.set("code", "92110101ma00dem06m");
        form.set("count", "2");
        form.set("pick", "2");

        assertThat(form.problems()).isEmpty();
        assertThat(form.value("member")).as("checking changes nothing").isEqualTo("11010519491231002x");
        FormState.Completed done = form.complete().orElseThrow();
        assertThat(done.form().toString())
                .isEqualTo("{\"text\":\"装修\",\"name\":\"李秀兰\",\"member\":\"11010519491231002X\","
                        + "\"phone\":\"010-64015110\",\"day\":\"2026-11-28\",\"code\":\"92110101MA00DEM06M\","
                        + "\"count\":\"2\",\"pick\":\"2\"}");
        assertThat(done.applicant().address())
                .as("no address field: the card's")
                .isEqualTo("北京市西城区演示胡同8号");
    }

    @Test
    void whatTheCardSaysIsNotTypedAgainAndTheEndOfTheSessionWipesEverything() {
        FormState form = new FormState(item("社会保障卡挂失"), Identity.of(DemoCards.resident()), Optional.empty());

        assertThatThrownBy(() -> form.set("idNumber", "110105195203150021")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> new FormState(item("出生登记（新生儿落户）"), Identity.of(DemoCards.resident()), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        form.set("phone", "13800138000");
        assertThat(form.toString()).doesNotContain("王小明", "1380");

        form.wipe();

        assertThat(form.fields()).allMatch(f -> form.value(f.id()).isEmpty());
        assertThat(form.fromCard("name")).isFalse();
    }
}
