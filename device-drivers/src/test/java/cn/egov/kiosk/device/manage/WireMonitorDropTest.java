package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.sam.IdCardText;
import cn.egov.kiosk.device.idcard.sam.SamCommand;
import cn.egov.kiosk.device.idcard.sam.SamFrames;
import cn.egov.kiosk.device.idcard.sam.SamReadResponse;
import cn.egov.kiosk.device.idcard.sam.SamStatus;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.link.WireTapQueue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A monitor that fell behind: what it kept after a drop is masked afresh, and the drop is told. */
class WireMonitorDropTest {
    private static final ResidentIdCard CARD = DemoCards.resident();

    // a queue of one chunk: a second chunk before the consumer drains is dropped
    private final WireTapQueue queue = new WireTapQueue(1);
    private final WireMonitor monitor = new WireMonitor(
            "id-reader", queue, () -> FrameMaskers.of(DeviceClass.ID_CARD_READER), true, (id, tap) -> () -> {});

    private void seen(WireTap.Direction d, byte[] data) {
        queue.seen(d, data, 0, data.length, Instant.now());
    }

    private static byte[] readAnswer() {
        byte[] text = IdCardText.encode(CARD);
        byte[] photo = Arrays.copyOf(CARD.photo(), 1024);
        return SamFrames.response(0, 0, SamStatus.SUCCESS.sw3(), SamReadResponse.build(text, photo, null));
    }

    private static byte[] shown(List<WireMonitor.Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(l -> l.parts().stream().filter(p -> !p.isHidden()).forEach(p -> out.writeBytes(p.bytes())));
        return out.toByteArray();
    }

    private static String shownUtf16(List<WireMonitor.Line> lines) {
        return new String(shown(lines), StandardCharsets.UTF_16LE);
    }

    @Test
    void anAnswerWhoseReadCommandWasDroppedShowsNoneOfTheCard() {
        List<WireMonitor.Line> lines = new ArrayList<>();
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.SELECT_CARD));
        lines.addAll(monitor.drain());
        seen(WireTap.Direction.IN, SamFrames.response(0, 0, SamStatus.SUCCESS.sw3(), new byte[8]));
        lines.addAll(monitor.drain());
        // the masker has seen SELECT CARD: its answers are shown. Now the READ command is dropped...
        seen(WireTap.Direction.IN, new byte[] {0}); // fills the queue
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.READ_TEXT_PHOTO)); // dropped
        lines.addAll(monitor.drain());
        // ...and its answer, with the card's text and photo, is kept
        byte[] answer = readAnswer();
        seen(WireTap.Direction.IN, answer);
        List<WireMonitor.Line> after = monitor.drain();
        lines.addAll(after);

        assertThat(shownUtf16(lines)).doesNotContain(CARD.name()).doesNotContain(CARD.number());
        // a line tells of the drop, then the answer's line, none of its data shown
        assertThat(after).hasSize(2);
        assertThat(after.get(0).dropNotice()).isTrue();
        int read = SamFrames.command(SamCommand.READ_TEXT_PHOTO).length;
        assertThat(after.get(0).format(ZoneOffset.UTC, Locale.CHINESE)).contains("[已丢失 " + read + " 字节");
        assertThat(after.get(0).hex(Locale.ENGLISH)).contains(read + " bytes dropped");
        assertThat(after.get(1).length()).isEqualTo(answer.length);
        assertThat(shown(after).length).isLessThan(16);
    }

    @Test
    void pollGivesTheDropLineThenTheChunk() throws Exception {
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.SELECT_CARD));
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.READ_TEXT_PHOTO)); // dropped
        assertThat(monitor.poll(Duration.ZERO).dropNotice()).isFalse();
        byte[] answer = readAnswer();
        seen(WireTap.Direction.IN, answer);
        WireMonitor.Line notice = monitor.poll(Duration.ZERO);
        WireMonitor.Line line = monitor.poll(Duration.ZERO);
        assertThat(notice.dropNotice()).isTrue();
        assertThat(notice.parts().get(0).count()).isEqualTo(SamFrames.command(SamCommand.READ_TEXT_PHOTO).length);
        assertThat(line.length()).isEqualTo(answer.length);
        assertThat(shownUtf16(List.of(line))).doesNotContain(CARD.name());
        assertThat(shown(List.of(line)).length).isLessThan(16);
        assertThat(monitor.poll(Duration.ZERO)).isNull();
    }

    @Test
    void afterADropTheNextCommandIsReadAgain() {
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.SELECT_CARD));
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.SAM_STATUS)); // dropped
        monitor.drain();
        seen(WireTap.Direction.OUT, SamFrames.command(SamCommand.READ_TEXT_PHOTO));
        monitor.drain();
        seen(WireTap.Direction.IN, readAnswer());
        String all = String.join(
                "\n", monitor.drain().stream().map(l -> l.hex(Locale.CHINESE)).toList());
        assertThat(all).contains("[文字 256 字节 已遮蔽]").contains("[照片 1024 字节 已遮蔽]");
    }
}
