package cn.egov.kiosk.device.idcard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Fictitious cards of every kind, for demonstrations, training and tests. No real person: the
 * names are made up and the numbers, though their check digits are right, use test addresses.
 */
public final class DemoCards {
    private DemoCards() {}

    /** A resident ID card valid without limit (长期), with an appended address. */
    public static ResidentIdCard resident() {
        return new ResidentIdCard(
                "王小明",
                Sex.MALE,
                "01",
                LocalDate.of(1949, 12, 31),
                "北京市东城区示例大街1号",
                "11010519491231002X",
                "北京市公安局东城分局",
                LocalDate.of(2016, 1, 1),
                Optional.empty(),
                Optional.of("北京市西城区演示胡同8号"),
                demoPhoto(),
                new byte[0]);
    }

    /** A resident ID card that expired in 2020. */
    public static ResidentIdCard expiredResident() {
        String head = "33010619800101002";
        return new ResidentIdCard(
                "李静怡",
                Sex.FEMALE,
                "03",
                LocalDate.of(1980, 1, 1),
                "浙江省杭州市西湖区样例路88号",
                head + IdNumbers.checkCharacter(head),
                "杭州市公安局西湖分局",
                LocalDate.of(2010, 5, 1),
                Optional.of(LocalDate.of(2020, 5, 1)),
                Optional.empty(),
                demoPhoto(),
                new byte[0]);
    }

    /** A foreign permanent resident ID card, 2017 version. */
    public static ForeignResidentIdCard foreign2017() {
        return new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT,
                "SAMPLE MARIA ELENA",
                "玛丽亚",
                Sex.FEMALE,
                LocalDate.of(1985, 6, 15),
                "ESP310085061501",
                "ESP",
                LocalDate.of(2019, 3, 1),
                Optional.of(LocalDate.of(2029, 3, 1)),
                "01",
                "1100",
                demoPhoto());
    }

    /** A foreign permanent resident ID card, 2023 version (18-digit number starting with 9). */
    public static ForeignResidentIdCard foreign2023() {
        String head = "93110019900720011";
        return new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                "DEMO JOHN",
                "约翰",
                Sex.MALE,
                LocalDate.of(1990, 7, 20),
                head + IdNumbers.checkCharacter(head),
                "840",
                LocalDate.of(2024, 1, 10),
                Optional.of(LocalDate.of(2034, 1, 10)),
                "00",
                "",
                demoPhoto());
    }

    /** A residence permit for a Hong Kong resident. */
    public static ResidencePermit residencePermit() {
        String head = "81000019920305004";
        return new ResidencePermit(
                "陈大文",
                Sex.MALE,
                LocalDate.of(1992, 3, 5),
                "广东省深圳市福田区示范路6号",
                head + IdNumbers.checkCharacter(head),
                "深圳市公安局福田分局",
                LocalDate.of(2022, 9, 1),
                Optional.of(LocalDate.of(2027, 9, 1)),
                "H01234567",
                1,
                demoPhoto());
    }

    /** One of each, the resident card first. */
    public static List<IdCard> all() {
        return List.of(resident(), expiredResident(), foreign2017(), foreign2023(), residencePermit());
    }

    /** 1024 bytes standing for a WLT photo (no decoder can make a picture of them). */
    static byte[] demoPhoto() {
        byte[] photo = new byte[1024];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 31 + 7);
        }
        return photo;
    }
}
