package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A linked pair of pseudo-terminals made by socat: a serial cable on one machine, for tests,
 * benchmarks, and engineers trying a kiosk against a protocol simulator. The driver opens
 * {@link #hostPath()}, the simulated device {@link #devicePath()}; {@link #kill()} pulls the cable
 * (socat exits and both ends vanish).
 *
 * <p>socat must be installed ({@code apt-get install socat}); CI installs it. Without it {@link
 * #start} throws, so that the tests fail instead of being skipped.
 */
public final class PtyPair implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 5_000;
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final Process process;
    private final Path host;
    private final Path device;
    private final StringBuffer stderr;
    private final Thread stderrReader;

    private PtyPair(Process process, Path host, Path device, StringBuffer stderr, Thread stderrReader) {
        this.process = process;
        this.host = host;
        this.device = device;
        this.stderr = stderr;
        this.stderrReader = stderrReader;
    }

    /**
     * Starts {@code socat -d -d pty,raw,echo=0,link=DIR/host pty,raw,echo=0,link=DIR/device} and waits
     * until both links exist.
     *
     * @param dir a directory for the two links; its path must not hold {@code , : !} or quotes, which
     *     socat's address syntax would misread
     * @throws IOException when socat is not installed, exits, or has not made both links after 5 s;
     *     the message holds socat's stderr
     */
    public static PtyPair start(Path dir) throws IOException {
        return start(dir, "socat");
    }

    /** {@link #start(Path)} with another socat executable (a full path, or a test's stand-in). */
    public static PtyPair start(Path dir, String executable) throws IOException {
        String text = dir.toAbsolutePath().toString();
        if (text.matches(".*[,:!'\"\\\\{}\\[\\]\\s].*")) {
            throw new IllegalArgumentException(
                    "a directory path without , : ! quotes or spaces (socat address syntax), not " + text);
        }
        Files.createDirectories(dir);
        Path host = dir.toAbsolutePath().resolve("host");
        Path device = dir.toAbsolutePath().resolve("device");
        Files.deleteIfExists(host); // stale links of an earlier run would pass for ready ones
        Files.deleteIfExists(device);
        Process process;
        try {
            process = new ProcessBuilder(
                            executable, "-d", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException(
                    executable
                            + " could not be started ("
                            + e.getMessage()
                            + "). A pseudo-terminal pair needs it: install socat (Debian: apt-get install socat).",
                    e);
        }
        StringBuffer stderr = new StringBuffer();
        Thread drain = new Thread(() -> drain(process.getErrorStream(), stderr), "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        PtyPair pair = new PtyPair(process, host, device, stderr, drain);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!process.isAlive()) {
                pair.kill();
                throw new IOException("socat exited with " + process.exitValue() + " before making " + host + " and "
                        + device + "; its stderr:\n" + pair.stderr());
            }
            if (System.nanoTime() - deadline >= 0) {
                pair.kill();
                throw new IOException("socat made no " + host + " and " + device + " within " + START_TIMEOUT_MS
                        + " ms; its stderr:\n" + pair.stderr());
            }
            sleep(10);
        }
        return pair;
    }

    private static void drain(InputStream in, StringBuffer into) {
        byte[] buffer = new byte[1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // socat is gone
        }
    }

    /** DIR/host: the end the driver opens. */
    public String hostPath() {
        return host.toString();
    }

    /** DIR/device: the end the simulated device opens. */
    public String devicePath() {
        return device.toString();
    }

    /** Whether socat still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What socat wrote to stderr so far (with {@code -d -d}: the pty names, the data loop). */
    public String stderr() {
        return stderr.toString();
    }

    /**
     * Kills socat: both ends vanish, as when a cable is pulled. Returns once socat has exited and both
     * links are gone.
     */
    public void kill() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            stderrReader.join(1_000); // the last lines, for a failure message
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // socat removes its links when it exits on a signal; after a forced kill they dangle.
        for (Path link : new Path[] {host, device}) {
            try {
                if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(link);
                }
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** Kills socat if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for socat", e);
        }
    }

    @Override
    public String toString() {
        return "PtyPair[" + host + " <-> " + device + (process.isAlive() ? "" : ", killed") + "]";
    }
}
