package cn.egov.kiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines logged before the log file is open (it opens in the background while the kiosk
 * starts) are written to it first, in order, and none twice.
 */
class LogSetupTest {
    private final LoggerContext context = newContext();
    private final Logger logger = context.getLogger("start-up");

    private static LoggerContext newContext() {
        LoggerContext c = new LoggerContext();
        c.setMDCAdapter(new LogbackMDCAdapter());
        return c;
    }

    private ILoggingEvent line(String text) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, text, null, null);
    }

    @Test
    void linesBeforeTheFileOpensAreWrittenToItFirstThenEveryLineGoesStraightThrough() {
        LogSetup.EarlyLines early = new LogSetup.EarlyLines();
        early.setContext(context);
        early.start();
        early.doAppend(line("store open"));
        early.doAppend(line("devices built"));

        ListAppender<ILoggingEvent> file = new ListAppender<>();
        file.setContext(context);
        file.start();
        early.drainInto(file);
        early.doAppend(line("screens attached"));

        assertThat(file.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("store open", "devices built", "screens attached");
    }

    @Test
    void aCommandWithoutTheKiosksStartKeepsNothingAndItsFileGetsTheLinesFromThenOn() {
        LogSetup.EarlyLines early = new LogSetup.EarlyLines();
        early.setContext(context);
        early.start();
        early.doAppend(line("before"));
        early.discard();
        early.doAppend(line("not kept"));
        ListAppender<ILoggingEvent> file = new ListAppender<>();
        file.setContext(context);
        file.start();
        early.drainInto(file);
        early.doAppend(line("after"));

        assertThat(file.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("after");
    }

    @Test
    void aFileThatNeverOpensDoesNotFillTheMemory() {
        LogSetup.EarlyLines early = new LogSetup.EarlyLines();
        early.setContext(context);
        early.start();
        for (int i = 0; i < LogSetup.EARLY_LINES + 5; i++) {
            early.doAppend(line("line " + i));
        }
        ListAppender<ILoggingEvent> file = new ListAppender<>();
        file.setContext(context);
        file.start();
        early.drainInto(file);

        assertThat(file.list).hasSize(LogSetup.EARLY_LINES);
        assertThat(List.of(
                        file.list.get(0).getFormattedMessage(),
                        file.list.get(file.list.size() - 1).getFormattedMessage()))
                .containsExactly("line 5", "line " + (LogSetup.EARLY_LINES + 4));
    }
}
