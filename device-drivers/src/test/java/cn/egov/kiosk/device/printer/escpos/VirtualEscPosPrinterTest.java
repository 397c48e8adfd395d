package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.printer.PrinterStatus;
import cn.egov.kiosk.device.testkit.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualEscPosPrinterTest {
    private static final int DLE = 0x10;
    private static final int EOT = 0x04;
    private static final Duration SAFETY = Duration.ofSeconds(5);

    private final VirtualEscPosPrinter printer = new VirtualEscPosPrinter();

    private byte[] accept(byte[] data) {
        return printer.accept(data, 0, data.length);
    }

    @Test
    void answersEachStatusRequestWithItsByte() {
        byte[] answer = accept(EscPos.FULL_STATUS_REQUEST);

        assertThat(Bytes.hex(answer)).isEqualTo("12 12 12 12");
        assertThat(printer.received()).isEmpty();
    }

    @Test
    void answersInTheOrderAsked() {
        printer.setPaperOut(true);

        byte[] answer = accept(Bytes.of(DLE, EOT, 4, DLE, EOT, 1));

        byte[] status = EscPosStatus.encode(printer.status());
        assertThat(answer).containsExactly(status[3], status[0]);
    }

    @Test
    void keepsPrintDataWithoutTheStatusRequests() {
        byte[] answer = accept(Bytes.of("取号", DLE, EOT, 2, 0x0A, DLE, EOT, 3));

        assertThat(answer).hasSize(2);
        assertThat(Bytes.hex(printer.received())).isEqualTo(Bytes.hex(Bytes.of("取号", 0x0A)));
    }

    @Test
    void aStatusRequestSplitAcrossWritesIsStillAnswered() {
        assertThat(accept(Bytes.of("a", DLE))).isEmpty();
        assertThat(accept(Bytes.of(EOT))).isEmpty();
        assertThat(Bytes.hex(accept(Bytes.of(1, "b")))).isEqualTo("12");

        assertThat(printer.received()).isEqualTo(Bytes.of("ab"));
    }

    @Test
    void dleThatIsNotAStatusRequestIsPrintData() {
        byte[] answer = accept(Bytes.of(DLE, 'x', DLE, EOT, 9, DLE, DLE, EOT, 1));

        assertThat(Bytes.hex(answer)).isEqualTo("12");
        assertThat(Bytes.hex(printer.received())).isEqualTo(Bytes.hex(Bytes.of(DLE, 'x', DLE, EOT, 9, DLE)));
    }

    @Test
    void statusFollowsTheControls() {
        printer.setPaperLow(true);
        assertThat(printer.status()).isEqualTo(new PrinterStatus(true, true, false, false, false, false, false));

        printer.setPaperOut(true);
        assertThat(printer.status()).isEqualTo(new PrinterStatus(false, true, true, false, false, false, false));

        printer.setPaperOut(false); // a new roll: neither out nor low
        assertThat(printer.status()).isEqualTo(PrinterStatus.READY);

        printer.setCoverOpen(true);
        assertThat(printer.status()).isEqualTo(new PrinterStatus(false, false, false, true, false, false, false));
        printer.setCoverOpen(false);

        printer.setCutterJam(true);
        assertThat(printer.status()).isEqualTo(new PrinterStatus(false, false, false, false, true, false, false));
        printer.setCutterJam(false);
        assertThat(printer.status()).isEqualTo(PrinterStatus.READY);
    }

    @Test
    void theAnswerDecodesToTheStatus() {
        printer.setCoverOpen(true);
        printer.setPaperLow(true);

        byte[] a = accept(EscPos.FULL_STATUS_REQUEST);

        assertThat(EscPosStatus.decode(a[0] & 0xFF, a[1] & 0xFF, a[2] & 0xFF, a[3] & 0xFF))
                .isEqualTo(printer.status());
    }

    @Test
    void runOutAfterFlipsPaperOutAfterThatManyBytes() {
        printer.runOutAfter(5);

        accept(Bytes.of("1234"));
        assertThat(printer.status().paperOut()).isFalse();
        accept(EscPos.FULL_STATUS_REQUEST); // status requests are not paper
        assertThat(printer.status().paperOut()).isFalse();

        byte[] answer = accept(Bytes.of("5", DLE, EOT, 4));

        assertThat(printer.status().paperOut()).isTrue();
        assertThat(EscPosStatus.decode(0x12, 0x12, 0x12, answer[0] & 0xFF).paperOut())
                .isTrue();
        accept(Bytes.of("678")); // what comes after is still recorded: the host sent it
        assertThat(printer.received()).isEqualTo(Bytes.of("12345678"));
    }

    @Test
    void refillCancelsAPendingRunOut() {
        printer.runOutAfter(2);
        printer.setPaperOut(false);

        accept(Bytes.of("abc"));

        assertThat(printer.status().paperOut()).isFalse();
    }

    @Test
    void aMutePrinterAnswersNothingButStillPrints() {
        printer.setMute(true);

        assertThat(accept(Bytes.of("x", DLE, EOT, 1))).isEmpty();
        assertThat(printer.received()).isEqualTo(Bytes.of("x"));

        printer.setMute(false);
        assertThat(accept(Bytes.of(DLE, EOT, 1))).hasSize(1);
    }

    @Test
    void clearReceivedForgetsThePrintData() {
        accept(Bytes.of("abc"));

        printer.clearReceived();

        assertThat(printer.received()).isEmpty();
    }

    @Test
    void servesALinkAndReopensItAfterTheCableIsBack() throws LinkException {
        PipeLink.Pair cable = PipeLink.pair("virtual");
        printer.serve(cable.device(), "virtual-printer");
        try {
            Await.until(cable.device()::isOpen, SAFETY, "the virtual printer to open its end");
            PipeLink host = cable.host();
            host.open();
            host.write(Bytes.of("hi", DLE, EOT, 1));
            assertThat(host.readExactly(1, SAFETY)).containsExactly(0x12);
            assertThat(printer.received()).isEqualTo(Bytes.of("hi"));

            cable.sever();
            cable.restore();
            host.open();
            Await.until(
                    () -> {
                        try {
                            host.write(EscPos.statusRequest(1));
                            return host.read(new byte[1], 0, 1, Duration.ofMillis(50)) == 1;
                        } catch (LinkException e) {
                            return false;
                        }
                    },
                    SAFETY,
                    "the virtual printer to answer again after the cable is back");
        } finally {
            printer.stop();
        }
    }

    // ---- the mechanism: in-sequence answers, print speed, stops ----------------------------------

    @Test
    void answersGsR1OnlyOnceEverythingBeforeItIsPrinted() throws Exception {
        printer.setLineDelay(Duration.ofMillis(40));

        byte[] now = accept(Bytes.of("line 1", 0x0A, "line 2", 0x0A, "line 3", 0x0A, 0x1D, 'r', 1, DLE, EOT, 1));

        // the real-time request is answered at once, while the lines are still being printed
        assertThat(Bytes.hex(now)).isEqualTo("12");
        assertThat(printer.takeInSequenceAnswers()).isEmpty();
        assertThat(printer.awaitIdle(SAFETY)).isTrue();
        assertThat(Bytes.hex(printer.takeInSequenceAnswers())).isEqualTo("00");
        assertThat(printer.printedBytes()).isEqualTo(24);
    }

    @Test
    void aPrinterOutOfPaperMidJobNeverAnswersTheEndOfJobRequest() throws Exception {
        printer.runOutAfter(5);

        accept(Bytes.of("1234567890", 0x0A, 0x1D, 'r', 1));

        assertThat(printer.awaitIdle(SAFETY)).isTrue();
        assertThat(printer.takeInSequenceAnswers()).isEmpty();
        assertThat(printer.printedBytes()).isLessThanOrEqualTo(5);
        assertThat(printer.status().paperOut()).isTrue();
    }

    @Test
    void dleEnq2ClearsWhatAStoppedPrinterStillHolds() throws Exception {
        printer.runOutAfter(3);
        accept(Bytes.of("abcdefgh", 0x0A, 0x1D, 'r', 1));
        printer.awaitIdle(SAFETY);
        long printedBeforeRefill = printer.printedBytes();

        accept(Bytes.of(DLE, 0x05, 2)); // recover and clear the buffers
        printer.setPaperOut(false);

        assertThat(printer.awaitIdle(SAFETY)).isTrue();
        assertThat(printer.printedBytes()).isEqualTo(printedBeforeRefill);
        assertThat(printer.takeInSequenceAnswers()).isEmpty();
    }

    @Test
    void gsR1ReportsPaperNearEnd() throws Exception {
        printer.setPaperLow(true);
        accept(Bytes.of(0x1D, 'r', 1));
        printer.awaitIdle(SAFETY);
        assertThat(Bytes.hex(printer.takeInSequenceAnswers())).isEqualTo("03");
        assertThat(EscPos.isInSequenceAnswer(0x03)).isTrue();
        assertThat(EscPos.isInSequenceAnswer(0x12)).isFalse();
    }
}
