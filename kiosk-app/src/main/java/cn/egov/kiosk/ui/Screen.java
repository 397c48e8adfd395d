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
    // enterprise
    /** 企业信息查询: by credit code or by name, the register's public data, printed. */
    ENTERPRISE
}
