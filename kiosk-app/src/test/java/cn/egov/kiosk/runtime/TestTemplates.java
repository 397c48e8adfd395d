package cn.egov.kiosk.runtime;

import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.print.ticket.QueueTicketTemplate;

/** The shipped print templates, for tests that build a part of the runtime by hand. */
public final class TestTemplates {
    private TestTemplates() {}

    public static TemplateLibrary library() {
        try {
            return TemplateLibrary.load(ConfigFiles.templatesDir());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static QueueTicketTemplate queueTicket() {
        try {
            return new QueueTicketTemplate(library());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
