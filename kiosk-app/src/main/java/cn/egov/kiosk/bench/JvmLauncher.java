package cn.egov.kiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java main class in a new JVM exactly as this one was started (same java, class path,
 * module path and JavaFX modules), waits for a marker line on its stdout, and reads its resident
 * memory. Both the kiosk and its baseline are started through here, so they compare fairly.
 */
final class JvmLauncher {

    /** A started JVM that has printed its marker. */
    record Started(Process process, double millisToMarker, long uptimeAtMarker) {
        /** Resident set size in MiB, from /proc (Linux). */
        double residentMiB() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        }

        void stop() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private final Map<String, String> environment;

    JvmLauncher(Map<String, String> environment) {
        this.environment = environment;
    }

    Started start(String mainClass, List<String> args, String marker, long timeoutMs)
            throws IOException, InterruptedException {
        return start(List.of(), mainClass, args, marker, timeoutMs);
    }

    /** Runs a main class to its end with extra JVM options; its exit status. */
    int run(List<String> jvmOptions, String mainClass, List<String> args, long timeoutMs)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, mainClass, args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(mainClass + " did not end within " + timeoutMs + " ms");
        }
        return p.exitValue();
    }

    /** As {@link #start(String, List, String, long)}, with extra JVM options (a class-data archive). */
    Started start(List<String> jvmOptions, String mainClass, List<String> args, String marker, long timeoutMs)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(command(jvmOptions, mainClass, args)).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        long start = System.nanoTime();
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(marker)) {
                double ms = (System.nanoTime() - start) / 1e6;
                long uptime = Long.parseLong(line.substring(marker.length()).trim());
                drain(out);
                return new Started(p, ms, uptime);
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        throw new IOException(mainClass + " did not print " + marker + " (exit "
                + (p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1) + ")");
    }

    /** The java command line this JVM was started with, for another main class. */
    private static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            command.add("--module-path");
            command.add(modulePath);
            command.add("--add-modules");
            command.add("javafx.controls,javafx.swing");
        }
        for (String property : List.of("kiosk.home", "javafx.cachedir", "file.encoding")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Keeps reading the child's output so that it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread t = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the child ended
                    }
                },
                "bench-drain");
        t.setDaemon(true);
        t.start();
    }
}
