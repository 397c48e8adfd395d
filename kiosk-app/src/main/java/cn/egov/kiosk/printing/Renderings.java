package cn.egov.kiosk.printing;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.print.page.PageRenderer;
import cn.egov.kiosk.print.pdf.CjkFont;
import cn.egov.kiosk.print.receipt.ReceiptRenderer;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.Resolved;
import cn.egov.kiosk.print.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A template with its data, made into what a printer takes: a receipt document for the thermal
 * printer, or the archival PDF for the licence printer. The font for PDFs is looked up once.
 */
public final class Renderings {
    private final Path configuredFont;
    private Path fontFile;

    /** @param fontFile the CJK font for PDFs, or null for the first one installed (looked up at the first PDF) */
    public Renderings(Path fontFile) {
        this.configuredFont = fontFile;
    }

    public ReceiptDocument receipt(Template template, JsonNode data, Locale locale, int columns) {
        return new ReceiptRenderer(columns).render(Resolved.of(template, data, Medium.ESCPOS, locale));
    }

    /** One at a time: the PDFs share the parsed font (see {@code CjkFont}). */
    public synchronized byte[] pdf(Template template, JsonNode data, Locale locale) throws IOException {
        if (fontFile == null) {
            fontFile = CjkFont.locate(configuredFont);
        }
        return new PageRenderer(fontFile)
                .render(Resolved.of(template, data, Medium.PDF, locale), issuer(data, template, locale), locale);
    }

    /** Who issues the document, for its metadata: the office, the authority or the hall named in the data. */
    static String issuer(JsonNode data, Template template, Locale locale) {
        for (String key : new String[] {"office", "authority", "hallName"}) {
            JsonNode v = data.get(key);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
        }
        return "政务服务自助终端";
    }
}
