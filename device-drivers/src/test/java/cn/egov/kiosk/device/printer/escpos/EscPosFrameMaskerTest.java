package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.manage.FrameMaskers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The receipt printer's masker over the bytes the project's own encoder makes. */
class EscPosFrameMaskerTest {
    // a receipt's query address, as the transaction receipt's {queryUrl} fills in
    private static final String QUERY_URL = "https://zwfw.example.gov.cn/q?no=SQ20261207000123&k=8f3a91";
    private static final String BARCODE = "SQ20261207000123";

    private static byte[] receipt(String qr) {
        ReceiptDocument doc = ReceiptDocument.builder("receipt")
                .text("办理回执")
                .qr(qr, 6, Align.CENTER)
                .text("扫码查询办理进度")
                .add(new ReceiptElement.Barcode(BARCODE, 80, 2, false, Align.CENTER))
                .add(logo())
                .feed(3)
                .cut()
                .build();
        return new EscPosEncoder().encode(doc);
    }

    /** A logo whose dots, row by row, are the bytes {@code GS k 4 1 GS k}: not commands, no code. */
    private static ReceiptElement.RasterImage logo() {
        int[] rows = {EscPos.GS, 'k', 4, 1, EscPos.GS, 'k'};
        boolean[] dots = new boolean[rows.length * 8];
        for (int i = 0; i < dots.length; i++) {
            dots[i] = (rows[i / 8] & (0x80 >> (i % 8))) != 0;
        }
        return new ReceiptElement.RasterImage(16, 3, dots, Align.CENTER);
    }

    private static List<FrameMasker.Part> feed(FrameMasker masker, byte[] data, int maxChunk, long seed) {
        List<FrameMasker.Part> parts = new ArrayList<>();
        Random random = new Random(seed);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + random.nextInt(maxChunk));
            parts.addAll(masker.mask(WireTap.Direction.OUT, Arrays.copyOfRange(data, at, at + n)));
            at += n;
        }
        return parts;
    }

    private static byte[] shown(List<FrameMasker.Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.stream().filter(p -> !p.isHidden()).forEach(p -> out.writeBytes(p.bytes()));
        return out.toByteArray();
    }

    private static int hidden(List<FrameMasker.Part> parts) {
        return parts.stream()
                .filter(FrameMasker.Part::isHidden)
                .peek(p -> assertThat(p.kind()).isEqualTo(FrameMasker.Hidden.CODE))
                .mapToInt(FrameMasker.Part::count)
                .sum();
    }

    @Test
    void aQrCodesAndABarcodesDataAreHiddenTheirCommandsAndLengthsShown() {
        byte[] wire = receipt(QUERY_URL);
        for (int maxChunk : new int[] {1, 3, 17, wire.length}) {
            List<FrameMasker.Part> parts = feed(FrameMaskers.of(DeviceClass.RECEIPT_PRINTER), wire, maxChunk, maxChunk);
            String shown = new String(shown(parts), StandardCharsets.ISO_8859_1);
            assertThat(shown)
                    .as("chunks up to %d", maxChunk)
                    .doesNotContain("SQ2026")
                    .doesNotContain("zwfw");
            // the data of both codes hidden, nothing else: "{B" starts a Code 128 payload
            assertThat(hidden(parts)).isEqualTo(QUERY_URL.length() + 2 + BARCODE.length());
            assertThat(shown(parts).length + hidden(parts)).isEqualTo(wire.length);
            // the QR store command and its length stay, and the receipt's text
            int len = QUERY_URL.length() + 3;
            String store = new String(
                    new byte[] {EscPos.GS, '(', 'k', (byte) len, 0, 49, 80, 48}, StandardCharsets.ISO_8859_1);
            assertThat(shown).contains(store);
            assertThat(shown)
                    .contains(new String(
                            new byte[] {EscPos.GS, 'k', 73, (byte) (BARCODE.length() + 2)},
                            StandardCharsets.ISO_8859_1));
            assertThat(new String(shown(parts), EscPos.CHARSET))
                    .contains("办理回执")
                    .contains("扫码查询办理进度");
        }
    }

    @Test
    void aLongQrPayloadIsHiddenWhole() {
        String payload = QUERY_URL + "&x=" + "9".repeat(400);
        byte[] wire = receipt(payload);
        List<FrameMasker.Part> parts = feed(new EscPosFrameMasker(), wire, 64, 7);
        assertThat(hidden(parts)).isEqualTo(payload.length() + 2 + BARCODE.length());
        assertThat(new String(shown(parts), StandardCharsets.ISO_8859_1)).doesNotContain("999");
    }

    @Test
    void thePrintersAnswersAreShown() {
        byte[] status = {0x12, 0x12};
        assertThat(new EscPosFrameMasker().mask(WireTap.Direction.IN, status))
                .singleElement()
                .satisfies(p -> assertThat(p.bytes()).containsExactly(status));
    }
}
