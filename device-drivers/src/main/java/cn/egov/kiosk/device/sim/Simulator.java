package cn.egov.kiosk.device.sim;

import java.util.Map;

/**
 * Run-time control of a simulated device: named commands, as an engineer types them or a test
 * calls them ({@code paper-out}, {@code insert-card}, {@code disconnect}...).
 */
public interface Simulator {

    String deviceId();

    /** The commands this simulator understands, with a line of help each. */
    Map<String, String> commands();

    /**
     * Applies a command.
     *
     * @param argument the command's argument, or an empty string
     * @throws IllegalArgumentException for an unknown command or a bad argument
     */
    void apply(String command, String argument);

    default void apply(String command) {
        apply(command, "");
    }

    /** The simulated hardware's state in a line, for diagnostics. */
    String describe();

    /** Stops whatever the simulated hardware runs (threads, links); when the kiosk closes. */
    default void close() {}
}
