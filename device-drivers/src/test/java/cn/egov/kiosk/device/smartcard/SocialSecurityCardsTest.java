package cn.egov.kiosk.device.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.idcard.Sex;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard.Field;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard.Unread;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard.HolderAccess;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The card-level logic, against the virtual social security card in memory (no pcscd). */
class SocialSecurityCardsTest {
    private static final Set<Field> HOLDER_FIELDS =
            EnumSet.of(Field.SOCIAL_SECURITY_NUMBER, Field.NAME, Field.SEX, Field.ETHNICITY, Field.BIRTH_DATE);

    @Test
    void aSecondGenerationCardGivesIssuerAndHolderData() throws DeviceException {
        SocialSecurityCard card =
                SocialSecurityCards.read(ResponderReader.with(VirtualSocialSecurityCard.secondGeneration()));

        assertThat(card.cardIdentificationCode()).contains("110100D156000005");
        assertThat(card.cardType()).contains("1");
        assertThat(card.specVersion()).contains("2.00");
        assertThat(card.generation()).contains(2);
        assertThat(card.issueDate()).contains(LocalDate.of(2016, 5, 20));
        assertThat(card.expiryDate()).contains(LocalDate.of(2026, 5, 20));
        assertThat(card.cardNumber()).contains("A12345678");
        assertThat(card.socialSecurityNumber()).contains("11010519491231002X");
        assertThat(card.name()).contains("李小红");
        assertThat(card.sex()).contains(Sex.FEMALE);
        assertThat(card.ethnicityCode()).contains("01");
        assertThat(card.ethnicity()).contains("汉");
        assertThat(card.birthDate()).contains(LocalDate.of(1949, 12, 31));
        assertThat(card.unread()).isEmpty();
        assertThat(card.needsPsam()).isEmpty();
        assertThat(card.identifiesHolder()).isTrue();
        assertThat(card.expiredOn(LocalDate.of(2026, 5, 21))).isTrue();
        assertThat(card.expiredOn(LocalDate.of(2026, 5, 20))).isFalse();
    }

    @Test
    void toStringIsMasked() throws DeviceException {
        SocialSecurityCard card =
                SocialSecurityCards.read(ResponderReader.with(VirtualSocialSecurityCard.secondGeneration()));

        assertThat(card.toString())
                .contains("李*红", "110105********002X", "A*******8", "2.00")
                .doesNotContain("李小红", "11010519491231002X", "A12345678", "1949", "110100D156000005");
        assertThat(card.maskedName()).contains("李*红");
        assertThat(card.maskedSocialSecurityNumber()).contains("110105********002X");
    }

    @Test
    void aThirdGenerationCardThatAnswersBlankKeepsTheHolderDataForAPsam() throws DeviceException {
        SocialSecurityCard card = SocialSecurityCards.read(
                ResponderReader.with(VirtualSocialSecurityCard.thirdGeneration(HolderAccess.EMPTY)));

        assertThat(card.specVersion()).contains("3.00");
        assertThat(card.generation()).contains(3);
        assertThat(card.cardNumber()).contains("B87654321");
        assertThat(card.expiryDate()).contains(LocalDate.of(2032, 8, 1));
        assertThat(card.needsPsam()).isEqualTo(HOLDER_FIELDS);
        assertThat(card.unread().get(Field.NAME)).isEqualTo(new Unread("empty", true));
        assertThat(card.name()).isEmpty();
        assertThat(card.socialSecurityNumber()).isEmpty();
        assertThat(card.identifiesHolder()).isFalse();
        assertThat(card.toString())
                .contains("needs PSAM for [SOCIAL_SECURITY_NUMBER, NAME, SEX, ETHNICITY, BIRTH_DATE]");
    }

    @Test
    void aThirdGenerationCardThatRefusesKeepsTheHolderDataForAPsam() throws DeviceException {
        SocialSecurityCard refused = SocialSecurityCards.read(ResponderReader.with(
                VirtualSocialSecurityCard.thirdGeneration(HolderAccess.SECURITY_STATUS_NOT_SATISFIED)));
        SocialSecurityCard hidden = SocialSecurityCards.read(
                ResponderReader.with(VirtualSocialSecurityCard.thirdGeneration(HolderAccess.FILE_NOT_FOUND)));

        assertThat(refused.needsPsam()).isEqualTo(HOLDER_FIELDS);
        assertThat(refused.unread().get(Field.SOCIAL_SECURITY_NUMBER)).isEqualTo(new Unread("6982", true));
        assertThat(hidden.needsPsam()).isEqualTo(HOLDER_FIELDS);
        assertThat(hidden.unread().get(Field.BIRTH_DATE)).isEqualTo(new Unread("6A82", true));
        assertThat(refused.cardNumber()).contains("B87654321");
    }

