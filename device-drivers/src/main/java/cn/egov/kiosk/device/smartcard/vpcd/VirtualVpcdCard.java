package cn.egov.kiosk.device.smartcard.vpcd;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A smart card in a vsmartcard {@code vpcd} virtual reader of pcscd, written in Java: engineers use
 * it to check a kiosk's whole PC/SC stack (pcscd, libpcsclite, the JVM, the driver) without a
 * physical card, and the tests use it as the card.
 *
 * <p>The card is a TCP client of vpcd ({@code localhost:35963} is reader {@code Virtual PCD 00
 * 00}, 35964 is {@code 00 01}). {@link #insert()} connects, which inserts the card; {@link
 * #remove()} closes the connection, which removes it. Every message either way is a 2-byte
 * big-endian length and a payload. A 1-byte payload from vpcd is a control code: 0 power off, 1
 * power on, 2 reset (none answered), 4 get ATR (answered with the ATR); any longer payload is a
 * command APDU, answered with the response APDU of the {@link ApduResponder}.
 *
 * <p>When vpcd closes the connection (pcscd stopped), the card counts as removed. Only instruction
 * bytes and lengths are logged.
 */
public final class VirtualVpcdCard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualVpcdCard.class);

    public static final String DEFAULT_HOST = "localhost";
    /** The port of vpcd's first reader, {@code Virtual PCD 00 00}. */
    public static final int DEFAULT_PORT = 35963;

    static final int POWER_OFF = 0;
    static final int POWER_ON = 1;
    static final int RESET = 2;
    static final int GET_ATR = 4;

    private final String host;
    private final int port;
    private final ApduResponder responder;
    private final List<Integer> instructions = new CopyOnWriteArrayList<>();
    private final AtomicLong apdus = new AtomicLong();

    private Socket socket;
    private Thread server;

    /** A card for vpcd's first reader ({@code localhost:35963}). */
    public VirtualVpcdCard(ApduResponder responder) {
        this(DEFAULT_HOST, DEFAULT_PORT, responder);
    }

    public VirtualVpcdCard(String host, int port, ApduResponder responder) {
        this.host = host;
        this.port = port;
        this.responder = responder;
    }

    public ApduResponder responder() {
        return responder;
    }

    public int port() {
        return port;
    }

    /**
     * Inserts the card: connects to vpcd once.
     *
     * @throws IOException when vpcd does not accept (pcscd not running, no vpcd reader on the port)
     * @throws IllegalStateException when the card is already inserted
     */
    public synchronized void insert() throws IOException {
        if (isInserted()) {
            throw new IllegalStateException("the card is already in the reader on port " + port);
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        responder.reset();
        socket = s;
        server = new Thread(() -> serve(s), "vpcd-card-" + port);
        server.setDaemon(true);
        server.start();
        log.info("Virtual card inserted into vpcd at {}:{}", host, port);
    }

    /**
     * Inserts the card, trying again while vpcd refuses the connection (pcscd starting), for up to
     * {@code patience}.
     */
    public void insert(Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                insert();
                return;
            } catch (ConnectException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while inserting the card", ie);
                }
            }
        }
    }

    /** Removes the card: closes the connection. Does nothing when the card is not inserted. */
    public void remove() {
        Thread t;
        synchronized (this) {
            t = server;
            closeQuietly(socket);
            socket = null;
            server = null;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Virtual card removed from vpcd at {}:{}", host, port);
        }
    }

    /** Whether the card is in the reader: connected, and vpcd has not closed the connection. */
    public synchronized boolean isInserted() {
        return socket != null && !socket.isClosed() && server != null && server.isAlive();
    }

    /** The instruction bytes (INS) of the command APDUs received so far, in order. */
    public List<Integer> instructions() {
        return List.copyOf(instructions);
    }

    /** How many command APDUs the card answered. */
    public long apdus() {
        return apdus.get();
    }

    @Override
    public void close() {
        remove();
    }

    private void serve(Socket s) {
        try {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int length = in.readUnsignedShort();
                byte[] payload = new byte[length];
                in.readFully(payload);
                if (length == 1) {
                    control(payload[0] & 0xFF, out);
                } else if (length > 1) {
                    byte[] response = answer(payload);
                    send(out, response);
                }
            }
        } catch (EOFException | SocketException e) {
            // vpcd closed the connection (pcscd stopped), or remove() closed the socket
            log.debug("vpcd connection on port {} ended: {}", port, e.toString());
        } catch (IOException e) {
            log.warn("vpcd connection on port {} failed", port, e);
        } finally {
            closeQuietly(s);
        }
    }

    private void control(int code, OutputStream out) throws IOException {
        switch (code) {
            case POWER_OFF, POWER_ON, RESET -> responder.reset();
            case GET_ATR -> send(out, responder.atr());
            default -> log.debug("vpcd sent unknown control code {}", code);
        }
    }

    private byte[] answer(byte[] command) {
        apdus.incrementAndGet();
        if (command.length >= 2) {
            instructions.add(command[1] & 0xFF);
        }
        try {
            byte[] response = responder.respond(command);
            if (response != null && response.length >= 2) {
                return response;
            }
            log.warn(
                    "The virtual card's responder gave no status word for INS {}",
                    String.format("%02X", command[1] & 0xFF));
        } catch (RuntimeException e) {
            log.warn("The virtual card's responder failed on INS {}", String.format("%02X", command[1] & 0xFF), e);
        }
        return new byte[] {0x6F, 0x00}; // no precise diagnosis
    }

    /** One frame in one write: vpcd waits for whole frames, and split writes cost a delayed ACK. */
    private static void send(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }
}
