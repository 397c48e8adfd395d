package cn.egov.kiosk.bench;

import cn.egov.kiosk.runtime.ConfigFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk bench [--json]}: the project's benchmarks, one figure per line. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the benchmarks and prints one line per figure: name, value, unit, and where there is one",
            "the baseline measured in the same run and the ratio. Startup needs a display: DISPLAY, or Xvfb",
            "(started here when installed); the serial figures need socat."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array of figures instead of lines.")
    boolean json;

    @Option(names = "--runs", description = "Startup runs of each application (default ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--tickets", description = "Tickets per printer measurement (default ${DEFAULT-VALUE}).")
    int tickets = 20;

    @Option(names = "--reads", description = "ID card reads (default ${DEFAULT-VALUE}).")
    int reads = 20;

    @Option(names = "--records", description = "Outbox records to drain (default ${DEFAULT-VALUE}).")
    int records = 10_000;

    @Option(
            names = "--only",
            paramLabel = "NAME",
            description =
                    "Only one benchmark: startup, tickets, idcard, render, search, keyboard, speech or platform (with the demo).")
    String only;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path scratch = Files.createTempDirectory("kiosk-bench");
        List<Figure> figures = new ArrayList<>();
        List<BenchProvider> extra = ServiceLoader.load(BenchProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        List<String> names =
                new ArrayList<>(List.of("startup", "tickets", "idcard", "render", "search", "keyboard", "speech"));
        extra.forEach(b -> names.add(b.name()));
        BenchProvider.BenchOptions options = new BenchProvider.BenchOptions(runs, tickets, reads, records);
        try {
            if (only != null && !names.contains(only)) {
                err.println("--only: one of " + names + ", not \"" + only + "\"");
                err.flush();
                return 2;
            }
            if (only == null || only.equals("startup")) {
                try (Display display = Display.find()) {
                    if (display.environment().isEmpty()) {
                        figures.add(Figure.skipped("startup.attract-ready", "no display: set DISPLAY or install Xvfb"));
                    } else {
                        err.println("bench: startup on display "
                                + display.environment().get().get("DISPLAY") + " (" + runs + " runs each)...");
                        err.flush();
                        figures.addAll(new StartupBench(ConfigFiles.defaultConfig(), runs)
                                .run(display.environment().get(), scratch.resolve("startup")));
                    }
                }
            }
            if (only == null || only.equals("tickets")) {
                err.println("bench: tickets (" + tickets + " each)...");
                err.flush();
                figures.addAll(new TicketBench(tickets).run(scratch.resolve("tickets")));
            }
            if (only == null || only.equals("search")) {
                err.println("bench: catalogue search (5,000 items)...");
                err.flush();
                figures.addAll(new SearchBench(5_000).run());
            }
            if (only == null || only.equals("keyboard")) {
                err.println("bench: pinyin keyboard (dictionary load, candidates)...");
                err.flush();
                figures.addAll(new KeyboardBench(5).run());
            }
            if (only == null || only.equals("speech")) {
                err.println("bench: spoken prompts (espeak-ng, the prompt cache)...");
                err.flush();
                figures.addAll(new SpeechBench(20).run(scratch.resolve("speech")));
            }
            if (only == null || only.equals("render")) {
                err.println("bench: rendering templates...");
                err.flush();
                figures.addAll(new RenderBench(20).run());
            }
            for (BenchProvider b : extra) {
                if (only == null || only.equals(b.name())) {
                    err.println("bench: " + b.describe(options) + "...");
                    err.flush();
                    figures.addAll(b.run(options, scratch.resolve(b.name())));
                }
            }
            if (only == null || only.equals("idcard")) {
                err.println("bench: ID card reads (" + reads + ")...");
                err.flush();
                figures.addAll(new IdReadBench(reads).run(scratch.resolve("idcard")));
            }
        } finally {
            deleteTree(scratch);
        }
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(figures));
        } else {
            figures.forEach(f -> out.println(f.line()));
        }
        out.flush();
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The display the startup benchmark shows its windows on: the current one, or an Xvfb of its own. */
    private static final class Display implements AutoCloseable {
        private final Optional<Map<String, String>> environment;
        private final Process xvfb;

        private Display(Optional<Map<String, String>> environment, Process xvfb) {
            this.environment = environment;
            this.xvfb = xvfb;
        }

        static Display find() throws InterruptedException {
            String current = System.getenv("DISPLAY");
            if (current != null && !current.isBlank()) {
                return new Display(Optional.of(Map.of("DISPLAY", current)), null);
            }
            for (int n = 87; n < 97; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                try {
                    Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    for (int i = 0; i < 100 && p.isAlive(); i++) {
                        if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                            Map<String, String> env = new HashMap<>();
                            env.put("DISPLAY", ":" + n);
                            return new Display(Optional.of(env), p);
                        }
                        Thread.sleep(50);
                    }
                    p.destroyForcibly();
                } catch (IOException e) {
                    return new Display(Optional.empty(), null); // no Xvfb
                }
            }
            return new Display(Optional.empty(), null);
        }

        Optional<Map<String, String>> environment() {
            return environment;
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
