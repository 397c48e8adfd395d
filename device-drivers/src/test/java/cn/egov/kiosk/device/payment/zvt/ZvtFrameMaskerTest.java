package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ZVT masker over messages made by the codec the virtual terminal uses. */
class ZvtFrameMaskerTest {
    private static final String PAN = "6228480402564890018";

    private static byte[] statusWithCard() {
        byte[] fields = new BmpWriter()
                .amount(12_345)
                .cardNumber(PAN)
                .fixed(0x0E, new byte[] {0x28, 0x12})
                .trace("000042")
                .toBytes();
        return Apdu.of(0x04, 0x0F, fields).encode();
    }

    private static String shownHex(List<FrameMasker.Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.stream().filter(p -> !p.isHidden()).forEach(p -> out.writeBytes(p.bytes()));
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static int hidden(List<FrameMasker.Part> parts, FrameMasker.Hidden kind) {
        return parts.stream()
                .filter(p -> p.kind() == kind)
                .mapToInt(FrameMasker.Part::count)
                .sum();
    }

    @Test
    void theCardNumberAndExpiryAreHiddenAndTheAmountShown() {
        byte[] apdu = statusWithCard();
        List<FrameMasker.Part> parts = new ZvtFrameMasker().mask(WireTap.Direction.IN, apdu);
        String shown = shownHex(parts);
        assertThat(shown).startsWith("040f").contains("04000000012345").contains("22f1f0");
        assertThat(shown).doesNotContain("622848").doesNotContain("4890018");
        assertThat(hidden(parts, FrameMasker.Hidden.CARD_NUMBER)).isEqualTo(10);
        assertThat(hidden(parts, FrameMasker.Hidden.EXPIRY)).isEqualTo(2);
        assertThat(parts.stream().mapToInt(FrameMasker.Part::count).sum()).isEqualTo(apdu.length);
    }

    @Test
    void onASerialLineTheFrameIsReadAcrossChunksAndTheAckShown() {
        byte[] framed = DleFrames.frame(statusWithCard());
        ZvtFrameMasker masker = new ZvtFrameMasker();
        List<FrameMasker.Part> parts = new ArrayList<>();
        for (int at = 0; at < framed.length; at += 3) {
            parts.addAll(
                    masker.mask(WireTap.Direction.IN, Arrays.copyOfRange(framed, at, Math.min(framed.length, at + 3))));
        }
        parts.addAll(masker.mask(WireTap.Direction.OUT, new byte[] {DleFrames.ACK}));
        String shown = shownHex(parts);
        assertThat(shown).startsWith("1002040f").doesNotContain("622848");
        assertThat(hidden(parts, FrameMasker.Hidden.CARD_NUMBER)).isEqualTo(10);
        assertThat(parts.get(parts.size() - 1).bytes()).containsExactly(DleFrames.ACK);
    }

    @Test
    void printedLinesAreHiddenAndAnAcknowledgementShown() {
        byte[] print = Apdu.of(0x06, 0xD1, "卡号 6228480402564890018".getBytes(StandardCharsets.UTF_8))
                .encode();
        byte[] ack = Apdu.of(0x80, 0x00).encode();
        ZvtFrameMasker masker = new ZvtFrameMasker();
        List<FrameMasker.Part> parts = new ArrayList<>(masker.mask(WireTap.Direction.IN, print));
        parts.addAll(masker.mask(WireTap.Direction.OUT, ack));
        assertThat(shownHex(parts)).isEqualTo("06d1" + String.format("%02x", print.length - 3) + "800000");
    }

    @Test
    void fieldsOfUnknownLengthCutShortOrWithABadPrefixStayHidden() {
        HexFormat hex = HexFormat.ofDelimiter(" ");
        // BMP C7 has no known length: its tag is shown, all after it hidden
        byte[] unknown = Apdu.of(0x04, 0x0F, hex.parseHex("04 00 00 00 01 23 45 c7 01 02"))
                .encode();
        List<FrameMasker.Part> parts = new ZvtFrameMasker().mask(WireTap.Direction.IN, unknown);
        assertThat(shownHex(parts)).isEqualTo("040f0a04000000012345c7");
        assertThat(hidden(parts, FrameMasker.Hidden.DATA)).isEqualTo(2);

        // a card number that says ten bytes and brings two: its prefix shown, the two hidden
        byte[] cut = Apdu.of(0x04, 0x0F, hex.parseHex("22 f1 f0 62 28")).encode();
        parts = new ZvtFrameMasker().mask(WireTap.Direction.IN, cut);
        assertThat(shownHex(parts)).isEqualTo("040f0522f1f0");
        assertThat(hidden(parts, FrameMasker.Hidden.CARD_NUMBER)).isEqualTo(2);

        // a malformed length prefix: that field, tag and all, hidden
        byte[] bad = Apdu.of(0x04, 0x0F, hex.parseHex("27 00 22 f0 1a 00")).encode();
        parts = new ZvtFrameMasker().mask(WireTap.Direction.IN, bad);
        assertThat(shownHex(parts)).isEqualTo("040f062700");
        assertThat(hidden(parts, FrameMasker.Hidden.DATA)).isEqualTo(4);
    }
}
