package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The items' kiosk forms as the catalogue serves them, and applications checked against them over
 * real HTTP: an item without a form is refused (422), a form that does not pass its checks too
 * (400, the fields and their problems named, never the values), directly and in a batch.
 */
class ApplicationFormsTest extends SimulatorTestBase {
    private static final Applications.Applicant RESIDENT = new Applications.Applicant(
            Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市西城区演示胡同8号");

    private List<Catalogue.Item> catalogue;

    @BeforeEach
    void readCatalogue() throws Exception {
        catalogue = new ArrayList<>();
        String cursor = null;
        do {
            Catalogue.Page page =
                    client.catalogue(0, cursor, 500, Optional.empty()).body().orElseThrow();
            catalogue.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private Catalogue.Item item(String name) {
        return catalogue.stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + name));
    }

    private static Applications.Submit submit(Catalogue.Item item, Applications.Applicant applicant, ObjectNode form) {
        return new Applications.Submit(
                UUID.randomUUID().toString(),
                item.id(),
                applicant,
                form,
                List.of(),
                OffsetDateTime.parse("2026-11-28T10:00:00+08:00"));
    }

    /** 医保个人账户家庭共济绑定, filled in right: the citizen and a family member. */
    private static ObjectNode familyBinding() {
        return Json.mapper()
                .createObjectNode()
                .put("name", "王小明")
                .put("idNumber", "11010519491231002X")
                .put("memberName", "李秀兰")
                .put("memberIdNumber", "110105195203150021")
                .put("relation", "1")
                .put("phone", "13800138000");
    }

    @Test
    void atLeastTwentyKioskItemsHaveFormsOfDifferentShapesAndEveryItemAPortalPage() {
        List<Catalogue.Item> withForms =
                catalogue.stream().filter(i -> i.form() != null).toList();

        assertThat(withForms).hasSizeGreaterThanOrEqualTo(20).allMatch(Catalogue.Item::kioskCapable);
        assertThat(withForms.stream().map(Catalogue.Item::audience).collect(Collectors.toSet()))
                .contains(Catalogue.Audience.PERSONAL, Catalogue.Audience.ENTERPRISE);
        Set<Catalogue.FieldType> types = EnumSet.noneOf(Catalogue.FieldType.class);
        Set<Catalogue.Prefill> prefills = EnumSet.noneOf(Catalogue.Prefill.class);
        withForms.forEach(i -> i.form().fields().forEach(f -> {
            types.add(f.type());
            prefills.add(f.prefill());
        }));
        assertThat(types).containsExactlyInAnyOrder(Catalogue.FieldType.values());
        assertThat(prefills).containsExactlyInAnyOrder(Catalogue.Prefill.values());
        assertThat(withForms.stream()
                        .mapToInt(i -> i.form().fields().size())
                        .min()
                        .orElseThrow())
                .isLessThanOrEqualTo(4);
        assertThat(withForms.stream()
                        .mapToInt(i -> i.form().fields().size())
                        .max()
                        .orElseThrow())
                .isGreaterThanOrEqualTo(9);
        // a form asks for another person's ID number (a family member), not only the card's
        assertThat(withForms)
                .anySatisfy(i -> assertThat(i.form().fields())
                        .anyMatch(f ->
                                f.type() == Catalogue.FieldType.ID_NUMBER && f.prefill() == Catalogue.Prefill.NONE));
        Catalogue.Item change = item("个体工商户变更登记");
        assertThat(change.form().fields())
                .extracting(Catalogue.Field::prefill)
                .contains(Catalogue.Prefill.LICENCE_CREDIT_CODE, Catalogue.Prefill.LICENCE_BUSINESS_NAME);

        assertThat(catalogue).allMatch(i -> i.portalUrl().equals("https://zwfw.example.gov.cn/item/" + i.id()));
        assertThat(item("社会保障卡挂失").materials())
                .filteredOn(m -> m.name().equals("居民身份证原件"))
                .singleElement()
                .matches(Catalogue.Material::electronic);
        assertThat(change.materials())
                .filteredOn(m -> m.name().startsWith("营业执照"))
                .singleElement()
                .matches(Catalogue.Material::electronic);
        assertThat(item("社会保障卡补换（即时制卡）").materials())
                .filteredOn(m -> m.name().startsWith("授权委托书"))
                .singleElement()
                .matches(m -> !m.electronic());
        // changed since the first data set: a kiosk that synced that one gets them again; the form of
        // the item with a fee came last (a kiosk that synced data set 2 gets that item again)
        assertThat(sim.catalogueVersion()).isGreaterThan(1);
        assertThat(withForms).allMatch(i -> i.version() > 1 && i.version() <= sim.catalogueVersion());
        assertThat(item("往来港澳通行证自助签注").version()).isEqualTo(sim.catalogueVersion());
    }

    @Test
    void aFormThatPassesItsChecksIsReceived() throws Exception {
        Applications.Received r = client.submit(submit(item("医保个人账户家庭共济绑定"), RESIDENT, familyBinding()));

        assertThat(r.applicationNo()).startsWith("SQ");
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, r.applicationId()))
                .isEqualTo(1);
    }

    @Test
    void theCardsOwnNumberOfAForeignPermanentResidentIsNotCheckedAsACitizenIdNumber() throws Exception {
        var maria = new Applications.Applicant(
                Applications.IdType.FOREIGN, "ESP310085061501", "玛丽亚", "13912345678", "北京市朝阳区示例路2号");
        ObjectNode form = familyBinding().put("name", "玛丽亚").put("idNumber", "ESP310085061501");

        assertThat(client.submit(submit(item("医保个人账户家庭共济绑定"), maria, form)).applicationNo())
                .startsWith("SQ");
        // another number in that field is checked as one
        PlatformException e = failure(() -> client.submit(
                submit(item("医保个人账户家庭共济绑定"), maria, form.deepCopy().put("idNumber", "ESP310085061502"))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.problem().orElseThrow().detail()).isEqualTo("idNumber: ID_NUMBER_LENGTH");
    }

    @Test
    void eachBadFieldIsNamedWithItsProblemAndNeverItsValue() {
        record Case(String item, ObjectNode form, String detail) {}
        ObjectNode change = Json.mapper()
                .createObjectNode()
                .put("creditCode", "92110101MA00DEM06N") // the sample licence's code, last character wrong
                .put("businessName", "演示区小明便民早餐店")
                .put("change", "2")
                .put("changedTo", "北京市东城区示例大街3号")
                .put("phone", "1380013800"); // a digit short
        ObjectNode leave = Json.mapper()
                .createObjectNode()
                .put("creditCode", "92110101MA00DEM06M")
                .put("businessName", "演示区小明便民早餐店")
                .put("from", "2026-12-01")
                .put("until", "2027-02-30")
                .put("reason", "装修")
                .put("phone", "13800138000");
        List<Case> cases = List.of(
                new Case(
                        "医保个人账户家庭共济绑定",
                        familyBinding().put("memberIdNumber", "110105195203150028"),
                        "memberIdNumber: ID_NUMBER_CHECK"),
                new Case(
                        "医保个人账户家庭共济绑定",
                        familyBinding().put("memberIdNumber", "110105195202300027"),
                        "memberIdNumber: ID_NUMBER_BIRTH_DATE"),
                new Case("医保个人账户家庭共济绑定", familyBinding().put("relation", "9"), "relation: NOT_A_CHOICE"),
                new Case("医保个人账户家庭共济绑定", (ObjectNode) familyBinding().without("phone"), "phone: REQUIRED"),
                new Case("医保个人账户家庭共济绑定", familyBinding().put("phone", "  "), "phone: REQUIRED"),
                new Case("个体工商户变更登记", change, "creditCode: CREDIT_CODE_CHECK, phone: PHONE"),
                new Case("市场主体歇业备案", leave, "until: DATE_NOT_REAL"),
                new Case("市场主体歇业备案", leave.deepCopy().put("until", "2027/02/28"), "until: DATE_FORMAT"));
        for (Case c : cases) {
            PlatformException e = failure(() -> client.submit(submit(item(c.item()), RESIDENT, c.form())));

            assertThat(e.status()).as(c.detail()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(Problem.VALIDATION);
            assertThat(e.retryable()).isFalse();
            Problem p = e.problem().orElseThrow();
            assertThat(p.detail()).isEqualTo(c.detail());
            assertThat(p.toString()).doesNotContain("110105195", "92110101", "2027-02", "138001380");
        }
        assertThat(sim.ledger().entries(Batch.APPLICATION_SUBMIT)).isEmpty();
    }

    @Test
    void anItemWithoutAFormOrNotInTheCatalogueIsRefused() {
        Catalogue.Item birth = item("出生登记（新生儿落户）");
        assertThat(birth.form()).isNull();

        PlatformException noForm = failure(() -> client.submit(submit(birth, RESIDENT, familyBinding())));
        PlatformException unknown = failure(() -> client.submit(new Applications.Submit(
                UUID.randomUUID().toString(),
                "110101-XX-9999",
                RESIDENT,
                familyBinding(),
                List.of(),
                OffsetDateTime.parse("2026-11-28T10:00:00+08:00"))));

        assertThat(noForm.status()).isEqualTo(422);
        assertThat(noForm.code()).isEqualTo(Problem.VALIDATION);
        assertThat(noForm.problem().orElseThrow().detail()).isEqualTo("item " + birth.id() + " has no kiosk form");
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    void inABatchTheBadFormIsRejectedForGoodAndTheGoodOneAccepted() throws Exception {
        Catalogue.Item binding = item("医保个人账户家庭共济绑定");
        Applications.Submit good = submit(binding, RESIDENT, familyBinding());
        Applications.Submit bad = submit(binding, RESIDENT, familyBinding().put("memberIdNumber", "11010519520315002"));
        Batch.Request batch = new Batch.Request(List.of(
                new Batch.Record(
                        good.applicationId(),
                        "application",
                        1,
                        Batch.APPLICATION_SUBMIT,
                        good.submittedAt(),
                        Json.mapper().valueToTree(good)),
                new Batch.Record(
                        bad.applicationId(),
                        "application",
                        2,
                        Batch.APPLICATION_SUBMIT,
                        bad.submittedAt(),
                        Json.mapper().valueToTree(bad))));

        Batch.Response r = client.batch(batch);

        assertThat(r.results())
                .extracting(Batch.Result::status)
                .containsExactly(Batch.Status.ACCEPTED, Batch.Status.REJECTED);
        Problem refused = r.results().get(1).problem();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("memberIdNumber: ID_NUMBER_LENGTH");
        assertThat(refused.retryable()).isFalse();
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, bad.applicationId()))
                .isZero();
    }
}
