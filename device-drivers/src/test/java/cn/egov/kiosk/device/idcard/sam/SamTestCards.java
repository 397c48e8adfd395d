package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.IdNumbers;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Fictitious people's cards of every type, and helpers to compare and doctor them. */
final class SamTestCards {
    private SamTestCards() {}

    /** 17 digits and their MOD 11-2 check character. */
    static String withCheck(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** 韩梅梅, a textbook character: valid without limit (长期). */
    static ResidentIdCard hanMeimei(byte[] photo, byte[] fingerprint) {
        return new ResidentIdCard(
                "韩梅梅",
                Sex.FEMALE,
                "01",
                LocalDate.of(1949, 12, 31),
                "北京市东城区示范路1号院2号楼301室",
                "11010519491231002X",
                "北京市公安局东城分局",
                LocalDate.of(2015, 6, 1),
                Optional.empty(),
                Optional.empty(),
                photo,
                fingerprint);
    }

    /** 李雷, a textbook character: a dated card, the longest name and address that fit. */
    static ResidentIdCard liLei() {
        return new ResidentIdCard(
                "李雷",
                Sex.MALE,
                "03",
                LocalDate.of(1990, 1, 1),
                "广东省深圳市南山区示例大道一百号测试花园三栋二单元一千零一号房", // 31 characters: 62 of 70 bytes
                withCheck("44030519900101001"),
                "深圳市公安局南山分局",
                LocalDate.of(2010, 1, 1),
                Optional.of(LocalDate.of(2030, 1, 1)),
                Optional.empty(),
                new byte[] {1, 2, 3},
                null);
    }

    /** 陈大文, the placeholder name of Hong Kong forms. */
    static ResidencePermit chanTaiMan() {
        return new ResidencePermit(
                "陈大文",
                Sex.MALE,
                LocalDate.of(1980, 8, 8),
                "广东省深圳市福田区示例路8号",
                withCheck("81000019800808001"),
                "深圳市公安局福田分局",
                LocalDate.of(2019, 3, 1),
                Optional.of(LocalDate.of(2024, 3, 1)),
                "H12345678",
                1,
                new byte[] {9, 8, 7});
    }

    static ForeignResidentIdCard john2017() {
        return new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT,
                "TESTER, JOHN EXAMPLE",
                "约翰测试",
                Sex.MALE,
                LocalDate.of(1985, 3, 15),
                "USA310085031501",
                "USA",
                LocalDate.of(2018, 5, 20),
                Optional.of(LocalDate.of(2028, 5, 20)),
                "01",
                "3100",
                new byte[] {4, 5});
    }

    /** An English name of 43 characters: longer than the first field (35), so it goes on at 220. */
    static final String LONG_ENGLISH_NAME = "EXAMPLE-TESTINGTON, JANE MARIE ALEXANDRA QU";

    static ForeignResidentIdCard jane2023() {
        return new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                LONG_ENGLISH_NAME,
                "简测试",
                Sex.FEMALE,
                LocalDate.of(1985, 3, 15),
                withCheck("93184019850315002"),
                "840",
                LocalDate.of(2023, 12, 1),
                Optional.of(LocalDate.of(2033, 12, 1)),
                "00",
                "国家移民管理局",
                new byte[] {6});
    }

    static List<IdCard> all() {
        return List.of(hanMeimei(new byte[] {1}, new byte[] {2}), liLei(), chanTaiMan(), john2017(), jane2023());
    }

    /** Every field of a card, for comparing (the card classes have no equals). */
    static List<Object> fields(IdCard c) {
        List<Object> f = new ArrayList<>();
        f.add(c.getClass().getSimpleName());
        f.add(c.type());
        f.add(c.name());
        f.add(c.number());
        f.add(c.sex());
        f.add(c.birthDate());
        f.add(c.validFrom());
        f.add(c.validUntil());
        f.add(HexFormat.of().formatHex(c.photo()));
        if (c instanceof ResidentIdCard r) {
            f.add(r.ethnicityCode());
            f.add(r.address());
            f.add(r.issuer());
            f.add(r.appendedAddress());
            f.add(HexFormat.of().formatHex(r.fingerprint()));
        } else if (c instanceof ResidencePermit p) {
            f.add(p.address());
            f.add(p.issuer());
            f.add(p.passNumber());
            f.add(p.issueCount());
        } else if (c instanceof ForeignResidentIdCard x) {
            f.add(x.englishName());
            f.add(x.chineseName());
            f.add(x.nationality());
            f.add(x.cardVersion());
            f.add(x.authorityCode());
        }
        return f;
    }

    /** Overwrites bytes {@code at..at+length} of a block with a value, UCS-2LE, space padded, cut to fit. */
    static byte[] with(byte[] block, int at, int length, String value) {
        byte[] out = block.clone();
        for (int i = 0; i < length / 2; i++) {
            // char by char, not through a charset: lone surrogates go in as they are
            char c = i < value.length() ? value.charAt(i) : ' ';
            out[at + 2 * i] = (byte) c;
            out[at + 2 * i + 1] = (byte) (c >> 8);
        }
        return out;
    }

    static String ucs2(byte[] block, int at, int length) {
        return new String(block, at, length, StandardCharsets.UTF_16LE);
    }
}
