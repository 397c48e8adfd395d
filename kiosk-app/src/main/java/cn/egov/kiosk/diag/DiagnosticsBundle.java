package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A diagnostics bundle: one zip an engineer sends to the vendor, holding what explains a kiosk's
 * trouble and nothing of its citizens. Entries:
 *
 * <ul>
 *   <li>{@code manifest.json}: when, which kiosk, what each entry is and its size;
 *   <li>{@code config/kiosk.yaml}: the configuration's text with the registration code, PINs, key
 *       pins and any password, secret or token replaced by {@code <removed>} (the key and credential
 *       files themselves are never read);
 *   <li>{@code devices.json}: each device's state, conditions, health text and counters, from the
 *       running kiosk's health model (the screen) or from the checks of {@code kiosk diag} (the shell);
 *   <li>{@code outbox.json}: the outbox's shape: records by kind and state, the oldest's age; never
 *       a body;
 *   <li>{@code versions.json}: the kiosk, Java, the OS, JavaFX and the key libraries;
 *   <li>{@code logs/...}: the newest log files of the kiosk's log folder, at most {@link
 *       #LOG_LIMIT} bytes in all (the end of a longer file).
 * </ul>
 *
 * <p>The zip is written next to the target under a temporary name and moved into place, so a
 * bundle is whole or absent (a pulled USB drive leaves no half file behind). It blocks on files and
 * the store: call it off the JavaFX thread.
 */
public final class DiagnosticsBundle {
    private static final Logger log = LoggerFactory.getLogger(DiagnosticsBundle.class);
    /** The most log bytes a bundle carries. */
    public static final long LOG_LIMIT = 8L * 1024 * 1024;

    private final KioskConfig config;
    private final Path configFile;
    private final Clock clock;
    private Object devices = List.of();
    private AuditRepository audit;
    private String actor;

    /**
     * @param config the configuration the kiosk runs with
     * @param configFile its file (whose text goes in, its secrets removed)
     */
    public DiagnosticsBundle(KioskConfig config, Path configFile, Clock clock) {
        this.config = config;
        this.configFile = configFile;
        this.clock = clock;
    }

