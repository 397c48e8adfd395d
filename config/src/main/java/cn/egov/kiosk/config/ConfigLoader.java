package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.YamlFiles;
import cn.egov.kiosk.device.manage.DriverRegistry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a kiosk configuration file (YAML) into a {@link KioskConfig}, against the declared {@link
 * ConfigSchema}: every problem found is collected, and if there is any the whole lot is thrown as
 * one {@link ConfigException}. Devices are checked by their drivers through {@link
 * DriverRegistry#validate}, so a driver's options and connection rules live in one place.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /**
     * Reads and checks a configuration file. Relative paths in it resolve against the directory
     * that contains it.
     *
     * @throws ConfigException listing every problem: the file missing or unreadable, a YAML syntax
     *     error, an unknown key, a wrong type, a missing or out-of-range value, a bad device
     */
    public static KioskConfig load(Path file) throws ConfigException {
        Objects.requireNonNull(file, "file");
        return parse(YamlFiles.readText(file, ConfigException::new), file);
    }

    /**
     * Reads and checks configuration text as if it came from {@code pretendSource}: messages name
     * that file, and relative paths resolve against its directory. The file need not exist.
     */
    public static KioskConfig parse(String yaml, Path pretendSource) throws ConfigException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(pretendSource, "pretendSource");
        return YamlFiles.read(
                yaml, ConfigSchema.of(DriverRegistry.load()).root(), Reading.of(pretendSource), ConfigException::new);
    }
}
