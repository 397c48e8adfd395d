package cn.egov.kiosk.device.api;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each device's counters in {@code <dir>/<deviceId>.properties}, replaced atomically so that
 * a power cut leaves either the old or the new file. A damaged file is logged and counted from zero.
 */
public final class FileStatisticsStore implements StatisticsStore {
    private static final Logger log = LoggerFactory.getLogger(FileStatisticsStore.class);

    private final Path dir;

    public FileStatisticsStore(Path dir) {
        this.dir = dir;
    }

    /** The device id as a file name: anything but letters, digits, dot, dash and underscore is "_". */
    private static String safeName(String deviceId) {
        return deviceId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private Path file(String deviceId) {
        return dir.resolve(safeName(deviceId) + ".properties");
    }

    @Override
    public Map<String, Long> load(String deviceId) {
        Path file = file(deviceId);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
            Map<String, Long> counters = new TreeMap<>();
            for (String name : props.stringPropertyNames()) {
                counters.put(name, Long.parseLong(props.getProperty(name).trim()));
            }
            return counters;
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed unicode escape (NumberFormatException is one too)
            log.warn("Device statistics of {} in {} are unreadable; counting from zero", deviceId, file, e);
            return Map.of();
        }
    }

    @Override
    public synchronized void save(String deviceId, Map<String, Long> counters) {
        Path file = file(deviceId);
        try {
            Files.createDirectories(dir);
            Properties props = new Properties();
            counters.forEach((name, value) -> props.setProperty(name, Long.toString(value)));
            Path tmp = Files.createTempFile(dir, safeName(deviceId), ".tmp");
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                props.store(out, "statistics of device " + deviceId);
                out.getFD().sync(); // on disk before it replaces the old file: old or new, never half
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Could not save the statistics of device {} to {}", deviceId, file, e);
        }
    }
}
