package cn.egov.kiosk.runtime;

import java.nio.file.Path;

/** Where the kiosk looks for its configuration when none is named. */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** {@code <kiosk.home>/config/demo.yaml}; the launcher sets {@code kiosk.home} to its folder. */
  public static Path defaultConfig() {
    return Path.of(System.getProperty("kiosk.home", ".")).resolve("config").resolve("demo.yaml");
  }
}
