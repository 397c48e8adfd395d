package cn.egov.kiosk.print.ticket;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.print.receipt.ReceiptRenderer;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.Resolved;
import cn.egov.kiosk.print.template.Template;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;

/**
 * The queue ticket (排队取号票) from the {@code queue-ticket} template: what a ticket says comes
 * from the queue; how it looks (and in which words) from {@code templates/queue-ticket.yaml}.
 */
public final class QueueTicketTemplate {
    public static final String NAME = "queue-ticket";

    private final Template template;

    public QueueTicketTemplate(TemplateLibrary library) throws TemplateException {
        this.template = library.get(NAME);
    }

    /** The ticket's data as the template sees it (field names as in {@code queue-ticket.sample.json}). */
    public static ObjectNode data(QueueTicket ticket) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("hallName", ticket.hallName());
        d.put("businessType", ticket.businessType());
        d.put("number", ticket.number());
        d.put("waitingKnown", ticket.waitingAhead().isPresent());
        ticket.waitingAhead().ifPresent(n -> d.put("waitingAhead", n));
        d.put("issuedAt", ticket.issuedAt().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        d.put("ticketId", ticket.ticketId());
        ticket.idNumber().ifPresent(id -> d.put("idNumber", id));
        d.put("hotline", ticket.hotline());
        ticket.appointment().ifPresent(a -> {
            ObjectNode ap = d.putObject("appointment");
            ap.put("priority", a.priority());
            ap.put("start", a.start().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            ap.put("service", a.service());
        });
        return d;
    }

    public ReceiptDocument render(QueueTicket ticket, int columns) {
        return new ReceiptRenderer(columns).render(Resolved.of(template, data(ticket), Medium.ESCPOS, ticket.locale()));
    }
}
