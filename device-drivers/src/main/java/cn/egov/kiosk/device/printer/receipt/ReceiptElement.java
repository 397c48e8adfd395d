package cn.egov.kiosk.device.printer.receipt;

import java.util.Objects;

/** One element of a receipt document. */
public sealed interface ReceiptElement {

  /** One line of text, printed with its style and followed by a line feed. */
  record Text(String text, TextStyle style) implements ReceiptElement {
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(style, "style");
      if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("one line of text per element");
      }
    }
  }

  /** Blank paper: {@code lines} line feeds. */
  record Feed(int lines) implements ReceiptElement {
    public Feed {
      if (lines < 1 || lines > 255) {
        throw new IllegalArgumentException("feed 1..255 lines, not " + lines);
      }
    }
  }

  /** A QR code; {@code moduleSize} is the dot size of one module (1..16). */
  record QrCode(String payload, int moduleSize, ErrorCorrection errorCorrection, Align align)
      implements ReceiptElement {
    public QrCode {
      Objects.requireNonNull(payload, "payload");
      if (payload.isEmpty() || payload.length() > 7000) {
        throw new IllegalArgumentException("a QR payload of 1..7000 characters");
      }
      if (moduleSize < 1 || moduleSize > 16) {
        throw new IllegalArgumentException("QR module size 1..16, not " + moduleSize);
      }
    }
  }

  /** Feeds to the cutter and cuts: partially (a tab left holding) or fully. */
  record Cut(boolean partial) implements ReceiptElement {}

  /** QR error-correction level. */
  enum ErrorCorrection {
    L,
    M,
    Q,
    H
  }
}
