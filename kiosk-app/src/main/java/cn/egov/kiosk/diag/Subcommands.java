package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.runtime.ConfigFiles;
import cn.egov.kiosk.runtime.LogSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** What the engineer's subcommands share. */
final class Subcommands {
    private Subcommands() {}

    /**
     * The configuration a subcommand works on: its own {@code --config}, else the one given to the
     * {@code kiosk} command before it ({@code kiosk --config F diag}), else the default.
     */
    /**
     * The configuration a subcommand works on, loaded, with its log going to the kiosk's log folder;
     * empty after saying what is wrong with it on {@code err} (the command then exits 2).
     */
    static Optional<KioskConfig> loadConfig(CommandLine.Model.CommandSpec spec, Path own, PrintWriter err) {
        try {
            KioskConfig loaded = ConfigLoader.load(configFile(spec, own));
            LogSetup.useDirectory(loaded.storage().dataDir().resolve("logs"));
            return Optional.of(loaded);
        } catch (ConfigException e) {
            err.println("Configuration error:");
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    static Path configFile(CommandLine.Model.CommandSpec spec, Path own) {
        if (own != null) {
            return own;
        }
        CommandLine.Model.CommandSpec parent = spec.parent();
        if (parent != null
                && parent.findOption("--config") != null
                && parent.findOption("--config").getValue() instanceof Path p) {
            return p;
        }
        return ConfigFiles.defaultConfig();
    }
}
