package cn.egov.kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech from the {@code espeak-ng} binary (Debian's package {@code espeak-ng}), one process per
 * text: Chinese as tone-numbered pinyin ({@link TonePinyin}) on the {@code cmn-latn-pinyin} voice
 * (the {@code cmn} voice of Debian 12 reads tone digits as English words), English on an English
 * voice. The text goes to the process on its standard input, never on its command line (which
 * {@code ps} shows), and is never logged: only its length, at debug level.
 *
 * <p>The binary is looked for on {@code PATH} unless given. Whether it runs, and its version, is
 * asked once ({@code espeak-ng --version}), on the first call of {@link #id()}, {@link #problem()}
 * or {@link #synthesize}: those block, so not on the JavaFX thread.
 */
public final class EspeakNgEngine implements SpeechEngine {
    public static final String BINARY = "espeak-ng";
    /** Mandarin read from pinyin with tone digits. */
    public static final String CHINESE_VOICE = "cmn-latn-pinyin";

    public static final String ENGLISH_VOICE = "en-gb";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(EspeakNgEngine.class);
    private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");
    private static final int STDERR_KEPT = 2000;

    private final Path given;
    private final Duration timeout;
    private volatile Probe probe;

    /** What {@code --version} said: the binary, its version, or why it cannot be used. */
    private record Probe(Optional<Path> binary, String version, Optional<String> problem) {}

    /** The {@code espeak-ng} on {@code PATH} (looked for on first use). */
    public EspeakNgEngine() {
        this(null, DEFAULT_TIMEOUT);
    }

    /**
     * A given binary (null: the one on {@code PATH}), each synthesis given {@code timeout} before
     * the process is killed.
     */
    public EspeakNgEngine(Path binary, Duration timeout) {
        this.given = binary;
        this.timeout = timeout;
    }

    /** The executable file {@code name} in a folder of {@code PATH}, if there is one. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The binary used, if one was found. */
    public Optional<Path> binary() {
        return probe().binary();
    }

    @Override
    public String id() {
        return BINARY + " " + probe().version();
    }

    /** The version the binary says it is ({@code 1.51}), or {@code unknown}. */
    public String version() {
        return probe().version();
    }

    @Override
    public String voice(Locale locale) {
        return TonePinyin.isChinese(locale) ? CHINESE_VOICE + " " + TonePinyin.bundledVersion() : ENGLISH_VOICE;
    }

    @Override
    public Optional<String> problem() {
        return probe().problem();
    }

    private Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (this) {
                if (probe == null) {
                    probe = ask();
                }
                p = probe;
            }
        }
        return p;
    }

    private Probe ask() {
        Optional<Path> binary = given != null ? Optional.of(given) : onPath(BINARY);
        if (binary.isEmpty()) {
            return new Probe(
                    binary,
                    "unknown",
                    Optional.of(BINARY + " is not installed (not found on PATH; apt-get install " + BINARY + ")"));
        }
        if (!Files.isExecutable(binary.get())) {
            return new Probe(
                    binary, "unknown", Optional.of(BINARY + " is not installed (no program " + binary.get() + ")"));
        }
        try {
            Result r = run(List.of(binary.get().toString(), "--version"), new byte[0]);
            Matcher m = VERSION.matcher(new String(r.stdout(), StandardCharsets.UTF_8));
            if (r.exit() != 0 || !m.find()) {
                return new Probe(
                        binary,
                        "unknown",
                        Optional.of(binary.get() + " --version failed (exit " + r.exit() + "): " + r.stderr()));
            }
            return new Probe(binary, m.group(1), Optional.empty());
        } catch (SpeechException e) {
            return new Probe(binary, "unknown", Optional.of(e.getMessage()));
        }
    }

    /** Loads the pinyin conversion, so that the first Chinese prompt does not wait for it. */
    @Override
    public void prepare() {
        if (problem().isEmpty()) {
            TonePinyin.bundled();
        }
    }

    @Override
    public byte[] synthesize(String text, Locale locale) throws SpeechException {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new SpeechException(problem.get());
        }
        boolean chinese = TonePinyin.isChinese(locale);
        String input = chinese ? TonePinyin.bundled().convert(text) : plain(text);
        if (input.isBlank()) {
            return new Wav(22_050, 1, new byte[0]).bytes(); // nothing that can be spoken
        }
        long started = System.nanoTime();
        Result r = run(
                List.of(
                        binary().orElseThrow().toString(),
                        "-v",
                        chinese ? CHINESE_VOICE : ENGLISH_VOICE,
                        "--stdout",
                        "--stdin"),
                (input + "\n").getBytes(StandardCharsets.UTF_8));
        if (r.exit() != 0) {
            throw new SpeechException(BINARY + " failed (exit " + r.exit() + "): " + r.stderr());
        }
        Wav wav;
        try {
            wav = Wav.parse(r.stdout());
        } catch (IllegalArgumentException e) {
            throw new SpeechException(BINARY + " gave no WAV (" + e.getMessage() + "): " + r.stderr(), e);
        }
        log.debug(
                "espeak-ng: {} characters ({}) to {} s of audio in {} ms",
                text.length(),
                locale.toLanguageTag(),
                String.format(Locale.ROOT, "%.2f", wav.seconds()),
                (System.nanoTime() - started) / 1_000_000);
        return wav.bytes();
    }

    /** English: control characters out (the text goes in as one line). */
    private static String plain(String text) {
        return text.replaceAll("[\\p{Cntrl}]+", " ").strip();
    }

    private record Result(int exit, byte[] stdout, String stderr) {}

    /** Runs the binary with {@code stdin}, within the timeout; its output and the start of its errors. */
    private Result run(List<String> command, byte[] stdin) throws SpeechException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SpeechException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        Drain out = Drain.start(p.getInputStream(), Integer.MAX_VALUE, "espeak-ng-out");
        Drain err = Drain.start(p.getErrorStream(), STDERR_KEPT, "espeak-ng-err");
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process ended without reading: its exit status and errors say why
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SpeechException(BINARY + " did not finish within " + timeout.toMillis() + " ms; killed");
            }
            byte[] stdout = out.await();
            String stderr = new String(err.await(), StandardCharsets.UTF_8).strip();
            return new Result(p.exitValue(), stdout, stderr.isEmpty() ? "(nothing on stderr)" : stderr);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while " + BINARY + " ran", e);
        }
    }

    /** Reads a stream to its end on a thread of its own, keeping at most {@code limit} bytes. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;

        private Drain(InputStream in, int limit, String name) {
            this.in = in;
            this.limit = limit;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        static Drain start(InputStream in, int limit, String name) {
            Drain d = new Drain(in, limit, name);
            d.thread.start();
            return d;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1 << 16];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int room = limit - kept.size();
                    if (room > 0) {
                        synchronized (this) {
                            kept.write(buffer, 0, Math.min(n, room));
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read is what there is
            }
        }

        byte[] await() throws InterruptedException {
            thread.join(2_000);
            synchronized (this) {
                return kept.toByteArray();
            }
        }
    }

    @Override
    public String toString() {
        return "EspeakNgEngine[" + (given != null ? given : "on PATH") + "]";
    }
}
