package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Heartbeat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Which device changes are urgent, and how a flapping device is kept from flooding the platform. */
class UrgentReportsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private final List<Duration> delays = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private int sent;
    private final UrgentReports reports = new UrgentReports(
            clock,
            ZoneId.of("Asia/Shanghai"),
            Duration.ofSeconds(10),
            (delay, task) -> {
                delays.add(delay);
                tasks.add(task);
            },
            () -> sent++);

    private static DeviceHealth printer(DeviceState state, Set<Condition> conditions, Optional<HealthProblem> problem) {
        return new DeviceHealth(
                "ticket-printer",
                DeviceClass.RECEIPT_PRINTER,
                "sim",
                "sim:",
                state,
                conditions,
                problem,
                "text",
                Map.of(),
                Instant.EPOCH);
    }

    private static DeviceHealth ok() {
        return printer(DeviceState.IDLE, Set.of(), Optional.empty());
    }

    private static DeviceHealth paperOut() {
        return printer(DeviceState.IDLE, Set.of(Condition.PAPER_OUT), Optional.of(HealthProblem.PAPER_OUT));
    }

    private void runDue() {
        List<Runnable> due = List.copyOf(tasks);
        tasks.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void theLevelsAndCodes() {
        assertThat(Heartbeats.healthOf(ok())).isEqualTo(new Heartbeat.Health(Heartbeat.Level.OK, null, "text"));
        assertThat(Heartbeats.healthOf(paperOut()).level()).isEqualTo(Heartbeat.Level.FAULT);
        assertThat(Heartbeats.healthOf(paperOut()).code()).isEqualTo("paper-out");
        assertThat(Heartbeats.healthOf(printer(DeviceState.IDLE, Set.of(Condition.PAPER_LOW), Optional.empty())))
                .isEqualTo(new Heartbeat.Health(Heartbeat.Level.WARNING, "paper-low", "text"));
        assertThat(Heartbeats.healthOf(printer(DeviceState.CLOSED, Set.of(), Optional.of(HealthProblem.STARTING)))
                        .level())
                .isEqualTo(Heartbeat.Level.WARNING);
        assertThat(Heartbeats.healthOf(printer(
                                DeviceState.OFFLINE, Set.of(Condition.OFFLINE), Optional.of(HealthProblem.OFFLINE)))
                        .code())
                .isEqualTo("offline");
    }

    @Test
    void theStartIsNotUrgentATroubleAndItsEndAre() {
        reports.accept(printer(DeviceState.CLOSED, Set.of(), Optional.of(HealthProblem.STARTING)));
        reports.accept(ok());
        assertThat(tasks).as("a device that starts and works").isEmpty();

        reports.accept(paperOut());
        assertThat(delays).as("the first urgent change goes at once").containsExactly(Duration.ZERO);
        runDue();
        assertThat(sent).isEqualTo(1);
        assertThat(reports.pending())
                .extracting(Heartbeat.UrgentEvent::code, Heartbeat.UrgentEvent::level)
                .containsExactly(Tuple.tuple("paper-out", Heartbeat.Level.FAULT));
        reports.delivered(reports.pending());

        reports.accept(paperOut());
        assertThat(tasks).as("the same trouble again").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        reports.accept(ok());
        assertThat(delays).last().isEqualTo(Duration.ZERO);
        runDue();
        assertThat(reports.pending()).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(Heartbeat.Level.OK);
            assertThat(e.code()).as("the trouble that ended").isEqualTo("paper-out");
        });
    }

    @Test
    void aFlappingDeviceSendsAtMostOneUrgentHeartbeatEveryTenSeconds() {
        reports.accept(ok());
        for (int i = 0; i < 200; i++) {
            reports.accept(i % 2 == 0 ? paperOut() : ok());
            if (!tasks.isEmpty() && delays.get(delays.size() - 1).isZero()) {
                runDue();
            }
            clock.advance(Duration.ofMillis(100)); // 20 s of flapping, 10 changes a second
        }
        // the first went at once; the next waited its turn, and took every change since with it
        assertThat(sent).isEqualTo(1);
        assertThat(delays).hasSize(2);
        assertThat(delays.get(1)).as("ten seconds after the first").isEqualTo(Duration.ofMillis(9900));
        assertThat(reports.pending()).as("kept to the contract's limit").hasSize(Heartbeat.MAX_URGENT);
        runDue();
        assertThat(sent).isEqualTo(2);
        reports.delivered(reports.pending());
        assertThat(reports.pending()).isEmpty();
    }

    @Test
    void whatWasNotDeliveredWaitsForTheNextHeartbeat() {
        reports.accept(ok());
        reports.accept(paperOut());
        runDue(); // the platform is away: nothing delivered
        assertThat(reports.pending()).hasSize(1);
        clock.advance(Duration.ofSeconds(3));
        reports.accept(printer(DeviceState.OFFLINE, Set.of(Condition.OFFLINE), Optional.of(HealthProblem.OFFLINE)));
        assertThat(delays).last().isEqualTo(Duration.ofSeconds(7));
        assertThat(reports.pending()).extracting(Heartbeat.UrgentEvent::code).containsExactly("paper-out", "offline");
    }
}
