package cn.egov.kiosk.device.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.scanner.ScannerCode;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Code;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Ending;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Line;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Rejected;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The line assembler as pure logic: bytes in, with synthetic times; codes and rejections out. */
class LineAssemblerTest {
    private static final Duration GAP = Duration.ofMillis(150);

    private LineAssembler assembler = new LineAssembler(StandardCharsets.UTF_8, 64, GAP);

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    private List<Line> feed(String text, long atMs) {
        return feed(text.getBytes(StandardCharsets.ISO_8859_1), atMs);
    }

    private List<Line> feed(byte[] bytes, long atMs) {
        return assembler.accept(bytes, 0, bytes.length, ms(atMs));
    }

    private static List<String> codes(List<Line> lines) {
        List<String> codes = new ArrayList<>();
        for (Line line : lines) {
            if (line instanceof Code c) {
                codes.add(c.text());
            }
        }
        return codes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n"})
    void aLineEndedByCrLfOrCrlfIsOneCode(String end) {
        List<Line> lines = feed("6901234567892" + end + "ABC-123" + end, 0);

        assertThat(lines).hasSize(2).allMatch(Code.class::isInstance);
        assertThat(codes(lines)).containsExactly("6901234567892", "ABC-123");
        assertThat(((Code) lines.get(0)).ending()).isEqualTo(Ending.LINE_END);
        assertThat(((Code) lines.get(0)).bytes()).isEqualTo(13);
        assertThat(assembler.pending()).isZero();
        assertThat(assembler.deadline()).isEmpty();
    }

    @Test
    void aLineSplitAcrossReadsIsJoinedWithTheTimesOfItsFirstAndLastBytes() {
        assertThat(feed("28", 0)).isEmpty();
        assertThat(feed("012345", 3)).isEmpty();
        assertThat(assembler.pending()).isEqualTo(8);
        List<Line> lines = feed("67890123\r", 7);

        assertThat(lines).hasSize(1);
        Code code = (Code) lines.get(0);
        assertThat(code.text()).isEqualTo("280123456789012" + "3");
        assertThat(code.firstByteNanos()).isEqualTo(ms(0));
        assertThat(code.lastByteNanos()).isEqualTo(ms(7));
        assertThat(code.transferMillis()).isEqualTo(7.0);
    }

    @Test
    void crlfSplitBetweenTwoReadsIsStillOneEnd() {
        assertThat(codes(feed("A1B2C3\r", 0))).containsExactly("A1B2C3");
        assertThat(feed("\n", 1)).as("the LF of the CRLF: no empty line").isEmpty();
        assertThat(codes(feed("D4E5\r", 500))).containsExactly("D4E5");
        assertThat(feed("\n", 501)).isEmpty();
    }

    @Test
    void anLfLongAfterACrIsAnEmptyLineNotTheEndOfTheCr() {
        feed("A1B2C3\r", 0);

        List<Line> lines = feed("\n", 400);

        assertThat(lines).singleElement().isEqualTo(new Rejected(ScannerCode.EMPTY_LINE, 0, "an empty line"));
    }

    @Test
    void aCodeWithoutItsEndIsDeliveredOnceTheQuietGapHasPassedAndNotBefore() {
        assertThat(feed("1234567890", 0)).isEmpty();
        assertThat(assembler.deadline()).hasValue(ms(150));

        assertThat(assembler.quiet(ms(149))).isEmpty();
        List<Line> lines = assembler.quiet(ms(150));

        assertThat(lines).singleElement().isInstanceOfSatisfying(Code.class, c -> {
            assertThat(c.text()).isEqualTo("1234567890");
            assertThat(c.ending()).isEqualTo(Ending.QUIET_GAP);
        });
        assertThat(assembler.deadline()).isEmpty();
        assertThat(assembler.quiet(ms(1000))).isEmpty();
    }

    @Test
    void bytesComingAfterTheGapFinishTheLineBeforeThemFirst() {
        feed("FIRST", 0);
        feed("12", 100); // within the gap: the same line
        List<Line> lines = feed("SECOND\r", 400);

        assertThat(codes(lines)).containsExactly("FIRST12", "SECOND");
        assertThat(((Code) lines.get(0)).ending()).isEqualTo(Ending.QUIET_GAP);
        assertThat(((Code) lines.get(1)).ending()).isEqualTo(Ending.LINE_END);
    }

    @Test
    void emptyAndBlankLinesAreRejectedAndTheNextCodeStands() {
        List<Line> lines = feed("\n\n   \r\nGOOD-1\n", 0);

        assertThat(lines)
                .containsExactly(
                        new Rejected(ScannerCode.EMPTY_LINE, 0, "an empty line"),
                        new Rejected(ScannerCode.EMPTY_LINE, 0, "an empty line"),
                        new Rejected(ScannerCode.EMPTY_LINE, 3, "a line of 3 bytes of spaces only"),
                        lines.get(3));
        assertThat(codes(lines)).containsExactly("GOOD-1");
    }

    @Test
    void aControlCharacterRejectsItsLineAndSaysWhereNotWhat() {
        List<Line> lines = feed("AB\u0007CD\r\u0000\rEF\u001B[0m\rGOOD-2\r", 0);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .isEqualTo(new Rejected(
                        ScannerCode.CONTROL_CHARACTER,
                        5,
                        "a line of 5 bytes with the control character U+0007 at character 3"));
        assertThat(lines.get(1))
                .isEqualTo(new Rejected(
                        ScannerCode.CONTROL_CHARACTER,
                        1,
                        "a line of 1 bytes with the control character U+0000 at character 1"));
        assertThat(((Rejected) lines.get(2)).reason()).isEqualTo(ScannerCode.CONTROL_CHARACTER);
        assertThat(((Rejected) lines.get(2)).detail()).doesNotContain("EF").doesNotContain("[0m");
        assertThat(codes(lines)).containsExactly("GOOD-2");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheBytePosition() {
        byte[] bytes = {'1', '2', (byte) 0xFF, (byte) 0xFE, '3', '\r', 'O', 'K', '-', '3', '\r'};

        List<Line> lines = feed(bytes, 0);

        assertThat(lines.get(0))
                .isEqualTo(new Rejected(
                        ScannerCode.BAD_ENCODING, 5, "a line of 5 bytes that is not UTF-8 text (byte 3 of the line)"));
        assertThat(codes(lines)).containsExactly("OK-3");
    }

    @Test
    void aTruncatedUtf8CharacterAtTheEndIsRejected() {
        byte[] han = "办".getBytes(StandardCharsets.UTF_8); // three bytes
        byte[] bytes = {'A', han[0], han[1], '\r'};

        assertThat(feed(bytes, 0))
                .singleElement()
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).isEqualTo(ScannerCode.BAD_ENCODING));
    }

