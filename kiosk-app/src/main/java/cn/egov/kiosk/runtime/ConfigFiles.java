package cn.egov.kiosk.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the kiosk looks for its configuration (when none is named) and its print templates. */
public final class ConfigFiles {
    private ConfigFiles() {}

    /**
     * The configuration when none is named: {@code kiosk.config} (the installed package's launcher
     * sets it to {@code /etc/egov-kiosk/kiosk.yaml}), else {@code <kiosk.home>/config/demo.yaml}
     * (./kiosk sets {@code kiosk.home} to its folder).
     */
    public static Path defaultConfig() {
        String installed = System.getProperty("kiosk.config");
        if (installed != null && !installed.isBlank()) {
            return Path.of(installed);
        }
        return Path.of(System.getProperty("kiosk.home", ".")).resolve("config").resolve("demo.yaml");
    }

    /**
     * {@code <kiosk.home>/templates}: the print templates staff may edit. Without {@code kiosk.home}
     * (tests, a developer's IDE) the nearest {@code templates/} folder above the working directory.
     */
    public static Path templatesDir() {
        String home = System.getProperty("kiosk.home");
        if (home != null) {
            return Path.of(home).resolve("templates");
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("templates").resolve("queue-ticket.yaml"))) {
                return p.resolve("templates");
            }
        }
        return here.resolve("templates");
    }
}
