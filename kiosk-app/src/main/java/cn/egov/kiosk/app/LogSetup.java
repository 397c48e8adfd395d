package cn.egov.kiosk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Points the log files at the configured data directory, once the configuration is loaded. */
final class LogSetup {
  private LogSetup() {}

  static void useDirectory(Path dir) {
    String wanted = dir.toAbsolutePath().toString();
    System.setProperty("kiosk.logDir", wanted);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    if (wanted.equals(context.getProperty("LOG_DIR"))) {
      return; // logback started just now, with the directory already set
    }
    URL config = LogSetup.class.getResource("/logback.xml");
    if (config == null) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      // logback prints its own status; the kiosk runs on with what it has
    }
  }
}
