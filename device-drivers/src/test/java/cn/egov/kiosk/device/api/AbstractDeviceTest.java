package cn.egov.kiosk.device.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.idcard.IdReaderCode;
import cn.egov.kiosk.device.printer.PrinterCode;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AbstractDeviceTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);

    private final TestDevice device = new TestDevice("t1");
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void close() {
        device.close();
    }

    private TestDevice ready() throws DeviceException {
        device.open();
        device.claim(Duration.ofSeconds(1));
        device.enable();
        return device;
    }

    private static void assertCode(ThrowingCall call, ErrorCode code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    @Test
    void theFullLifecycleCallsTheHooksInOrder() throws DeviceException {
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);

        device.open();
        assertThat(device.state()).isEqualTo(DeviceState.IDLE);
        device.claim(Duration.ofSeconds(1));
        assertThat(device.isClaimed()).isTrue();
        device.enable();
        assertThat(device.isEnabled()).isTrue();
        assertThat(device.work(() -> "done")).isEqualTo("done");
        device.disable();
        assertThat(device.isEnabled()).isFalse();
        device.release();
        assertThat(device.isClaimed()).isFalse();
        device.close();

        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(device.hooks).containsExactly("open", "enable", "disable", "close");
    }

    @Test
    void callsBeforeOpenAreSequenceErrors() {
        assertCode(() -> device.claim(Duration.ofMillis(10)), ErrorCode.SEQUENCE_ERROR);
        assertCode(device::enable, ErrorCode.SEQUENCE_ERROR);
        assertCode(device::disable, ErrorCode.SEQUENCE_ERROR);
        assertCode(device::release, ErrorCode.SEQUENCE_ERROR);
        assertCode(() -> device.checkHealth(HealthLevel.INTERNAL), ErrorCode.SEQUENCE_ERROR);
        assertCode(() -> device.work(() -> 1), ErrorCode.SEQUENCE_ERROR);
        assertThat(device.hooks).isEmpty();
    }

    @Test
    void enableBeforeClaimIsASequenceError() throws DeviceException {
        device.open();

        assertThatThrownBy(device::enable)
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEQUENCE_ERROR))
                .hasMessage("device t1 is not claimed");
        assertThat(device.isEnabled()).isFalse();
    }

    @Test
    void operateBeforeEnableIsASequenceError() throws DeviceException {
        device.open();
        device.claim(Duration.ofSeconds(1));

        assertThatThrownBy(() -> device.work(() -> 1))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEQUENCE_ERROR))
                .hasMessage("device t1 is not enabled (work)");
    }

    @Test
    void openTwiceIsASequenceError() throws DeviceException {
        device.open();

        assertCode(device::open, ErrorCode.SEQUENCE_ERROR);
        assertThat(device.hooks).containsExactly("open");
    }

    @Test
    void aFailedOpenLeavesTheDeviceClosed() {
        device.openFailure = new DeviceException(ErrorCode.NO_HARDWARE, CommonCode.LINK_NOT_FOUND, "no such port");

        assertCode(device::open, ErrorCode.NO_HARDWARE);
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
    }

    @Test
    void closeFromEnabledDisablesAndReleases() throws DeviceException {
        ready();

        device.close();
        device.close(); // closing twice is harmless

        assertThat(device.hooks).containsExactly("open", "enable", "disable", "close");
        assertThat(device.isEnabled()).isFalse();
        assertThat(device.isClaimed()).isFalse();
        device.open();
        device.claim(Duration.ofMillis(10)); // the claim was given back
        assertThat(device.isClaimed()).isTrue();
    }

    @Test
    void releaseDisablesFirst() throws DeviceException {
        ready();

        device.release();

        assertThat(device.hooks).containsExactly("open", "enable", "disable");
        assertThat(device.isEnabled()).isFalse();
    }

    // ---- claims and busy -------------------------------------------------------------------------

    @Test
    void aSecondClaimIsBusyAfterTheTimeout() throws DeviceException {
        device.open();
        device.claim(Duration.ofSeconds(1));

        assertThatThrownBy(() -> device.claim(Duration.ofMillis(50)))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BUSY);
                    assertThat(e.extendedCode()).isEqualTo("CLAIMED");
                });
    }

    @Test
    void aClaimWaitsForTheHolderToRelease() throws Exception {
        device.open();
        device.claim(Duration.ofSeconds(1));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                device.claim(Duration.ofSeconds(30));
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });

        device.release();

        second.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(device.isClaimed()).isTrue();
    }

    @Test
    void aConcurrentOperationIsBusy() throws Exception {
        ready();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return device.work(() -> {
                    started.countDown();
                    await(finish);
                    return "first";
                });
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(SAFETY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        assertThat(device.state()).isEqualTo(DeviceState.BUSY);
        assertThatThrownBy(() -> device.work(() -> "second"))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY))
                .hasMessage("device t1 is busy");

        finish.countDown();
        assertThat(first.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("first");
        assertThat(device.state()).isEqualTo(DeviceState.IDLE);
        assertThat(device.work(() -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedOperationCountsAndFreesTheDevice() throws DeviceException {
        ready();

        assertCode(
                () -> device.work(() -> {
                    throw new DeviceException(ErrorCode.HARDWARE_ERROR, PrinterCode.JAM, "jammed");
                }),
                ErrorCode.HARDWARE_ERROR);

        assertThat(device.statistics().get(DeviceStatistics.FAILURES)).isEqualTo(1);
        assertThat(device.state()).isEqualTo(DeviceState.IDLE);
        assertThat(device.work(() -> 2)).isEqualTo(2);
    }

    @Test
    void whatIsNotTheDevicesFaultDoesNotCountAsAFailure() throws DeviceException {
        ready();

        for (DeviceException e : new DeviceException[] {
            new DeviceException(ErrorCode.USER_ERROR, IdReaderCode.LIFT_AND_PLACE_AGAIN, "card to lift"),
            new DeviceException(ErrorCode.CANCELLED, null, "cancelled"),
            new DeviceException(ErrorCode.TIMEOUT, CommonCode.NO_CARD, "nobody came"),
        }) {
            assertCode(
                    () -> device.work(() -> {
                        throw e;
                    }),
                    e.code());
        }
        assertThat(device.statistics().get(DeviceStatistics.FAILURES)).isZero();

        assertCode(
                () -> device.work(() -> {
                    throw new DeviceException(ErrorCode.TIMEOUT, IdReaderCode.NO_ANSWER, "silence");
                }),
                ErrorCode.TIMEOUT);
        assertThat(device.statistics().get(DeviceStatistics.FAILURES)).isEqualTo(1);
    }

    @Test
    void anOfflineDeviceRefusesWork() throws DeviceException {
        ready();
        device.condition(Condition.OFFLINE, true);

        assertCode(() -> device.work(() -> 1), ErrorCode.OFFLINE);
    }

    // ---- conditions and state --------------------------------------------------------------------

    @Test
    void conditionsDriveTheState() throws DeviceException {
        ready();

        device.condition(Condition.OFFLINE, true);
        assertThat(device.state()).isEqualTo(DeviceState.OFFLINE);
        device.condition(Condition.JAM, true);
        assertThat(device.state()).isEqualTo(DeviceState.OFFLINE); // offline wins
        device.condition(Condition.OFFLINE, false);
        assertThat(device.state()).isEqualTo(DeviceState.ERROR);
        device.condition(Condition.JAM, false);
        assertThat(device.state()).isEqualTo(DeviceState.IDLE);
        device.condition(Condition.CUTTER_ERROR, true);
        assertThat(device.state()).isEqualTo(DeviceState.ERROR);
        device.condition(Condition.CUTTER_ERROR, false);
        device.condition(Condition.HARDWARE_FAULT, true);
        assertThat(device.state()).isEqualTo(DeviceState.ERROR);
        device.condition(Condition.HARDWARE_FAULT, false);
        device.condition(Condition.PAPER_OUT, true);
        assertThat(device.state()).isEqualTo(DeviceState.IDLE); // paper out is a condition of an idle device
        assertThat(device.conditions()).containsExactly(Condition.PAPER_OUT);
    }

    @Test
    void healthFollowsBlockingConditions() throws DeviceException {
        ready();

        assertThat(device.checkHealth(HealthLevel.INTERNAL).healthy()).isTrue();
        device.condition(Condition.CARD_PRESENT, true);
        HealthReport cardIn = device.checkHealth(HealthLevel.INTERNAL);
        assertThat(cardIn.healthy()).isTrue();
        assertThat(cardIn.text()).isEqualTo("idle; card-present");

        device.condition(Condition.PAPER_OUT, true);
        HealthReport paperOut = device.checkHealth(HealthLevel.EXTERNAL);
        assertThat(paperOut.healthy()).isFalse();
        assertThat(paperOut.level()).isEqualTo(HealthLevel.EXTERNAL);
        assertThat(paperOut.text()).isEqualTo("idle; paper-out; card-present");
        assertThat(device.lastHealth()).contains(paperOut);
    }

    @Test
    void checkHealthTurnsADeviceExceptionIntoAnUnhealthyReport() throws DeviceException {
        ready();
        device.healthFailure =
                new DeviceException(ErrorCode.HARDWARE_ERROR, PrinterCode.PRINTER_FAULT, "self-test failed");

        HealthReport report = device.checkHealth(HealthLevel.EXTERNAL);

        assertThat(report.healthy()).isFalse();
        assertThat(report.text()).isEqualTo("HARDWARE_ERROR/PRINTER_FAULT: self-test failed");
        assertThat(device.lastHealth()).contains(report);
    }

    @Test
    void checkHealthPassesSequenceErrorsOn() throws DeviceException {
        ready();
        device.healthFailure = new DeviceException(ErrorCode.SEQUENCE_ERROR, "not now");

        assertCode(() -> device.checkHealth(HealthLevel.EXTERNAL), ErrorCode.SEQUENCE_ERROR);
    }

    // ---- events ----------------------------------------------------------------------------------

    @Test
    void eventsAreNumberedInOrderAndDeliveredOnTheDeviceEventThread() throws DeviceException {
        device.addListener(events);

        ready();
        device.condition(Condition.PAPER_OUT, true);
        device.condition(Condition.PAPER_OUT, false);
        device.linkLost(new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, "cable pulled"));
        device.linkLost(new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, "still pulled")); // no new events
        device.condition(Condition.OFFLINE, false);
        device.data("1234567890");
        device.close();
        Await.until(() -> events.events().size() == 10, SAFETY, "ten events (got " + events.events() + ")");

        List<DeviceEvent> all = events.events();
        assertThat(all).extracting(DeviceEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(all).extracting(DeviceEvent::deviceId).containsOnly("t1");
        assertThat(all)
                .extracting(AbstractDeviceTest::describe)
                .containsExactly(
                        "state CLOSED->IDLE",
                        "status paper-out",
                        "status paper-loaded",
                        "state IDLE->OFFLINE",
                        "status offline",
                        "error OFFLINE/LINK_LOST: cable pulled",
                        "state OFFLINE->IDLE",
                        "status online",
                        "data 1234567890",
                        "state IDLE->CLOSED");
        assertThat(events.threadNames()).containsOnly("device-t1-events");
        assertThat(events.threadNames()).doesNotContain(Thread.currentThread().getName());
    }

    private static String describe(DeviceEvent event) {
        if (event instanceof DeviceEvent.StateEvent s) {
            return "state " + s.from() + "->" + s.to();
        } else if (event instanceof DeviceEvent.StatusEvent s) {
            return "status " + s.name();
        } else if (event instanceof DeviceEvent.ErrorEvent e) {
            return "error " + e.error().summary();
        } else if (event instanceof DeviceEvent.DataEvent d) {
            return "data " + d.payload();
        } else if (event instanceof DeviceEvent.OutputCompleteEvent o) {
            return "output " + o.jobId();
        }
        return event.toString();
    }

    @Test
    void aListenerThatThrowsDoesNotBreakDelivery() throws DeviceException {
        device.addListener(event -> {
            throw new IllegalStateException("a broken listener");
        });
        device.addListener(events);

        ready();
        device.condition(Condition.PAPER_LOW, true);
        device.condition(Condition.PAPER_LOW, false);

        Await.until(() -> events.statusNames().size() == 2, SAFETY, "both status events");
        assertThat(events.statusNames()).containsExactly("paper-low", "paper-ok");
        assertThat(events.events()).extracting(DeviceEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRemovedListenerHearsNothingMore() throws DeviceException {
        device.addListener(events);
        ready();
        Await.until(() -> events.events().size() == 1, SAFETY, "the open event");

        device.removeListener(events);
        device.condition(Condition.PAPER_LOW, true);
        device.data("x");

        RecordingListener marker = new RecordingListener();
        device.addListener(marker);
        device.data("after");
        marker.awaitEvent(DeviceEvent.DataEvent.class, e -> true, SAFETY, "the marker event");
        assertThat(events.events()).hasSize(1);
    }

    @Test
    void eventsCarryTheClockTime() throws DeviceException {
        MutableClock clock = new MutableClock(Instant.parse("2024-06-01T08:30:00Z"));
        TestDevice timed = new TestDevice("t3", StatisticsStore.NONE, clock);
        timed.addListener(events);
        try {
            timed.open();
            Await.until(() -> events.events().size() == 1, SAFETY, "the open event");

            assertThat(events.events().get(0).timestamp()).isEqualTo(Instant.parse("2024-06-01T08:30:00Z"));
        } finally {
            timed.close();
        }
    }

    // ---- statistics ------------------------------------------------------------------------------

    @Test
    void timeOnlineCountsFromOpenToCloseAndStopsWhileOffline() throws DeviceException {
        MutableClock clock = new MutableClock(Instant.parse("2024-06-01T08:00:00Z"));
        TestDevice timed = new TestDevice("t4", StatisticsStore.NONE, clock);
        timed.open();
        clock.advance(Duration.ofMinutes(10));
        timed.linkLost(new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, "pulled"));
        clock.advance(Duration.ofMinutes(5)); // offline: not counted
        timed.condition(Condition.OFFLINE, false);
        clock.advance(Duration.ofMinutes(1));
        timed.close();
        clock.advance(Duration.ofHours(1)); // closed: not counted

        assertThat(timed.statistics().get(DeviceStatistics.SECONDS_ONLINE)).isEqualTo(11 * 60);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
