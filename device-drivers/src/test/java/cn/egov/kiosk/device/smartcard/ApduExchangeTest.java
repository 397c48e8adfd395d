package cn.egov.kiosk.device.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApduExchangeTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** A card that gives the scripted answers in turn and records the commands. */
    private static final class Script implements ApduExchange.Transmitter {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> commands = new ArrayList<>();

        Script(String... answers) {
            this.answers.addAll(List.of(answers));
        }

        @Override
        public byte[] transmit(byte[] command) {
            commands.add(HEX.formatHex(command));
            return HEX.parseHex(answers.isEmpty() ? "6F00" : answers.poll());
        }
    }

    private static String exchange(Script card, String command) throws Exception {
        return HEX.formatHex(ApduExchange.exchange(card, HEX.parseHex(command)));
    }

    @Test
    void aFinalAnswerIsReturnedAsItIs() throws Exception {
        Script card = new Script("01029000");

        assertThat(exchange(card, "00B2012C00")).isEqualTo("01029000");
        assertThat(card.commands).containsExactly("00B2012C00");
    }

    @Test
    void moreDataIsFetchedWithGetResponseAndConcatenated() throws Exception {
        Script card = new Script("6104", "AABB6102", "CCDD9000");

        assertThat(exchange(card, "80A40400021234")).isEqualTo("AABBCCDD9000");
        // same class byte, Le = SW2
        assertThat(card.commands).containsExactly("80A40400021234", "80C0000004", "80C0000002");
    }

    @Test
    void aWrongLengthIsCorrectedAndTheCommandSentAgain() throws Exception {
        Script card = new Script("6C12", "9000");

        exchange(card, "00B2012C00"); // case 2: Le replaced

        assertThat(card.commands).containsExactly("00B2012C00", "00B2012C12");
    }

    @Test
    void leIsAddedToCommandsWithoutOneAndReplacedInThoseWithOne() {
        assertThat(HEX.formatHex(ApduExchange.withLe(HEX.parseHex("00B2012C"), 0x12)))
                .isEqualTo("00B2012C12");
        assertThat(HEX.formatHex(ApduExchange.withLe(HEX.parseHex("00A40400021234"), 0x20)))
                .isEqualTo("00A4040002123420");
        assertThat(HEX.formatHex(ApduExchange.withLe(HEX.parseHex("00A4040002123400"), 0x20)))
                .isEqualTo("00A4040002123420");
        assertThat(ApduExchange.withLe(HEX.parseHex("00A4040000000212"), 0x20)).isNull(); // extended length
    }

    @Test
    void aWrongLengthThenMoreDataEndsInOneResponse() throws Exception {
        Script card = new Script("6C03", "AABBCC6101", "DD9000");

        assertThat(exchange(card, "00CA9F7F00")).isEqualTo("AABBCCDD9000");
        assertThat(card.commands).containsExactly("00CA9F7F00", "00CA9F7F03", "00C0000001");
    }

    @Test
    void aCardThatNeverFinishesIsAProtocolError() {
        Script card = new Script();
        for (int i = 0; i < 100; i++) {
            card.answers.add("AA6101");
        }

        assertThatThrownBy(() -> exchange(card, "00B2012C00"))
                .isInstanceOf(ApduExchange.ProtocolException.class)
                .hasMessageContaining("32");
        assertThat(card.commands).hasSize(ApduExchange.MAX_ROUNDS);
    }

    @Test
    void anAnswerWithoutStatusWordIsAProtocolError() {
        assertThatThrownBy(() -> exchange(new Script("90"), "00B2012C00"))
                .isInstanceOf(ApduExchange.ProtocolException.class)
                .hasMessageContaining("without SW1 SW2");
    }

    @Test
    void statusWordsAndDescriptionsHoldNoData() {
        byte[] response = HEX.parseHex("0102039000");

        assertThat(Apdus.statusWord(response)).isEqualTo(0x9000);
        assertThat(Apdus.statusText(response)).isEqualTo("9000");
        assertThat(HEX.formatHex(Apdus.data(response))).isEqualTo("010203");
        assertThat(Apdus.succeeded(HEX.parseHex("6110"))).isTrue();
        assertThat(Apdus.succeeded(HEX.parseHex("6A82"))).isFalse();
        assertThat(Apdus.describe(Apdus.selectByName(SmartCardType.SSSE_NAME))).isEqualTo("INS A4, 20 bytes");
        assertThat(HEX.formatHex(Apdus.selectByName(SmartCardType.SSSE_NAME)))
                .isEqualTo("00A404000F7378312E73682EC9E7BBE1B1A3D5CF");
        assertThat(HEX.formatHex(Apdus.readRecord(1, 5))).isEqualTo("00B2012C00");
        assertThat(HEX.formatHex(Apdus.readRecord(8, 6))).isEqualTo("00B2083400");
    }
}
