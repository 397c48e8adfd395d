package cn.egov.kiosk.device.printer.receipt;

public enum Align {
  LEFT,
  CENTER,
  RIGHT
}
