package cn.egov.kiosk.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's logging, set up in code (no XML to parse at start-up): warnings and errors to
 * stderr from the first line; the log file ({@code <dataDir>/logs/kiosk.log}, rolled daily and at
 * 20 MB, 30 days kept) only once the configuration has said where the data folder is, so that no
 * log ever lands outside it. Personal data never goes into a log at any level.
 *
 * <p>Until the file is opened, every line is kept in memory ({@link EarlyLines}, up to {@value
 * #EARLY_LINES} of them) and written to it first, so that the file starts with the first line of
 * the start-up even when it is opened in the background ({@link #useDirectoryInBackground}), off the
 * kiosk's start-up path.
 *
 * <p>Registered as logback's {@code Configurator} (META-INF/services); a {@code logback-test.xml}
 * on the class path (tests) takes precedence.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    private static final String FILE_APPENDER = "FILE";
    private static final String EARLY_APPENDER = "EARLY";
    static final int EARLY_LINES = 10_000;
    /** Whether the log file has been opened (it is, once). */
    private static boolean opened;
    /** The thread opening the log file in the background, if one was started. */
    private static volatile Thread opening;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LogSetup.class.getResource("/logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // a test's own configuration
        }
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter warn = new ThresholdFilter();
        warn.setLevel("WARN");
        warn.start();
        stderr.addFilter(warn);
        stderr.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n"));
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("kiosk.logLevel"), Level.INFO));
        root.addAppender(stderr);
        EarlyLines early = new EarlyLines();
        early.setContext(context);
        early.setName(EARLY_APPENDER);
        early.start();
        root.addAppender(early);
        context.getLogger("com.fazecast").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The lines logged before the log file is open, kept to be written to it first; once it is open,
     * every line is handed straight to it, in order, none twice.
     */
    static final class EarlyLines extends AppenderBase<ILoggingEvent> {
        private final ArrayDeque<ILoggingEvent> kept = new ArrayDeque<>();
        /** The log file, once open: every line goes straight to it. */
        private Appender<ILoggingEvent> target;
        /** Whether lines are kept until the file opens (not for a process that opens none). */
        private boolean keeping = true;

        @Override
        protected synchronized void append(ILoggingEvent event) {
            if (target != null) {
                target.doAppend(event);
                return;
            }
            if (!keeping) {
                return;
            }
            try {
                event.prepareForDeferredProcessing(); // the thread's name and the message, as they are now
            } catch (RuntimeException e) {
                // kept as it is: a line is better late and a little poorer than lost
            }
            if (kept.size() == EARLY_LINES) {
                kept.removeFirst(); // a file never opened must not fill the memory
            }
            kept.addLast(event);
        }

        /** Keeps nothing from now on (a process that opens no log file, or opens it at once). */
        synchronized void discard() {
            kept.clear();
            keeping = false;
        }

        /** Writes what was kept to {@code file}, then hands it every line from now on. */
        synchronized void drainInto(Appender<ILoggingEvent> file) {
            while (!kept.isEmpty()) {
                file.doAppend(kept.removeFirst());
            }
            target = file;
        }
    }

    /**
     * As {@link #useDirectory}, on a thread of its own: the kiosk's start-up does not wait for the
     * file to open (its lines are kept meanwhile and written first).
     */
    public static void useDirectoryInBackground(Path dir) {
        Thread t = new Thread(() -> useDirectory(dir), "log-file");
        t.setDaemon(true);
        opening = t;
        t.start();
    }

    /**
     * For the commands other than the kiosk itself (the simulator, simctl, the benchmarks): no lines
     * are kept for a log file they may never open; those that open one get the lines from then on.
     */
    public static void keepNoEarlyLines() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(EARLY_APPENDER) instanceof EarlyLines early) {
            early.discard();
        }
    }

    /**
     * Waits (up to {@code limit}) for a log file opened in the background, so that a process about
     * to exit (a start-up that failed) leaves its lines in it.
     */
    public static void awaitFile(Duration limit) {
        Thread t = opening;
        if (t != null) {
            try {
                t.join(limit.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts writing the log file in {@code dir} (once; later calls with the same folder do nothing). */
    public static synchronized void useDirectory(Path dir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (opened || LogSetup.class.getResource("/logback-test.xml") != null) {
            return;
        }
        opened = true;
        String base = dir.toAbsolutePath().toString();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.setFile(base + "/kiosk.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(base + "/kiosk.%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(FileSize.valueOf("20MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("500MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n"));
        file.start();
        if (root.getAppender(EARLY_APPENDER) instanceof EarlyLines early) {
            early.drainInto(file); // the file is fed through the early lines' appender, in order
        } else {
            root.addAppender(file);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
