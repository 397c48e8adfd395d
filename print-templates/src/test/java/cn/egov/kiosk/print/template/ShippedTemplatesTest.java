package cn.egov.kiosk.print.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.text.DisplayWidth;
import cn.egov.kiosk.print.receipt.ReceiptRenderer;
import cn.egov.kiosk.print.ticket.Templates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template in templates/ loads and renders its sample to a receipt document that fits the
 * paper and shows nothing personal unmasked. (That the document survives ESC/POS encoding is
 * kiosk-app's {@code TemplatesOverEscPosTest}: this module knows no printer language.)
 */
class ShippedTemplatesTest {
    /** The sample citizen's data, which must never reach paper unmasked (but on a licence, on purpose). */
    private static final List<String> PERSONAL =
            List.of("王小明", "11010519491231002X", "13812345678", "示例大街1号院2单元301", "6222021234567891234");

    static Stream<Arguments> templatesLanguagesPapers() throws Exception {
        return Templates.shipped().names().stream()
                .flatMap(n ->
                        Stream.of(Arguments.of(n, Locale.SIMPLIFIED_CHINESE, 48), Arguments.of(n, Locale.ENGLISH, 32)));
    }

    @Test
    void theKioskShipsEveryTemplateTheIssueNames() throws Exception {
        assertThat(Templates.shipped().names())
                .contains(
                        "queue-ticket",
                        "transaction-receipt",
                        "payment-receipt",
                        "postal-delivery-receipt",
                        "appointment-confirmation",
                        "acceptance-receipt",
                        "licence-example",
                        "test-page");
    }

    @ParameterizedTest(name = "{0}, {1}, {2} columns")
    @MethodSource("templatesLanguagesPapers")
    void theSampleRendersToADocumentThatFitsThePaper(String name, Locale locale, int columns) throws Exception {
        TemplateLibrary library = Templates.shipped();
        Template t = library.get(name);
        JsonNode sample = library.sample(name);

        ReceiptDocument doc = new ReceiptRenderer(columns).render(Resolved.of(t, sample, Medium.ESCPOS, locale));

        assertThat(doc.lines()).isNotEmpty();
        // nothing runs off the paper
        for (ReceiptElement e : doc.elements()) {
            if (e instanceof ReceiptElement.Text text) {
                assertThat(DisplayWidth.of(text.text()) * text.style().width())
                        .as(text.text())
                        .isLessThanOrEqualTo(columns);
            }
        }
        // nothing personal unmasked, except the licence's holder, printed in full on purpose
        String all = String.join("\n", doc.lines());
        for (String value : PERSONAL) {
            if (name.equals("licence-example") && value.equals("王小明")) {
                assertThat(all).contains(value);
            } else {
                assertThat(all).as("%s on %s", value, name).doesNotContain(value);
            }
        }
        if (t.paper() == Template.Paper.RECEIPT) {
            assertThat(doc.cuts()).as("a receipt is cut off the roll").isEqualTo(1);
        }
    }

    @Test
    void aReprintSaysSo() throws Exception {
        TemplateLibrary library = Templates.shipped();
        ObjectNode data = (ObjectNode) library.sample("payment-receipt");
        data.put("reprint", true);

        ReceiptDocument doc = new ReceiptRenderer(48)
                .render(Resolved.of(library.get("payment-receipt"), data, Medium.ESCPOS, Locale.SIMPLIFIED_CHINESE));

        assertThat(doc.lines()).contains("【重打凭证】");
        assertThat(doc.lines()).contains("卡号：622202*********1234");
        assertThat(doc.barcodePayloads()).containsExactly("PAY20261128142533000456");
    }
}
