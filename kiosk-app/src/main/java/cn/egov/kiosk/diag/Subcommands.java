package cn.egov.kiosk.diag;

import cn.egov.kiosk.runtime.ConfigFiles;
import java.nio.file.Path;
import picocli.CommandLine;

/** What the engineer's subcommands share. */
final class Subcommands {
  private Subcommands() {}

  /**
   * The configuration a subcommand works on: its own {@code --config}, else the one given to the
   * {@code kiosk} command before it ({@code kiosk --config F diag}), else the default.
   */
  static Path configFile(CommandLine.Model.CommandSpec spec, Path own) {
    if (own != null) {
      return own;
    }
    CommandLine.Model.CommandSpec parent = spec.parent();
    if (parent != null && parent.findOption("--config") != null && parent.findOption("--config").getValue() instanceof Path p) {
      return p;
    }
    return ConfigFiles.defaultConfig();
  }
}
