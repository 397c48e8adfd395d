package cn.egov.kiosk.device.idcard.sam;

import static cn.egov.kiosk.device.idcard.sam.SamTestCards.fields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.Ethnicities;
import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated frames and blocks into the frame parser and the decoders: nothing but {@link
 * SamFrameException} and {@link IdCardTextException} may come out, nothing may hang, and every
 * valid frame among the garbage is found. The seed is fixed (and in the test names), so a failure
 * reproduces.
 */
class SamFuzzTest {
    static final long SEED = 0x467_2013L;

    private static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    private static final int MAX_LENGTH = 4096;
    private static final int STREAMS = 100;
    private static final int ITEMS_PER_STREAM = 1_050;

    private final Random rnd = new Random(SEED);

    // ---- the frames the fuzzing starts from ----------------------------------------------------

    private final List<byte[]> readResponses = new ArrayList<>();
    private final List<byte[]> templates = new ArrayList<>();

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private void makeTemplates() {
        for (IdCard card : SamTestCards.all()) {
            byte[] text = IdCardText.encode(card);
            readResponses.add(SamFrames.response(0, 0, 0x90, SamReadResponse.build(text, bytes(1024), null)));
            if (card instanceof ResidentIdCard) {
                readResponses.add(
                        SamFrames.response(0, 0, 0x90, SamReadResponse.build(text, bytes(1024), bytes(1024))));
            }
        }
        templates.addAll(readResponses);
        templates.add(SamFrames.response(0, 0, 0x9F, new byte[4]));
        templates.add(SamFrames.response(0, 0, 0x80, new byte[0]));
        templates.add(SamFrames.response(0, 0, 0x90, new byte[8]));
        templates.add(SamFrames.response(0, 0, 0x91, new byte[0]));
        templates.add(SamFrames.response(0, 0, 0x41, new byte[0]));
        templates.add(SamFrames.response(0, 0, 0x90, IdCardText.encodeAddress("北京市海淀区示例路2号")));
        templates.add(SamFrames.response(0, 0, 0x90, IdCardText.encodeAddress("旧址", "北京市海淀区示例路3号", "", "")));
        for (SamCommand c : SamCommand.values()) {
            templates.add(SamFrames.command(c));
        }
    }

