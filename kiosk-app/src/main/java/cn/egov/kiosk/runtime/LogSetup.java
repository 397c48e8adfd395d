package cn.egov.kiosk.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's logging, set up in code (no XML to parse at start-up): warnings and errors to
 * stderr from the first line; the log file ({@code <dataDir>/logs/kiosk.log}, rolled daily and at
 * 20 MB, 30 days kept) only once the configuration has said where the data folder is, so that no
 * log ever lands outside it. Personal data never goes into a log at any level.
 *
 * <p>Registered as logback's {@code Configurator} (META-INF/services); a {@code logback-test.xml}
 * on the class path (tests) takes precedence.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements ch.qos.logback.classic.spi.Configurator {
  private static final String FILE_APPENDER = "FILE";

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
    context.getLogger("com.fazecast").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Starts writing the log file in {@code dir} (once; later calls with the same folder do nothing). */
  public static synchronized void useDirectory(Path dir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(FILE_APPENDER) != null || LogSetup.class.getResource("/logback-test.xml") != null) {
      return;
    }
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
    root.addAppender(file);
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
    encoder.start();
    return encoder;
  }
}
