package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EscPosStatusTest {

    @Test
    void readyPrinter() {
        PrinterStatus status = EscPosStatus.decode(0x12, 0x12, 0x12, 0x12);

        assertThat(status).isEqualTo(PrinterStatus.READY);
        assertThat(status.conditions()).isEmpty();
        assertThat(status.blockingProblem()).isEmpty();
        assertThat(status.describe()).isEqualTo("online");
    }

    @Test
    void paperOutAsAPrinterReportsIt() {
        // DLE EOT 1: offline; 2: stopped by paper end; 3: no error; 4: near end and end sensors
        PrinterStatus status = EscPosStatus.decode(0x1A, 0x32, 0x12, 0x7E);

        assertThat(status).isEqualTo(new PrinterStatus(false, true, true, false, false, false, false));
        assertThat(status.conditions()).containsExactlyInAnyOrder(Condition.PAPER_LOW, Condition.PAPER_OUT);
        assertThat(status.blockingProblem()).contains(Condition.PAPER_OUT);
        assertThat(status.describe()).isEqualTo("printer offline, paper low, paper out");
    }

    @Test
    void paperEndSeenOnlyInTheOfflineCause() {
        PrinterStatus status = EscPosStatus.decode(0x1A, 0x32, 0x12, 0x12);

        assertThat(status.paperOut()).isTrue();
        assertThat(status.paperLow()).isFalse();
    }

    @Test
    void paperNearEndOnly() {
        PrinterStatus status = EscPosStatus.decode(0x12, 0x12, 0x12, 0x1E);

        assertThat(status).isEqualTo(new PrinterStatus(true, true, false, false, false, false, false));
        assertThat(status.conditions()).containsExactly(Condition.PAPER_LOW);
        assertThat(status.blockingProblem()).isEmpty();
    }

    @Test
    void coverOpen() {
        PrinterStatus status = EscPosStatus.decode(0x1A, 0x16, 0x12, 0x12);

        assertThat(status).isEqualTo(new PrinterStatus(false, false, false, true, false, false, false));
        assertThat(status.conditions()).containsExactly(Condition.COVER_OPEN);
        assertThat(status.blockingProblem()).contains(Condition.COVER_OPEN);
    }

    @Test
    void autocutterError() {
        PrinterStatus status = EscPosStatus.decode(0x1A, 0x52, 0x1A, 0x12);

        assertThat(status).isEqualTo(new PrinterStatus(false, false, false, false, true, false, false));
        assertThat(status.conditions()).containsExactly(Condition.CUTTER_ERROR);
        assertThat(status.blockingProblem()).contains(Condition.CUTTER_ERROR);
    }

    @Test
    void unrecoverableErrorIsAHardwareFault() {
        PrinterStatus status = EscPosStatus.decode(0x1A, 0x52, 0x32, 0x12);

        assertThat(status.unrecoverableError()).isTrue();
        assertThat(status.conditions()).containsExactly(Condition.HARDWARE_FAULT);
    }

    @Test
    void recoverableErrorsInBothBits() {
        assertThat(EscPosStatus.decode(0x12, 0x12, 0x16, 0x12).recoverableError())
                .isTrue();
        assertThat(EscPosStatus.decode(0x12, 0x12, 0x52, 0x12).recoverableError())
                .isTrue();
    }

    @Test
    void offlineWithoutAKnownCauseIsAHardwareFault() {
        PrinterStatus status = EscPosStatus.decode(0x1A, 0x12, 0x12, 0x12);

        assertThat(status.online()).isFalse();
        assertThat(status.conditions()).containsExactly(Condition.HARDWARE_FAULT);
        assertThat(status.blockingProblem()).contains(Condition.HARDWARE_FAULT);
    }

    @Test
    void theOrderAPersonFixesThingsIn() {
        PrinterStatus everything = new PrinterStatus(false, true, true, true, true, true, false);

        assertThat(everything.blockingProblem()).contains(Condition.COVER_OPEN);
    }

    @Test
    void encodeOfTheUsualStatuses() {
        assertThat(Bytes.hex(EscPosStatus.encode(PrinterStatus.READY))).isEqualTo("12 12 12 12");
        assertThat(Bytes.hex(EscPosStatus.encode(new PrinterStatus(false, true, true, false, false, false, false))))
                .isEqualTo("1A 32 12 7E");
    }

    static Stream<PrinterStatus> everyCombinationOfFlags() {
        List<PrinterStatus> all = new ArrayList<>();
        for (int bits = 0; bits < 128; bits++) {
            all.add(new PrinterStatus(
                    (bits & 1) != 0,
                    (bits & 2) != 0,
                    (bits & 4) != 0,
                    (bits & 8) != 0,
                    (bits & 16) != 0,
                    (bits & 32) != 0,
                    (bits & 64) != 0));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyCombinationOfFlags")
    void encodeThenDecodeGivesTheSameStatus(PrinterStatus status) {
        byte[] bytes = EscPosStatus.encode(status);

        assertThat(bytes).hasSize(4);
        for (byte b : bytes) {
            assertThat(EscPosStatus.wellFormed(b & 0xFF))
                    .as("0x%02X well formed", b & 0xFF)
                    .isTrue();
        }
        assertThat(EscPosStatus.decode(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF))
                .isEqualTo(status);
    }

    @Test
    void wellFormedMeansBits0And7ClearAndBits1And4Set() {
        for (int b = 0; b < 256; b++) {
            boolean expected = (b & 0x01) == 0 && (b & 0x80) == 0 && (b & 0x02) != 0 && (b & 0x10) != 0;
            assertThat(EscPosStatus.wellFormed(b)).as("0x%02X", b).isEqualTo(expected);
        }
        assertThat(EscPosStatus.wellFormed(0x12)).isTrue();
        assertThat(EscPosStatus.wellFormed(0x7E)).isTrue();
        assertThat(EscPosStatus.wellFormed(0x00)).isFalse();
        assertThat(EscPosStatus.wellFormed(0x13)).isFalse();
        assertThat(EscPosStatus.wellFormed(0x92)).isFalse();
        assertThat(EscPosStatus.wellFormed(0x0A)).isFalse(); // a stray line feed is not a status
    }

    @Test
    void blockingProblemIsEmptyForPaperLowAlone() {
        assertThat(new PrinterStatus(true, true, false, false, false, false, false).blockingProblem())
                .isEqualTo(Optional.empty());
    }
}
