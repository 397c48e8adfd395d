package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.document.ReceiptElement.Cut;
import cn.egov.kiosk.common.document.ReceiptElement.ErrorCorrection;
import cn.egov.kiosk.common.document.ReceiptElement.Feed;
import cn.egov.kiosk.common.document.ReceiptElement.QrCode;
import cn.egov.kiosk.common.document.ReceiptElement.Text;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EscPosDecoderTest {
    private static final int ESC = 0x1B;
    private static final int FS = 0x1C;
    private static final int GS = 0x1D;
    private static final int DLE = 0x10;
    private static final int EOT = 0x04;
    private static final int LF = 0x0A;

    private final EscPosEncoder encoder = new EscPosEncoder();
    private final EscPosDecoder decoder = new EscPosDecoder();

    static Stream<Arguments> documents() {
        TextStyle title = TextStyle.NORMAL.aligned(Align.CENTER).withBold(true).sized(2, 2);
        return Stream.of(
                Arguments.of(ReceiptDocument.builder("empty").build()),
                Arguments.of(ReceiptDocument.builder("one line").text("hello").build()),
                Arguments.of(ReceiptDocument.builder("queue ticket")
                        .text("政务服务中心", title)
                        .text("A001", title.sized(3, 4))
                        .text("前面还有 12 人，请稍候", TextStyle.NORMAL)
                        .text("窗口：3 号", TextStyle.NORMAL.aligned(Align.RIGHT))
                        .feed(2)
                        .qr("https://zwfw.example.cn/q?no=A001", 6, Align.CENTER)
                        .feed(3)
                        .cut()
                        .build()),
                Arguments.of(ReceiptDocument.builder("styles")
                        .text("")
                        .text("bold", TextStyle.NORMAL.withBold(true))
                        .text("", TextStyle.NORMAL.withBold(true).aligned(Align.RIGHT))
                        .text("wide", TextStyle.NORMAL.sized(8, 1))
                        .text("tall", TextStyle.NORMAL.sized(1, 8))
                        .text("normal again")
                        .build()),
                Arguments.of(ReceiptDocument.builder("chinese qr")
                        .add(new QrCode("办件编号：2024-000123 张三", 8, ErrorCorrection.H, Align.RIGHT))
                        .add(new QrCode("L", 1, ErrorCorrection.L, Align.LEFT))
                        .add(new QrCode("Q".repeat(2000), 16, ErrorCorrection.Q, Align.CENTER))
                        .build()),
                Arguments.of(ReceiptDocument.builder("rare characters")
                        .text("𠀀 堃 €", TextStyle.NORMAL) // a four-byte GB18030 character among them
                        .build()),
                Arguments.of(ReceiptDocument.builder("barcodes and a logo")
                        .add(new ReceiptElement.Barcode("K01-20261128-A001", 80, 2, true, Align.CENTER))
                        .add(new ReceiptElement.Barcode("x", 1, 6, false, Align.LEFT))
                        .add(new ReceiptElement.RasterImage(16, 3, checkerboard(16, 3), Align.CENTER))
                        .text("after the logo")
                        .build()),
                Arguments.of(ReceiptDocument.builder("feeds and cuts")
                        .feed(1)
                        .feed(255)
                        .add(new Cut(false))
                        .text("after a full cut")
                        .add(new Cut(true))
                        .build()));
    }

    /** Dots alternating black and white (a width that is a multiple of 8 decodes back exactly). */
    static boolean[] checkerboard(int width, int height) {
        boolean[] dots = new boolean[width * height];
        for (int i = 0; i < dots.length; i++) {
            dots[i] = ((i % width) + (i / width)) % 2 == 0;
        }
        return dots;
    }

    @Test
    void anImageWhoseWidthIsNotAByteIsPaddedWithWhite() {
        boolean[] dots = new boolean[10 * 2];
        Arrays.fill(dots, true);
        ReceiptDocument doc = ReceiptDocument.builder("logo")
                .add(new ReceiptElement.RasterImage(10, 2, dots, Align.LEFT))
                .build();

        ReceiptElement.RasterImage decoded = (ReceiptElement.RasterImage)
                decoder.decode(encoder.encode(doc)).document().elements().get(0);

        assertThat(decoded.width()).isEqualTo(16);
        assertThat(decoded.black(9, 1)).isTrue();
        assertThat(decoded.black(10, 1)).isFalse();
    }

    @Test
    void barcodesAreReadBack() {
        ReceiptDocument doc = ReceiptDocument.builder("t")
                .add(new ReceiptElement.Barcode("A001", 60, 3, true, Align.CENTER))
                .build();

        assertThat(decoder.decode(encoder.encode(doc)).document().barcodePayloads())
                .containsExactly("A001");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void decodeGivesBackWhatWasEncoded(ReceiptDocument doc) {
        EscPosDecoder.Result result = decoder.decode(encoder.encode(doc));

        assertThat(result.document().elements()).containsExactlyElementsOf(doc.elements());
        assertThat(result.initializations()).isEqualTo(1);
        assertThat(result.statusRequests()).isEmpty();
        assertThat(result.unknown()).isEmpty();
    }

    @Test
    void documentHelpersReadTheDecodedPaper() {
        ReceiptDocument doc = ReceiptDocument.builder("t")
                .text("取号")
                .qr("Q1", 3, Align.LEFT)
                .text("谢谢")
                .cut()
                .cut()
                .build();

        ReceiptDocument decoded = decoder.decode(encoder.encode(doc)).document();

        assertThat(decoded.lines()).containsExactly("取号", "谢谢");
        assertThat(decoded.qrPayloads()).containsExactly("Q1");
        assertThat(decoded.cuts()).isEqualTo(2);
    }

    @Test
    void escBangSetsBoldAndDoubleSize() {
        byte[] bytes =
                Bytes.of(ESC, '@', ESC, '!', 0x38, "AB", LF, ESC, '!', 0x10, "tall", LF, ESC, '!', 0x00, "C", LF);

        List<ReceiptElement> elements = decoder.decode(bytes).document().elements();

        assertThat(elements)
                .containsExactly(
                        new Text("AB", new TextStyle(Align.LEFT, true, 2, 2)),
                        new Text("tall", new TextStyle(Align.LEFT, false, 1, 2)),
                        new Text("C", TextStyle.NORMAL));
    }

    @Test
    void initialiseResetsEveryMode() {
        byte[] bytes = Bytes.of(ESC, 'a', 2, ESC, 'E', 1, GS, '!', 0x11, "x", LF, ESC, '@', "y", LF);

        EscPosDecoder.Result result = decoder.decode(bytes);

        assertThat(result.document().elements())
                .containsExactly(
                        new Text("x", new TextStyle(Align.RIGHT, true, 2, 2)), new Text("y", TextStyle.NORMAL));
        assertThat(result.initializations()).isEqualTo(1);
    }

    @Test
    void unknownCommandsAreListedAndSkipped() {
        byte[] bytes = Bytes.of(
                ESC, '@', "a", LF, ESC, 'z', // unknown ESC command
                GS, 'Z', // unknown GS command
                FS, 'p', // unknown FS command
                0x07, // BEL: an unknown control byte
                "b", LF);

        EscPosDecoder.Result result = decoder.decode(bytes);

        assertThat(result.document().lines()).containsExactly("a", "b");
        assertThat(result.unknown())
                .containsExactly("ESC 0x7A at 4", "GS 0x5A at 6", "FS 0x70 at 8", "control 0x07 at 10");
    }

    @Test
    void statusRequestsAreListedAndNotPrinted() {
        byte[] bytes = Bytes.of(ESC, '@', DLE, EOT, 1, "a", DLE, EOT, 2, DLE, EOT, 3, "b", LF, DLE, EOT, 4, DLE, 'x');

        EscPosDecoder.Result result = decoder.decode(bytes);

        assertThat(result.statusRequests()).containsExactly(1, 2, 3, 4);
        assertThat(result.document().lines()).containsExactly("ab");
        assertThat(result.unknown()).containsExactly("DLE 0x78 at 17");
    }

    @Test
    void textWithoutAFinalLineFeedIsReported() {
        EscPosDecoder.Result result = decoder.decode(Bytes.of("pending"));

        assertThat(result.document().elements()).isEmpty();
        assertThat(result.unknown())
                .containsExactly("text without a final line feed: printed only when the next line feed comes");
    }

    @Test
    void qrPrintWithNothingStoredIsReported() {
        EscPosDecoder.Result result = decoder.decode(Bytes.of(GS, '(', 'k', 3, 0, 49, 81, 48));

        assertThat(result.document().elements()).isEmpty();
        assertThat(result.unknown()).containsExactly("QR print with nothing stored at 0");
    }

    /** Bytes from a broken template or a line glitch: reported, never an exception. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "1B", // ESC at the very end
                "1D", // GS at the very end
                "1D 21", // GS ! without its argument
                "1B 61", // ESC a without its argument
                "1D 56", // GS V without its argument
                "10", // DLE at the end
                "1D 28 6B", // GS ( k cut short
                "1D 28 6B FF FF 31 50 30", // a length beyond the end
                "1D 28 6B 02 00 31 50", // QR store too short to hold its own header
                "1D 28 6B 03 00 31 50 30 1D 28 6B 03 00 31 51 30", // empty QR store, then print
                "1D 28 6B 03 00 31 43 28 1D 28 6B 04 00 31 50 30 41 1D 28 6B 03 00 31 51 30", // module 40
                "1D 28 6B 03 00 31 45 FF", // error correction out of range
                "1D 28 6B 03 00 32 41 00", // another symbol (cn 50)
            })
    void malformedBytesNeverThrow(String hex) {
        byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);

        assertThatCode(() -> decoder.decode(bytes)).doesNotThrowAnyException();
    }

    @Test
    void aQrCodeWithAnOutOfRangeModuleSizeIsStillReported() {
        byte[] bytes = Bytes.of(
                GS, '(', 'k', 3, 0, 49, 67, 40, // module size 40: more than a printer takes
                GS, '(', 'k', 4, 0, 49, 80, 48, 'A', GS, '(', 'k', 3, 0, 49, 81, 48);

        EscPosDecoder.Result result = decoder.decode(bytes);

        assertThat(result.document().qrPayloads()).containsExactly("A");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20240611);
        for (int run = 0; run < 5_000; run++) {
            byte[] bytes = new byte[random.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) {
                // mostly command bytes, so that commands and their arguments get mixed up
                bytes[i] = (byte)
                        (random.nextInt(4) == 0
                                ? random.nextInt(256)
                                : new int[] {
                                            0x1B, 0x1D, 0x1C, 0x10, 0x04, 0x28, 0x6B, 0x31, 0x50, 0x51, 0x43, 0x00,
                                            0x03, 0x0A
                                        }
                                        [random.nextInt(14)]);
            }
            byte[] input = bytes;
            assertThatCode(() -> decoder.decode(input))
                    .as("decoding %s", Bytes.hex(input))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void feedOfZeroLinesPrintsNothing() {
        assertThat(decoder.decode(Bytes.of(ESC, 'd', 0)).document().elements()).isEmpty();
    }

    @Test
    void aFeedEndsAPendingLine() {
        assertThat(decoder.decode(Bytes.of("x", ESC, 'd', 2)).document().elements())
                .containsExactly(new Text("x", TextStyle.NORMAL), new Feed(2));
    }
}
