package cn.egov.kiosk.device.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.link.WireTap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SAM masker over the frames the virtual reader really sends for the demo resident's card. */
class SamFrameMaskerTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);

    private PipeLink.Pair cable;
    private VirtualSamReader virtual;

    @BeforeEach
    void wire() throws Exception {
        cable = PipeLink.pair("mask");
        virtual = new VirtualSamReader();
        cable.device().open();
        virtual.serve(cable.device(), "virtual-sam-mask");
        cable.host().open();
        virtual.place(DemoCards.resident());
    }

    @AfterEach
    void unwire() {
        cable.host().close();
        virtual.stop();
    }

    private byte[] answer(SamCommand command) throws Exception {
        cable.host().write(SamFrames.command(command));
        byte[] head = cable.host().readExactly(7, SAFETY);
        int length = (head[5] & 0xFF) << 8 | head[6] & 0xFF;
        byte[] rest = cable.host().readExactly(length, SAFETY);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head);
        all.writeBytes(rest);
        return all.toByteArray();
    }

    private static List<FrameMasker.Part> feed(FrameMasker masker, WireTap.Direction d, byte[] data, int maxChunk) {
        List<FrameMasker.Part> parts = new ArrayList<>();
        Random random = new Random(15);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + random.nextInt(maxChunk));
            parts.addAll(masker.mask(d, Arrays.copyOfRange(data, at, at + n)));
            at += n;
        }
        return parts;
    }

    private static byte[] shown(List<FrameMasker.Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.stream().filter(p -> !p.isHidden()).forEach(p -> out.writeBytes(p.bytes()));
        return out.toByteArray();
    }

    private static int hidden(List<FrameMasker.Part> parts, FrameMasker.Hidden kind) {
        return parts.stream()
                .filter(p -> p.kind() == kind)
                .mapToInt(FrameMasker.Part::count)
                .sum();
    }

    private static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    @Test
    void aReadsAnswerShowsItsFrameAndHidesTextAndPhoto() throws Exception {
        SamFrameMasker masker = new SamFrameMasker();
        byte[] command = SamFrames.command(SamCommand.READ_TEXT_PHOTO);
        assertThat(masker.mask(WireTap.Direction.OUT, command))
                .singleElement()
                .satisfies(p -> assertThat(p.bytes()).isEqualTo(command));
        answer(SamCommand.FIND_CARD);
        answer(SamCommand.SELECT_CARD);
        byte[] read = answer(SamCommand.READ_TEXT_PHOTO);

        List<FrameMasker.Part> parts = masker.mask(WireTap.Direction.IN, read);
        // AA AA AA 96 69, length 05 08, SW 00 00 90, text length 01 00, photo length 04 00
        assertThat(hex(parts.get(0).bytes())).isEqualTo("AA AA AA 96 69 05 08 00 00 90 01 00 04 00");
        assertThat(parts.get(1).kind().label(parts.get(1).count(), Locale.CHINESE))
                .isEqualTo("[文字 256 字节 已遮蔽]");
        assertThat(parts.get(2).kind().label(parts.get(2).count(), Locale.CHINESE))
                .isEqualTo("[照片 1024 字节 已遮蔽]");
        assertThat(parts.get(3).bytes()).containsExactly(read[read.length - 1]); // the checksum
        assertThat(parts).hasSize(4);
    }

    @Test
    void nothingOfTheCardShowsWhateverTheChunksAndTheFingerprintAndAddressAnswersToo() throws Exception {
        ResidentIdCard card = DemoCards.resident();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (SamCommand c : List.of(
                SamCommand.SAM_STATUS,
                SamCommand.FIND_CARD,
                SamCommand.SELECT_CARD,
                SamCommand.READ_TEXT_PHOTO_FINGERPRINT,
                SamCommand.READ_APPENDED_ADDRESS)) {
            out.writeBytes(SamFrames.command(c));
            in.writeBytes(answer(c));
        }
        for (int maxChunk : new int[] {1, 7, 64, 5000}) {
            SamFrameMasker masker = new SamFrameMasker();
            List<FrameMasker.Part> all = new ArrayList<>();
            // in order: each command, then its answer, cut into chunks
            byte[] o = out.toByteArray();
            byte[] i = in.toByteArray();
            int oAt = 0;
            int iAt = 0;
            for (int k = 0; k < 5; k++) {
                int oLen = 7 + ((o[oAt + 5] & 0xFF) << 8 | o[oAt + 6] & 0xFF);
                all.addAll(feed(masker, WireTap.Direction.OUT, Arrays.copyOfRange(o, oAt, oAt + oLen), maxChunk));
                int iLen = 7 + ((i[iAt + 5] & 0xFF) << 8 | i[iAt + 6] & 0xFF);
                all.addAll(feed(masker, WireTap.Direction.IN, Arrays.copyOfRange(i, iAt, iAt + iLen), maxChunk));
                oAt += oLen;
                iAt += iLen;
            }
            String shown = new String(shown(all), StandardCharsets.UTF_16LE);
            String shownHex = hex(shown(all));
            assertThat(shown).doesNotContain(card.name(), card.number(), "东城区", "西城区");
            assertThat(shownHex).doesNotContain(hex(card.number().getBytes(StandardCharsets.UTF_16LE)));
            assertThat(hidden(all, FrameMasker.Hidden.TEXT)).isEqualTo(256);
            assertThat(hidden(all, FrameMasker.Hidden.PHOTO)).isEqualTo(1024);
            assertThat(hidden(all, FrameMasker.Hidden.ADDRESS)).isPositive();
            assertThat(hidden(all, FrameMasker.Hidden.UNRECOGNISED)).isZero();
            assertThat(all.stream().mapToInt(FrameMasker.Part::count).sum()).isEqualTo(o.length + i.length);
        }
    }

    @Test
    void anAnswerWhoseCommandWasNotSeenIsHiddenAndGarbageToo() throws Exception {
        answer(SamCommand.FIND_CARD);
        answer(SamCommand.SELECT_CARD);
        byte[] read = answer(SamCommand.READ_TEXT_PHOTO);
        SamFrameMasker masker = new SamFrameMasker(); // attached after the command went out
        byte[] garbage = {0x12, 0x34, (byte) 0xAA, 0x56};
        List<FrameMasker.Part> parts = new ArrayList<>(masker.mask(WireTap.Direction.IN, garbage));
        // the middle of the answer, then a whole one
        parts.addAll(masker.mask(WireTap.Direction.IN, Arrays.copyOfRange(read, 100, read.length)));
        parts.addAll(masker.mask(WireTap.Direction.IN, read));
        assertThat(hidden(parts, FrameMasker.Hidden.UNRECOGNISED)).isGreaterThan(1000);
        assertThat(hidden(parts, FrameMasker.Hidden.DATA)).isEqualTo(read.length - 11);
        assertThat(hex(shown(parts))).contains("AA AA AA 96 69 05 08 00 00 90");
    }
}
