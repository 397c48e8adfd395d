package cn.egov.kiosk.device.printer.escpos;

import java.nio.charset.Charset;

/** ESC/POS byte values and the fixed command sequences the kiosk uses. */
public final class EscPos {
  private EscPos() {}

  public static final byte LF = 0x0A;
  public static final byte CR = 0x0D;
  public static final byte DLE = 0x10;
  public static final byte EOT = 0x04;
  public static final byte ESC = 0x1B;
  public static final byte FS = 0x1C;
  public static final byte GS = 0x1D;

  /** Text on Chinese printers: GB18030 (a superset of GB2312 and GBK; ASCII unchanged). */
  public static final Charset CHARSET = Charset.forName("GB18030");

  /** {@code ESC @}: initialise the printer (clears the buffer and every mode). */
  public static final byte[] INITIALIZE = {ESC, '@'};

  /** {@code FS &}: select Chinese (two-byte) character mode. */
  public static final byte[] CHINESE_MODE = {FS, '&'};

  /** {@code DLE EOT n} for n = 1..4: printer, offline cause, error cause, paper sensor. */
  public static byte[] statusRequest(int n) {
    return new byte[] {DLE, EOT, (byte) n};
  }

  /** The four status requests in one write; the printer answers one byte each, in order. */
  public static final byte[] FULL_STATUS_REQUEST = {
    DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4
  };

  /** {@code GS ( k} function codes of the QR symbol (cn = 49). */
  static final int QR_CN = 49;

  static final int QR_MODEL = 65;
  static final int QR_SIZE = 67;
  static final int QR_ECC = 69;
  static final int QR_STORE = 80;
  static final int QR_PRINT = 81;

  /** {@code GS V m n}: feed to the cut position plus n dots, then cut; 65 full, 66 partial. */
  static final int CUT_FULL_AFTER_FEED = 65;

  static final int CUT_PARTIAL_AFTER_FEED = 66;
}
