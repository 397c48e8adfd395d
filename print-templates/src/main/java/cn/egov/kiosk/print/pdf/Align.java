package cn.egov.kiosk.print.pdf;

/** Horizontal alignment of a text within a given width. */
public enum Align {
  LEFT,
  CENTER,
  RIGHT
}
