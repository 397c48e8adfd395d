package cn.egov.kiosk.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the kiosk is (the {@code sd_notify} protocol): {@code READY=1} once its screens
 * show, {@code WATCHDOG=1} while its screen answers, {@code STOPPING=1} at the end. Only under a
 * unit that asked for it ({@code NOTIFY_SOCKET} set); otherwise {@link #NONE}.
 *
 * <p>The notification socket is a Unix <em>datagram</em> socket, which Java 17 cannot open
 * ({@code DatagramChannel.open(StandardProtocolFamily.UNIX)} throws {@code
 * UnsupportedOperationException}; only stream sockets came with JEP 380). So each message is a line
 * written to a small helper the package installs ({@code kiosk-notify}, a long-lived child that
 * sends each line as one datagram and ends with the kiosk's pipe); without it, {@code
 * systemd-notify} is run for each message (which systemd may fail to attribute to the unit, as it
 * exits at once: the helper is the reliable way). The unit needs {@code NotifyAccess=all}: the
 * messages do not come from its main process (cage).
 */
public interface ServiceNotifier extends AutoCloseable {
    /** Not under systemd: nothing to tell. */
    ServiceNotifier NONE = new ServiceNotifier() {
        @Override
        public void send(String state) {}

        @Override
        public Optional<Duration> watchdogEvery() {
            return Optional.empty();
        }

        @Override
        public void close() {}
    };

    /** Sends one notification ({@code READY=1}, {@code WATCHDOG=1}...); never blocks for long, never throws. */
    void send(String state);

    /**
     * How often to tell systemd the kiosk lives: a third of the unit's {@code WatchdogSec}
     * ({@code WATCHDOG_USEC}), at least a second; empty when the unit has no watchdog.
     */
    Optional<Duration> watchdogEvery();

    @Override
    void close();

    /** The system property naming the helper ({@code /opt/egov-kiosk/lib/kiosk-notify}); the launcher sets it. */
    String HELPER_PROPERTY = "kiosk.notifyHelper";

    /** The notifier for this process's environment: {@link #NONE} unless {@code NOTIFY_SOCKET} is set. */
    static ServiceNotifier fromEnvironment() {
        String helper = System.getProperty(HELPER_PROPERTY);
        List<String> command = helper != null && Files.isExecutable(Path.of(helper)) ? List.of(helper) : List.of();
        return of(System.getenv(), command);
    }

    /**
     * @param helper the helper's command line (lines on its stdin, one datagram each); empty:
     *     {@code systemd-notify} per message
     */
    static ServiceNotifier of(Map<String, String> env, List<String> helper) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isBlank()) {
            return NONE;
        }
        Optional<Duration> every = Optional.ofNullable(env.get("WATCHDOG_USEC"))
                .flatMap(SystemdNotifier::micros)
                .map(us -> Duration.ofNanos(us * 1000 / 3))
                .map(d -> d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d);
        return new SystemdNotifier(helper, every);
    }

    /** The notifier under systemd. */
    final class SystemdNotifier implements ServiceNotifier {
        private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);

        private final List<String> helper;
        private final Optional<Duration> every;
        private Process process;
        private OutputStream in;
        private boolean warned;

        SystemdNotifier(List<String> helper, Optional<Duration> every) {
            this.helper = List.copyOf(helper);
            this.every = every;
            log.info(
                    "Under systemd: notifications through {}{}",
                    helper.isEmpty() ? "systemd-notify" : helper.get(0),
                    every.map(d -> ", the watchdog told every " + d.toMillis() + " ms")
                            .orElse(""));
        }

        static Optional<Long> micros(String s) {
            try {
                long v = Long.parseLong(s.trim());
                return v > 0 ? Optional.of(v) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Duration> watchdogEvery() {
            return every;
        }

        @Override
        public synchronized void send(String state) {
            try {
                if (helper.isEmpty()) {
                    List<String> cmd = new ArrayList<>(List.of("systemd-notify"));
                    cmd.addAll(List.of(state.split("\n")));
                    new ProcessBuilder(cmd)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    return;
                }
                if (process == null || !process.isAlive()) {
                    process = new ProcessBuilder(helper)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
                    in = process.getOutputStream();
                }
                for (String line : state.split("\n")) { // one assignment a datagram
                    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                in.flush();
            } catch (IOException e) {
                if (!warned) {
                    warned = true;
                    log.warn("Telling systemd {} failed: {}", state, e.toString());
                }
                process = null;
            }
        }

        @Override
        public synchronized void close() {
            if (process != null) {
                try {
                    in.close(); // the helper ends with its input
                } catch (IOException e) {
                    log.debug("Closing the notification helper", e);
                }
                process = null;
            }
        }
    }
}
