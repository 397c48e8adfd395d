package cn.egov.kiosk.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every problem a form field's value can have, and the values that have none. */
class FormCheckTest {
    private static Catalogue.Field field(Catalogue.FieldType type, boolean required, int maxLength) {
        return new Catalogue.Field(
                "f",
                "字段",
                "Field",
                type,
                required,
                Catalogue.Prefill.NONE,
                maxLength,
                type == Catalogue.FieldType.CHOICE
                        ? List.of(new Catalogue.Choice("1", "男", "Male"), new Catalogue.Choice("2", "女", "Female"))
                        : List.of(),
                "",
                "");
    }

    private static Optional<FieldProblem> check(Catalogue.FieldType type, String value) {
        return FormCheck.check(field(type, true, 0), value);
    }

    @Test
    void requiredAndEmptyOrBlankIsRequiredOptionalAndEmptyIsFine() {
        for (Catalogue.FieldType t : Catalogue.FieldType.values()) {
            assertThat(check(t, "")).as(t.name()).hasValue(FieldProblem.REQUIRED);
            assertThat(check(t, " \t")).as(t.name()).hasValue(FieldProblem.REQUIRED);
            assertThat(check(t, null)).as(t.name()).hasValue(FieldProblem.REQUIRED);
            assertThat(FormCheck.check(field(t, false, 0), "")).as(t.name()).isEmpty();
        }
    }

