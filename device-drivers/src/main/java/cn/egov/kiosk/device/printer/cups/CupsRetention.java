package cn.egov.kiosk.device.printer.cups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a CUPS server keeps of the jobs it has printed, from its cupsd.conf: {@code
 * PreserveJobFiles} (the documents; CUPS's default keeps them a day, 86400 s) and {@code
 * PreserveJobHistory} (the jobs' names, users and times; by default until {@code MaxJobs}). A
 * licence kept in the spool outlives the citizen's session, so the kiosk wants {@code
 * PreserveJobFiles No}; the history holds no document and the kiosk's job names no personal data,
 * but it should not be kept for ever: a short one ({@code PreserveJobHistory 300}) lets the driver
 * read each job's end.
 *
 * @param configuration the file read
 * @param files the {@code PreserveJobFiles} value (CUPS's default when absent)
 * @param history the {@code PreserveJobHistory} value (CUPS's default when absent)
 */
record CupsRetention(Path configuration, String files, String history) {
    static final String DEFAULT_FILES = "86400";
    static final String DEFAULT_HISTORY = "Yes";
    /** The longest job history the kiosk lets pass without a word: an hour. */
    static final long HISTORY_LIMIT_SECONDS = 3600;

    /**
     * The local server's retention, read from {@code $CUPS_SERVERROOT/cupsd.conf} ({@code
     * /etc/cups}); empty for a server on another machine or a file this user cannot read.
     */
    static Optional<CupsRetention> local(CupsServer server) {
        if (!isLocal(server.host())) {
            return Optional.empty();
        }
        String root = System.getenv("CUPS_SERVERROOT");
        Path conf = Path.of(root == null || root.isBlank() ? "/etc/cups" : root, "cupsd.conf");
        try {
            return Optional.of(parse(conf, Files.readAllLines(conf, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("127.0.0.1")
                || h.equals("[::1]")
                || h.equals("::1")
                || h.startsWith("/");
    }

    /** The two settings of a cupsd.conf (the last one counts, as in CUPS); CUPS's defaults where absent. */
    static CupsRetention parse(Path configuration, List<String> lines) {
        String files = DEFAULT_FILES;
        String history = DEFAULT_HISTORY;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+", 2);
            if (parts.length < 2) {
                continue;
            }
            if (parts[0].equalsIgnoreCase("PreserveJobFiles")) {
                files = parts[1].strip();
            } else if (parts[0].equalsIgnoreCase("PreserveJobHistory")) {
                history = parts[1].strip();
            }
        }
        return new CupsRetention(configuration, files, history);
    }

    /** Whether printed documents stay in the spool after their job. */
    boolean keepsFiles() {
        return !isOff(files);
    }

    /** Whether job history is kept for ever or longer than {@link #HISTORY_LIMIT_SECONDS}. */
    boolean keepsLongHistory() {
        if (isOff(history)) {
            return false;
        }
        Optional<Long> seconds = seconds(history);
        return seconds.isEmpty() || seconds.get() > HISTORY_LIMIT_SECONDS;
    }

    /** What to change, one sentence each; empty when nothing. */
    List<String> advice(CupsServer server) {
        List<String> advice = new ArrayList<>();
        if (keepsFiles()) {
            advice.add("CUPS at " + server + " keeps the documents it has printed (PreserveJobFiles " + files + " in "
                    + configuration
                    + "): set PreserveJobFiles No, so that no citizen's licence stays in its spool (docs/CUPS.md)");
        }
        if (keepsLongHistory()) {
            advice.add("CUPS at " + server + " keeps its job history "
                    + (seconds(history).isPresent() ? "for " + history + " s" : "for ever") + " (PreserveJobHistory "
                    + history + " in " + configuration + "): set PreserveJobHistory 300 (docs/CUPS.md)");
        }
        return advice;
    }

    private static boolean isOff(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("no") || v.equals("off") || v.equals("false") || v.equals("0");
    }

    private static Optional<Long> seconds(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            // CUPS takes a number of seconds, or one with a unit: 5m, 2h, 1d, 1w
            long unit = 1;
            if (v.endsWith("m")) {
                unit = 60;
            } else if (v.endsWith("h")) {
                unit = 3600;
            } else if (v.endsWith("d")) {
                unit = 86_400;
            } else if (v.endsWith("w")) {
                unit = 604_800;
            }
            String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
            return Optional.of(Long.parseLong(digits) * unit);
        } catch (NumberFormatException e) {
            return Optional.empty(); // Yes, true, on: for ever
        }
    }
}
