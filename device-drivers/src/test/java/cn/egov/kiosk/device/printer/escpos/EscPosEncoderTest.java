package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class EscPosEncoderTest {
    private static final int ESC = 0x1B;
    private static final int FS = 0x1C;
    private static final int GS = 0x1D;
    private static final int LF = 0x0A;

    private final EscPosEncoder encoder = new EscPosEncoder();

    @Test
    void chineseTextIsGb18030() {
        byte[] quHao = "取号".getBytes(Charset.forName("GB18030"));

        // cross-checked with Python's gb18030 codec: 取 = C8 A1, 号 = BA C5
        assertThat(Bytes.hex(quHao)).isEqualTo("C8 A1 BA C5");
        assertThat(EscPos.CHARSET).isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void anEmptyDocumentIsInitialiseAndChineseMode() {
        byte[] bytes = encoder.encode(ReceiptDocument.builder("empty").build());

        assertThat(Bytes.hex(bytes)).isEqualTo("1B 40 1C 26");
    }

    @Test
    void aSmallTicketHasExactlyTheseBytes() {
        TextStyle title = TextStyle.NORMAL.aligned(Align.CENTER).withBold(true).sized(2, 2);
        ReceiptDocument doc = ReceiptDocument.builder("queue-ticket")
                .text("取号", title)
                .text("A001", title) // same style: no mode bytes again
                .text("请稍候", TextStyle.NORMAL)
                .feed(3)
                .cut()
                .build();

        byte[] expected = Bytes.of(
                ESC, '@', FS, '&', ESC, 'a', 1, ESC, 'E', 1, GS, '!', 0x11, "取号", LF, "A001", LF, ESC, 'a', 0, ESC, 'E',
                0, GS, '!', 0x00, "请稍候", LF, ESC, 'd', 3, GS, 'V', 66, 0);
        assertThat(Bytes.hex(encoder.encode(doc))).isEqualTo(Bytes.hex(expected));
    }

    @Test
    void modesAreOnlySentWhenTheyChange() {
        ReceiptDocument doc = ReceiptDocument.builder("modes")
                .text("a", TextStyle.NORMAL) // all defaults after ESC @: nothing to send
                .text("b", TextStyle.NORMAL.withBold(true)) // bold only
                .text("c", TextStyle.NORMAL.withBold(true).aligned(Align.RIGHT)) // alignment only
                .text("d", TextStyle.NORMAL.withBold(true).aligned(Align.RIGHT).sized(1, 3)) // size only
                .text("e", TextStyle.NORMAL.withBold(true).aligned(Align.RIGHT).sized(8, 8))
                .build();

        byte[] expected = Bytes.of(
                ESC, '@', FS, '&', "a", LF, ESC, 'E', 1, "b", LF, ESC, 'a', 2, "c", LF, GS, '!', 0x02, "d", LF, GS, '!',
                0x77, "e", LF);
        assertThat(Bytes.hex(encoder.encode(doc))).isEqualTo(Bytes.hex(expected));
    }

    @Test
    void qrCodeIsModelSizeErrorCorrectionStoreAndPrint() {
        String payload = "https://zwfw.example.cn/q?no=A001&窗口=3";
        byte[] data = payload.getBytes(Charset.forName("GB18030"));
        int len = data.length + 3;
        ReceiptDocument doc =
                ReceiptDocument.builder("qr").qr(payload, 6, Align.CENTER).build();

        byte[] expected = Bytes.of(
                ESC,
                '@',
                FS,
                '&',
                ESC,
                'a',
                1,
                GS,
                '(',
                'k',
                4,
                0,
                49,
                65,
                50,
                0, // model 2
                GS,
                '(',
                'k',
                3,
                0,
                49,
                67,
                6, // module size 6
                GS,
                '(',
                'k',
                3,
                0,
                49,
                69,
                49, // error correction M
                GS,
                '(',
                'k',
                len & 0xFF,
                len >> 8,
                49,
                80,
                48,
                data, // store
                GS,
                '(',
                'k',
                3,
                0,
                49,
                81,
                48); // print
        assertThat(Bytes.hex(encoder.encode(doc))).isEqualTo(Bytes.hex(expected));
    }

    @Test
    void aLongQrPayloadUsesBothLengthBytes() {
        String payload = "号".repeat(300); // 600 bytes in GB18030
        ReceiptDocument doc = ReceiptDocument.builder("qr")
                .add(new ReceiptElement.QrCode(payload, 4, ReceiptElement.ErrorCorrection.H, Align.LEFT))
                .build();

        byte[] bytes = encoder.encode(doc);

        int len = 600 + 3; // 0x025B
        byte[] storeHeader = Bytes.of(GS, '(', 'k', 0x5B, 0x02, 49, 80, 48);
        assertThat(Bytes.hex(bytes)).contains(Bytes.hex(storeHeader));
        assertThat(Bytes.hex(bytes)).contains(Bytes.hex(Bytes.of(GS, '(', 'k', 3, 0, 49, 69, 51))); // H
        assertThat(len).isEqualTo(0x025B);
    }

    @Test
    void feedAndCuts() {
        ReceiptDocument doc = ReceiptDocument.builder("cuts")
                .feed(1)
                .feed(255)
                .add(new ReceiptElement.Cut(false))
                .add(new ReceiptElement.Cut(true))
                .build();

        byte[] expected = Bytes.of(ESC, '@', FS, '&', ESC, 'd', 1, ESC, 'd', 255, GS, 'V', 65, 0, GS, 'V', 66, 0);
        assertThat(Bytes.hex(encoder.encode(doc))).isEqualTo(Bytes.hex(expected));
    }

    @Test
    void alignmentSetByAQrCodeIsRemembered() {
        ReceiptDocument doc = ReceiptDocument.builder("align")
                .qr("X", 3, Align.CENTER)
                .text("centred", TextStyle.NORMAL.aligned(Align.CENTER)) // no ESC a again
                .text("left", TextStyle.NORMAL)
                .build();

        byte[] bytes = encoder.encode(doc);

        String hex = Bytes.hex(bytes);
        assertThat(hex.split("1B 61", -1)).hasSize(3); // ESC a 1 for the QR code, ESC a 0 for "left"
        assertThat(hex).endsWith(Bytes.hex(Bytes.of("centred", LF, ESC, 'a', 0, "left", LF)));
    }

    @Test
    void emptyLineIsJustALineFeed() {
        byte[] bytes = encoder.encode(ReceiptDocument.builder("blank").text("").build());

        assertThat(Bytes.hex(bytes)).isEqualTo("1B 40 1C 26 0A");
    }
}
