package cn.egov.kiosk.ui;

/** The screens of the kiosk. */
public enum Screen {
    ATTRACT,
    HOME,
    ID_LOGIN,
    TICKET,
    LICENCE
}
