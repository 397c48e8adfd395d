package cn.egov.kiosk.device.printer.cups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CUPS server the driver prints to and asks about queues and jobs: the same one every CUPS
 * client on the machine uses, found the way libcups finds it ({@code cupsServer()}, {@code
 * ippPort()}): {@code $CUPS_SERVER}, else {@code ServerName} in {@code ~/.cups/client.conf}, else in
 * {@code /etc/cups/client.conf}, else the local server; the port from {@code HOST:PORT}, else
 * {@code $IPP_PORT}, else 631. A domain socket ({@code /run/cups/cups.sock}) means the local server
 * on {@code localhost}.
 */
record CupsServer(String host, int port) {
    static final int DEFAULT_PORT = 631;

    CupsServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no CUPS server host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("CUPS server port " + port);
        }
    }

    /** The server for this process, from its environment and the client.conf files. */
    static CupsServer resolve() {
        List<Path> confs = new ArrayList<>();
        String home = System.getProperty("user.home");
        if (home != null && !home.isEmpty()) {
            confs.add(Path.of(home, ".cups", "client.conf"));
        }
        confs.add(Path.of("/etc/cups/client.conf"));
        return resolve(System.getenv(), confs);
    }

    static CupsServer resolve(Map<String, String> env, List<Path> clientConfs) {
        String name = env.get("CUPS_SERVER");
        if (name == null || name.isBlank()) {
            name = clientConfs.stream()
                    .map(CupsServer::serverNameIn)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(null);
        }
        int port = DEFAULT_PORT;
        String ippPort = env.get("IPP_PORT");
        if (ippPort != null && ippPort.matches("\\d{1,5}")) {
            port = Integer.parseInt(ippPort);
        }
        if (name == null || name.isBlank() || name.startsWith("/")) {
            return new CupsServer("localhost", port);
        }
        name = name.trim();
        int slash = name.indexOf("/version="); // libcups accepts HOST[:PORT]/version=1.1
        if (slash >= 0) {
            name = name.substring(0, slash);
        }
        if (name.startsWith("[")) { // [IPv6]:PORT
            int end = name.indexOf(']');
            String rest = name.substring(end + 1);
            if (rest.matches(":\\d{1,5}")) {
                port = Integer.parseInt(rest.substring(1));
            }
            return new CupsServer(name.substring(0, end + 1), port);
        }
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(':') == colon && name.substring(colon + 1).matches("\\d{1,5}")) {
            port = Integer.parseInt(name.substring(colon + 1));
            name = name.substring(0, colon);
        }
        return new CupsServer(name, port);
    }

    private static Optional<String> serverNameIn(Path conf) {
        try {
            if (!Files.isReadable(conf)) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.regionMatches(true, 0, "ServerName", 0, 10)
                        && t.length() > 10
                        && Character.isWhitespace(t.charAt(10))) {
                    String value = t.substring(10).trim();
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: as libcups, go on with the next one
        }
        return Optional.empty();
    }

    /** {@code http://HOST:PORT}: where IPP requests are posted. */
    String httpBase() {
        return "http://" + host + ":" + port;
    }

    /** {@code ipp://HOST:PORT/printers/QUEUE}: the queue's printer-uri. */
    String printerUri(String queue) {
        return "ipp://" + host + ":" + port + "/printers/" + queue;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
