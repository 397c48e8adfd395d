package cn.egov.kiosk.device.idcard;

/** The cards a resident ID card reader reads, told apart by the type character of the text block. */
public enum IdCardType {
    /** 居民身份证 (a space at the type position). */
    RESIDENT,
    /** 外国人永久居留身份证, 2017 version (type {@code I}). */
    FOREIGN_PERMANENT_RESIDENT,
    /** 外国人永久居留身份证, 2023 version (type {@code Y}): an 18-digit number starting with 9. */
    FOREIGN_PERMANENT_RESIDENT_2023,
    /** 港澳台居民居住证 (type {@code J}). */
    HK_MACAO_TAIWAN_RESIDENT
}
