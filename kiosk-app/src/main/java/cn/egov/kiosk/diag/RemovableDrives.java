package cn.egov.kiosk.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The removable drives mounted now, where an engineer's bundle can go: the mount points {@code lsblk}
 * marks removable ({@code RM=1}), and the folders under {@code /media/USER/} and {@code
 * /run/media/USER/} where desktops mount USB sticks; only writable folders. Blocks on a process and
 * the file system: call it off the JavaFX thread.
 */
public final class RemovableDrives {
    private static final Logger log = LoggerFactory.getLogger(RemovableDrives.class);

    private final List<Path> mountRoots;

    /** The usual places: {@code /media} and {@code /run/media}, and {@code lsblk}. */
    public RemovableDrives() {
        this(List.of(Path.of("/media"), Path.of("/run/media")));
    }

    /** @param mountRoots folders whose grandchildren are mounted drives ({@code /media/USER/LABEL}) */
    RemovableDrives(List<Path> mountRoots) {
        this.mountRoots = List.copyOf(mountRoots);
    }

    /** The writable removable drives, each once, in the order found. */
    public List<Path> find() {
        Set<Path> found = new LinkedHashSet<>();
        for (String mount : removableMounts(lsblk())) {
            found.add(Path.of(mount));
        }
        for (Path root : mountRoots) {
            for (Path user : children(root)) {
                found.addAll(children(user));
            }
        }
        return found.stream()
                .filter(Files::isDirectory)
                .filter(Files::isWritable)
                .toList();
    }

    /**
     * The mount points of removable devices in {@code lsblk -rn -o RM,MOUNTPOINT} output: lines
     * {@code 1 /media/kiosk/USB\x20STICK} (a space in a path written {@code \x20}); the root file
     * system and swap never.
     */
    static List<String> removableMounts(String lsblkOutput) {
        List<String> mounts = new ArrayList<>();
        for (String line : lsblkOutput.split("\n")) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            if (space < 0 || !"1".equals(trimmed.substring(0, space))) {
                continue;
            }
            String mount = unescape(trimmed.substring(space + 1).strip());
            if (mount.startsWith("/") && !"/".equals(mount) && !mount.startsWith("/boot")) {
                mounts.add(mount);
            }
        }
        return mounts;
    }

    /** lsblk's raw output writes unsafe characters as {@code \xHH}. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                try {
                    bytes[n++] = (byte) Integer.parseInt(s.substring(i + 2, i + 4), 16);
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: kept as it is
                }
            }
            if (n > 0) {
                out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
                n = 0;
            }
            out.append(c);
        }
        if (n > 0) {
            out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String lsblk() {
        try {
            Process p = new ProcessBuilder("lsblk", "-rn", "-o", "RM,MOUNTPOINT")
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(64 * 1024);
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            log.debug("lsblk cannot be run: {}", e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            s.forEach(out::add);
        } catch (IOException e) {
            log.debug("{} cannot be listed: {}", dir, e.getMessage());
        }
        out.sort(null);
        return out;
    }
}
