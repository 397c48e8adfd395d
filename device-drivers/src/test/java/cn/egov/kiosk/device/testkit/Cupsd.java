package cn.egov.kiosk.device.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The real CUPS server with a cups-pdf queue, for the licence printer tests.
 *
 * <p>{@link #ensurePdfQueue()} uses a cupsd that answers on {@code localhost:631} already, or
 * starts {@code cupsd -f} (which needs root: the CI runs the tests as root); then (re)creates the
 * queue {@value #QUEUE}: {@code lpadmin -p kioskpdf -v cups-pdf:/ -E} with cups-pdf's {@code
 * CUPS-PDF_opt.ppd}, plus two changes that make the output say more: {@code *cupsManualCopies:
 * True} (CUPS's filters make the copies, so that they show as pages, as for a printer without
 * hardware copies; cups-pdf itself ignores copies) and Letter as the queue's default paper (so
 * that an A4 or A5 page in the output proves the driver asked for it). cups-pdf's output folder
 * ({@code Out} in {@code /etc/cups/cups-pdf.conf}) is pointed at a folder of this JVM's own, whose
 * files are named {@code ...-job_N.pdf} after the CUPS job number.
 *
 * <p>{@link #ensureScriptedQueue()} adds the queue {@value #SCRIPTED_QUEUE}, the same but for its
 * device: {@code kiosktest:/}, a backend written here that stands for a printer whose state the
 * test sets ({@link #printer(PrinterState)}). Out of paper or offline, it reports {@code
 * media-empty-error} or {@code offline-report} to CUPS (as CUPS's own backends do) and waits, as a
 * printer does, until the test makes it ready; then it takes the job and clears what it reported.
 *
 * <p>A cupsd started here runs with the hall's retention (docs/CUPS.md): {@code PreserveJobFiles
 * No}, {@code PreserveJobHistory 300}, written into {@code /etc/cups/cupsd.conf} (the driver reads
 * it there) and restored afterwards; {@link #preserveJobFiles} starts it again keeping documents.
 *
 * <p>When the JVM exits, the queues and the backend are deleted, the configuration files restored
 * (from {@code cups-pdf.conf.kiosk-test} and {@code cupsd.conf.kiosk-test}, which also survive a
 * killed run), the output folder removed and a cupsd started here stopped. Missing packages fail the test with what to install: they are not a
 * reason to skip.
 */
public final class Cupsd {
    /** The cups-pdf test queue. */
    public static final String QUEUE = "kioskpdf";

    /** The queue of the scripted test printer. */
    public static final String SCRIPTED_QUEUE = "kioskscripted";

    /** What the scripted test printer does with the next job. */
    public enum PrinterState {
        /** Prints it. */
        READY("ready"),
        /** Reports media-empty-error and waits for paper. */
        PAPER_OUT("paper-out"),
        /** Reports offline-report and waits to be reachable. */
        OFFLINE("offline");

        private final String word;

        PrinterState(String word) {
            this.word = word;
        }
    }

    private static final Path BACKEND_SCRIPT = Path.of("/usr/lib/cups/backend/kiosktest");

    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final int PORT = 631;
    private static final Path PPD = Path.of("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd");
    private static final Path BACKEND = Path.of("/usr/lib/cups/backend/cups-pdf");
    private static final Path CONF = Path.of("/etc/cups/cups-pdf.conf");
    private static final Path CONF_BACKUP = Path.of("/etc/cups/cups-pdf.conf.kiosk-test");
    private static final Path CUPSD_CONF = Path.of("/etc/cups/cupsd.conf");
    private static final Path CUPSD_CONF_BACKUP = Path.of("/etc/cups/cupsd.conf.kiosk-test");
    /** {@code PreserveJobFiles} of a cupsd started here: the hall's setting (docs/CUPS.md) unless a test asks otherwise. */
    private static String preserveJobFiles = "No";

    private static final List<Path> SEARCH =
            List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));
    private static final String INSTALL =
            "the licence printer tests need the CUPS server, its BSD commands and the cups-pdf printer: "
                    + "run scripts/install-deps --test (Debian packages cups cups-bsd printer-driver-cups-pdf)";

    private static Process ours;
    private static Path outDir;
    private static Path control;
    private static final List<String> extraQueues = new ArrayList<>();
    private static boolean hookInstalled;

    private Cupsd() {}

    /**
     * Makes sure cupsd runs and the cups-pdf queue {@value #QUEUE} exists as described above,
     * enabled, accepting jobs and empty; returns cups-pdf's output folder. Fails the test when it
     * cannot.
     */
    public static synchronized Path ensurePdfQueue() {
        requireInstalled();
        if (!answers()) {
            start();
        }
        if (outDir == null) {
            createQueue();
        }
        resetQueue();
        return outDir;
    }

    /**
     * Makes sure cupsd runs and the scripted queue {@value #SCRIPTED_QUEUE} exists, enabled, accepting
     * jobs and empty, its printer {@link PrinterState#READY ready}. Fails the test when it cannot.
     */
    public static synchronized void ensureScriptedQueue() {
        ensurePdfQueue();
        if (control == null) {
            createScriptedQueue();
        }
        printer(PrinterState.READY);
        resetQueue(SCRIPTED_QUEUE);
    }

    /**
     * Stops cupsd, whoever started it, and waits until it has gone (for the recovery tests; {@link
     * #ensurePdfQueue()} starts one again, which is then stopped when the JVM exits).
     */
    public static synchronized void stop() {
        Optional<ProcessHandle> running = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/cupsd")).orElse(false))
                .findFirst();
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle handle = running.get();
        handle.destroy(); // SIGTERM: cupsd saves its state and closes its sockets
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
        poll(() -> !handle.isAlive() && !answers(), STARTUP, "cupsd (pid " + handle.pid() + ") to exit");
        if (ours != null && ours.pid() == handle.pid()) {
            ours = null;
        }
    }

    /**
     * Starts cupsd again with {@code PreserveJobFiles value} ({@code 86400}: CUPS's default, which
     * keeps every printed document a day; {@code No}: the hall's), and the cups-pdf queue ready.
     */
    public static synchronized Path preserveJobFiles(String value) {
        preserveJobFiles = value;
        stop();
        return ensurePdfQueue();
    }

    /** CUPS's spool folder, where it keeps the jobs' documents ({@code d00012-001}) and control files. */
    public static final Path SPOOL = Path.of("/var/spool/cups");

    /**
     * Adds one more cups-pdf queue, as an engineer would while the kiosk runs; it writes into the
     * same output folder and is deleted with the others.
     */
    public static synchronized void addPdfQueue(String queue) {
        ensurePdfQueue();
        try {
            addQueue(queue, "cups-pdf:/");
        } catch (IOException e) {
            throw new AssertionError("cannot add queue " + queue + ": " + e.getMessage(), e);
        }
        extraQueues.add(queue);
    }

    /** Sets what the scripted test printer does, from its next look on (every 0.1 s). */
    public static void printer(PrinterState state) {
        try {
            Files.writeString(control, state.word + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + control + ": " + e.getMessage(), e);
        }
    }

    /** Enables the cups-pdf queue, lets it accept jobs, holds none, cancels whatever it still has. */
    public static void resetQueue() {
        resetQueue(QUEUE);
    }

    /** Enables a queue, lets it accept jobs, holds none, cancels whatever it still has. */
    public static void resetQueue(String queue) {
        run("cupsenable", queue);
        run("cupsaccept", queue);
        run("lpadmin", "-p", queue, "-o", "job-hold-until-default=no-hold");
        run("cancel", "-a", queue);
    }

    /** Runs a CUPS command ({@code cupsdisable kioskpdf}) and returns its output; fails on an error. */
    public static String run(String command, String... args) {
        return run(true, command, args);
    }

    private static String run(boolean check, String command, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary(command).toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not end within 30 s");
            }
            if (check && p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e.getMessage() + "; " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    /** The cups-pdf queue's jobs that have not ended, as {@code lpstat -o} lists them (one line each). */
    public static List<String> pendingJobs() {
        return pendingJobs(QUEUE);
    }

    /** A queue's jobs that have not ended, as {@code lpstat -o} lists them (one line each). */
    public static List<String> pendingJobs(String queue) {
        return run("lpstat", "-o", queue).lines().filter(l -> !l.isBlank()).toList();
    }

    /** Waits until the cups-pdf queue holds a job that has not ended (a held one, say). */
    public static void awaitPendingJob(Duration timeout) {
        awaitPendingJob(QUEUE, timeout);
    }

    /** Waits until a queue holds a job that has not ended. */
    public static void awaitPendingJob(String queue, Duration timeout) {
        poll(() -> !pendingJobs(queue).isEmpty(), timeout, "a job in queue " + queue);
    }

    /** Submits a file to a queue with {@code lpr}, as another user of the printer would. */
    public static void submit(String queue, Path file) {
        run("lpr", "-P", queue, file.toString());
    }

    /** The PDF cups-pdf wrote for CUPS job {@code jobNumber}; waits for it up to {@code timeout}. */
    public static Path awaitOutput(int jobNumber, Duration timeout) {
        Path[] found = new Path[1];
        poll(
                () -> {
                    found[0] = outputOf(jobNumber).orElse(null);
                    return found[0] != null;
                },
                timeout,
                "cups-pdf's output of job " + jobNumber + " in " + outDir);
        return found[0];
    }

    /** The PDF cups-pdf wrote for a job, if it did. */
    public static Optional<Path> outputOf(int jobNumber) {
        String suffix = "-job_" + jobNumber + ".pdf";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outDir)) {
            for (Path f : files) {
                if (f.getFileName().toString().endsWith(suffix) && Files.size(f) > 0) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** The CUPS job number of a driver's job id {@code kioskpdf-12}. */
    public static int jobNumber(String jobId) {
        return Integer.parseInt(jobId.substring(jobId.lastIndexOf('-') + 1));
    }

    // ---- set-up --------------------------------------------------------------------------------

    private static void requireInstalled() {
        for (String command : List.of("cupsd", "lpadmin", "lpstat", "cancel", "cupsenable", "cupsaccept", "lpr")) {
            binary(command);
        }
        if (!Files.isReadable(PPD) || !Files.exists(BACKEND) || !Files.isReadable(CONF)) {
            throw new AssertionError(
                    "cups-pdf is not installed (no " + PPD + ", " + BACKEND + " or " + CONF + "); " + INSTALL);
        }
    }

    private static Path binary(String command) {
        return SEARCH.stream()
                .map(dir -> dir.resolve(command))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(command + " is not installed; " + INSTALL));
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void start() {
        writeRetention();
        Path log = logFile();
        try {
            ours = new ProcessBuilder(binary("cupsd").toString(), "-f")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start cupsd: " + e.getMessage() + "; " + INSTALL, e);
        }
        installHook();
        Process p = ours;
        poll(() -> !p.isAlive() || answers(), STARTUP, "cupsd to answer on localhost:" + PORT + " (log " + log + ")");
        if (!p.isAlive()) {
            throw new AssertionError("cupsd exited at once (exit " + p.exitValue()
                    + "; it needs root, or another one holds port " + PORT + "):\n" + read(log));
        }
        poll(() -> run("lpstat", "-r").contains("is running"), STARTUP, "lpstat -r to say the scheduler is running");
    }

    /** cupsd.conf with this run's PreserveJobFiles and a short history; the original is kept aside once. */
    private static void writeRetention() {
        try {
            if (!Files.exists(CUPSD_CONF_BACKUP)) {
                Files.copy(CUPSD_CONF, CUPSD_CONF_BACKUP, StandardCopyOption.COPY_ATTRIBUTES);
            }
            installHook();
            List<String> conf = new ArrayList<>();
            for (String line : Files.readAllLines(CUPSD_CONF_BACKUP, StandardCharsets.UTF_8)) {
                if (!line.strip().startsWith("PreserveJob")) {
                    conf.add(line);
                }
            }
            conf.add("# the kiosk's tests (restored from cupsd.conf.kiosk-test afterwards)");
            conf.add("PreserveJobFiles " + preserveJobFiles);
            conf.add("PreserveJobHistory 300");
            Files.write(CUPSD_CONF, conf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + CUPSD_CONF + " (needs root): " + e.getMessage(), e);
        }
    }

    private static void createQueue() {
        try {
            // cups-pdf writes into a folder of ours; the configuration is restored when the JVM exits
            if (!Files.exists(CONF_BACKUP)) {
                Files.copy(CONF, CONF_BACKUP, StandardCopyOption.COPY_ATTRIBUTES);
            }
            installHook();
            Path dir = Files.createTempDirectory("kiosk-cups-pdf-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            List<String> conf = new ArrayList<>();
            boolean set = false;
            for (String line : Files.readAllLines(CONF_BACKUP, StandardCharsets.UTF_8)) {
                if (line.matches("\\s*#?\\s*Out\\s.*")) {
                    if (!set) {
                        conf.add("Out " + dir);
                        set = true;
                    }
                } else {
                    conf.add(line);
                }
            }
            if (!set) {
                conf.add("Out " + dir);
            }
            Files.write(CONF, conf, StandardCharsets.UTF_8);

            addQueue(QUEUE, "cups-pdf:/");
            outDir = dir;
        } catch (IOException e) {
            throw new AssertionError("cannot set up the cups-pdf queue (needs root): " + e.getMessage(), e);
        }
    }

    private static void createScriptedQueue() {
        try {
            Path dir = Files.createTempDirectory("kiosk-cups-printer-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path file = dir.resolve("state");
            Files.writeString(file, PrinterState.READY.word + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            // CUPS runs a backend that others may execute as user lp; the state file is readable to it
            String script = String.join(
                    "\n",
                    "#!/bin/sh",
                    "# The kiosk's CUPS driver tests: a printer whose state the test sets in " + file,
                    "if [ $# -eq 0 ]; then echo 'direct kiosktest \"Unknown\" \"Kiosk test printer\"'; exit 0; fi",
                    "state() { cat '" + file + "' 2>/dev/null; }",
                    "case \"$(state)\" in",
                    "  paper-out) echo 'STATE: +media-empty-error' >&2; echo 'INFO: Out of paper' >&2 ;;",
                    "  offline) echo 'STATE: +offline-report' >&2; echo 'INFO: The printer is not responding' >&2 ;;",
                    "esac",
                    "while [ \"$(state)\" != ready ]; do sleep 0.1; done",
                    "echo 'STATE: -media-empty-error,offline-report' >&2",
                    "echo 'INFO: Ready' >&2",
                    "cat > /dev/null",
                    "exit 0",
                    "");
            Files.writeString(BACKEND_SCRIPT, script, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(BACKEND_SCRIPT, PosixFilePermissions.fromString("rwxr-xr-x"));
            addQueue(SCRIPTED_QUEUE, "kiosktest:/");
            control = file;
        } catch (IOException e) {
            throw new AssertionError("cannot set up the scripted test printer (needs root): " + e.getMessage(), e);
        }
    }

    /** (Re)creates a queue with cups-pdf's PPD, copies made by CUPS's filters, Letter by default. */
    private static void addQueue(String queue, String deviceUri) throws IOException {
        Path ppd = Files.createTempFile("kiosk-cups-pdf-", ".ppd");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(PPD, StandardCharsets.ISO_8859_1)) {
            lines.add(line);
            if (line.startsWith("*PCFileName:")) {
                lines.add("*cupsManualCopies: True");
            }
        }
        Files.write(ppd, lines, StandardCharsets.ISO_8859_1);
        if (run(false, "lpstat", "-p").contains("printer " + queue + " ")) {
            run("lpadmin", "-x", queue);
        }
        run("lpadmin", "-p", queue, "-v", deviceUri, "-E", "-P", ppd.toString(), "-o", "PageSize=Letter");
        Files.delete(ppd);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Cupsd::cleanUp, "cupsd-clean-up"));
        }
    }

    private static synchronized void cleanUp() {
        try {
            if (answers()) {
                if (control != null) {
                    printer(PrinterState.READY);
                    run("cancel", "-a", SCRIPTED_QUEUE);
                    run("lpadmin", "-x", SCRIPTED_QUEUE);
                }
                for (String queue : extraQueues) {
                    run("lpadmin", "-x", queue);
                }
                if (outDir != null) {
                    run("cancel", "-a", QUEUE);
                    run("lpadmin", "-x", QUEUE);
                }
            }
        } catch (AssertionError e) {
            // best effort on the way out
        }
        try {
            if (Files.exists(CONF_BACKUP)) {
                Files.move(CONF_BACKUP, CONF, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(CUPSD_CONF_BACKUP)) {
                Files.move(CUPSD_CONF_BACKUP, CUPSD_CONF, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(BACKEND_SCRIPT);
            for (Path dir : new Path[] {outDir, control == null ? null : control.getParent()}) {
                if (dir != null) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // best effort on the way out
        }
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

    /** Like {@link Await#until}, every 100 ms: some of these conditions start a process. */
    private static void poll(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static Path logFile() {
        Path dir = Files.isDirectory(Path.of("target"))
                ? Path.of("target")
                : Path.of(System.getProperty("java.io.tmpdir"));
        return dir.resolve("cupsd-" + ProcessHandle.current().pid() + ".log").toAbsolutePath();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
