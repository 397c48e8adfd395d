package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's page: escaped, faults and warnings marked, silence after three intervals. */
class FleetTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    private static Heartbeat beat(String hall, long interval, List<Heartbeat.Device> devices) {
        return new Heartbeat(
                OffsetDateTime.ofInstant(T0, ZoneOffset.UTC),
                3700,
                "0.1.0",
                devices,
                4,
                1,
                0,
                12,
                hall,
                interval,
                List.of());
    }

    @Test
    void whatTheKiosksSayIsEscapedAndTheirTroubleMarked() {
        Fleet fleet = new Fleet(Clock.fixed(T0, HALL), HALL);
        fleet.heard(
                "K<1>",
                beat(
                        "<script>alert(1)</script>大厅",
                        60,
                        List.of(
                                new Heartbeat.Device(
                                        "printer",
                                        "RECEIPT_PRINTER",
                                        "IDLE",
                                        List.of("PAPER_OUT"),
                                        Map.of(),
                                        new Heartbeat.Health(Heartbeat.Level.FAULT, "paper-out", "idle; paper-out")),
                                new Heartbeat.Device(
                                        "reader",
                                        "ID_CARD_READER",
                                        "IDLE",
                                        List.of("PAPER_LOW"),
                                        Map.of(),
                                        new Heartbeat.Health(Heartbeat.Level.WARNING, "paper-low", "idle")),
                                // a kiosk of the first contract version: no health, its state says it
                                new Heartbeat.Device("pos", "PAYMENT_TERMINAL", "OFFLINE", List.of(), Map.of()))));
        String page = fleet.page();
        assertThat(page)
                .doesNotContain("<script>", "K<1>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;大厅", "K&lt;1&gt;")
                .contains("class=\"dev fault\">printer：IDLE · paper-out")
                .contains("class=\"dev warn\">reader：IDLE · paper-low")
                .contains("class=\"dev fault\">pos：OFFLINE")
                .contains("1 小时 1 分")
                .contains("共 1 台终端，失联 0 台，设备故障 1 台");
        assertThat(fleet.kiosk("K<1>").orElseThrow().faults()).containsExactly("printer", "pos");
    }

    @Test
    void silentAfterThreeIntervalsOrThreeMinutesWhenTheKioskDoesNotSay() {
        Fleet fleet = new Fleet(Clock.fixed(T0, HALL), HALL);
        fleet.heard("K1", beat("甲", 10, List.of()));
        fleet.heard("K2", beat("乙", 0, List.of()));
        fleet.clock(Clock.fixed(T0.plus(Duration.ofSeconds(31)), HALL));
        assertThat(fleet.kiosk("K1").orElseThrow().silent()).isTrue();
        assertThat(fleet.kiosk("K2").orElseThrow().silent()).isFalse();
        fleet.clock(Clock.fixed(T0.plus(Duration.ofSeconds(181)), HALL));
        assertThat(fleet.kiosk("K2").orElseThrow().silent()).isTrue();
        assertThat(fleet.page()).contains("失联 2 台").contains("3 分钟前");
    }
}
