package cn.egov.kiosk.device.testkit;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.smartcard.pcsc.PcscContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The real pcscd with vsmartcard's vpcd readers, for the smart-card tests.
 *
 * <p>{@link #ensureRunning()} uses a pcscd that is running already, or starts {@code pcscd
 * --foreground} (which needs root: the CI runs the tests as root), and waits until pcscd lists the
 * two vpcd readers, {@value #READER_0} (a {@code VirtualVpcdCard} on port 35963) and {@value
 * #READER_1} (35964). {@link #restart()} stops whatever pcscd runs and starts one again, for the
 * recovery tests; it waits for pcscd's own "daemon ready" line, not through PC/SC, so that the JVM's
 * PC/SC context is left for the code under test to renew. A pcscd started here is stopped when the
 * JVM exits. Missing packages fail the test with what to install: they are not a reason to skip.
 */
public final class Pcscd {
    public static final String READER_0 = "Virtual PCD 00 00";
    public static final String READER_1 = "Virtual PCD 00 01";
    public static final int PORT_0 = 35963;
    public static final int PORT_1 = 35964;

    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path VPCD_CONF = Path.of("/etc/reader.conf.d/vpcd");
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pcscd"), Path.of("/usr/bin/pcscd"));
    private static final String INSTALL =
            "the smart-card tests need pcscd with vsmartcard's vpcd: run scripts/install-deps --test "
                    + "(Debian packages pcscd libpcsclite1 vsmartcard-vpcd)";

    private static Process ours;
    private static int starts;
    private static boolean hookInstalled;

    private Pcscd() {}

    /** Makes sure pcscd runs and lists both vpcd readers; fails the test when it cannot. */
    public static synchronized void ensureRunning() {
        Path binary = requireInstalled();
        if (running().isEmpty()) {
            start(binary);
        }
        awaitReadersListed();
    }

    /** Stops pcscd (whoever started it) and starts it again; waits until it says it is ready. */
    public static synchronized void restart() {
        Path binary = requireInstalled();
        stop();
        start(binary);
    }

    /** Stops pcscd, whoever started it, and waits until it has gone. */
    public static synchronized void stop() {
        Optional<ProcessHandle> running = running();
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle handle = running.get();
        handle.destroy(); // SIGTERM: pcscd removes its socket on the way out
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            Await.until(() -> !handle.isAlive(), Duration.ofSeconds(10), "pcscd (pid " + handle.pid() + ") to exit");
        }
        if (ours != null && ours.pid() == handle.pid()) {
            ours = null;
        }
    }

    /** The pcscd process running now, if any. */
    public static Optional<ProcessHandle> running() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/pcscd")).orElse(false))
                .findFirst();
    }

    private static Path requireInstalled() {
        Optional<Path> binary = BINARIES.stream().filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            throw new AssertionError("pcscd is not installed; " + INSTALL);
        }
        if (!Files.isReadable(VPCD_CONF)) {
            throw new AssertionError("vsmartcard-vpcd is not installed (no " + VPCD_CONF + "); " + INSTALL);
        }
        if (!libpcscliteInstalled()) {
            throw new AssertionError("libpcsclite.so.1 is not installed; " + INSTALL);
        }
        return binary.get();
    }

    private static boolean libpcscliteInstalled() {
        for (String dir :
                List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
            if (Files.exists(Path.of(dir, "libpcsclite.so.1"))) {
                return true;
            }
        }
        return false;
    }

    private static void start(Path binary) {
        Path log = logFile(++starts);
        try {
            // --info: pcscd says "daemon ready" once its readers are up; it never logs APDUs at this level
            ours = new ProcessBuilder(binary.toString(), "--foreground", "--info")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + binary + ": " + e.getMessage() + "; " + INSTALL, e);
        }
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Pcscd::stopOurs, "pcscd-stop"));
        }
        Process p = ours;
        try {
            Await.until(
                    () -> !p.isAlive() || read(log).contains("daemon ready"),
                    STARTUP,
                    "pcscd to say it is ready (log " + log + ")");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ":\n" + read(log), e);
        }
        if (!p.isAlive()) {
            throw new AssertionError("pcscd exited at once (exit " + p.exitValue()
                    + "; it needs root, or another pcscd holds " + SOCKET + "):\n" + read(log));
        }
        String text = read(log);
        if (!text.contains("port " + PORT_0) || !text.contains("port " + PORT_1)) {
            throw new AssertionError(
                    "pcscd started without the vpcd readers on ports " + PORT_0 + " and " + PORT_1 + ":\n" + text);
        }
    }

    /** Waits until PC/SC lists both vpcd readers (through the JVM's context, renewing it if stale). */
    private static void awaitReadersListed() {
        String[] last = {"nothing yet"};
        try {
            Await.until(
                    () -> {
                        try {
                            List<String> names = PcscContext.readerNames();
                            last[0] = names.toString();
                            return names.contains(READER_0) && names.contains(READER_1);
                        } catch (DeviceException e) {
                            last[0] = e.summary();
                            return false;
                        }
                    },
                    STARTUP,
                    "pcscd to list " + READER_0 + " and " + READER_1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; PC/SC said: " + last[0], e);
        }
    }

    /**
     * Waits until pcscd says the reader is empty: vpcd notices a removed card a little later, and a
     * card put in before that would be taken for the old one.
     */
    public static void awaitNoCard(String reader) {
        Await.until(
                () -> {
                    try {
                        for (CardTerminal t : PcscContext.terminals()) {
                            if (t.getName().equals(reader) && t.isCardPresent()) {
                                return false;
                            }
                        }
                        return true;
                    } catch (DeviceException | CardException e) {
                        return false;
                    }
                },
                STARTUP,
                "pcscd to see no card in " + reader);
    }

    private static synchronized void stopOurs() {
        Process p = ours;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Path logFile(int n) {
        Path dir = Files.isDirectory(Path.of("target"))
                ? Path.of("target")
                : Path.of(System.getProperty("java.io.tmpdir"));
        return dir.resolve("pcscd-" + ProcessHandle.current().pid() + "-" + n + ".log")
                .toAbsolutePath();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