    @Test
    void aCardWithoutTheSocialSecurityApplicationIsRefused() throws DeviceException {
        ResponderReader reader = ResponderReader.with(TestCards.bankCard());

        assertThatThrownBy(() -> SocialSecurityCards.read(reader))
                .isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).code()).isEqualTo(ErrorCode.USER_ERROR))
                .satisfies(e -> assertThat(((DeviceException) e).extendedCode()).isEqualTo("NOT_SOCIAL_SECURITY_CARD"))
                .hasMessageContaining("6A82");
    }

    @Test
    void theExchangeUsesGetResponseAndCorrectedLengths() throws DeviceException {
        ResponderReader reader = ResponderReader.with(VirtualSocialSecurityCard.secondGeneration());

        SocialSecurityCards.read(reader);

        // SELECT answers 61xx, every READ RECORD with Le 00 answers 6Cxx first
        assertThat(reader.instructions.subList(0, 4)).containsExactly(0xA4, 0xC0, 0xB2, 0xB2);
        assertThat(reader.instructions).hasSize(2 + 2 * Field.values().length);
    }

    @Test
    void valuesDecodeAsTheCardsStoreThem() {
        assertThat(SocialSecurityCards.bcdDate(HexFormat.of().parseHex("20240229")))
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(SocialSecurityCards.bcdDate(HexFormat.of().parseHex("FFFFFFFF")))
                .isNull();
        assertThat(SocialSecurityCards.bcdDate(HexFormat.of().parseHex("00000000")))
                .isNull();
        assertThatThrownBy(() -> SocialSecurityCards.bcdDate(HexFormat.of().parseHex("2024AA01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SocialSecurityCards.sex(new byte[] {'1'})).isEqualTo(Sex.MALE);
        assertThat(SocialSecurityCards.sex(new byte[] {2})).isEqualTo(Sex.FEMALE);
        assertThat(SocialSecurityCards.sex(new byte[] {0})).isNull();
        assertThat(SocialSecurityCards.ethnicity(new byte[] {0x12})).isEqualTo("12");
        assertThat(SocialSecurityCards.ethnicity(new byte[] {0x0C})).isEqualTo("12"); // binary, not BCD
        assertThat(SocialSecurityCards.gbk("张三  ".getBytes(Charset.forName("GBK"))))
                .isEqualTo("张三");
        assertThat(SocialSecurityCards.gbk(new byte[30])).isNull();
        assertThat(SocialSecurityCards.text("3.00\0".getBytes(Charset.forName("US-ASCII"))))
                .isEqualTo("3.00");
        assertThat(SocialSecurityCards.text(new byte[] {0x11, 0x01, (byte) 0xD1}))
                .isEqualTo("1101D1");
    }

    @Test
    void aRecordValueIsReadFromItsTlv() {
        assertThat(SocialSecurityCards.value(Field.CARD_TYPE, HexFormat.of().parseHex("020133")))
                .containsExactly(0x33);
        assertThat(SocialSecurityCards.value(Field.CARD_TYPE, HexFormat.of().parseHex("0205")))
                .isEmpty(); // cut short
        assertThat(SocialSecurityCards.value(Field.CARD_TYPE, new byte[0])).isEmpty();
    }

    @Test
    void aValueThatDoesNotDecodeIsReportedWithoutItsContent() throws DeviceException {
        VirtualSocialSecurityCard.Profile p = VirtualSocialSecurityCard.Profile.secondGeneration();
        VirtualSocialSecurityCard odd = new VirtualSocialSecurityCard(
                new VirtualSocialSecurityCard.Profile(
                        p.cardIdentificationCode(),
                        p.cardType(),
                        p.specVersion(),
                        p.institution(),
                        p.issueDate(),
                        p.expiryDate(),
                        p.cardNumber(),
                        p.socialSecurityNumber(),
                        p.name(),
                        "7",
                        p.ethnicityCode(),
                        p.birthPlace(),
                        p.birthDate()),
                HolderAccess.OPEN);

        SocialSecurityCard card = SocialSecurityCards.read(ResponderReader.with(odd));

        assertThat(card.sex()).isEmpty();
        assertThat(card.unread()).containsOnlyKeys(Field.SEX);
        assertThat(card.unread().get(Field.SEX)).isEqualTo(new Unread("bad value", false));
        assertThat(card.needsPsam()).isEmpty();
    }
}
