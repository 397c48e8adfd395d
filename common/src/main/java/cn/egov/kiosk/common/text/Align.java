package cn.egov.kiosk.common.text;

public enum Align {
    LEFT,
    CENTER,
    RIGHT
}
