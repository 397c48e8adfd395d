package cn.egov.kiosk.device.idcard.sam;

import static cn.egov.kiosk.device.idcard.sam.SamTestCards.fields;
import static cn.egov.kiosk.device.idcard.sam.SamTestCards.ucs2;
import static cn.egov.kiosk.device.idcard.sam.SamTestCards.with;
import static cn.egov.kiosk.device.idcard.sam.SamTestCards.withCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdCardTextTest {
    private static final byte[] PHOTO = {(byte) 0x57, 0x4C, 0x54, 1, 2, 3};
    private static final byte[] FINGERPRINT = {0x43, 0x01, 0x02};

    private static IdCard roundTrip(IdCard card, byte[] photo, byte[] fingerprint) throws IdCardTextException {
        byte[] text = IdCardText.encode(card);
        assertThat(text).hasSize(256);
        IdCard back = IdCardText.decode(text, photo, fingerprint);
        assertThat(fields(back)).isEqualTo(fields(card));
        assertThat(IdCardText.encode(back)).isEqualTo(text);
        return back;
    }

    /** The text block with a field overwritten, and the exception decoding it throws. */
    private static IdCardTextException failure(IdCard card, int at, int length, String value) {
        byte[] text = with(IdCardText.encode(card), at, length, value);
        return catchThrowableOfType(() -> IdCardText.decode(text, null, null), IdCardTextException.class);
    }

    // ---- round trips and byte positions ----------------------------------------------------------

    @Test
    void aResidentCardRoundTripsWithItsPhotoAndFingerprint() throws Exception {
        ResidentIdCard card = SamTestCards.hanMeimei(PHOTO, FINGERPRINT);

        ResidentIdCard back = (ResidentIdCard) roundTrip(card, PHOTO, FINGERPRINT);

        assertThat(back.name()).isEqualTo("韩梅梅");
        assertThat(back.ethnicity()).isEqualTo("汉");
        assertThat(back.validUntil()).isEmpty();
        assertThat(back.photo()).isEqualTo(PHOTO);
        assertThat(back.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(back.appendedAddress()).isEmpty();
    }

    @Test
    void theResidentLayoutPutsEveryFieldInItsPlace() {
        byte[] text = IdCardText.encode(SamTestCards.hanMeimei(PHOTO, null));

        // 韩 U+97E9, 梅 U+6885, then spaces to byte 30
        assertThat(Arrays.copyOfRange(text, 0, 6)).containsExactly(0xE9, 0x97, 0x85, 0x68, 0x85, 0x68);
        assertThat(ucs2(text, 6, 24)).isEqualTo(" ".repeat(12));
        assertThat(ucs2(text, 30, 2)).isEqualTo("2");
        assertThat(ucs2(text, 32, 4)).isEqualTo("01");
        assertThat(ucs2(text, 36, 16)).isEqualTo("19491231");
        assertThat(ucs2(text, 52, 70)).startsWith("北京市东城区").endsWith("  ");
        // the ID number's first digit at byte 122, its check character X at 156
        assertThat(text[122]).isEqualTo((byte) '1');
        assertThat(text[123]).isZero();
        assertThat(ucs2(text, 122, 36)).isEqualTo("11010519491231002X");
        assertThat(text[156]).isEqualTo((byte) 'X');
        assertThat(ucs2(text, 158, 30)).isEqualTo("北京市公安局东城分局     ");
        assertThat(ucs2(text, 188, 16)).isEqualTo("20150601");
        // 长 U+957F 期 U+671F, padded
        assertThat(Arrays.copyOfRange(text, 204, 208)).containsExactly(0x7F, 0x95, 0x1F, 0x67);
        assertThat(ucs2(text, 204, 16)).isEqualTo("长期      ");
        // reserved, with the type character (a space) at 248
        assertThat(ucs2(text, 220, 36)).isBlank().hasSize(18);
        assertThat(text[248]).isEqualTo((byte) 0x20);
        assertThat(text[249]).isZero();
    }

    @Test
    void aDatedResidentCardRoundTrips() throws Exception {
        ResidentIdCard back = (ResidentIdCard) roundTrip(SamTestCards.liLei(), new byte[] {1, 2, 3}, null);

        assertThat(back.validUntil()).contains(LocalDate.of(2030, 1, 1));
        assertThat(back.ethnicity()).isEqualTo("回");
        assertThat(back.fingerprint()).isEmpty();
    }

    @Test
    void fieldsFilledToTheLastByteRoundTrip() throws Exception {
        ResidentIdCard full = new ResidentIdCard(
                "欧阳测试甲一二三四五六七八九十", // 15 characters: 30 bytes
                Sex.UNSPECIFIED,
                "56",
                LocalDate.of(2000, 2, 29),
                "测".repeat(35),
                withCheck("65010220000229001"),
                "签".repeat(15),
                LocalDate.of(2020, 2, 29),
                Optional.of(LocalDate.of(9999, 12, 31)),
                Optional.empty(),
                null,
                null);

        byte[] text = IdCardText.encode(full);
        roundTrip(full, null, null);

        assertThat(ucs2(text, 0, 30)).doesNotContain(" ");
        assertThat(ucs2(text, 52, 70)).isEqualTo("测".repeat(35));
        assertThat(ucs2(text, 158, 30)).isEqualTo("签".repeat(15));
    }

    @Test
    void aResidencePermitRoundTrips() throws Exception {
        ResidencePermit card = SamTestCards.chanTaiMan();

        ResidencePermit back = (ResidencePermit) roundTrip(card, card.photo(), null);
        byte[] text = IdCardText.encode(card);

        assertThat(back.passNumber()).isEqualTo("H12345678");
        assertThat(back.issueCount()).isEqualTo(1);
        assertThat(ucs2(text, 248, 2)).isEqualTo("J");
        assertThat(ucs2(text, 32, 4)).isBlank(); // no ethnicity
        assertThat(ucs2(text, 122, 36)).isEqualTo(card.number());
        assertThat(ucs2(text, 220, 18)).isEqualTo("H12345678");
        assertThat(ucs2(text, 238, 4)).isEqualTo("01");
        assertThat(ucs2(text, 242, 6)).isBlank();
        assertThat(ucs2(text, 250, 6)).isBlank();
    }

    @Test
    void aForeignCardOf2017RoundTrips() throws Exception {
        ForeignResidentIdCard card = SamTestCards.john2017();

        ForeignResidentIdCard back = (ForeignResidentIdCard) roundTrip(card, card.photo(), null);
        byte[] text = IdCardText.encode(card);

        assertThat(back.type()).isEqualTo(IdCardType.FOREIGN_PERMANENT_RESIDENT);
        assertThat(back.name()).isEqualTo("约翰测试");
        assertThat(ucs2(text, 248, 2)).isEqualTo("I");
        assertThat(ucs2(text, 0, 120)).startsWith("TESTER, JOHN EXAMPLE ");
        assertThat(ucs2(text, 120, 2)).isEqualTo("1");
        assertThat(ucs2(text, 122, 30)).isEqualTo("USA310085031501");
        assertThat(ucs2(text, 152, 6)).isEqualTo("USA");
        assertThat(ucs2(text, 158, 30)).startsWith("约翰测试 ");
        assertThat(ucs2(text, 220, 16)).isEqualTo("19850315");
        assertThat(ucs2(text, 236, 4)).isEqualTo("01");
        assertThat(ucs2(text, 240, 8)).isEqualTo("3100");
    }

    @Test
    void aForeignCardOf2023RoundTripsWithItsEnglishNameInTwoParts() throws Exception {
        ForeignResidentIdCard card = SamTestCards.jane2023();

        ForeignResidentIdCard back = (ForeignResidentIdCard) roundTrip(card, card.photo(), null);
        byte[] text = IdCardText.encode(card);

        assertThat(back.type()).isEqualTo(IdCardType.FOREIGN_PERMANENT_RESIDENT_2023);
        assertThat(back.englishName()).isEqualTo(SamTestCards.LONG_ENGLISH_NAME);
        assertThat(ucs2(text, 248, 2)).isEqualTo("Y");
        assertThat(ucs2(text, 0, 30)).startsWith("简测试 ");
        assertThat(ucs2(text, 32, 4)).isEqualTo("00");
        assertThat(ucs2(text, 36, 16)).isEqualTo("19850315");
        assertThat(ucs2(text, 52, 70)).isEqualTo(SamTestCards.LONG_ENGLISH_NAME.substring(0, 35));
        assertThat(ucs2(text, 220, 22)).isEqualTo(SamTestCards.LONG_ENGLISH_NAME.substring(35) + "   ");
        assertThat(text[122]).isEqualTo((byte) '9');
        assertThat(ucs2(text, 242, 6)).isEqualTo("840");
        assertThat(ucs2(text, 250, 6)).isBlank();
    }

    @Test
    void aShortEnglishNameOf2023LeavesTheContinuationBlank() throws Exception {
        ForeignResidentIdCard card = new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                "DOE, JANE",
                "",
                Sex.FEMALE,
                LocalDate.of(1970, 1, 1),
                withCheck("93184019700101002"),
                "840",
                LocalDate.of(2024, 1, 1),
                Optional.empty(),
                "01",
                "",
                null);

        ForeignResidentIdCard back = (ForeignResidentIdCard) roundTrip(card, null, null);
        byte[] text = IdCardText.encode(card);

        assertThat(back.name()).isEqualTo("DOE, JANE"); // no Chinese name
        assertThat(ucs2(text, 220, 22)).isBlank();
    }

    @Test
    void aNameOfExactly35CharactersEndsTheFirstPart() throws Exception {
        String name = "A".repeat(34) + "B";
        ForeignResidentIdCard card = new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                name,
                "",
                Sex.MALE,
                LocalDate.of(1970, 1, 1),
                withCheck("93184019700101001"),
                "840",
                LocalDate.of(2024, 1, 1),
                Optional.empty(),
                "01",
                "",
                null);

        roundTrip(card, null, null);
        // 46 characters fill both parts
        roundTrip(
                new ForeignResidentIdCard(
                        IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                        "C".repeat(46),
                        "",
                        Sex.MALE,
                        LocalDate.of(1970, 1, 1),
                        withCheck("93184019700101001"),
                        "840",
                        LocalDate.of(2024, 1, 1),
                        Optional.empty(),
                        "01",
                        "",
                        null),
                null,
                null);
    }

    @Test
    void paddingIsTrimmedAtBothEndsAndNulsCountAsPadding() throws Exception {
        byte[] text = IdCardText.encode(SamTestCards.hanMeimei(null, null));
        text = with(text, 0, 30, "  韩梅梅");
        String address = "北京市东城区示范路1号院2号楼301室";
        for (int i = 52 + 2 * address.length(); i < 122; i++) {
            text[i] = 0; // an address padded with NULs
        }

        ResidentIdCard card = (ResidentIdCard) IdCardText.decode(text, null, null);

        assertThat(card.name()).isEqualTo("韩梅梅");
        assertThat(card.address()).isEqualTo(address);
    }

    @Test
    void aLowerCaseCheckCharacterIsAccepted() throws Exception {
        byte[] text = with(IdCardText.encode(SamTestCards.hanMeimei(null, null)), 122, 36, "11010519491231002x");

        assertThat(IdCardText.decode(text, null, null).number()).isEqualTo("11010519491231002x");
    }

    // ---- decoding errors -----------------------------------------------------------------------

    @Test
    void aBlockOfAnotherLengthIsRefused() {
        for (byte[] bad : new byte[][] {null, new byte[0], new byte[255], new byte[257]}) {
            assertThatThrownBy(() -> IdCardText.decode(bad, null, null))
                    .isInstanceOf(IdCardTextException.class)
                    .hasMessage("text: not a 256-byte block");
        }
    }

    @Test
    void anUnknownTypeIsRefused() {
        IdCardTextException e = failure(SamTestCards.liLei(), 248, 2, "X");

        assertThat(e.field()).isEqualTo("type");
        assertThat(e.getMessage()).isEqualTo("type: unknown card type U+0058");
        assertThat(failure(SamTestCards.liLei(), 248, 2, "\0").field()).isEqualTo("type");
    }

    @Test
    void everyBadResidentFieldIsNamedWithoutItsValue() {
        ResidentIdCard card = SamTestCards.hanMeimei(null, null);
        String wrongNumber = "110105194912310021"; // check character should be X

        assertThat(failure(card, 0, 30, "")).hasMessage("name: empty");
        assertThat(failure(card, 30, 2, "3")).hasMessage("sex: not a sex code (0, 1, 2 or 9)");
        assertThat(failure(card, 30, 2, "")).hasMessage("sex: not a sex code (0, 1, 2 or 9)");
        assertThat(failure(card, 32, 4, "99")).hasMessage("ethnicity: not a GB 3304 code");
        assertThat(failure(card, 32, 4, "1")).hasMessage("ethnicity: not a GB 3304 code");
        assertThat(failure(card, 32, 4, "汉")).hasMessage("ethnicity: not a GB 3304 code");
        assertThat(failure(card, 36, 16, "19491332")).hasMessage("birthDate: not a date YYYYMMDD");
        assertThat(failure(card, 36, 16, "19490229")).hasMessage("birthDate: not a date YYYYMMDD");
        assertThat(failure(card, 36, 16, "1949123")).hasMessage("birthDate: not a date YYYYMMDD");
        assertThat(failure(card, 36, 16, "1949-12-")).hasMessage("birthDate: not a date YYYYMMDD");
        assertThat(failure(card, 36, 16, "１９４９１２３１")).hasMessage("birthDate: not a date YYYYMMDD");
        IdCardTextException number = failure(card, 122, 36, wrongNumber);
        assertThat(number.field()).isEqualTo("idNumber");
        assertThat(number.getMessage()).doesNotContain(wrongNumber).doesNotContain("1949");
        assertThat(failure(card, 122, 36, "11010519491231002"))
                .extracting(IdCardTextException::field)
                .isEqualTo("idNumber");
        assertThat(failure(card, 122, 36, ""))
                .extracting(IdCardTextException::field)
                .isEqualTo("idNumber");
        assertThat(failure(card, 188, 16, "长期")).hasMessage("validFrom: not a date YYYYMMDD");
        assertThat(failure(card, 204, 16, "永久")).hasMessage("validUntil: not a date YYYYMMDD");
        assertThat(failure(card, 204, 16, "")).hasMessage("validUntil: not a date YYYYMMDD");
    }

    @Test
    void textThatIsNotUcs2OrHoldsControlCharactersIsRefused() {
        ResidentIdCard card = SamTestCards.hanMeimei(null, null);

        // a lone high surrogate inside the name
        IdCardTextException surrogate = failure(card, 0, 30, "韩\uD800梅");
        assertThat(surrogate).hasMessage("name: not UCS-2 text");
        // a lone low surrogate
        assertThat(failure(card, 0, 30, "\uDC00")).hasMessage("name: not UCS-2 text");
        assertThat(failure(card, 52, 70, "北京\n东城")).hasMessage("address: holds a control character");
        assertThat(failure(card, 52, 70, "北京\0东城")).hasMessage("address: holds a control character");
        assertThat(failure(card, 158, 30, "\uFFFF")).hasMessage("issuer: holds a control character");
    }

    @Test
    void everyBadPermitFieldIsNamed() {
        ResidencePermit card = SamTestCards.chanTaiMan();

        assertThat(failure(card, 0, 30, "")).hasMessage("name: empty");
        assertThat(failure(card, 30, 2, "M"))
                .extracting(IdCardTextException::field)
                .isEqualTo("sex");
        assertThat(failure(card, 122, 36, withCheck("81000019800808001").substring(0, 17) + "Z"))
                .extracting(IdCardTextException::field)
                .isEqualTo("idNumber");
        assertThat(failure(card, 238, 4, "ab")).hasMessage("issueCount: not a number");
        assertThat(failure(card, 238, 4, "")).hasMessage("issueCount: not a number");
        assertThat(failure(card, 204, 16, "20240230")).hasMessage("validUntil: not a date YYYYMMDD");
    }

    @Test
    void everyBadForeignFieldIsNamed() {
        ForeignResidentIdCard old = SamTestCards.john2017();
        byte[] noNames = with(with(IdCardText.encode(old), 0, 120, ""), 158, 30, "");

        assertThatThrownBy(() -> IdCardText.decode(noNames, null, null)).hasMessage("name: empty");
        assertThat(failure(old, 122, 30, "")).hasMessage("number: empty");
        assertThat(failure(old, 120, 2, "F"))
                .extracting(IdCardTextException::field)
                .isEqualTo("sex");
        assertThat(failure(old, 220, 16, "19850230")).hasMessage("birthDate: not a date YYYYMMDD");

        ForeignResidentIdCard young = SamTestCards.jane2023();
        String citizenNumber = "11010519491231002X"; // valid, but not a 2023 permanent residence number
        IdCardTextException notNine = failure(young, 122, 36, citizenNumber);
        assertThat(notNine).hasMessage("idNumber: not a 2023 permanent residence number (starts with 9)");
        assertThat(notNine.getMessage()).doesNotContain(citizenNumber);
        assertThat(failure(young, 122, 36, young.number().substring(0, 17) + "0"))
                .extracting(IdCardTextException::field)
                .isEqualTo("idNumber");
        assertThat(failure(young, 36, 16, "19851315")).hasMessage("birthDate: not a date YYYYMMDD");
        assertThat(failure(young, 220, 22, "\u0001")).hasMessage("englishName: holds a control character");
    }

    // ---- encoding errors -----------------------------------------------------------------------

    private static ResidentIdCard resident(String name, String address) {
        ResidentIdCard c = SamTestCards.liLei();
        return new ResidentIdCard(
                name,
                c.sex(),
                c.ethnicityCode(),
                c.birthDate(),
                address,
                c.idNumber(),
                c.issuer(),
                c.validFrom(),
                c.validUntil(),
                Optional.empty(),
                null,
                null);
    }

    @Test
    void aValueTooLongForItsFieldIsRefusedNotTruncated() {
        String longName = "欧阳测试甲一二三四五六七八九十百"; // 16 characters: 32 bytes

        assertThatThrownBy(() -> IdCardText.encode(resident(longName, "北京")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: 32 bytes do not fit its 30-byte field")
                .hasMessageNotContaining(longName);
        assertThatThrownBy(() -> IdCardText.encode(resident("李雷", "测".repeat(36))))
                .hasMessage("address: 72 bytes do not fit its 70-byte field");

        ForeignResidentIdCard y = SamTestCards.jane2023();
        ForeignResidentIdCard tooLong = new ForeignResidentIdCard(
                y.type(),
                "C".repeat(47),
                "",
                y.sex(),
                y.birthDate(),
                y.number(),
                y.nationality(),
                y.validFrom(),
                y.validUntil(),
                y.cardVersion(),
                y.authorityCode(),
                null);
        assertThatThrownBy(() -> IdCardText.encode(tooLong))
                .hasMessage("englishName: 94 bytes do not fit its 92-byte field");

        ResidencePermit p = SamTestCards.chanTaiMan();
        ResidencePermit hundredth = new ResidencePermit(
                p.name(),
                p.sex(),
                p.birthDate(),
                p.address(),
                p.number(),
                p.issuer(),
                p.validFrom(),
                p.validUntil(),
                p.passNumber(),
                100,
                null);
        assertThatThrownBy(() -> IdCardText.encode(hundredth)).hasMessage("issueCount: not 0..99");
        ResidencePermit longPass = new ResidencePermit(
                p.name(),
                p.sex(),
                p.birthDate(),
                p.address(),
                p.number(),
                p.issuer(),
                p.validFrom(),
                p.validUntil(),
                "H123456789",
                1,
                null);
        assertThatThrownBy(() -> IdCardText.encode(longPass)).hasMessageStartingWith("passNumber: 20 bytes");
    }

    @Test
    void aValueDecodingWouldChangeIsRefused() {
        assertThatThrownBy(() -> IdCardText.encode(resident("李雷 ", "北京")))
                .hasMessage("name: spaces or NULs at an end would be lost as padding");
        assertThatThrownBy(() -> IdCardText.encode(resident("李雷", "\0北京"))).hasMessageStartingWith("address: spaces");
        assertThatThrownBy(() -> IdCardText.encode(resident("李\t雷", "北京")))
                .hasMessage("name: holds a control character");
        assertThatThrownBy(() -> IdCardText.encode(resident("李\uD800", "北京")))
                .hasMessage("name: not UCS-2 text (a lone surrogate)");

        ResidentIdCard c = SamTestCards.liLei();
        ResidentIdCard farFuture = new ResidentIdCard(
                c.name(),
                c.sex(),
                c.ethnicityCode(),
                c.birthDate(),
                c.address(),
                c.idNumber(),
                c.issuer(),
                c.validFrom(),
                Optional.of(LocalDate.of(10000, 1, 1)),
                Optional.empty(),
                null,
                null);
        assertThatThrownBy(() -> IdCardText.encode(farFuture)).hasMessage("validUntil: not a four-digit year");
    }

    @Test
    void encodingWritesWhatDecodingRefusesSoThatASimulatorCanServeBadCards() {
        ResidentIdCard c = SamTestCards.liLei();
        ResidentIdCard badEthnicity = new ResidentIdCard(
                c.name(),
                c.sex(),
                "99",
                c.birthDate(),
                c.address(),
                c.idNumber(),
                c.issuer(),
                c.validFrom(),
                c.validUntil(),
                Optional.empty(),
                null,
                null);

        byte[] text = IdCardText.encode(badEthnicity);

        assertThatThrownBy(() -> IdCardText.decode(text, null, null)).hasMessage("ethnicity: not a GB 3304 code");
    }

    // ---- personal data stays masked ------------------------------------------------------------

    @Test
    void decodedCardsPrintMasked() throws Exception {
        for (IdCard card : SamTestCards.all()) {
            IdCard back = IdCardText.decode(IdCardText.encode(card), card.photo(), null);
            String shown = back.toString();

            assertThat(shown)
                    .doesNotContain(back.number())
                    .doesNotContain(back.name())
                    .contains(back.maskedNumber());
            if (back instanceof ForeignResidentIdCard f) {
                assertThat(shown).doesNotContain(f.englishName());
            }
        }
    }

    // ---- the appended address ------------------------------------------------------------------

    @Test
    void theLastNonBlankAppendedAddressIsCurrent() throws Exception {
        assertThat(IdCardText.decodeAddress(IdCardText.encodeAddress("北京市海淀区示例路2号")))
                .isEqualTo("北京市海淀区示例路2号");
        assertThat(IdCardText.decodeAddress(IdCardText.encodeAddress("旧址1号", "新址2号", "", "")))
                .isEqualTo("新址2号");
        assertThat(IdCardText.decodeAddress(IdCardText.encodeAddress("一", "二", "三", "四")))
                .isEqualTo("四");
        assertThat(IdCardText.decodeAddress(IdCardText.encodeAddress("", ""))).isEmpty();
        assertThat(IdCardText.decodeAddress(new byte[0])).isEmpty();
        assertThat(IdCardText.decodeAddress(IdCardText.encodeAddress("测".repeat(35))))
                .isEqualTo("测".repeat(35));
    }

    @Test
    void anAppendedAddressIs70BytesOfUcs2() {
        byte[] data = IdCardText.encodeAddress("东城");

        assertThat(data).hasSize(70);
        assertThat(Arrays.copyOfRange(data, 0, 6)).containsExactly(0x1C, 0x4E, 0xCE, 0x57, 0x20, 0x00);
    }

    @Test
    void aBadAppendedAddressReplyIsRefused() {
        for (byte[] bad : new byte[][] {null, new byte[69], new byte[71], new byte[350]}) {
            assertThatThrownBy(() -> IdCardText.decodeAddress(bad))
                    .isInstanceOf(IdCardTextException.class)
                    .hasMessage("appendedAddress: not up to 4 whole 70-byte addresses");
        }
        byte[] control = IdCardText.encodeAddress("东城");
        control[4] = 7;
        assertThatThrownBy(() -> IdCardText.decodeAddress(control))
                .hasMessage("appendedAddress: holds a control character");
        assertThatThrownBy(() -> IdCardText.encodeAddress("测".repeat(36)))
                .hasMessage("appendedAddress: 72 bytes do not fit its 70-byte field");
        assertThatThrownBy(() -> IdCardText.encodeAddress("一", "二", "三", "四", "五"))
                .hasMessage("appendedAddress: at most 4 addresses");
    }
}
