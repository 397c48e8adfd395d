package cn.egov.kiosk.runtime;

import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an engineer or a trainer drive the simulated devices of a running kiosk from a shell
 * ({@code ./kiosk simctl ticket-printer paper-out}): a Unix domain socket in the kiosk's data
 * folder, readable only by the kiosk's user, listening only when some device is simulated.
 *
 * <p>Protocol: one request line, one or more answer lines, then the connection closes. {@code list}
 * answers one line per simulator; {@code DEVICE COMMAND [ARGUMENT]} answers {@code OK <state>} or
 * {@code ERROR <why>}.
 */
public final class SimulatorControl implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatorControl.class);
    public static final String SOCKET_NAME = "simctl.sock";

    private final SimulatorRegistry simulators;
    private final Path socket;
    private ServerSocketChannel server;
    private Thread thread;

    public SimulatorControl(SimulatorRegistry simulators, Path dataDir) {
        this.simulators = simulators;
        this.socket = dataDir.resolve(SOCKET_NAME);
    }

    public Path socket() {
        return socket;
    }

    /** Starts listening, when there is any simulator to control. */
    public void start() {
        if (simulators.all().isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket); // left by a kiosk that did not stop cleanly
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Simulator control is not available at {}: {}", socket, e.toString());
            return;
        }
        thread = new Thread(this::serve, "simulator-control");
        thread.setDaemon(true);
        thread.start();
        log.info("Simulator control listening on {}", socket);
    }

    private void serve() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    log.debug("Simulator control: accept failed: {}", e.toString());
                }
                continue;
            }
            // each client on a thread of its own: one that connects and says nothing holds up no other
            Thread t = new Thread(() -> handle(client), "simulator-control-client");
            t.setDaemon(true);
            t.start();
        }
    }

    private void handle(SocketChannel client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8)) {
            String request = in.readLine();
            out.write(answer(request == null ? "" : request.strip()));
            out.flush();
        } catch (IOException e) {
            log.debug("Simulator control connection failed: {}", e.toString());
        }
    }

    /** The answer to one request line. */
    String answer(String request) {
        if (request.isEmpty() || request.equals("list")) {
            StringBuilder sb = new StringBuilder();
            for (Simulator s : simulators.all()) {
                sb.append(s.deviceId()).append(": ").append(s.describe()).append('\n');
                s.commands()
                        .forEach((c, help) -> sb.append("  ")
                                .append(c)
                                .append(" - ")
                                .append(help)
                                .append('\n'));
            }
            return sb.toString();
        }
        String[] parts = request.split("\\s+", 3);
        Optional<Simulator> target = simulators.find(parts[0]);
        if (target.isEmpty()) {
            return "ERROR no simulated device \"" + parts[0] + "\"; simulated: "
                    + simulators.all().stream().map(Simulator::deviceId).toList() + "\n";
        }
        if (parts.length < 2) {
            Map<String, String> commands = target.get().commands();
            return "ERROR a command for " + parts[0] + ": one of " + commands.keySet() + "\n";
        }
        try {
            target.get().apply(parts[1], parts.length > 2 ? parts[2] : "");
            log.info("Simulator {}: {} (from simctl)", parts[0], parts[1]);
            return "OK " + target.get().describe() + "\n";
        } catch (IllegalArgumentException e) {
            return "ERROR " + e.getMessage() + "; commands: "
                    + target.get().commands().keySet() + "\n";
        }
    }

    /** Sends one request to a running kiosk's control socket; returns its answer. */
    public static String send(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                PrintWriter out = new PrintWriter(
                        new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.println(request);
            out.flush();
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                log.debug("Closing simulator control: {}", e.toString());
            }
        }
    }
}
