package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The engineer's recent errors of each device: from the events, newest first, bounded. */
class ErrorHistoryTest {
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void errorEventsAndBlockingConditionsAreKeptNewestFirstAndBounded() {
        ErrorHistory history = new ErrorHistory(3);
        history.accept(new DeviceEvent.ErrorEvent(
                "p", 1, T0, new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, "the cable is out")));
        history.accept(new DeviceEvent.StatusEvent("p", 2, T0.plusSeconds(1), Condition.PAPER_LOW, true));
        history.accept(new DeviceEvent.StatusEvent("p", 3, T0.plusSeconds(2), Condition.PAPER_OUT, true));
        history.accept(new DeviceEvent.StatusEvent("p", 4, T0.plusSeconds(3), Condition.PAPER_OUT, false));
        history.accept(new DeviceEvent.StatusEvent("p", 5, T0.plusSeconds(4), Condition.OFFLINE, true));

        assertThat(history.recent("p"))
                .containsExactly(
                        new DeviceError(T0.plusSeconds(2), "paper-out", "", "paper-out"),
                        new DeviceError(T0, "OFFLINE", "LINK_LOST", "the cable is out"));
        assertThat(history.recent("other")).isEmpty();

        for (int i = 0; i < 5; i++) {
            history.accept(new DeviceEvent.StatusEvent("p", 10 + i, T0.plusSeconds(10 + i), Condition.JAM, true));
        }
        assertThat(history.recent("p")).hasSize(3).allMatch(e -> e.code().equals("jam"));
        assertThat(history.recent("p").get(0).at()).isEqualTo(T0.plusSeconds(14));
    }
}
