package cn.egov.kiosk.app;

import cn.egov.kiosk.bench.BenchCommand;
import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.diag.CatalogueCommand;
import cn.egov.kiosk.diag.DiagCommand;
import cn.egov.kiosk.diag.DiagIdReaderCommand;
import cn.egov.kiosk.diag.DiagPaymentTerminalCommand;
import cn.egov.kiosk.diag.DiagScannerCommand;
import cn.egov.kiosk.diag.OutboxCommand;
import cn.egov.kiosk.diag.PaymentsCommand;
import cn.egov.kiosk.diag.PrintCommand;
import cn.egov.kiosk.diag.SayCommand;
import cn.egov.kiosk.diag.SimCommand;
import cn.egov.kiosk.diag.SimctlCommand;
import cn.egov.kiosk.diag.TestPageCommand;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.runtime.ConfigFiles;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.runtime.LogSetup;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.ui.I18n;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The kiosk's command line: {@code kiosk [--config FILE]} runs the kiosk full screen; {@code kiosk
 * diag} checks the devices without a screen; {@code kiosk bench} runs the benchmarks; {@code kiosk
 * say} writes what the kiosk would say to a WAV file.
 *
 * <p>Exit codes: 0 fine, 1 a device or check failed, 2 bad arguments or configuration, 3 no display.
 */
@Command(
        name = "kiosk",
        mixinStandardHelpOptions = true,
        version = "kiosk 0.1.0",
        description = "The e-service hall's self-service kiosk (政务服务自助终端).")
