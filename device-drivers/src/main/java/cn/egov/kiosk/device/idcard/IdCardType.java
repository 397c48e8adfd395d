package cn.egov.kiosk.device.idcard;

/** The cards such readers read. */
public enum IdCardType {
  /** 居民身份证. */
  RESIDENT,
  /** 外国人永久居留身份证. */
  FOREIGN_PERMANENT_RESIDENT,
  /** 港澳台居民居住证. */
  HK_MACAO_TAIWAN_RESIDENT
}
