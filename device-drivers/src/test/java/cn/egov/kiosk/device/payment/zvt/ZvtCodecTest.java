package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.payment.zvt.FrameReader.Ack;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Broken;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Frame;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Nak;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Problem;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ZVT codec: APDUs, BCD, bitmaps, the serial framing, checked against the public test vectors. */
class ZvtCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    private static List<Unit> read(byte[] bytes) {
        FrameReader reader = new FrameReader();
        reader.feed(bytes, 0, bytes.length);
        List<Unit> units = new ArrayList<>();
        for (Optional<Unit> u = reader.next(); u.isPresent(); u = reader.next()) {
            units.add(u.get());
        }
        return units;
    }

    // ---- the public test vectors (shared/protocols/payment.md) -----------------------------------

    @Test
    void registrationVectorByteForByte() throws Exception {
        byte[] wire = hex("10 02 06 00 06 12 34 56 BA 09 78 10 03 24 C3");

        Apdu registration = ZvtMessages.registration("123456", 0xBA, 978);

        assertThat(HEX.formatHex(DleFrames.frame(registration.encode()))).isEqualTo(HEX.formatHex(wire));
        assertThat(read(wire)).containsExactly(new Frame(registration.encode()));
        Apdu decoded = Apdu.decode(((Frame) read(wire).get(0)).apdu());
        assertThat(decoded.is(ZvtCommand.REGISTRATION)).isTrue();
        assertThat(Bcd.toDigits(decoded.data(), 0, 3)).isEqualTo("123456");
        assertThat(decoded.dataByte(3)).isEqualTo(0xBA);
        assertThat(Bcd.toLong(decoded.data(), 4, 2)).isEqualTo(978);
    }

    @Test
    void authorisationVectorWithItsDoubledDleByteForByte() throws Exception {
        byte[] wire = hex("10 02 06 01 0A 04 00 00 00 01 10 10 00 49 09 78 10 03 F2 FF");

        Apdu authorisation = ZvtMessages.authorisation(11_000, 978, 0);

        assertThat(HEX.formatHex(authorisation.encode())).isEqualTo("06 01 0A 04 00 00 00 01 10 00 49 09 78");
        assertThat(HEX.formatHex(DleFrames.frame(authorisation.encode()))).isEqualTo(HEX.formatHex(wire));
        Frame frame = (Frame) read(wire).get(0);
        Apdu decoded = Apdu.decode(frame.apdu());
        assertThat(decoded).isEqualTo(authorisation);
        BmpFields fields = BmpFields.parse(decoded.data(), 0);
        // the amount's BCD digits are 000000011000: 11000 in the smallest unit
        assertThat(fields.amount()).hasValue(11_000);
        assertThat(fields.currency()).hasValue(978);
        assertThat(fields.unread()).isZero();
    }

    @Test
    void theCrcIsKermitOverTheApduAndEtx() {
        assertThat(Crc16.ofFrame(hex("06 00 06 12 34 56 BA 09 78"))).isEqualTo(0xC324);
        assertThat(Crc16.ofFrame(hex("06 01 0A 04 00 00 00 01 10 00 49 09 78"))).isEqualTo(0xFFF2);
        // the catalogue check value of CRC-16/KERMIT over "123456789"
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.kermit(0, check, 0, check.length)).isEqualTo(0x2189);
    }

    // ---- APDU ------------------------------------------------------------------------------------

    @Test
    void aLongApduHasTheExtendedLengthLittleEndian() throws Exception {
        byte[] data = new byte[300];
        new Random(1).nextBytes(data);
        Apdu big = Apdu.of(0x06, 0xD3, data);

        byte[] bytes = big.encode();

        assertThat(HEX.formatHex(bytes, 0, 5)).isEqualTo("06 D3 FF 2C 01");
        assertThat(bytes).hasSize(305);
        assertThat(Apdu.totalLength(bytes, 0, 4)).as("header not complete").isEqualTo(-1);
        assertThat(Apdu.totalLength(bytes, 0, 5)).isEqualTo(305);
        assertThat(Apdu.decode(bytes)).isEqualTo(big);
        // 254 bytes still fit the short length, 255 do not (FF is the escape)
        assertThat(Apdu.of(0x06, 0xD3, new byte[254]).encode()[2] & 0xFF).isEqualTo(254);
        assertThat(HEX.formatHex(Apdu.of(0x06, 0xD3, new byte[255]).encode(), 0, 5))
                .isEqualTo("06 D3 FF FF 00");
    }

    @Test
    void anApduWhoseLengthDisagreesIsRefused() {
        assertThatThrownBy(() -> Apdu.decode(hex("06 01 05 04 00")))
                .isInstanceOf(ZvtFormatException.class)
                .hasMessage("an APDU whose length field says 8 bytes came in 5 bytes");
        assertThatThrownBy(() -> Apdu.decode(hex("06 01"))).isInstanceOf(ZvtFormatException.class);
    }

    @Test
    void theShortAnswersAndCommands() {
        assertThat(HEX.formatHex(ZvtMessages.ack().encode())).isEqualTo("80 00 00");
        assertThat(HEX.formatHex(ZvtMessages.nak(0xA0).encode())).isEqualTo("84 A0 00");
        assertThat(HEX.formatHex(ZvtMessages.abort().encode())).isEqualTo("06 B0 00");
        assertThat(HEX.formatHex(ZvtMessages.statusEnquiry("000000").encode())).isEqualTo("05 01 03 00 00 00");
        assertThat(HEX.formatHex(ZvtMessages.repeatReceipt("123456").encode())).isEqualTo("06 20 03 12 34 56");
        assertThat(HEX.formatHex(ZvtMessages.endOfDay("123456").encode())).isEqualTo("06 50 03 12 34 56");
        assertThat(HEX.formatHex(ZvtMessages.reversal("000000", "42").encode()))
                .isEqualTo("06 30 06 00 00 00 87 00 42");
        assertThat(HEX.formatHex(
                        ZvtMessages.refund("000000", 1_234, ZvtMessages.CNY).encode()))
                .isEqualTo("06 31 0D 00 00 00 04 00 00 00 00 12 34 49 01 56");
        assertThat(HEX.formatHex(
                        ZvtMessages.authorisation(1, ZvtMessages.CNY, 60).encode()))
                .isEqualTo("06 01 0C 01 3C 04 00 00 00 00 00 01 49 01 56");
        assertThat(HEX.formatHex(ZvtMessages.aborted(0x6C).encode())).isEqualTo("06 1E 01 6C");
        assertThat(ZvtMessages.ack().name()).isEqualTo("ACK");
        assertThat(Apdu.of(0x12, 0x34).toString()).isEqualTo("12 34 (12 34, 0 bytes of data)");
    }

    // ---- BCD --------------------------------------------------------------------------------------

    @Test
    void bcdTwoDigitsAByteRightAligned() throws Exception {
        assertThat(HEX.formatHex(Bcd.encode(156, 2))).isEqualTo("01 56");
        assertThat(HEX.formatHex(Bcd.encode(999_999_999_999L, 6))).isEqualTo("99 99 99 99 99 99");
        assertThat(HEX.formatHex(Bcd.encode(0, 3))).isEqualTo("00 00 00");
        assertThat(Bcd.toLong(hex("00 12 34"), 0, 3)).isEqualTo(1234);
        assertThat(Bcd.toDigits(hex("00 12 34"), 1, 2)).isEqualTo("1234");
        assertThatThrownBy(() -> Bcd.encode(1_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bcd.encode(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bcd.toDigits(hex("1A"), 0, 1))
                .isInstanceOf(ZvtFormatException.class)
                .hasMessage("a nibble above 9 in a BCD field (byte 1 of 1)");
        assertThatThrownBy(() -> Bcd.toDigits(hex("12"), 0, 2)).isInstanceOf(ZvtFormatException.class);
    }

    // ---- bitmaps ------------------------------------------------------------------------------------

    @Test
    void aStatusInformationReadsBackFieldByField() {
        byte[] data = new BmpWriter()
                .resultCode(0)
                .amount(12_345)
                .trace("000042")
                .receipt("0007")
                .time(LocalTime.of(9, 5, 7))
                .date(MonthDay.of(12, 7))
                .cardNumber("622202******1234")
                .terminalId("52000001")
                .currency(ZvtMessages.CNY)
                .toBytes();

        BmpFields f = BmpFields.parse(data, 0);

        assertThat(f.resultCode()).hasValue(0);
        assertThat(f.amount()).hasValue(12_345);
        assertThat(f.trace()).hasValue("000042");
        assertThat(f.receipt()).hasValue("0007");
        assertThat(f.time()).hasValue(LocalTime.of(9, 5, 7));
        assertThat(f.monthDay()).hasValue(MonthDay.of(12, 7));
        assertThat(f.maskedCardNumber()).hasValue("622202******1234");
        assertThat(f.maskedCardNumber()).as("asked twice, the same").hasValue("622202******1234");
        assertThat(f.terminalId()).hasValue("52000001");
        assertThat(f.currency()).hasValue(156);
        assertThat(f.unread()).isZero();
        assertThat(f.problem()).isEmpty();
        assertThat(f.toString()).isEqualTo("BmpFields[27 04 0B 87 0C 0D 22 29 49]");
    }

    @Test
    void theCardNumberOnTheWireIsEMaskedAndFPaddedAndNeverComesOutWhole() {
        // 622202EEEEEE1234 : E a hidden digit
        assertThat(HEX.formatHex(new BmpWriter().cardNumber("622202******1234").toBytes()))
                .isEqualTo("22 F0 F8 62 22 02 EE EE EE 12 34");
        // 17 digits: padded with F
        assertThat(HEX.formatHex(new BmpWriter().cardNumber("62220212345671234").toBytes()))
                .isEqualTo("22 F0 F9 62 22 02 12 34 56 71 23 4F");
        BmpFields whole =
                BmpFields.parse(new BmpWriter().cardNumber("62220212345671234").toBytes(), 0);
        assertThat(whole.maskedCardNumber())
                .as("a terminal that sends it whole")
                .hasValue("622202*******1234");
        assertThat(BmpFields.parse(hex("22 F0 F2 6A BC"), 0).maskedCardNumber())
                .as("not a card number")
                .isEmpty();
    }

    @Test
    void readingStopsAtAFieldOfUnknownLengthOrCutShortAndKeepsWhatCameBefore() {
        BmpFields unknown = BmpFields.parse(hex("27 00 04 00 00 00 00 01 00 C7 01 02 03"), 0);
        assertThat(unknown.resultCode()).hasValue(0);
        assertThat(unknown.amount()).hasValue(100);
        assertThat(unknown.unread()).isEqualTo(4);
        assertThat(unknown.problem()).hasValue("BMP C7 of unknown length at byte 9: the rest unread");

        BmpFields cut = BmpFields.parse(hex("87 00 01 04 00 00 01"), 0);
        assertThat(cut.receipt()).hasValue("0001");
        assertThat(cut.amount()).isEmpty();
        assertThat(cut.problem()).hasValue("BMP 04 at byte 3 wants 6 bytes, 3 left");

        BmpFields badPrefix = BmpFields.parse(hex("22 F0 1A 00"), 0);
        assertThat(badPrefix.problem()).hasValue("a length prefix byte 1A at byte 2 is not F0 to F9");

        BmpFields badBcd = BmpFields.parse(hex("04 00 00 00 00 0A 00"), 0);
        assertThat(badBcd.amount()).as("a nibble above 9 reads as absent").isEmpty();
        assertThat(badBcd.unread()).isZero();
    }

    @Test
    void aFieldsSpanSaysWhereItsTagLengthPrefixAndValueLie() throws Exception {
        // fixed size: BMP 04, six bytes after the tag
        assertThat(BmpFields.span(hex("87 00 01 04 00 00 00 00 01 00"), 3))
                .isEqualTo(new BmpFields.Span(0x04, 3, 4, 6));
        // LLVAR: BMP 22, two F-digits of length, then the value
        BmpFields.Span pan = BmpFields.span(hex("22 F0 F3 12 34 56"), 0);
        assertThat(pan).isEqualTo(new BmpFields.Span(0x22, 0, 3, 3));
        assertThat(pan.end()).isEqualTo(6);
        // LLLVAR: BMP 3C, three F-digits
        assertThat(BmpFields.span(hex("3C F0 F0 F2 41 42"), 0)).isEqualTo(new BmpFields.Span(0x3C, 0, 4, 2));
        // BER-TLV: BMP 06, a one-byte and a two-byte length
        assertThat(BmpFields.span(hex("06 02 07 00"), 0)).isEqualTo(new BmpFields.Span(0x06, 0, 2, 2));
        assertThat(BmpFields.span(hex("06 81 80"), 0)).isEqualTo(new BmpFields.Span(0x06, 0, 3, 128));
        // a value that runs past the end is still spanned: the caller sees it is cut short
        BmpFields.Span cut = BmpFields.span(hex("04 00 00"), 0);
        assertThat(cut.lengthKnown()).isTrue();
        assertThat(cut.end()).isEqualTo(7);
        // a tag of unknown length
        BmpFields.Span unknown = BmpFields.span(hex("C7 01 02"), 0);
        assertThat(unknown.lengthKnown()).isFalse();
        assertThat(unknown.bmp()).isEqualTo(0xC7);
        assertThat(unknown.start()).isEqualTo(1);
        // a malformed or missing length prefix
        assertThatThrownBy(() -> BmpFields.span(hex("22 F0 1A 00"), 0)).isInstanceOf(ZvtFormatException.class);
        assertThatThrownBy(() -> BmpFields.span(hex("22 F0"), 0)).isInstanceOf(ZvtFormatException.class);
        assertThatThrownBy(() -> BmpFields.span(hex("06"), 0)).isInstanceOf(ZvtFormatException.class);
    }

    @Test
    void fieldsOfOtherKindsAreSteppedOver() {
        // 2A VU number (15 bytes), 3C additional text (LLLVAR), 8B card name (LLVAR), then the receipt
        byte[] data = new byte[] {
            0x2A,
            '1',
            '2',
            '3',
            '4',
            '5',
            '6',
            '7',
            '8',
            '9',
            '0',
            '1',
            '2',
            '3',
            '4',
            '5',
            0x3C,
            (byte) 0xF0,
            (byte) 0xF0,
            (byte) 0xF3,
            'a',
            'b',
            'c',
            (byte) 0x8B,
            (byte) 0xF0,
            (byte) 0xF4,
            'V',
            'I',
            'S',
            'A',
            (byte) 0x87,
            0x12,
            0x34
        };

        BmpFields f = BmpFields.parse(data, 0);

        assertThat(f.receipt()).hasValue("1234");
        assertThat(f.unread()).isZero();
    }

    @Test
    void theDateWithItsYearAndTheEndOfDayTotals() {
        BmpFields f = BmpFields.parse(
                concat(
                        hex("AA 26 12 07"),
                        new BmpWriter().totals(1, 12, 9, 45_600).toBytes()),
                0);

        assertThat(f.date()).hasValue(LocalDate.of(2026, 12, 7));
        assertThat(f.totals()).hasValue(new BmpFields.Totals(9, 45_600));
        // receipts 0001..0012, two card types: 3 for 10.00 and 4 for 0.50
        BmpFields two = BmpFields.parse(hex("60 F0 F1 F8 00 01 00 12 03 00 00 00 00 10 00 04 00 00 00 00 00 50"), 0);
        assertThat(two.totals()).hasValue(new BmpFields.Totals(7, 1_050));
        assertThat(BmpFields.parse(hex("60 F0 F0 F5 00 01 00 12 03"), 0).totals())
                .as("not whole groups")
                .isEmpty();
    }

    @Test
    void lengthPrefixesAreFDigits() throws Exception {
        assertThat(HEX.formatHex(Bmp.varLength(15, 2))).isEqualTo("F1 F5");
        assertThat(HEX.formatHex(Bmp.varLength(123, 3))).isEqualTo("F1 F2 F3");
        assertThat(Bmp.readVarLength(hex("F0 F9"), 0, 2)).isEqualTo(9);
        assertThatThrownBy(() -> Bmp.varLength(100, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Bmp.berLength(hex("81 C8"), 0)).containsExactly(200, 2);
        assertThat(HEX.formatHex(Bmp.berLength(300))).isEqualTo("82 01 2C");
    }

    // ---- print texts ----------------------------------------------------------------------------

    @Test
    void printLinesAndTextBlocksReadBack() {
        Apdu line = ZvtMessages.printLine("TOTAL CNY 123.45", StandardCharsets.ISO_8859_1);
        assertThat(HEX.formatHex(line.encode(), 0, 4)).isEqualTo("06 D1 11 00");
        assertThat(ZvtMessages.printLineText(line, StandardCharsets.ISO_8859_1)).isEqualTo("TOTAL CNY 123.45");

        List<String> lines = List.of("MERCHANT COPY", "", "SALE  CNY 0.01", "x".repeat(300));
        Apdu block = ZvtMessages.printTextBlock(lines, StandardCharsets.ISO_8859_1);
        assertThat(HEX.formatHex(block.encode(), 0, 5)).startsWith("06 D3 FF");
        assertThat(ZvtMessages.printTextBlockLines(block, StandardCharsets.ISO_8859_1))
                .isEqualTo(lines);
    }

    @Test
    void textLinesAreFoundNestedBesideOtherTagsOfMoreBytes() {
        // 06 len { 1F 07 01 00 (a two-byte tag, primitive), 25 len { 07 02 'O' 'K' } }
        BmpFields f = BmpFields.parse(hex("06 0A 1F 07 01 00 25 04 07 02 4F 4B"), 0);

        assertThat(f.textLines(StandardCharsets.ISO_8859_1)).containsExactly("OK");
        assertThat(BmpFields.parse(hex("06 06 25 04 07 09 4F 4B"), 0).textLines(StandardCharsets.ISO_8859_1))
                .as("a line longer than its container")
                .isEmpty();
    }

    // ---- serial framing --------------------------------------------------------------------------

    @Test
    void ackNakAndFramesAreToldApartAndNoiseBetweenIsSkipped() {
        byte[] frame = DleFrames.frame(ZvtMessages.ack().encode());
        byte[] line = concat(hex("06 FF 00 15 10 41"), frame, hex("06"));

        FrameReader reader = new FrameReader();
        reader.feed(line, 0, line.length);

        assertThat(reader.next()).containsInstanceOf(Ack.class);
        assertThat(reader.next()).containsInstanceOf(Nak.class);
        assertThat(reader.next()).contains(new Frame(hex("80 00 00")));
        assertThat(reader.next()).containsInstanceOf(Ack.class);
        assertThat(reader.next()).isEmpty();
        assertThat(reader.skipped()).as("FF 00 and DLE 'A'").isEqualTo(4);
    }

    @Test
    void aFrameSplitAtEveryByteIsOneFrame() {
        byte[] frame = hex("10 02 06 01 0A 04 00 00 00 01 10 10 00 49 09 78 10 03 F2 FF");
        FrameReader reader = new FrameReader();
        for (int i = 0; i < frame.length; i++) {
            assertThat(reader.next()).isEmpty();
            reader.feed(frame, i, 1);
            assertThat(reader.partial()).as("after byte " + i).isEqualTo(i >= 1 && i < frame.length - 1);
        }
        assertThat(reader.next()).map(u -> ((Frame) u).apdu().length).hasValue(13);
    }

    @Test
    void aBadCrcBadStuffingAndAFrameCutShortAreBroken() {
        assertThat(read(hex("10 02 80 00 00 10 03 00 00"))).containsExactly(new Broken(Problem.BAD_CRC));
        assertThat(read(hex("10 02 80 10 41 00")).get(0)).isEqualTo(new Broken(Problem.BAD_STUFFING));
        byte[] good = DleFrames.frame(ZvtMessages.ack().encode());
        assertThat(read(concat(hex("10 02 06 01"), good)))
                .containsExactly(new Broken(Problem.CUT_SHORT), new Frame(hex("80 00 00")));
    }

    @Test
    void crcBytesAreNeverDoubledEvenWhenTheyAreDle() {
        // find an APDU whose CRC holds a DLE byte, and check it frames and reads back
        int found = 0;
        for (int i = 0; i < 65_536 && found < 2; i++) {
            byte[] apdu = {0x06, (byte) 0xD1, 0x02, (byte) (i >> 8), (byte) i};
            int crc = Crc16.ofFrame(apdu);
            if ((crc & 0xFF) == 0x10 || (crc >> 8) == 0x10) {
                byte[] frame = DleFrames.frame(apdu);
                assertThat(frame[frame.length - 2] & 0xFF).isEqualTo(crc & 0xFF);
                assertThat(frame[frame.length - 1] & 0xFF).isEqualTo(crc >> 8);
                assertThat(read(frame)).containsExactly(new Frame(apdu));
                found++;
            }
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void manyRandomFramesAmongNoiseAreAllFoundAndACorruptedOneIsNeverTaken() {
        Random random = new Random(20_261_207);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<Frame> sent = new ArrayList<>();
        int corrupted = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] data = new byte[random.nextInt(i % 50 == 0 ? 400 : 40)];
            random.nextBytes(data);
            byte[] apdu =
                    Apdu.of(random.nextInt(256), random.nextInt(256), data).encode();
            byte[] frame = DleFrames.frame(apdu);
            if (i % 7 == 3) {
                // one data byte changed (never into DLE, which would change the framing): a CRC mismatch
                int at = 2 + random.nextInt(frame.length - 6);
                byte flipped = (byte) (frame[at] ^ (1 + random.nextInt(255)));
                if (frame[at] != DleFrames.DLE && flipped != DleFrames.DLE) {
                    frame[at] = flipped;
                    corrupted++;
                } else {
                    sent.add(new Frame(apdu));
                }
            } else {
                sent.add(new Frame(apdu));
            }
            line.writeBytes(frame);
            if (random.nextInt(4) == 0) {
                line.write(0x55); // noise between frames
            }
        }
        byte[] all = line.toByteArray();
        FrameReader reader = new FrameReader();
        List<Frame> frames = new ArrayList<>();
        int broken = 0;
        for (int at = 0; at < all.length; ) {
            int n = Math.min(all.length - at, 1 + random.nextInt(64));
            reader.feed(all, at, n);
            at += n;
            for (Optional<Unit> u = reader.next(); u.isPresent(); u = reader.next()) {
                if (u.get() instanceof Frame f) {
                    frames.add(f);
                } else if (u.get() instanceof Broken) {
                    broken++;
                }
            }
        }

        assertThat(frames).isEqualTo(sent);
        assertThat(broken).isEqualTo(corrupted).isGreaterThan(200);
    }

    @Test
    void theTcpReaderCutsApdusByTheirLength() {
        byte[] stream = concat(
                ZvtMessages.ack().encode(),
                Apdu.of(0x06, 0xD3, new byte[300]).encode(),
                ZvtMessages.aborted(0x6C).encode());
        ApduReader reader = new ApduReader();
        List<Apdu> apdus = new ArrayList<>();
        for (int at = 0; at < stream.length; at += 7) {
            reader.feed(stream, at, Math.min(7, stream.length - at));
            for (Optional<Apdu> a = reader.next(); a.isPresent(); a = reader.next()) {
                apdus.add(a.get());
            }
        }

        assertThat(apdus)
                .containsExactly(ZvtMessages.ack(), Apdu.of(0x06, 0xD3, new byte[300]), ZvtMessages.aborted(0x6C));
        assertThat(reader.pending()).isZero();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
