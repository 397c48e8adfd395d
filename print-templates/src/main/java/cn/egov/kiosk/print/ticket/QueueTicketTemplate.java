package cn.egov.kiosk.print.ticket;

import cn.egov.kiosk.device.printer.receipt.Align;
import cn.egov.kiosk.device.printer.receipt.DisplayWidth;
import cn.egov.kiosk.device.printer.receipt.ReceiptDocument;
import cn.egov.kiosk.device.printer.receipt.TextStyle;
import cn.egov.kiosk.print.layout.TextLayout;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * The queue ticket (排队取号票): hall name, business type, the number in large type, people waiting
 * ahead, time, a QR code with the ticket's id, and the instruction line, all in the citizen's
 * language; on 58 mm (32 columns) or 80 mm (48 columns) paper.
 */
public final class QueueTicketTemplate {
  public static final String NAME = "queue-ticket";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public ReceiptDocument render(QueueTicket ticket, int columns) {
    ResourceBundle text =
        ResourceBundle.getBundle(
            "cn.egov.kiosk.print.ticket.ticket",
            ticket.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    TextStyle center = TextStyle.NORMAL.aligned(Align.CENTER);
    ReceiptDocument.Builder doc = ReceiptDocument.builder(NAME);

    for (String line : TextLayout.wrap(ticket.hallName(), columns)) {
      doc.text(line, center.withBold(true));
    }
    doc.text("-".repeat(columns), TextStyle.NORMAL);
    for (String line : TextLayout.wrap(ticket.businessType(), columns / 2)) {
      doc.text(line, center.withBold(true).sized(2, 2));
    }
    int magnify = numberMagnification(ticket.number(), columns);
    doc.text(ticket.number(), center.withBold(true).sized(magnify, magnify));
    if (ticket.waitingAhead().isPresent()) {
      String waiting = MessageFormat.format(text.getString("waitingAhead"), ticket.waitingAhead().getAsInt());
      lines(doc, waiting, columns, center);
    }
    doc.feed(1);
    lines(doc, text.getString("issuedAt") + ticket.issuedAt().format(TIME), columns, TextStyle.NORMAL);
    ticket.maskedIdNumber().ifPresent(id -> lines(doc, text.getString("idNumber") + id, columns, TextStyle.NORMAL));
    doc.qr(ticket.ticketId(), columns >= 48 ? 6 : 4, Align.CENTER);
    lines(doc, ticket.ticketId(), columns, center);
    lines(doc, text.getString("instruction"), columns, center);
    if (!ticket.hotline().isBlank()) {
      lines(doc, text.getString("hotline") + ticket.hotline(), columns, center);
    }
    doc.feed(2);
    doc.cut();
    return doc.build();
  }

  /** A text at normal size, wrapped to the paper: no line is cut off at the edge. */
  private static void lines(ReceiptDocument.Builder doc, String text, int columns, TextStyle style) {
    for (String line : TextLayout.wrap(text, columns)) {
      doc.text(line, style);
    }
  }

  /** The largest magnification (up to 4) at which the number fits the line. */
  private static int numberMagnification(String number, int columns) {
    int width = DisplayWidth.of(number);
    for (int m = 4; m > 1; m--) {
      if (width * m <= columns) {
        return m;
      }
    }
    return 1;
  }
}
