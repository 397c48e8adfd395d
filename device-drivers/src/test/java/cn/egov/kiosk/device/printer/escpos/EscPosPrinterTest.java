package cn.egov.kiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.printer.PrinterStatus;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ESC/POS driver over an in-memory cable, with a virtual printer at the far end: as the
 * simulator wires it ({@code SimulatorDriverProvider}).
 */
class EscPosPrinterTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);
    /** Polling effectively off, so that only the test's calls talk to the printer. */
    private static final EscPosPrinter.Options NO_POLLING =
            new EscPosPrinter.Options(48, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofHours(1));

    static final ReceiptDocument TICKET = ReceiptDocument.builder("queue-ticket")
            .text(
                    "政务服务中心",
                    TextStyle.NORMAL.aligned(Align.CENTER).withBold(true).sized(2, 2))
            .text("A001", TextStyle.NORMAL.aligned(Align.CENTER).sized(3, 3))
            .text("前面还有 3 人")
            .qr("https://zwfw.example.cn/q?no=A001", 6, Align.CENTER)
            .feed(2)
            .cut()
            .build();

    private PipeLink.Pair cable;
    private VirtualEscPosPrinter virtual;
    private EscPosPrinter printer;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void wire() {
        cable = PipeLink.pair("p1");
        virtual = new VirtualEscPosPrinter();
        virtual.serve(cable.device(), "virtual-p1");
        Await.until(cable.device()::isOpen, SAFETY, "the virtual printer to open its end of the cable");
    }

    @AfterEach
    void unwire() {
        if (printer != null) {
            printer.close();
        }
        virtual.stop();
    }

    private EscPosPrinter printer(EscPosPrinter.Options options) {
        printer = new EscPosPrinter("p1", "escpos", cable.host(), options, StatisticsStore.NONE, Clock.systemUTC());
        printer.addListener(events);
        return printer;
    }

    private EscPosPrinter readyPrinter(EscPosPrinter.Options options) throws DeviceException {
        EscPosPrinter p = printer(options);
        p.open();
        p.claim(Duration.ofSeconds(1));
        p.enable();
        return p;
    }

    @Test
    void lifecycle() throws DeviceException {
        EscPosPrinter p = printer(NO_POLLING);
        assertThat(p.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(p.connection()).isEqualTo("pipe:p1/host");
        assertThat(p.columns()).isEqualTo(48);

        p.open();
        assertThat(p.state()).isEqualTo(DeviceState.IDLE);
        assertThatThrownBy(() -> p.print(TICKET))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEQUENCE_ERROR));

        p.claim(Duration.ofSeconds(1));
        p.enable();
        p.print(TICKET);
        p.disable();
        assertThatThrownBy(() -> p.print(TICKET))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEQUENCE_ERROR));
        p.release();
        p.close();

        assertThat(p.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(p.link().isOpen()).isFalse();
        Await.until(() -> events.stateChanges().contains("IDLE->CLOSED"), SAFETY, "the closed event");
        assertThat(events.stateChanges()).containsExactly("CLOSED->IDLE", "IDLE->BUSY", "BUSY->IDLE", "IDLE->CLOSED");
    }

    @Test
    void printSendsExactlyTheEncodersBytes() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);

        PrintOutcome outcome = p.print(TICKET);

        byte[] expected = new EscPosEncoder().encode(TICKET);
        assertThat(Bytes.hex(virtual.received())).isEqualTo(Bytes.hex(EscPosPrinterTest.onTheWire(expected)));
        assertThat(outcome.bytesSent()).isEqualTo(expected.length);
        assertThat(outcome.statusAfter()).isEqualTo(PrinterStatus.READY);
        assertThat(outcome.jobId()).isNotBlank();
        DeviceEvent.OutputCompleteEvent done =
                events.awaitEvent(DeviceEvent.OutputCompleteEvent.class, e -> true, SAFETY, "output complete");
        assertThat(done.jobId()).isEqualTo(outcome.jobId());
        assertThat(new EscPosDecoder().decode(virtual.received()).document().elements())
                .containsExactlyElementsOf(TICKET.elements());
    }

    @Test
    void openFailsWhenNothingAnswers() {
        virtual.setMute(true);
        EscPosPrinter p = printer(NO_POLLING);

        assertThatThrownBy(p::open)
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NO_HARDWARE);
                    assertThat(e.extendedCode()).isEqualTo("NO_STATUS_ANSWER");
                })
                .hasMessageContaining("no ESC/POS printer answers on pipe:p1/host");
        assertThat(p.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(p.link().isOpen()).isFalse();
    }

    @Test
    void openFailsWhenTheCableIsPulled() {
        cable.sever();
        EscPosPrinter p = printer(NO_POLLING);

        assertThatThrownBy(p::open).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_HARDWARE);
            assertThat(e.extendedCode()).isEqualTo("LINK_NOT_FOUND");
        });
    }

    @Test
    void paperOutBeforeTheJobRefusesItAndPrintsNothing() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        virtual.setPaperOut(true);

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isFalse();
            assertThat(e.code()).isEqualTo(ErrorCode.HARDWARE_ERROR);
            assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
        });
        assertThat(virtual.received()).isEmpty();
        assertThat(p.conditions()).contains(Condition.PAPER_OUT);
        assertThat(p.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void paperOutDuringTheJobFailsItAsStarted() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        virtual.runOutAfter(20);

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isTrue();
            assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
        });
        assertThat(virtual.received()).isEqualTo(onTheWire(new EscPosEncoder().encode(TICKET)));
        assertThat(p.conditions()).contains(Condition.PAPER_OUT);
    }

    @Test
    void coverOpenRefusesTheJob() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        virtual.setCoverOpen(true);

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isFalse();
            assertThat(e.extendedCode()).isEqualTo("COVER_OPEN");
        });
        assertThat(p.conditions()).containsExactly(Condition.COVER_OPEN);
        assertThat(virtual.received()).isEmpty();
    }

    @Test
    void cutterJamRefusesTheJobAndPutsThePrinterInError() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        virtual.setCutterJam(true);

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isFalse();
            assertThat(e.extendedCode()).isEqualTo("CUTTER_ERROR");
        });
        assertThat(p.state()).isEqualTo(DeviceState.ERROR);

        virtual.setCutterJam(false);
        p.queryStatus();
        assertThat(p.state()).isEqualTo(DeviceState.IDLE);
        p.print(TICKET);
        assertThat(virtual.received()).isEqualTo(onTheWire(new EscPosEncoder().encode(TICKET)));
    }

    @Test
    void aPrinterThatStopsAnsweringGoesOffline() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        virtual.setMute(true);

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
            assertThat(e.extendedCode()).isEqualTo("NO_STATUS_ANSWER");
        });
        assertThat(p.state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(p.conditions()).contains(Condition.OFFLINE);
        assertThat(virtual.received()).isEmpty();
        events.awaitStatus("offline", SAFETY);
        DeviceEvent.ErrorEvent error =
                events.awaitEvent(DeviceEvent.ErrorEvent.class, e -> true, SAFETY, "an error event");
        assertThat(error.error().extendedCode()).isEqualTo("NO_STATUS_ANSWER");

        // an offline printer refuses work at once; the device manager reopens it
        assertThatThrownBy(() -> p.print(TICKET))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
    }

    @Test
    void aPulledCableDuringWorkGoesOffline() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        cable.sever();

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
            assertThat(e.extendedCode()).isEqualTo("LINK_LOST");
        });
        assertThat(p.state()).isEqualTo(DeviceState.OFFLINE);
    }

    @Test
    void pollingReportsPaperConditionsWhileIdleOnTheEventThread() throws DeviceException {
        readyPrinter(
                new EscPosPrinter.Options(48, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(20)));

        virtual.setPaperOut(true);
        events.awaitStatus("paper-out", SAFETY);
        virtual.setPaperOut(false);
        events.awaitStatus("paper-loaded", SAFETY);
        virtual.setPaperLow(true);
        events.awaitStatus("paper-low", SAFETY);
        virtual.setPaperOut(false); // a new roll
        events.awaitStatus("paper-ok", SAFETY);

        assertThat(events.statusNames()).containsExactly("paper-out", "paper-loaded", "paper-low", "paper-ok");
        assertThat(events.threadNames())
                .isNotEmpty()
                .allMatch("device-p1-events"::equals)
                .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void closingWhilePollingIsNotMistakenForALostLink() throws DeviceException {
        EscPosPrinter.Options busyPolling =
                new EscPosPrinter.Options(48, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(1));
        EscPosPrinter p = printer(busyPolling);
        for (int round = 0; round < 200; round++) {
            p.open();
            p.claim(Duration.ofSeconds(1));
            p.enable(); // polls every millisecond
            // not a wait for anything: spreads the closes over the poll cycle, some land mid-poll
            LockSupport.parkNanos((round % 20) * 100_000L);
            p.close();
        }

        Await.until(
                () -> events.stateChanges().stream()
                                .filter(c -> c.endsWith("->CLOSED"))
                                .count()
                        == 200,
                SAFETY,
                "all the closed events");
        assertThat(events.statusNames()).doesNotContain("offline");
        assertThat(events.events(DeviceEvent.ErrorEvent.class)).isEmpty();
    }

    @Test
    void statusReadAtOpenIsApplied() throws DeviceException {
        virtual.setPaperLow(true);
        EscPosPrinter p = printer(NO_POLLING);

        p.open();

        assertThat(p.conditions()).containsExactly(Condition.PAPER_LOW);
        assertThat(p.state()).isEqualTo(DeviceState.IDLE);
        p.claim(Duration.ofSeconds(1));
        p.enable();
        assertThat(p.conditions()).containsExactly(Condition.PAPER_LOW);
    }

    @Test
    void statisticsCountPrintsCutsBytesAndFailures() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        int size = new EscPosEncoder().encode(TICKET).length;

        p.print(TICKET);
        p.print(TICKET);
        virtual.setPaperOut(true);
        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOf(PrintFailedException.class);

        DeviceStatistics stats = p.statistics();
        assertThat(stats.get(DeviceStatistics.PRINTS)).isEqualTo(2);
        assertThat(stats.get(DeviceStatistics.CUTS)).isEqualTo(2);
        assertThat(stats.get(DeviceStatistics.BYTES_WRITTEN)).isEqualTo(2L * size);
        assertThat(stats.get(DeviceStatistics.FAILURES)).isEqualTo(1);
    }

    @Test
    void queryStatusAsksThePrinter() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);
        virtual.setCoverOpen(true);

        PrinterStatus status = p.queryStatus();

        assertThat(status).isEqualTo(virtual.status());
        assertThat(p.conditions()).containsExactly(Condition.COVER_OPEN);
    }

    @Test
    void healthChecks() throws DeviceException {
        EscPosPrinter p = readyPrinter(NO_POLLING);

        HealthReport internal = p.checkHealth(HealthLevel.INTERNAL);
        assertThat(internal.healthy()).isTrue();
        assertThat(internal.text()).isEqualTo("idle");
        assertThat(virtual.received()).isEmpty();

        virtual.setPaperOut(true);
        HealthReport external = p.checkHealth(HealthLevel.EXTERNAL);
        assertThat(external.healthy()).isFalse();
        assertThat(external.text()).isEqualTo("idle; paper-out (printer offline, paper out)");
        assertThat(p.lastHealth()).contains(external);

        virtual.setPaperOut(false);
        HealthReport interactive = p.checkHealth(HealthLevel.INTERACTIVE);
        assertThat(interactive.healthy()).isTrue();
        assertThat(new EscPosDecoder().decode(virtual.received()).document().lines())
                .first()
                .isEqualTo("ESC/POS TEST 打印测试");
    }

    @Test
    void testPageFitsTheColumns() {
        EscPosPrinter p = printer(
                new EscPosPrinter.Options(32, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofHours(1)));

        assertThat(p.testPage().lines()).contains("0123456789".repeat(3));
        assertThat(p.testPage().qrPayloads()).containsExactly("TEST:p1");
    }

    @Test
    @Timeout(20)
    void aJobIsDoneOnlyWhenThePrinterHasPrintedIt() throws DeviceException {
        virtual.setLineDelay(Duration.ofMillis(30));
        EscPosPrinter p = readyPrinter(NO_POLLING);

        p.print(TICKET);

        // print() returned: the mechanism has printed every byte of the job (and the end-of-job request)
        assertThat(virtual.printedBytes()).isEqualTo(onTheWire(new EscPosEncoder().encode(TICKET)).length);
    }

    @Test
    @Timeout(20)
    void paperRunningOutWhileASlowPrinterPrintsFailsTheJobWithoutWaitingForTheTimeout() throws DeviceException {
        virtual.setLineDelay(Duration.ofMillis(30));
        // a job timeout far longer than the test's safety net: only the status probes can end the wait
        EscPosPrinter p = readyPrinter(
                new EscPosPrinter.Options(48, Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofHours(1)));
        virtual.runOutAfter(40);

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isTrue();
            assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
        });

        // the driver cleared what the stopped printer held; refilled, it does not print the rest later
        Await.until(() -> virtual.bufferedBytes() == 0, SAFETY, "the printer's buffer cleared (DLE ENQ 2)");
        long printed = virtual.printedBytes();
        virtual.setPaperOut(false);
        Await.until(() -> virtual.status().online(), SAFETY, "the printer back online");
        p.queryStatus();
        assertThat(virtual.printedBytes()).isEqualTo(printed);
    }

    @Test
    @Timeout(20)
    void aPrinterThatNeverConfirmsTheJobFailsItWhenTheJobTimeoutEnds() throws DeviceException {
        EscPosPrinter p = readyPrinter(
                new EscPosPrinter.Options(48, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofHours(1)));
        virtual.setLineDelay(Duration.ofSeconds(5)); // far slower than the job timeout allows

        assertThatThrownBy(() -> p.print(TICKET)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isTrue();
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.extendedCode()).isEqualTo("JOB_NOT_CONFIRMED");
        });
    }

    /**
     * What the driver sends for a job: the document's bytes, then {@code GS r 1}, the in-sequence
     * request the printer answers once the job is on paper.
     */
    static byte[] onTheWire(byte[] document) {
        byte[] all = Arrays.copyOf(document, document.length + EscPos.IN_SEQUENCE_PAPER_STATUS.length);
        System.arraycopy(
                EscPos.IN_SEQUENCE_PAPER_STATUS, 0, all, document.length, EscPos.IN_SEQUENCE_PAPER_STATUS.length);
        return all;
    }
}
