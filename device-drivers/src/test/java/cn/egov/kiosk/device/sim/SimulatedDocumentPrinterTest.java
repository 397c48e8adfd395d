package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedDocumentPrinterTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);
    private static final DocumentJob LICENCE =
            new DocumentJob("business-licence", new byte[] {'%', 'P', 'D', 'F'}, DocumentJob.Media.A4, 2);

    private final SimulatedDocumentPrinter printer =
            new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void ready() throws DeviceException {
        printer.addListener(events);
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
    }

    @AfterEach
    void close() {
        printer.close();
    }

    @Test
    void printsAndKeepsTheJobWithoutItsContent() throws DeviceException {
        PrintOutcome outcome = printer.print(LICENCE);

        assertThat(outcome.bytesSent()).isEqualTo(4);
        assertThat(outcome.statusAfter().online()).isTrue();
        assertThat(printer.printed())
                .containsExactly(new SimulatedDocumentPrinter.PrintedJob(
                        outcome.jobId(), "business-licence", 4, DocumentJob.Media.A4, 2));
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isEqualTo(1);
    }

    @Test
    void paperOutRefusesTheJob() throws DeviceException {
        printer.apply("paper-out");
        events.awaitStatus("paper-out", SAFETY);

        assertThatThrownBy(() -> printer.print(LICENCE)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isFalse();
            assertThat(e.extendedCode()).isEqualTo("PAPER_OUT");
        });
        assertThat(printer.printed()).isEmpty();
        assertThat(printer.queryStatus().paperOut()).isTrue();
        assertThat(printer.checkHealth(HealthLevel.INTERNAL).healthy()).isFalse();

        printer.apply("paper-ok");
        events.awaitStatus("paper-loaded", SAFETY);
        printer.print(LICENCE);
        assertThat(printer.printed()).hasSize(1);
    }

    @Test
    void aJamFailsTheNextJobAsStartedAndHoldsUntilCleared() throws DeviceException {
        printer.apply("jam");

        assertThatThrownBy(() -> printer.print(LICENCE)).isInstanceOfSatisfying(PrintFailedException.class, e -> {
            assertThat(e.started()).isTrue();
            assertThat(e.extendedCode()).isEqualTo("JAM");
        });
        assertThat(printer.state()).isEqualTo(DeviceState.ERROR);
        assertThat(printer.conditions()).containsExactly(Condition.JAM);
        assertThatThrownBy(() -> printer.print(LICENCE))
                .isInstanceOfSatisfying(
                        PrintFailedException.class, e -> assertThat(e.started()).isFalse());

        printer.apply("clear");
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
        printer.print(LICENCE);
        assertThat(printer.printed()).hasSize(1);
        assertThat(printer.statistics().get(DeviceStatistics.FAILURES)).isEqualTo(2);
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThatThrownBy(() -> printer.apply("toner-low"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator command \"toner-low\"");
        assertThat(printer.commands().keySet())
                .containsExactly("disconnect", "reconnect", "paper-out", "paper-ok", "jam", "clear");
    }
}
