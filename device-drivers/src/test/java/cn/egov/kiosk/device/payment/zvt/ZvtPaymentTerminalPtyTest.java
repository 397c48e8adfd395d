package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentCode;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentResult.TransactionType;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.RefundRequest;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal.Fault;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZVT driver as the kiosk configures it ({@code driver: zvt} on a serial connection, the device
 * manager with the kiosk's own backoff), over a real pseudo-terminal pair (socat + jSerialComm) at
 * 9600 8N2, the virtual terminal on the other end keeping its journal in a file. T3 is 300 ms and
 * T4 1 s here (5 s and 180 s in a hall), so that resends and silences take a test a second.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ZvtPaymentTerminalPtyTest {
    private static final Duration SAFETY = Duration.ofSeconds(15);
    private static final VirtualZvtTerminal.Options FAST = VirtualZvtTerminal.Options.DEFAULTS
            .withCardDelay(Duration.ZERO)
            .withPause(Duration.ofMillis(2_000))
            .withTimers(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(3));

    @TempDir
    Path dir;

    private PtyPair socat;
    private SerialLink deviceEnd;
    private VirtualZvtTerminal terminal;
    private DeviceManager manager;
    private final List<String> said = new CopyOnWriteArrayList<>();

    @BeforeEach
    void wire() throws Exception {
        plugIn();
        startTerminal(FAST);
        DeviceSpec spec = new DeviceSpec(
                "pos",
                DeviceClass.PAYMENT_TERMINAL,
                "zvt",
                "serial:" + socat.hostPath(),
                Map.of("t3Ms", "300", "t4Ms", "1000", "answerTimeoutMs", "1000"));
        manager = new DeviceManager(
                List.of(spec),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemDefaultZone(), new SimulatorRegistry()),
                Backoff.DEFAULT);
        manager.start();
        awaitHealthy();
    }

    /** The cable: a pty pair, and the terminal's end (9600 8N2, as the driver's default). */
    private void plugIn() throws Exception {
        socat = PtyPair.start(dir.resolve("pty"));
        deviceEnd = new SerialLink(socat.devicePath(), 9600, 8, SerialLink.Parity.NONE, 2);
    }

    private void startTerminal(VirtualZvtTerminal.Options options) throws Exception {
        if (terminal != null) {
            terminal.stop();
        }
        terminal = new VirtualZvtTerminal(
                ZvtJournal.open(dir.resolve("terminal-journal.tsv")), options, Clock.systemDefaultZone());
        terminal.onEvent(said::add);
        terminal.serve(deviceEnd, true, "virtual-zvt");
    }

    private void awaitHealthy() {
        Await.until(
                () -> manager.health().allHealthy(),
                SAFETY,
                "the terminal healthy (" + manager.health().all() + ")");
    }

    @AfterEach
    void unwire() {
        manager.close();
        terminal.stop();
        socat.close();
    }

    private ZvtPaymentTerminal pos() {
        return (ZvtPaymentTerminal) manager.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class)
                .orElseThrow();
    }

    private static SaleRequest sale(String order, long fen) {
        return new SaleRequest(order, fen, Duration.ofSeconds(60));
    }

    private long stat(String name) {
        return pos().statistics().get(name);
    }

    @Test
    void aSaleIsApprovedWithItsReceiptTraceMaskedCardTerminalIdAndPrintLines() throws Exception {
        PaymentResult r = pos().sale(sale("ORDER-1", 12_345));

        assertThat(r.type()).isEqualTo(TransactionType.SALE);
        assertThat(r.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(r.resultCode()).isEqualTo("00");
        assertThat(r.orderReference()).isEqualTo("ORDER-1");
        assertThat(r.amountFen()).isEqualTo(12_345);
        assertThat(r.receiptNumber()).isEqualTo("0001");
        assertThat(r.traceNumber()).isEqualTo("000001");
        assertThat(r.maskedCardNumber()).isEqualTo("622202******1234");
        assertThat(r.terminalId()).isEqualTo("52000001");
        assertThat(r.time()).hasValueSatisfying(t -> assertThat(t.toLocalDate()).isEqualTo(LocalDate.now()));
        assertThat(r.printLines()).contains("SALE", "TID 52000001  RECEIPT 0001  TRACE 000001", "AMOUNT CNY 123.45");
        assertThat(pos().terminalId()).as("told at registration").isEqualTo("52000001");
        assertThat(terminal.journal().day()).singleElement().satisfies(e -> {
            assertThat(e.amountFen()).isEqualTo(12_345);
            assertThat(e.receipt()).isEqualTo("0001");
        });
        assertThat(stat("sales")).isEqualTo(1);
        ZvtPaymentTerminal.Exchange x = pos().lastExchange().orElseThrow();
        assertThat(x.command()).isEqualTo("AUTHORISATION");
        assertThat(x.end()).isEqualTo("COMPLETED");
        assertThat(x.messages().get(0)).satisfies(m -> {
            assertThat(m.fromTerminal()).isFalse();
            assertThat(m.name()).isEqualTo("AUTHORISATION");
            assertThat(m.bytes()).as("06 01 0C, BMP 01, 04, 49").isEqualTo(15);
            assertThat(m.atMillis()).isLessThan(1_000);
        });
        assertThat(x.messages())
                .extracting(ZvtPaymentTerminal.Message::name)
                .contains("ACK", "INTERMEDIATE_STATUS", "PRINT_LINE", "STATUS_INFORMATION", "COMPLETION");
        assertThat(x.bytesSent()).isGreaterThan(20);
        assertThat(x.resends()).isZero();
    }

    @Test
    void aDeclinedCardIsDeclinedAndNothingIsBooked() throws Exception {
        terminal.inject(Fault.DECLINED);

        PaymentResult r = pos().sale(sale("ORDER-2", 500));

        assertThat(r.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(r.resultCode()).isEqualTo("05");
        assertThat(r.receiptNumber()).isEmpty();
        assertThat(r.maskedCardNumber()).isEqualTo("622202******1234");
        assertThat(r.printLines()).containsExactly("DECLINED  CNY 5.00");
        assertThat(terminal.journal().day()).isEmpty();
        assertThat(stat("declines")).isEqualTo(1);
        assertThat(pos().sale(sale("ORDER-3", 500)).approved())
                .as("the decline was for one sale")
                .isTrue();
    }

    @Test
    void aFrameWithABadCrcIsNakedAndSentAgain() throws Exception {
        terminal.inject(Fault.BAD_CRC);

        PaymentResult r = pos().sale(sale("ORDER-4", 100));

        assertThat(r.approved()).isTrue();
        assertThat(r.receiptNumber()).isEqualTo("0001");
        assertThat(stat("naksSent")).isEqualTo(1);
        assertThat(terminal.counters().orElseThrow().naksReceived.get()).isEqualTo(1);
        assertThat(terminal.counters().orElseThrow().resends.get()).isEqualTo(1);
        assertThat(terminal.journal().day()).hasSize(1);
    }

    @Test
    void aLostAckMakesTheKioskSendItsCommandAgainAndTheSaleIsBookedOnce() throws Exception {
        terminal.inject(Fault.LOST_ACK);

        long started = System.nanoTime();
        PaymentResult r = pos().sale(sale("ORDER-5", 2_000));

        assertThat(r.approved()).isTrue();
        assertThat(stat("resends")).isEqualTo(1);
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("one T3 of 300 ms")
                .isGreaterThanOrEqualTo(300);
        assertThat(terminal.journal().day()).as("charged once").hasSize(1);
        assertThat(said).anyMatch(s -> s.contains("came again (its ACK was lost): not done twice"));
    }

    @Test
    void aFrameSentTwiceIsTakenOnce() throws Exception {
        terminal.inject(Fault.DUPLICATE_FRAME);

        PaymentResult r = pos().sale(sale("ORDER-6", 2_000));

        assertThat(r.approved()).isTrue();
        assertThat(stat("duplicateFrames")).isEqualTo(1);
        assertThat(r.printLines()).filteredOn(l -> l.startsWith("AMOUNT")).hasSize(1);
        assertThat(pos().status().ready()).as("the line is in step afterwards").isTrue();
    }

    @Test
    void aLostAnswerIsUnknownThenTheRepeatReceiptFindsTheChargeAndItsReceiptReversesIt() throws Exception {
        terminal.inject(Fault.LOSE_ANSWER);

        PaymentResult lost = pos().sale(sale("ORDER-7", 3_300));

        assertThat(lost.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(lost.receiptNumber()).isEmpty();
        assertThat(lost.message()).contains("ask for the last transaction");
        assertThat(terminal.journal().day()).as("the terminal booked it").hasSize(1);
        assertThat(stat("unknownOutcomes")).isEqualTo(1);

        PaymentResult last = pos().lastTransaction();
        assertThat(last.type()).isEqualTo(TransactionType.REPEAT);
        assertThat(last.approved()).isTrue();
        assertThat(last.amountFen()).isEqualTo(3_300);
        assertThat(last.receiptNumber()).isEqualTo("0001");
        assertThat(last.traceNumber()).isEqualTo("000001");
        assertThat(last.printLines()).startsWith("** COPY **");

        PaymentResult reversed = pos().reverse(new ReversalRequest("ORDER-7", last.receiptNumber(), SAFETY));
        assertThat(reversed.type()).isEqualTo(TransactionType.REVERSAL);
        assertThat(reversed.approved()).isTrue();
        assertThat(reversed.amountFen()).isEqualTo(3_300);
        assertThat(reversed.receiptNumber()).isEqualTo("0002");
        assertThat(terminal.journal().find("0001").orElseThrow().reversed()).isTrue();
    }

    @Test
    void aSaleIsReversedByItsReceiptOnceAndNotTwiceAndAReversalTheTerminalRefusesIsDeclined() throws Exception {
        PaymentResult sale = pos().sale(sale("ORDER-8", 800));

        PaymentResult first = pos().reverse(new ReversalRequest("ORDER-8", sale.receiptNumber(), SAFETY));
        PaymentResult again = pos().reverse(new ReversalRequest("ORDER-8", sale.receiptNumber(), SAFETY));

        assertThat(first.approved()).isTrue();
        assertThat(again.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(again.resultCode()).as("already reversed").isEqualTo("B4");
        assertThat(stat("reversals")).isEqualTo(1);

        PaymentResult other = pos().sale(sale("ORDER-9", 900));
        terminal.inject(Fault.REVERSAL_IMPOSSIBLE);
        PaymentResult refused = pos().reverse(new ReversalRequest("ORDER-9", other.receiptNumber(), SAFETY));
        assertThat(refused.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(refused.resultCode()).isEqualTo("B5");
        assertThat(terminal.journal().find(other.receiptNumber()).orElseThrow().reversed())
                .isFalse();
    }

    @Test
    void theEndOfDayTotalsWhatStayedChargedAndANewDayBegins() throws Exception {
        pos().sale(sale("A", 1_000));
        PaymentResult b = pos().sale(sale("B", 2_500));
        pos().sale(sale("C", 300));
        pos().reverse(new ReversalRequest("B", b.receiptNumber(), SAFETY));

        EndOfDay day = pos().endOfDay();

        assertThat(day.done()).isTrue();
        assertThat(day.resultCode()).isEqualTo("00");
        assertThat(day.count()).as("three sales and a reversal").isEqualTo(4);
        assertThat(day.totalFen()).isEqualTo(1_300);
        assertThat(day.terminalId()).isEqualTo("52000001");
        assertThat(day.time()).isPresent();
        assertThat(day.printLines()).contains("END OF DAY", "COUNT 4", "TOTAL CNY 13.00");
        assertThat(terminal.journal().closedDays())
                .singleElement()
                .satisfies(d -> assertThat(d.totalFen()).isEqualTo(1_300));
        PaymentResult none = pos().lastTransaction();
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_FOUND);
        PaymentResult refund = pos().refund(new RefundRequest("D", 200, SAFETY));
        assertThat(refund.type()).isEqualTo(TransactionType.REFUND);
        assertThat(refund.approved()).isTrue();
        assertThat(pos().endOfDay().count()).isEqualTo(1);
    }

    @Test
    void anAnswerAfterAPauseWithinT4IsTakenAndOneBeyondIsUnknownThenFound() throws Exception {
        startTerminal(FAST.withPause(Duration.ofMillis(600)));
        terminal.inject(Fault.SLOW);
        assertThat(pos().sale(sale("SLOW-1", 100)).approved())
                .as("600 ms, within T4")
                .isTrue();

        startTerminal(FAST.withPause(Duration.ofMillis(2_000)));
        terminal.inject(Fault.SLOW);
        PaymentResult late = pos().sale(sale("SLOW-2", 200));
        assertThat(late.outcome()).as("2 s, beyond T4").isEqualTo(Outcome.UNKNOWN);

        Thread.sleep(1_500); // the late answer comes while nobody listens
        PaymentResult last = pos().lastTransaction();
        assertThat(last.approved()).isTrue();
        assertThat(last.amountFen()).isEqualTo(200);
        assertThat(last.receiptNumber()).isEqualTo("0002");
        assertThat(terminal.journal().day()).hasSize(2);
    }

    @Test
    void aBusyTerminalRefusesTheSaleAndNothingIsCharged() throws Exception {
        terminal.inject(Fault.BUSY);

        assertThatThrownBy(() -> pos().sale(sale("BUSY-1", 100))).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BUSY);
            assertThat(e.is(PaymentCode.TERMINAL_BUSY)).isTrue();
        });
        assertThat(terminal.journal().day()).isEmpty();
        assertThat(pos().sale(sale("BUSY-2", 100)).approved()).isTrue();
    }

    @Test
    void anAbortStopsASaleWaitingForTheCard() throws Exception {
        startTerminal(FAST.withCardDelay(Duration.ofSeconds(20)));
        CompletableFuture<PaymentResult> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pos().sale(sale("ABORT-1", 100));
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until(terminal::waitingForCard, SAFETY, "the terminal waiting for the card");

        assertThat(pos().abort()).isTrue();

        PaymentResult r = waiting.get(10, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(r.resultCode()).isEqualTo("6C");
        assertThat(terminal.journal().day()).isEmpty();
        assertThat(pos().abort()).as("nothing running now").isFalse();
    }

    @Test
    void aTerminalThatAnswersNothingIsOfflineAndBackWhenItAnswersAgain() throws Exception {
        terminal.injectAlways(Fault.OFFLINE);

        assertThatThrownBy(() -> pos().status())
                .isInstanceOfSatisfying(
                        DeviceException.class,
                        e -> assertThat(e.is(PaymentCode.NO_ANSWER)).isTrue());
        Await.until(() -> manager.health().get("pos").orElseThrow().problem().isPresent(), SAFETY, "out of service");
        assertThat(stat("resends")).as("sent three times").isGreaterThanOrEqualTo(2);

        terminal.clear(Fault.OFFLINE);
        awaitHealthy();
        assertThat(pos().sale(sale("BACK-1", 100)).approved()).isTrue();
    }

    @Test
    void aCablePulledDuringASaleIsUnknownAndOfflineAndTheManagerReopensTheTerminal() throws Exception {
        startTerminal(FAST.withCardDelay(Duration.ofSeconds(20)));
        CompletableFuture<PaymentResult> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pos().sale(sale("PULLED-1", 4_200));
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until(terminal::waitingForCard, SAFETY, "the terminal waiting for the card");

        socat.kill();

        PaymentResult r = waiting.get(10, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(r.message()).contains("the link was lost");
        Await.until(() -> manager.health().get("pos").orElseThrow().problem().isPresent(), SAFETY, "out of service");
        assertThatThrownBy(() -> pos().status())
                .isInstanceOfSatisfying(
                        DeviceException.class,
                        e -> assertThat(e.code()).isIn(ErrorCode.OFFLINE, ErrorCode.SEQUENCE_ERROR));
        assertThat(pos().state()).isIn(DeviceState.OFFLINE, DeviceState.CLOSED);

        socat = PtyPair.start(dir.resolve("pty")); // the cable back, the same paths
        startTerminal(FAST);
        awaitHealthy();
        PaymentResult last = pos().lastTransaction();
        assertThat(last.outcome())
                .as("the card never came: nothing was charged")
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(pos().sale(sale("AFTER-1", 100)).approved()).isTrue();
        assertThat(pos().checkHealth(HealthLevel.EXTERNAL).healthy()).isTrue();
    }

    @Test
    void theTerminalsJournalSurvivesItsRestart() throws Exception {
        PaymentResult first = pos().sale(sale("J-1", 1_111));

        startTerminal(FAST); // the simulator stopped and started again on the same journal file

        PaymentResult last = pos().lastTransaction();
        assertThat(last.receiptNumber()).isEqualTo(first.receiptNumber());
        assertThat(last.amountFen()).isEqualTo(1_111);
        assertThat(pos().sale(sale("J-2", 2_222)).receiptNumber())
                .as("numbering goes on")
                .isEqualTo("0002");
        assertThat(ZvtJournal.open(dir.resolve("terminal-journal.tsv")).day()).hasSize(2);
    }

    @Test
    void anExternalHealthCheckAsksTheTerminal() throws Exception {
        assertThat(pos().checkHealth(HealthLevel.EXTERNAL).healthy()).isTrue();
        assertThat(pos().checkHealth(HealthLevel.EXTERNAL).text()).contains("terminal ready, status 00, TID 52000001");
        assertThat(pos().lastExchange().orElseThrow().command()).isEqualTo("STATUS_ENQUIRY");
        assertThat(pos().connection()).isEqualTo("serial:" + socat.hostPath() + "@9600 (ZVT)");
    }
}