    @Test
    void idNumbers() {
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "11010519491231002X")).isEmpty();
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "11010519491231002x"))
                .as("lower-case x")
                .isEmpty();
        assertThat(check(Catalogue.FieldType.ID_NUMBER, " 11010519491231002X "))
                .as("spaces around")
                .isEmpty();
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "810000199203050043"))
                .as("a residence permit")
                .isEmpty();
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "11010519491231002")).hasValue(FieldProblem.ID_NUMBER_LENGTH);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "11010519491231002X1")).hasValue(FieldProblem.ID_NUMBER_LENGTH);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "1101051949123100AX"))
                .hasValue(FieldProblem.ID_NUMBER_CHARACTERS);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "11010519491231002Y"))
                .hasValue(FieldProblem.ID_NUMBER_CHARACTERS);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "110105194913310023"))
                .as("month 13")
                .hasValue(FieldProblem.ID_NUMBER_BIRTH_DATE);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "110105195202300027"))
                .as("30 February")
                .hasValue(FieldProblem.ID_NUMBER_BIRTH_DATE);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "110105184912310021"))
                .as("born 1849")
                .hasValue(FieldProblem.ID_NUMBER_BIRTH_DATE);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "110105194912310021")).hasValue(FieldProblem.ID_NUMBER_CHECK);
        assertThat(check(Catalogue.FieldType.ID_NUMBER, "110105194912310029")).hasValue(FieldProblem.ID_NUMBER_CHECK);
    }

    @Test
    void everyCheckCharacterOfTheMod112TableIsAccepted() {
        // "10X98765432"[sum mod 11]: the last digit of each of these makes a valid number
        for (String n : List.of("110105194912310003", "11010519491231002X", "110105195203150021")) {
            assertThat(FormCheck.idNumber(n)).as(n).isEmpty();
            char wrong = n.charAt(17) == '0' ? '1' : '0';
            assertThat(FormCheck.idNumber(n.substring(0, 17) + wrong)).as(n).hasValue(FieldProblem.ID_NUMBER_CHECK);
        }
    }

    @Test
    void creditCodes() {
        assertThat(check(Catalogue.FieldType.CREDIT_CODE, "914403001922038216")).isEmpty();
        assertThat(check(Catalogue.FieldType.CREDIT_CODE, "92110101MA00DEM06M")).isEmpty();
        assertThat(check(Catalogue.FieldType.CREDIT_CODE, "92110101ma00dem06m"))
                .as("lower case")
                .isEmpty();
        assertThat(check(Catalogue.FieldType.CREDIT_CODE, "92110101MA00DEM06"))
                .hasValue(FieldProblem.CREDIT_CODE_LENGTH);
        assertThat(check(Catalogue.FieldType.CREDIT_CODE, "92110101MA00DEMO0X"))
                .as("O is not in the alphabet")
                .hasValue(FieldProblem.CREDIT_CODE_CHARACTERS);
        assertThat(check(Catalogue.FieldType.CREDIT_CODE, "92110101MA00DEM06N"))
                .hasValue(FieldProblem.CREDIT_CODE_CHECK);
    }

    @Test
    void phones() {
        for (String ok : List.of(
                "13800138000",
                "19912345678",
                "010-64015110",
                "01064015110",
                "0755-2345678",
                "010-64015110-801",
                "138 0013 8000")) {
            assertThat(check(Catalogue.FieldType.PHONE, ok)).as(ok).isEmpty();
        }
        for (String bad : List.of(
                "12800138000", "1380013800", "138001380001", "64015110", "010-1234567", "+8613800138000", "电话")) {
            assertThat(check(Catalogue.FieldType.PHONE, bad)).as(bad).hasValue(FieldProblem.PHONE);
        }
    }

    @Test
    void dates() {
        assertThat(check(Catalogue.FieldType.DATE, "2026-11-28")).isEmpty();
        assertThat(check(Catalogue.FieldType.DATE, "2028-02-29")).isEmpty();
        assertThat(check(Catalogue.FieldType.DATE, "20261128"))
                .as("digits only")
                .isEmpty();
        assertThat(check(Catalogue.FieldType.DATE, "2026-2-28")).hasValue(FieldProblem.DATE_FORMAT);
        assertThat(check(Catalogue.FieldType.DATE, "2026/11/28")).hasValue(FieldProblem.DATE_FORMAT);
        assertThat(check(Catalogue.FieldType.DATE, "明天")).hasValue(FieldProblem.DATE_FORMAT);
        assertThat(check(Catalogue.FieldType.DATE, "2026-02-29")).hasValue(FieldProblem.DATE_NOT_REAL);
        assertThat(check(Catalogue.FieldType.DATE, "2026-13-01")).hasValue(FieldProblem.DATE_NOT_REAL);
        assertThat(check(Catalogue.FieldType.DATE, "20260431")).hasValue(FieldProblem.DATE_NOT_REAL);
    }

    @Test
    void numbersNamesChoicesAndLength() {
        assertThat(check(Catalogue.FieldType.NUMBER, "2")).isEmpty();
        assertThat(check(Catalogue.FieldType.NUMBER, "3500.50")).isEmpty();
        assertThat(check(Catalogue.FieldType.NUMBER, "两个")).hasValue(FieldProblem.NUMBER);
        assertThat(check(Catalogue.FieldType.NUMBER, "-1")).hasValue(FieldProblem.NUMBER);
        assertThat(check(Catalogue.FieldType.NUMBER, "1.234")).hasValue(FieldProblem.NUMBER);
        assertThat(check(Catalogue.FieldType.NAME, "王小明")).isEmpty();
        assertThat(check(Catalogue.FieldType.NAME, "阿卜杜·热合曼")).isEmpty();
        assertThat(check(Catalogue.FieldType.NAME, "SAMPLE MARIA ELENA")).isEmpty();
        assertThat(check(Catalogue.FieldType.NAME, "王小明2")).hasValue(FieldProblem.NAME_CHARACTERS);
        assertThat(check(Catalogue.FieldType.CHOICE, "2")).isEmpty();
        assertThat(check(Catalogue.FieldType.CHOICE, "女"))
                .as("the label is not the value")
                .hasValue(FieldProblem.NOT_A_CHOICE);
        assertThat(check(Catalogue.FieldType.TEXT, "随便写什么")).isEmpty();
        assertThat(FormCheck.check(field(Catalogue.FieldType.ADDRESS, true, 5), "北京市东城区"))
                .as("6 characters, 5 allowed")
                .hasValue(FieldProblem.TOO_LONG);
        assertThat(FormCheck.check(field(Catalogue.FieldType.ADDRESS, true, 6), "北京市东城区"))
                .isEmpty();
        assertThat(FormCheck.check(field(Catalogue.FieldType.TEXT, true, 2), "𠀀𠀀"))
                .as("characters, not UTF-16 units")
                .isEmpty();
    }

    @Test
    void checkingNeverChangesTheTextNormalisingGivesWhatIsSent() {
        String typed = " 11010519491231002x ";
        FormCheck.check(field(Catalogue.FieldType.ID_NUMBER, true, 0), typed);
        assertThat(typed).isEqualTo(" 11010519491231002x ");
        assertThat(FormCheck.normalise(field(Catalogue.FieldType.ID_NUMBER, true, 0), typed))
                .isEqualTo("11010519491231002X");
        assertThat(FormCheck.normalise(field(Catalogue.FieldType.DATE, true, 0), "20261128"))
                .isEqualTo("2026-11-28");
        assertThat(FormCheck.normalise(field(Catalogue.FieldType.PHONE, true, 0), "138 0013 8000"))
                .isEqualTo("13800138000");
        assertThat(FormCheck.normalise(field(Catalogue.FieldType.TEXT, true, 0), " 装修 "))
                .isEqualTo("装修");
    }

    @Test
    void aWholeFormInOrderWithTheApplicantsOwnCardNumberTakenAsTheCards() {
        var number = new Catalogue.Field(
                "idNumber",
                "证件号码",
                "ID number",
                Catalogue.FieldType.ID_NUMBER,
                true,
                Catalogue.Prefill.CARD_ID_NUMBER,
                0,
                List.of(),
                "",
                "");
        var phone = new Catalogue.Field(
                "phone",
                "联系电话",
                "Phone",
                Catalogue.FieldType.PHONE,
                true,
                Catalogue.Prefill.NONE,
                0,
                List.of(),
                "",
                "");
        var form = new Catalogue.Form(List.of(number, phone));
        var values = Json.mapper()
                .createObjectNode()
                .put("idNumber", "ESP310085061501")
                .put("unknown", "x");

        Map<String, FieldProblem> p = FormCheck.check(form, values, "ESP310085061501");

        assertThat(p).containsExactly(Map.entry("phone", FieldProblem.REQUIRED));
        assertThat(FormCheck.check(form, values, "11010519491231002X"))
                .containsExactly(
                        Map.entry("idNumber", FieldProblem.ID_NUMBER_LENGTH),
                        Map.entry("phone", FieldProblem.REQUIRED));
    }
}
