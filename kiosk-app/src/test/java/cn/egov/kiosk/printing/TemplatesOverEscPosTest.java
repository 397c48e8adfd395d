package cn.egov.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.document.ReceiptElement.QrCode;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.EscPosEncoder;
import cn.egov.kiosk.print.receipt.ReceiptRenderer;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.Resolved;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.print.ticket.QueueTicket;
import cn.egov.kiosk.runtime.TestTemplates;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the templates make survives the ESC/POS driver's language: every shipped template's sample
 * and the queue ticket, encoded to bytes and decoded back, are the same document, styles included.
 * (print-templates knows no printer language; this is where the two meet.)
 */
class TemplatesOverEscPosTest {
    private static final TemplateLibrary LIBRARY = TestTemplates.library();

    static Stream<Arguments> templatesLanguagesPapers() {
        return LIBRARY.names().stream()
                .flatMap(n ->
                        Stream.of(Arguments.of(n, Locale.SIMPLIFIED_CHINESE, 48), Arguments.of(n, Locale.ENGLISH, 32)));
    }

    static Stream<Arguments> localesAndPapers() {
        return Stream.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)
                .flatMap(l -> Stream.of(Arguments.of(l, 32), Arguments.of(l, 48)));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} columns")
    @MethodSource("templatesLanguagesPapers")
    void eachShippedSampleDecodesBack(String name, Locale locale, int columns) throws Exception {
        ReceiptDocument doc = new ReceiptRenderer(columns)
                .render(Resolved.of(LIBRARY.get(name), LIBRARY.sample(name), Medium.ESCPOS, locale));

        EscPosDecoder.Result decoded = new EscPosDecoder().decode(new EscPosEncoder().encode(doc));

        assertThat(doc.lines()).isNotEmpty();
        assertThat(decoded.unknown()).isEmpty();
        assertThat(decoded.document().lines()).isEqualTo(doc.lines());
        assertThat(decoded.document().qrPayloads()).isEqualTo(doc.qrPayloads());
        assertThat(decoded.document().barcodePayloads()).isEqualTo(doc.barcodePayloads());
        assertThat(decoded.document().cuts()).isEqualTo(doc.cuts());
    }

    @ParameterizedTest(name = "{0}, {1} columns")
    @MethodSource("localesAndPapers")
    void theQueueTicketDecodesBackStylesIncluded(Locale locale, int columns) {
        String id = "K01-20261128-A001";
        QueueTicket ticket = new QueueTicket(
                "西湖区政务服务中心24小时自助服务区",
                "户籍业务",
                "A001",
                OptionalInt.of(3),
                LocalDateTime.of(2026, 11, 28, 14, 5, 9),
                id,
                Optional.of("3301**********1234"),
                "0571-12345",
                locale);
        ReceiptDocument doc = TestTemplates.queueTicket().render(ticket, columns);

        EscPosDecoder.Result decoded = new EscPosDecoder().decode(new EscPosEncoder().encode(doc));

        assertThat(decoded.unknown()).isEmpty();
        assertThat(decoded.initializations()).isEqualTo(1);
        assertThat(decoded.document().lines()).isEqualTo(doc.lines());
        assertThat(decoded.document().qrPayloads()).containsExactly(id);
        assertThat(decoded.document().cuts()).isEqualTo(1);
        // what the printer gets is what the template meant
        List<ReceiptElement> expected = doc.elements();
        assertThat(decoded.document().elements()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            ReceiptElement e = expected.get(i);
            ReceiptElement d = decoded.document().elements().get(i);
            if (e instanceof QrCode q) {
                assertThat(d).isInstanceOfSatisfying(QrCode.class, dq -> {
                    assertThat(dq.payload()).isEqualTo(q.payload());
                    assertThat(dq.moduleSize()).isEqualTo(q.moduleSize());
                    assertThat(dq.align()).isEqualTo(q.align());
                });
            } else {
                assertThat(d).as("element %d", i).isEqualTo(e);
            }
        }
    }
}
