package cn.egov.kiosk.device.printer.cups;

import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.COVER_OPEN;
import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.JAM;
import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.NOT_ACCEPTING;
import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.OFFLINE;
import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.PAPER_OUT;
import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.PRINTER_ERROR;
import static cn.egov.kiosk.device.printer.cups.CupsQueueState.Problem.QUEUE_STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a queue's printer-state, accepting flag and state reasons are read. */
class CupsQueueStateTest {

    private static CupsQueueState idle(String... reasons) {
        return new CupsQueueState(CupsQueueState.IDLE, true, List.of(reasons), "");
    }

    @Test
    void anIdleAcceptingQueueIsReady() {
        CupsQueueState s = idle("none");

        assertThat(s.problems(false)).isEmpty();
        assertThat(s.conditions()).isEmpty();
        assertThat(s.printerStatus()).isEqualTo(PrinterStatus.READY);
        assertThat(s.describe()).isEqualTo("idle, accepting jobs");
    }

    @Test
    void aStoppedQueueAndOneThatRefusesJobsAreOfflineForPrinting() {
        CupsQueueState stopped = new CupsQueueState(CupsQueueState.STOPPED, true, List.of("paused"), "Paused");
        CupsQueueState rejecting = new CupsQueueState(CupsQueueState.IDLE, false, List.of("none"), "Rejecting Jobs");

        assertThat(stopped.problems(false)).containsExactly(QUEUE_STOPPED);
        assertThat(stopped.problems(true))
                .as("a stopped queue stops our job too")
                .containsExactly(QUEUE_STOPPED);
        assertThat(QUEUE_STOPPED.code()).isEqualTo(ErrorCode.OFFLINE);
        assertThat(stopped.printerStatus().online()).isFalse();
        assertThat(stopped.conditions()).containsExactly(Condition.HARDWARE_FAULT);
        assertThat(stopped.describe()).isEqualTo("stopped, accepting jobs; reasons paused; \"Paused\"");

        assertThat(rejecting.problems(false)).containsExactly(NOT_ACCEPTING);
        assertThat(rejecting.problems(true))
                .as("our job is in the queue already")
                .isEmpty();
        assertThat(rejecting.printerStatus().online()).isFalse();
    }

    @Test
    void paperOutWithOrWithoutTheErrorSuffixPaperLowOtherwise() {
        assertThat(idle("media-empty-error").problems(false)).containsExactly(PAPER_OUT);
        assertThat(idle("media-needed").problems(false)).containsExactly(PAPER_OUT);
        assertThat(idle("media-empty-error").conditions()).containsExactly(Condition.PAPER_OUT);
        assertThat(idle("media-empty-error").printerStatus().paperOut()).isTrue();
        assertThat(PAPER_OUT.code()).isEqualTo(ErrorCode.HARDWARE_ERROR);

        for (String low :
                List.of("media-low-report", "media-low-warning", "media-empty-warning", "media-needed-report")) {
            CupsQueueState s = idle(low);
            assertThat(s.problems(false)).as(low).isEmpty();
            assertThat(s.paperLow()).as(low).isTrue();
            assertThat(s.conditions()).as(low).containsExactly(Condition.PAPER_LOW);
        }
    }

    @Test
    void coverAndJamWhateverTheSeverity() {
        assertThat(idle("cover-open-error").problems(false)).containsExactly(COVER_OPEN);
        assertThat(idle("door-open-report").problems(false)).containsExactly(COVER_OPEN);
        assertThat(idle("interlock-open").problems(false)).containsExactly(COVER_OPEN);
        assertThat(idle("media-jam-error").problems(false)).containsExactly(JAM);
        assertThat(idle("media-jam-error").conditions()).containsExactly(Condition.JAM);
        assertThat(idle("media-jam-error").printerStatus().recoverableError()).isTrue();
        assertThat(idle("cover-open-error").printerStatus().coverOpen()).isTrue();
    }

    @Test
    void offlineOnlyWhileNoJobOfOursRuns() {
        for (String reason : List.of("offline-report", "offline", "connecting-to-device", "shutdown")) {
            CupsQueueState s = new CupsQueueState(CupsQueueState.PROCESSING, true, List.of(reason), "");
            assertThat(s.problems(false)).as(reason).containsExactly(OFFLINE);
            assertThat(s.problems(true)).as(reason + " during our job").isEmpty();
            assertThat(s.printerStatus().online()).as(reason).isFalse();
            assertThat(s.conditions()).as(reason).containsExactly(Condition.HARDWARE_FAULT);
        }
        assertThat(OFFLINE.code()).isEqualTo(ErrorCode.OFFLINE);
    }

    @Test
    void otherErrorsArePrinterErrorsWarningsAndReportsAreNot() {
        assertThat(idle("toner-empty-error").problems(false)).containsExactly(PRINTER_ERROR);
        assertThat(idle("toner-empty-error").printerStatus().unrecoverableError())
                .isTrue();
        assertThat(idle("toner-low-warning", "marker-supply-low-report", "cups-waiting-for-job-completed")
                        .problems(false))
                .isEmpty();
        assertThat(idle("spool-area-full").problems(false)).containsExactly(NOT_ACCEPTING);
    }

    @Test
    void problemsComeInTheOrderAPersonWouldFixThem() {
        CupsQueueState s = new CupsQueueState(
                CupsQueueState.STOPPED,
                false,
                List.of("paused", "toner-empty-error", "media-empty-error", "cover-open-error"),
                "");

        assertThat(s.problems(false))
                .containsExactly(COVER_OPEN, PAPER_OUT, PRINTER_ERROR, QUEUE_STOPPED, NOT_ACCEPTING);
        assertThat(s.firstProblem(false)).contains(COVER_OPEN);
        assertThat(s.queueProblems(false)).containsExactly(QUEUE_STOPPED, NOT_ACCEPTING);
        assertThat(idle("media-empty-error", "offline-report").queueProblems(false))
                .as("stale printer reports")
                .isEmpty();
    }
}
