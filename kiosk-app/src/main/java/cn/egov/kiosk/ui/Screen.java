package cn.egov.kiosk.ui;

/** The screens of the kiosk. */
public enum Screen {
    ATTRACT,
    HOME,
    ID_LOGIN,
    TICKET,
    LICENCE,
    /** 办事指南: the catalogue, an item's page. */
    GUIDE,
    /** 自助申办: an application's form, its confirmation and its receipt. */
    APPLY,
    /** 免费邮寄: a licence sent by post, from the licence screen. */
    POSTAL,
    // appointments
    /** 预约: a service, a day, a time, the confirmation printed. */
    APPOINTMENT,
    /** 我的预约: the citizen's appointments still to come, one cancelled. */
    MY_APPOINTMENTS,
    /** 签到: an appointment checked in on its day, its ticket printed. */
    CHECK_IN,
    // progress
    /** 办件进度: how to look up, one's applications, one application's progress. */
    PROGRESS,
    // enterprise
    /** 企业信息查询: by credit code or by name, the register's public data, printed. */
    ENTERPRISE,
    // payments
    /** 社保缴费: the citizen's dues, a grade, the fee step, the receipt. */
    INSURANCE
}