    private static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 7, frame.length - 1);
    }

    // ---- mutations -----------------------------------------------------------------------------

    private byte[] anyTemplate() {
        return rnd.nextBoolean()
                ? readResponses.get(rnd.nextInt(readResponses.size()))
                : templates.get(rnd.nextInt(templates.size()));
    }

    /** A valid frame around a read response whose data was mutated: the decoders' business. */
    private byte[] reframedMutation() {
        byte[] body = body(readResponses.get(rnd.nextInt(readResponses.size())));
        switch (rnd.nextInt(4)) {
            case 0 -> flipBits(body, 3, body.length, 1 + rnd.nextInt(6)); // lengths and blocks
            case 1 -> flipBits(body, 7, 7 + 256, 1 + rnd.nextInt(4)); // text (after 30 01's lengths)
            case 2 -> body = Arrays.copyOf(body, 3 + rnd.nextInt(body.length - 2)); // shorter data
            default -> {
                int at = 7 + 2 * rnd.nextInt(128); // a character of the text block
                char c = PALETTE.charAt(rnd.nextInt(PALETTE.length()));
                body[at] = (byte) c;
                body[at + 1] = (byte) (c >> 8);
            }
        }
        return SamFrames.frame(body);
    }

    private void flipBits(byte[] b, int from, int to, int count) {
        for (int i = 0; i < count && to > from; i++) {
            b[from + rnd.nextInt(to - from)] ^= (byte) (1 << rnd.nextInt(8));
        }
    }

    private byte[] mutated() {
        byte[] f = anyTemplate().clone();
        switch (rnd.nextInt(11)) {
            case 0 -> flipBits(f, 0, f.length, 1 + rnd.nextInt(8));
            case 1 -> flipBits(f, 5, 7, 1 + rnd.nextInt(2)); // the length field
            case 2 -> f = Arrays.copyOf(f, rnd.nextInt(f.length)); // truncated
            case 3 -> { // garbage inserted
                int at = rnd.nextInt(f.length + 1);
                byte[] g = bytes(1 + rnd.nextInt(64));
                f = concat(Arrays.copyOf(f, at), g, Arrays.copyOfRange(f, at, f.length));
            }
            case 4 -> f = concat(Arrays.copyOf(PREAMBLE, 1 + rnd.nextInt(5)), f); // duplicated (partial) preamble
            case 5 -> { // a random length, sometimes near the right one
                int length = rnd.nextBoolean()
                        ? rnd.nextInt(0x10000)
                        : ((f[5] & 0xFF) << 8 | (f[6] & 0xFF)) + rnd.nextInt(7) - 3;
                f[5] = (byte) (length >> 8);
                f[6] = (byte) length;
            }
            case 6 -> { // bytes deleted
                int n = 1 + rnd.nextInt(4);
                for (int i = 0; i < n && f.length > 1; i++) {
                    int at = rnd.nextInt(f.length);
                    f = concat(Arrays.copyOf(f, at), Arrays.copyOfRange(f, at + 1, f.length));
                }
            }
            case 7 -> f[f.length - 1] ^= (byte) (1 + rnd.nextInt(255)); // wrong checksum
            case 8 -> { // a random frame: preamble, random length, random bytes
                int length = rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(MAX_LENGTH + 1);
                f = concat(
                        PREAMBLE,
                        new byte[] {(byte) (length >> 8), (byte) length},
                        bytes(rnd.nextInt(Math.min(length, 3000) + 1)));
            }
            case 9 -> { // two truncated frames
                byte[] g = anyTemplate();
                f = concat(Arrays.copyOf(f, rnd.nextInt(f.length)), Arrays.copyOf(g, rnd.nextInt(g.length)));
            }
            default -> f = concat(PREAMBLE, PREAMBLE, Arrays.copyOf(f, rnd.nextInt(f.length))); // preambles galore
        }
        return f;
    }

    /** Random bytes; now and then rich in (partial) preambles. */
    private byte[] garbage() {
        byte[] g = bytes(1 + rnd.nextInt(400));
        if (rnd.nextInt(4) == 0) {
            for (int i = 0; i + 5 <= g.length; i += 1 + rnd.nextInt(12)) {
                System.arraycopy(PREAMBLE, 0, g, i, 1 + rnd.nextInt(4));
            }
        }
        return g;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * Garbage made harmless to the next frame: zeros after it until every preamble in it has had
     * the bytes its length field claims. (Without them a broken frame's claim may reach into the
     * next valid frame, and a checksum of 8 bits passes by chance once in 256.)
     */
    private static byte[] padded(byte[] garbage) {
        byte[] g = Arrays.copyOf(garbage, garbage.length + 2); // a preamble at the end reads length 0
        int end = g.length;
        for (int i = 0; i + 7 <= g.length; i++) {
            if (Arrays.equals(g, i, i + 5, PREAMBLE, 0, 5)) {
                int length = (g[i + 5] & 0xFF) << 8 | (g[i + 6] & 0xFF);
                if (length >= 2 && length <= MAX_LENGTH) {
                    end = Math.max(end, i + 7 + length);
                }
            }
        }
        return Arrays.copyOf(g, end);
    }

    // ---- the parser ----------------------------------------------------------------------------

    private static final class Tally {
        long frames; // items fed: valid, mutated, random
        long validFed;
        long validFound;
        long delivered;
        long corruptAccepted;
        long frameErrors;
        long bytes;
        long readResponsesDecoded;
        long textErrors;
    }

    @Test
    @Timeout(120)
    @DisplayName("fuzz, seed " + SEED
            + ": the frame parser survives 100,000+ random and mutated frames and finds every valid one")
    void theParserSurvivesGarbageAndFindsEveryValidFrame() {
        makeTemplates();
        Tally strict = new Tally();
        Tally harsh = new Tally();
        long start = System.nanoTime();
        for (int s = 0; s < STREAMS; s++) {
            boolean isStrict = s % 2 == 0;
            boolean byteByByte = (s / 2) % 2 == 0;
            runStream(s, isStrict, byteByByte, isStrict ? strict : harsh);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "SamFuzzTest seed %d parser: %d frames (%d valid, %d bytes) in %.1f s; strict: %d/%d valid found, %d corrupt"
                        + " accepted; harsh: %d/%d valid found, %d corrupt accepted; %d frame errors; %d read responses decoded,"
                        + " %d text errors%n",
                SEED,
                strict.frames + harsh.frames,
                strict.validFed + harsh.validFed,
                strict.bytes + harsh.bytes,
                seconds,
                strict.validFound,
                strict.validFed,
                strict.corruptAccepted,
                harsh.validFound,
                harsh.validFed,
                harsh.corruptAccepted,
                strict.frameErrors + harsh.frameErrors,
                strict.readResponsesDecoded + harsh.readResponsesDecoded,
                strict.textErrors + harsh.textErrors);

        assertThat(strict.frames + harsh.frames).isGreaterThanOrEqualTo(100_000);
        assertThat(strict.validFound)
                .as("valid frames found among padded garbage")
                .isEqualTo(strict.validFed);
        // Without padding, a broken frame's claim reaching into a valid one and passing the 8-bit
        // checksum by chance swallows it: that only, and rarely.
        long missed = harsh.validFed - harsh.validFound;
        assertThat(missed == 0 || harsh.corruptAccepted > 0)
                .as("a valid frame lost without a corrupt one accepted")
                .isTrue();
        assertThat(missed).as("valid frames lost without padding").isLessThanOrEqualTo(harsh.validFed / 100);
    }

    private void runStream(int streamNo, boolean strict, boolean byteByByte, Tally t) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<byte[]> validBodies = new ArrayList<>();
        List<Integer> validEnds = new ArrayList<>();
        for (int i = 0; i < ITEMS_PER_STREAM; i++) {
            int r = rnd.nextInt(100);
            t.frames++;
            if (r < 40) {
                byte[] frame = r < 30 ? anyTemplate() : reframedMutation();
                stream.writeBytes(frame);
                validBodies.add(body(frame));
                validEnds.add(stream.size());
            } else {
                byte[] g = r < 50 ? garbage() : mutated();
                stream.writeBytes(strict ? padded(g) : g);
            }
        }
        if (!strict) {
            stream.writeBytes(new byte[MAX_LENGTH + 8]); // later traffic: every pending claim is settled
        }
        byte[] s = stream.toByteArray();
        t.bytes += s.length;
        t.validFed += validBodies.size();
        Set<ByteBuffer> valid = new HashSet<>();
        validBodies.forEach(b -> valid.add(ByteBuffer.wrap(b)));

        SamFrameParser parser = new SamFrameParser();
        List<byte[]> delivered = new ArrayList<>();
        int pos = 0;
        int nextValid = 0;
        while (pos < s.length) {
            int n = byteByByte ? 1 : Math.min(s.length - pos, 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 1500));
            parser.feed(s, pos, n);
            pos += n;
            drain(parser, delivered, s.length, streamNo, t);
            if (strict && byteByByte) {
                // resynchronised at once: a valid frame comes out as its last byte goes in
                while (nextValid < validEnds.size() && validEnds.get(nextValid) <= pos) {
                    assertThat(delivered)
                            .as(
                                    "seed %d stream %d: valid frame %d, ending at byte %d",
                                    SEED, streamNo, nextValid, validEnds.get(nextValid))
                            .isNotEmpty();
                    assertThat(delivered.get(delivered.size() - 1))
                            .as(
                                    "seed %d stream %d: valid frame %d, ending at byte %d",
                                    SEED, streamNo, nextValid, validEnds.get(nextValid))
                            .isEqualTo(validBodies.get(nextValid));
                    nextValid++;
                }
            }
        }
        for (byte[] d : delivered) {
            if (!valid.contains(ByteBuffer.wrap(d))) {
                t.corruptAccepted++;
            }
        }
        t.validFound += inOrder(validBodies, delivered);
        t.delivered += delivered.size();
    }

    /**
     * How many of the valid frames came out in order among the others: the longest common
     * subsequence (bodies repeat, so a lost one must not hide the ones after it).
     */
    private static int inOrder(List<byte[]> valid, List<byte[]> delivered) {
        Map<ByteBuffer, Integer> ids = new HashMap<>();
        int[] a = valid.stream()
                .mapToInt(b -> ids.computeIfAbsent(ByteBuffer.wrap(b), k -> ids.size()))
                .toArray();
        int[] b = delivered.stream()
                .mapToInt(d -> ids.getOrDefault(ByteBuffer.wrap(d), -1))
                .toArray();
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    private void drain(SamFrameParser parser, List<byte[]> delivered, int bound, int streamNo, Tally t) {
        for (int calls = 0; ; calls++) {
            assertThat(calls)
                    .as("seed %d stream %d: the parser goes round in circles", SEED, streamNo)
                    .isLessThanOrEqualTo(bound);
            Optional<byte[]> body;
            try {
                body = parser.next();
            } catch (SamFrameException e) {
                t.frameErrors++;
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + " stream " + streamNo + ": the parser threw " + e, e);
            }
            if (body.isEmpty()) {
                return;
            }
            delivered.add(body.get());
            decodeBody(body.get(), streamNo, t);
        }
    }

    private void decodeBody(byte[] body, int streamNo, Tally t) {
        if (body.length < 3) {
            return;
        }
        byte[] data = Arrays.copyOfRange(body, 3, body.length);
        try {
            try {
                SamReadResponse r = SamReadResponse.parse(data);
                IdCard card = IdCardText.decode(r.text(), r.photo(), r.fingerprint());
                t.readResponsesDecoded++;
                checkDecoded(card);
            } catch (IdCardTextException e) {
                t.textErrors++;
            }
            try {
                IdCardText.decodeAddress(data);
            } catch (IdCardTextException e) {
                t.textErrors++;
            }
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + SEED + " stream " + streamNo + ": a decoder threw " + e, e);
        }
    }

    /** What decodes encodes again, and comes back the same; its toString is masked. */
    private static void checkDecoded(IdCard card) throws IdCardTextException {
        IdCard again = IdCardText.decode(
                IdCardText.encode(card), card.photo(), card instanceof ResidentIdCard r ? r.fingerprint() : null);
        assertThat(fields(again)).isEqualTo(fields(card));
        assertThat(card.toString()).doesNotContain(card.number());
    }

    // ---- the decoders --------------------------------------------------------------------------

    private static final String PALETTE = "0123456789X 长期汉测李王韩梅ABCZ,-\0\u0001\uD800\uDC00\uFFFF\u3000";
    private static final String CJK = "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
    private static final char[] TYPES = {' ', 'I', 'Y', 'J'};

    private String cjk(int min, int max) {
        StringBuilder sb = new StringBuilder();
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(CJK.charAt(rnd.nextInt(CJK.length())));
        }
        return sb.toString();
    }

    private String latin(int min, int max) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ ,-'";
        StringBuilder sb = new StringBuilder();
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(letters.charAt(rnd.nextInt(letters.length())));
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? "X" : s;
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    private LocalDate date() {
        return LocalDate.of(1900, 1, 1).plusDays(rnd.nextInt(200 * 365));
    }

    private Optional<LocalDate> until() {
        return rnd.nextInt(4) == 0 ? Optional.empty() : Optional.of(date());
    }

    private Sex sex() {
        return Sex.values()[rnd.nextInt(Sex.values().length)];
    }

    /** A random card that decoding accepts. */
    private IdCard randomCard() {
        switch (rnd.nextInt(4)) {
            case 0:
                List<String> codes = new ArrayList<>(Ethnicities.all().keySet());
                return new ResidentIdCard(
                        cjk(1, 15),
                        sex(),
                        codes.get(rnd.nextInt(codes.size())),
                        date(),
                        cjk(0, 35),
                        SamTestCards.withCheck(digits(17)),
                        cjk(0, 15),
                        date(),
                        until(),
                        Optional.empty(),
                        bytes(rnd.nextInt(64)),
                        bytes(rnd.nextInt(64)));
            case 1:
                return new ResidencePermit(
                        cjk(1, 15),
                        sex(),
                        date(),
                        cjk(0, 35),
                        SamTestCards.withCheck("8" + digits(16)),
                        cjk(0, 15),
                        date(),
                        until(),
                        latin(0, 9).replace(" ", ""),
                        rnd.nextInt(100),
                        bytes(rnd.nextInt(64)));
            case 2:
                return new ForeignResidentIdCard(
                        IdCardType.FOREIGN_PERMANENT_RESIDENT,
                        latin(1, 60),
                        cjk(0, 15),
                        sex(),
                        date(),
                        latin(3, 3).replaceAll("[ ,'-]", "A") + digits(12),
                        latin(3, 3),
                        date(),
                        until(),
                        digits(2),
                        digits(4),
                        bytes(rnd.nextInt(64)));
            default:
                return new ForeignResidentIdCard(
                        IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                        latin(1, 46),
                        cjk(0, 15),
                        sex(),
                        date(),
                        SamTestCards.withCheck("9" + digits(16)),
                        digits(3),
                        date(),
                        until(),
                        digits(2),
                        cjk(0, 15),
                        bytes(rnd.nextInt(64)));
        }
    }

    private byte[] mutatedText() {
        byte[] text = IdCardText.encode(
                rnd.nextBoolean() ? randomCard() : SamTestCards.all().get(rnd.nextInt(5)));
        switch (rnd.nextInt(5)) {
            case 0 -> flipBits(text, 0, text.length, 1 + rnd.nextInt(6));
            case 1 -> { // characters from a palette of troublemakers
                for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                    int at = 2 * rnd.nextInt(128);
                    char c = PALETTE.charAt(rnd.nextInt(PALETTE.length()));
                    text[at] = (byte) c;
                    text[at + 1] = (byte) (c >> 8);
                }
            }
            case 2 -> text[IdCardText.TYPE_OFFSET] = (byte) TYPES[rnd.nextInt(TYPES.length)]; // another type's layout
            case 3 -> { // random bytes under a known type
                text = bytes(256);
                text[IdCardText.TYPE_OFFSET] = (byte) TYPES[rnd.nextInt(TYPES.length)];
                text[IdCardText.TYPE_OFFSET + 1] = 0;
            }
            default -> text = Arrays.copyOf(text, rnd.nextInt(300)); // the wrong length
        }
        return text;
    }

    private byte[] mutatedResponseData() {
        byte[] data = SamReadResponse.build(
                bytes(rnd.nextInt(300)), bytes(rnd.nextInt(1100)), rnd.nextBoolean() ? null : bytes(rnd.nextInt(1100)));
        switch (rnd.nextInt(4)) {
            case 0 -> flipBits(data, 0, Math.min(6, data.length), 1 + rnd.nextInt(3));
            case 1 -> data = Arrays.copyOf(data, rnd.nextInt(data.length + 1));
            case 2 -> data = concat(data, bytes(1 + rnd.nextInt(8)));
            default -> data = bytes(rnd.nextInt(2500));
        }
        return data;
    }

    private byte[] mutatedAddresses() {
        String[] addresses = new String[rnd.nextInt(5)];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = cjk(0, 35);
        }
        byte[] data = IdCardText.encodeAddress(addresses);
        switch (rnd.nextInt(3)) {
            case 0 -> flipBits(data, 0, data.length, 1 + rnd.nextInt(4));
            case 1 -> data = Arrays.copyOf(data, rnd.nextInt(300));
            default -> {}
        }
        return data;
    }

    @Test
    @Timeout(120)
    @DisplayName(
            "fuzz, seed " + SEED + ": 100,000 random cards round-trip and mutated blocks give IdCardTextException only")
    void theDecodersRefuseMutatedBlocksAndRoundTripRandomCards() throws Exception {
        int inputs = 0;
        int decoded = 0;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            inputs++;
            int kind = rnd.nextInt(10);
            try {
                if (kind < 3) { // the property: decode(encode(card)) is the card, byte for byte on re-encoding
                    IdCard card = randomCard();
                    byte[] text = IdCardText.encode(card);
                    IdCard back = IdCardText.decode(
                            text, card.photo(), card instanceof ResidentIdCard r ? r.fingerprint() : null);
                    assertThat(fields(back)).as("seed %d input %d", SEED, i).isEqualTo(fields(card));
                    assertThat(IdCardText.encode(back)).isEqualTo(text);
                    decoded++;
                } else if (kind < 7) {
                    try {
                        checkDecoded(IdCardText.decode(mutatedText(), null, null));
                        decoded++;
                    } catch (IdCardTextException e) {
                        refused++;
                    }
                } else if (kind < 9) {
                    try {
                        SamReadResponse r = SamReadResponse.parse(mutatedResponseData());
                        checkDecoded(IdCardText.decode(r.text(), r.photo(), r.fingerprint()));
                        decoded++;
                    } catch (IdCardTextException e) {
                        refused++;
                    }
                } else {
                    try {
                        IdCardText.decodeAddress(mutatedAddresses());
                        decoded++;
                    } catch (IdCardTextException e) {
                        refused++;
                    }
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + " input " + i + " (kind " + kind + "): " + e, e);
            }
        }
        System.out.printf(
                "SamFuzzTest seed %d decoders: %d inputs in %.1f s, %d decoded, %d refused%n",
                SEED, inputs, (System.nanoTime() - start) / 1e9, decoded, refused);
        assertThat(decoded + refused).isEqualTo(inputs);
    }
}
