package cn.egov.kiosk.app;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Commands of {@code ./kiosk} that come with an optional part of the installation (the demo's
 * {@code platform-sim}), found through {@link ServiceLoader}: a hall's installation, without that
 * part, does not offer them.
 */
public interface CommandProvider {
    /** The commands, by name: picocli command objects. */
    Map<String, Object> commands();
}