public final class Main implements Callable<Integer> {
    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_NO_DISPLAY = 3;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: config/demo.yaml, demo mode).")
    Path config;

    @Option(
            names = "--bench-ready",
            hidden = true,
            description = "Print KIOSK-READY once the attract screen is laid out.")
    boolean benchReady;

    @Option(
            names = "--cds-training",
            hidden = true,
            description = "The class-data archive's training run (./kiosk runs it after a build).")
    boolean cdsTraining;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        boolean kiosk = runsTheKiosk(args);
        if (kiosk && displayProblem().isEmpty()) {
            // JavaFX, the logging, the SQLite native library, the print templates and the configuration
            // (then the runtime) start while the command line is read
            KioskWindow.startToolkit();
            preload();
            Optional<Path> file = configFileOf(args);
            if (file.isPresent()) {
                // The kiosk's own arguments, read by configFileOf: no command line to parse. picocli
                // (compiled for Java 5, so the class-data archive cannot hold it) and the reflection over
                // the subcommands' hundreds of options would cost the start-up a third of a second.
                Boot started = Boot.start(file.get());
                Main kioskItself = new Main();
                kioskItself.benchReady = List.of(args).contains("--bench-ready");
                int exit;
                try {
                    exit = kioskItself.run(new PrintWriter(System.err, true), Optional.of(started));
                } catch (RuntimeException
                        | Error e) { // as picocli would: said with where it happened, and the process ends
                    System.err.println("The kiosk could not start: " + e);
                    e.printStackTrace();
                    exit = 1;
                }
                System.exit(exit);
            }
        }
        if (!kiosk) {
            LogSetup.keepNoEarlyLines();
        }
        System.exit(commandLine().execute(args));
    }

    /** The print templates, read (and checked) while the configuration is: they do not depend on it. */
    private static final CompletableFuture<TemplateLibrary> templates = new CompletableFuture<>();

    private static volatile boolean preloadStarted;

    /** Loads, on a thread of its own, what every kiosk start needs and takes long to load. */
    private static void preload() {
        preloadStarted = true;
        daemon("kiosk-preload", () -> {
            LoggerFactory.getILoggerFactory();
            Database.preload();
        });
        daemon("kiosk-templates", Main::loadTemplates);
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private static void loadTemplates() {
        try {
            templates.complete(TemplateLibrary.load(ConfigFiles.templatesDir()));
        } catch (TemplateException
                | RuntimeException
                | Error e) { // whatever it is, start-up is told, never left waiting
            templates.completeExceptionally(e);
        }
    }

    /** The configuration and then the runtime, prepared on the {@code kiosk-boot} thread. */
    private record Boot(CompletableFuture<KioskConfig> configuring, CompletableFuture<KioskRuntime> booting) {
        static Boot start(Path file) {
            ExecutorService bootThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kiosk-boot");
                t.setDaemon(true);
                return t;
            });
            CompletableFuture<KioskConfig> configuring = CompletableFuture.supplyAsync(() -> load(file), bootThread);
            CompletableFuture<KioskRuntime> booting = configuring.thenApplyAsync(Main::boot, bootThread);
            booting.whenComplete((built, error) -> bootThread.shutdown());
            return new Boot(configuring, booting);
        }
    }

    /**
     * The configuration file the kiosk's arguments name, read ahead of the command line: no
     * arguments or {@code --bench-ready} give the default, {@code --config FILE} that file; any
     * other shape is left to the command line (empty: nothing is started early).
     */
    static Optional<Path> configFileOf(String[] args) {
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bench-ready")) {
                continue;
            }
            if (args[i].equals("--config") && i + 1 < args.length && file == null && !args[i + 1].startsWith("-")) {
                file = Path.of(args[++i]);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(file != null ? file : ConfigFiles.defaultConfig());
    }

    /** The subcommands' names (platform-sim: the demo's): any of them, or help and version, means not the kiosk itself. */
    private static final List<String> NOT_THE_KIOSK = List.of(
            "diag",
            "bench",
            "simctl",
            "sim",
            "print",
            "platform-sim",
            "outbox",
            "payments",
            "catalogue",
            "say",
            "tour",
            "-h",
            "--help",
            "-V",
            "--version");

    /** Whether the arguments run the kiosk itself (not a subcommand, help or version). */
    static boolean runsTheKiosk(String[] args) {
        for (String a : args) {
            if (NOT_THE_KIOSK.contains(a)) {
                return false;
            }
        }
        return true;
    }

    /** The command line with its subcommands, for {@code main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(
                "diag",
                new CommandLine(new DiagCommand())
                        // --monitor id-reader: a device's id may be a subcommand's name
                        .setAllowSubcommandsAsOptionParameters(true)
                        .addSubcommand("id-reader", new DiagIdReaderCommand())
                        .addSubcommand("scanner", new DiagScannerCommand())
                        .addSubcommand("payment-terminal", new DiagPaymentTerminalCommand())
                        .addSubcommand("test-page", new TestPageCommand()));
        cl.addSubcommand("bench", new BenchCommand());
        cl.addSubcommand("simctl", new SimctlCommand());
        cl.addSubcommand("sim", new SimCommand());
        cl.addSubcommand("print", new PrintCommand());
        cl.addSubcommand("outbox", new OutboxCommand());
        cl.addSubcommand("payments", new PaymentsCommand());
        cl.addSubcommand("catalogue", new CatalogueCommand());
        cl.addSubcommand("say", new SayCommand());
        // the commands of optional parts: the demo's platform-sim
        ServiceLoader.load(CommandProvider.class).forEach(p -> p.commands().forEach(cl::addSubcommand));
        return cl;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getErr(), Optional.empty());
    }

    /**
     * The kiosk itself (or its class-data training run), with its options set; {@code started}: the
     * start main() began before any command line was read.
     */
    private int run(PrintWriter err, Optional<Boot> started) {
        Optional<String> noDisplay = displayProblem();
        if (noDisplay.isPresent()) {
            err.println("The kiosk needs a graphical display and found none: " + noDisplay.get() + ".");
            err.println(
                    "Run it on the kiosk's screen (a desktop or kiosk session), or on a virtual one: xvfb-run ./kiosk");
            err.println("Device diagnostics need no screen: ./kiosk diag");
            err.flush();
            return EXIT_NO_DISPLAY;
        }
        if (cdsTraining) {
            try {
                return CdsTraining.run();
            } catch (Exception e) {
                err.println("The class-data archive's training run failed: " + e);
                err.flush();
                return 1;
            }
        }
        // The configuration, logs, store and devices are prepared on a thread of their own while
        // JavaFX starts on this one: the window is up sooner, and its thread never waits on them.
        Boot boot = started.orElseGet(() -> Boot.start(config != null ? config : ConfigFiles.defaultConfig()));
        CompletableFuture<KioskConfig> configuring = boot.configuring();
        CompletableFuture<KioskRuntime> booting = boot.booting();
        PrintStream ready = benchReady ? new PrintStream(new FileOutputStream(FileDescriptor.out), true) : null;
        Optional<Throwable> failure;
        try {
            failure = KioskWindow.run(configuring, booting, ready);
        } catch (IllegalStateException e) {
            booting.thenAccept(KioskRuntime::close); // if it is built at all
            err.println("The kiosk could not open its window: " + e.getMessage());
            err.println("Check that the display is reachable (DISPLAY=" + System.getenv("DISPLAY") + ").");
            err.flush();
            return EXIT_NO_DISPLAY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (failure.isPresent()) {
            LogSetup.awaitFile(Duration.ofSeconds(3)); // the failure's lines reach the log file before the process ends
        }
        Optional<ConfigException> configProblem =
                failure.filter(ConfigException.class::isInstance).map(ConfigException.class::cast);
        if (configProblem.isPresent()) {
            err.println("The kiosk cannot start: its configuration is not valid.");
            err.println(configProblem.get().getMessage());
            err.flush();
            return EXIT_CONFIG;
        }
        Optional<TemplateException> templateProblem =
                failure.filter(TemplateException.class::isInstance).map(TemplateException.class::cast);
        if (templateProblem.isPresent()) {
            err.println("The kiosk cannot start: a print template is not valid (fix it, or put back the shipped one).");
            err.println(templateProblem.get().getMessage());
            err.flush();
            return EXIT_CONFIG;
        }
        if (failure.isPresent()) {
            err.println("The kiosk could not start: " + failure.get().getMessage());
            err.flush();
            return 1;
        }
        return 0;
    }

    private static KioskConfig load(Path file) {
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Points the logs at the data folder (the file opens in the background; the lines before are
     * kept for it), builds the runtime, warms the locale data.
     */
    static KioskRuntime boot(KioskConfig loaded) {
        LogSetup.useDirectoryInBackground(loaded.storage().dataDir().resolve("logs"));
        if (!preloadStarted) {
            loadTemplates(); // main() did not start the preload (a test calls call() directly)
        }
        TemplateLibrary library;
        try {
            library = templates.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof TemplateException te ? new CompletionException(te) : e;
        }
        KioskRuntime runtime =
                new KioskRuntime(loaded, library, Clock.system(loaded.kiosk().timeZone()), Backoff.DEFAULT);
        new I18n(loaded.kiosk().locales()).warmUp(loaded.kiosk().timeZone());
        LoggerFactory.getLogger(Main.class)
                .info(
                        "Start-up: configuration and runtime ready at {} ms (the log file opens beside)",
                        ManagementFactory.getRuntimeMXBean().getUptime());
        return runtime;
    }

    /** Why there is no display to show the kiosk on, if there is none. */
    static Optional<String> displayProblem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return Optional.empty();
        }
        if (blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            return Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
