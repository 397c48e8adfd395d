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
    // progress
    /** 办件进度: how to look up, one's applications, one application's progress. */
    PROGRESS
}
