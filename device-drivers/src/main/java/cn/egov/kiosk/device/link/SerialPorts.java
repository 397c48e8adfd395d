package cn.egov.kiosk.device.link;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The serial ports this machine has, as a staff screen offers them: those jSerialComm finds, and the
 * stable names under {@code /dev/serial/by-id} (the same adapter keeps its name whichever USB socket
 * it is in). Pseudo-terminals are not listed (jSerialComm does not see them): a screen adds the path
 * the configuration holds.
 */
public final class SerialPorts {
    private static final Path BY_ID = Path.of("/dev/serial/by-id");

    private SerialPorts() {}

    /** The ports' paths, sorted; empty when there are none (or the native library cannot load). */
    public static Set<String> available() {
        Set<String> paths = new TreeSet<>();
        try {
            for (SerialPort p : SerialPort.getCommPorts()) {
                String path = p.getSystemPortPath();
                if (path != null && !path.isBlank()) {
                    paths.add(path);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no native library for this machine: the by-id names and the configured paths remain
        }
        if (Files.isDirectory(BY_ID)) {
            try (DirectoryStream<Path> links = Files.newDirectoryStream(BY_ID)) {
                for (Path link : links) {
                    paths.add(link.toString());
                }
            } catch (IOException e) {
                // unreadable: the other names remain
            }
        }
        return paths;
    }
}