    @Test
    void chineseTextInUtf8IsACode() {
        List<Line> lines = feed("预约号：办事-0042\r\n".getBytes(StandardCharsets.UTF_8), 0);

        assertThat(codes(lines)).containsExactly("预约号：办事-0042");
        assertThat(((Code) lines.get(0)).bytes()).isEqualTo(23); // 预约号：办事: six characters of 3 bytes
    }

    @Test
    void gb18030IsReadWhenTheScannerIsSetToIt() {
        Charset gb = Charset.forName("GB18030");
        byte[] bytes = "办事-0042\r".getBytes(gb);

        assertThat(codes(feed(bytes, 0))).as("GB18030 bytes are not UTF-8").isEmpty();
        assembler = new LineAssembler(gb, 64, GAP);
        assertThat(codes(feed(bytes, 0))).containsExactly("办事-0042");
    }

    @Test
    void aLineLongerThanMaxLengthIsRejectedWholeAndTheNextCodeStands() {
        assembler = new LineAssembler(StandardCharsets.UTF_8, 16, GAP);
        String sixteen = "0123456789ABCDEF";

        List<Line> lines = feed(sixteen + "\r" + sixteen + "GHIJ" + "\r" + "X".repeat(30), 0);
        lines.addAll(feed("X".repeat(10) + "\rNEXT-OK\r", 1));

        assertThat(lines).hasSize(4);
        assertThat(codes(lines.subList(0, 1))).containsExactly(sixteen);
        assertThat(lines.get(1))
                .isEqualTo(new Rejected(
                        ScannerCode.LINE_TOO_LONG, 20, "a line of 20 bytes, longer than the 16 allowed (maxLength)"));
        assertThat(lines.get(2))
                .isEqualTo(new Rejected(
                        ScannerCode.LINE_TOO_LONG, 40, "a line of 40 bytes, longer than the 16 allowed (maxLength)"));
        assertThat(codes(lines)).containsExactly(sixteen, "NEXT-OK");
    }

    @Test
    void anOverLongLineWithoutItsEndIsRejectedAfterTheGap() {
        assembler = new LineAssembler(StandardCharsets.UTF_8, 16, GAP);
        feed("Z".repeat(100), 0);

        assertThat(assembler.quiet(ms(200))).singleElement().isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(ScannerCode.LINE_TOO_LONG);
            assertThat(r.bytes()).isEqualTo(100);
        });
    }

    @Test
    void resetDropsTheUnfinishedLine() {
        feed("HALF-A-CO", 0);

        assertThat(assembler.reset()).isEqualTo(9);

        assertThat(assembler.pending()).isZero();
        assertThat(assembler.quiet(ms(1000))).isEmpty();
        assertThat(codes(feed("DE\r", 2000))).containsExactly("DE");
    }

    @Test
    void aCodeShowsItsLengthNotItsText() {
        Code code = (Code) feed("622202100112345678\r", 0).get(0);

        assertThat(code.toString()).doesNotContain("622202").contains("18 characters");
    }
}