    /** The devices as the running kiosk's health model has them (the diagnostics screen). */
    public DiagnosticsBundle devices(Collection<DeviceHealth> health) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DeviceHealth h : health) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", h.id());
            d.put("class", h.deviceClass().configName());
            d.put("driver", h.driver());
            d.put("connection", h.connection());
            d.put("state", h.state().name().toLowerCase(Locale.ROOT));
            d.put("conditions", h.conditions().stream().map(Enum::name).sorted().toList());
            d.put("healthy", h.problem().isEmpty());
            d.put("problem", h.problem().map(Enum::name).orElse(null));
            d.put("health", h.text());
            d.put("counters", new TreeMap<>(h.counters()));
            d.put("at", h.updatedAt().toString());
            list.add(d);
        }
        this.devices = list;
        return this;
    }

    /** The devices as {@code kiosk diag} checked them (the shell). */
    public DiagnosticsBundle deviceReports(List<DeviceReport> reports) {
        this.devices = List.copyOf(reports);
        return this;
    }

    /** Records a {@code diag.bundle} audit event (with the actor, "STAFF" or "ENGINEER") when written. */
    public DiagnosticsBundle audited(AuditRepository audit, String actor) {
        this.audit = audit;
        this.actor = actor;
        return this;
    }

    /** How written bytes reach the disk: forced before they are called written. */
    interface Sync {
        /** The bundle's temporary file, complete, before it is moved into place. */
        void file(FileChannel channel) throws IOException;

        /** The folder, after the move, so that the move itself survives a drive pulled out. */
        void directory(Path dir);

        Sync DISK = new Sync() {
            @Override
            public void file(FileChannel channel) throws IOException {
                channel.force(true);
            }

            @Override
            public void directory(Path dir) {
                // fsync of the folder (Linux allows it on a folder opened for reading); elsewhere nothing
                try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                    channel.force(true);
                } catch (IOException e) {
                    // not every platform opens a folder: the move is atomic there, if perhaps not yet durable
                }
            }
        };
    }

    private Sync sync = Sync.DISK;

    /** For tests: how the file and its folder are synced. */
    DiagnosticsBundle syncedBy(Sync sync) {
        this.sync = sync;
        return this;
    }

    /** What was written. */
    public record Written(Path file, List<String> entries, long bytes) {}

    /**
     * Writes the bundle to {@code target} (replacing a file there), atomically and durably: the
     * temporary file is forced to the disk before it is moved into place, and the folder after, so
     * that a USB drive pulled out once this returns holds the whole bundle.
     *
     * @throws UncheckedIOException when the target's folder cannot be written
     */
    public Written write(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + System.nanoTime());
        Instant now = clock.instant();
        List<String> entries = new ArrayList<>();
        Map<String, Object> manifestEntries = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    ZipOutputStream zip =
                            new ZipOutputStream(Channels.newOutputStream(channel), StandardCharsets.UTF_8)) {
                put(
                        zip,
                        "config/kiosk.yaml",
                        configText(),
                        entries,
                        manifestEntries,
                        "the configuration, secrets replaced by <removed>");
                put(zip, "devices.json", json(devices), entries, manifestEntries, "device states, health and counters");
                put(
                        zip,
                        "outbox.json",
                        json(outbox(now)),
                        entries,
                        manifestEntries,
                        "the outbox by kind and state (no bodies)");
                put(zip, "versions.json", json(versions()), entries, manifestEntries, "versions");
                for (Path logFile : logFiles()) {
                    byte[] bytes = tail(logFile);
                    put(zip, "logs/" + logFile.getFileName(), bytes, entries, manifestEntries, "a log file");
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("bundle", 1);
                manifest.put("kiosk", config.kiosk().id());
                manifest.put("createdAt", now.toString());
                manifest.put(
                        "personalData",
                        "none: the configuration without secrets, counts and states, logs (which never hold personal data)");
                manifest.put("entries", manifestEntries);
                put(zip, "manifest.json", json(manifest), entries, new LinkedHashMap<>(), "");
                zip.finish(); // the central directory too, straight into the channel (no buffer between)
                sync.file(channel);
            }
            move(tmp, target);
            sync.directory(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file stays; the bundle is not written
            }
            throw new UncheckedIOException(
                    "the diagnostics bundle cannot be written to " + target + ": " + e.getMessage(), e);
        }
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            size = -1;
        }
        log.info("Diagnostics bundle written: {} ({} entries, {} bytes)", target, entries.size(), size);
        if (audit != null) {
            audit.record(now, "diag.bundle", actor, Map.of("entries", entries.size(), "bytes", size));
        }
        return new Written(target, List.copyOf(entries), size);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void put(
            ZipOutputStream zip,
            String name,
            byte[] bytes,
            List<String> entries,
            Map<String, Object> manifest,
            String what)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        entries.add(name);
        if (!what.isEmpty()) {
            manifest.put(name, Map.of("what", what, "bytes", bytes.length));
        }
    }

    private byte[] configText() throws IOException {
        String text = Files.readString(configFile, StandardCharsets.UTF_8);
        return SecretRedaction.redact(text).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> outbox(Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Path db = config.storage().database();
        if (!Files.exists(db)) {
            doc.put("store", "none yet");
            return doc;
        }
        try (Database database = Database.open(db)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Optional<Instant> oldestPending = Optional.empty();
            long pending = 0;
            long dead = 0;
            for (OutboxRepository.Shape s : OutboxRepository.shape(database)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", s.kind());
                row.put("state", s.state());
                row.put("count", s.count());
                row.put("oldestAgeSeconds", Duration.between(s.oldest(), now).toSeconds());
                rows.add(row);
                if ("PENDING".equals(s.state())) {
                    pending += s.count();
                    if (oldestPending.isEmpty() || s.oldest().isBefore(oldestPending.get())) {
                        oldestPending = Optional.of(s.oldest());
                    }
                } else {
                    dead += s.count();
                }
            }
            doc.put("pending", pending);
            doc.put("dead", dead);
            doc.put(
                    "oldestPendingAgeSeconds",
                    oldestPending.map(o -> Duration.between(o, now).toSeconds()).orElse(null));
            doc.put("byKindAndState", rows);
        } catch (RuntimeException e) {
            doc.put("error", String.valueOf(e.getMessage()));
        }
        return doc;
    }

    /** The kiosk's, Java's, the OS's, JavaFX's and the key libraries' versions. */
    static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kiosk", version(DiagnosticsBundle.class));
        v.put(
                "java",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")");
        v.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        v.put("javafx", javafx());
        Map<String, Object> libs = new LinkedHashMap<>();
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("jSerialComm", "com.fazecast.jSerialComm.SerialPort");
        probes.put("sqlite-jdbc", "org.sqlite.JDBC");
        probes.put("okhttp", "okhttp3.OkHttpClient");
        probes.put("jackson", "com.fasterxml.jackson.databind.ObjectMapper");
        probes.put("pdfbox", "org.apache.pdfbox.pdmodel.PDDocument");
        probes.put("picocli", "picocli.CommandLine");
        probes.put("logback", "ch.qos.logback.classic.Logger");
        probes.put("slf4j", "org.slf4j.Logger");
        for (Map.Entry<String, String> p : probes.entrySet()) {
            try {
                libs.put(
                        p.getKey(),
                        version(Class.forName(p.getValue(), false, DiagnosticsBundle.class.getClassLoader())));
            } catch (ClassNotFoundException | LinkageError e) {
                libs.put(p.getKey(), "absent");
            }
        }
        v.put("libraries", libs);
        return v;
    }

    private static String javafx() {
        String p = System.getProperty("javafx.runtime.version");
        if (p != null) {
            return p;
        }
        try {
            Class<?> info = Class.forName(
                    "com.sun.javafx.runtime.VersionInfo", false, DiagnosticsBundle.class.getClassLoader());
            return String.valueOf(info.getMethod("getRuntimeVersion").invoke(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "absent";
        }
    }

    /** A class's version: its jar's manifest, else the jar's file name, else "dev". */
    private static String version(Class<?> c) {
        Package p = c.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            String path = source.getLocation().getPath();
            String name = path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
            if (name.endsWith(".jar")) {
                return name;
            }
        }
        return "dev";
    }

    /** The newest log files first, as many as fit the limit. */
    private List<Path> logFiles() throws IOException {
        Path logs = config.storage().dataDir().resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(logs)) {
            files = s.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(DiagnosticsBundle::modified).reversed())
                    .toList();
        }
        List<Path> chosen = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            if (total >= LOG_LIMIT) {
                break;
            }
            chosen.add(f);
            total += Files.size(f);
        }
        return chosen;
    }

    private long logBytes;

    /** The file, or its last bytes when the limit is near. */
    private byte[] tail(Path file) throws IOException {
        long left = Math.max(0, LOG_LIMIT - logBytes);
        long size = Files.size(file);
        long take = Math.min(size, left);
        byte[] bytes = new byte[(int) take];
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(size - take);
            in.readNBytes(bytes, 0, bytes.length);
        }
        logBytes += take;
        return bytes;
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static byte[] json(Object o) throws IOException {
        return new ObjectMapper()
                .findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(o);
    }
}
