package cn.egov.kiosk.device.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm: RS-232, a USB-serial bridge, or a pseudo-terminal.
 *
 * <p>What this class handles that jSerialComm leaves to its caller (see LAB-NOTES): a missing path
 * throws instead of failing the open; bytes left in the port from before are flushed on open; when
 * the other end vanishes, {@code readBytes} returns -1 and the disconnect event fires over and over
 * until the port is closed, so the port is closed on the first sign and the log line written once.
 */
public final class SerialLink implements ByteLink {
    private static final Logger log = LoggerFactory.getLogger(SerialLink.class);
    /** Reads wait in slices of this length so that a long timeout still notices a disconnect. */
    private static final int READ_SLICE_MS = 20;
    /** A write that cannot go out within this (a device holding the line with flow control) fails. */
    private static final int WRITE_TIMEOUT_MS = 5_000;

    private static final int EIO = 5;

    /** Parity as written in configuration. */
    public enum Parity {
        NONE(SerialPort.NO_PARITY),
        ODD(SerialPort.ODD_PARITY),
        EVEN(SerialPort.EVEN_PARITY);

        final int code;

        Parity(int code) {
            this.code = code;
        }
    }

    private final String path;
    private final int baud;
    private final int dataBits;
    private final Parity parity;
    private final int stopBits;
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private volatile SerialPort port;

    public SerialLink(String path, int baud, int dataBits, Parity parity, int stopBits) {
        if (baud < 300 || baud > 4_000_000) {
            throw new IllegalArgumentException("a baud rate from 300 to 4000000, not " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("5 to 8 data bits, not " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("1 or 2 stop bits, not " + stopBits);
        }
        this.path = path;
        this.baud = baud;
        this.dataBits = dataBits;
        this.parity = parity;
        this.stopBits = stopBits;
    }

    /** From {@code serial:PATH?baud=115200&dataBits=8&parity=none&stopBits=1} (all optional). */
    public static SerialLink fromSpec(LinkSpec spec) {
        String parityName = spec.param("parity", "none");
        Parity parity;
        try {
            parity = Parity.valueOf(parityName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parity none, odd or even, not \"" + parityName + "\"");
        }
        return new SerialLink(
                spec.target(),
                spec.intParam("baud", 115200),
                spec.intParam("dataBits", 8),
                parity,
                spec.intParam("stopBits", 1));
    }

    @Override
    public void open() throws LinkException {
        if (path.startsWith("/") && !Files.exists(Path.of(path))) {
            throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": no such port");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(
                baud, dataBits, stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity.code);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(
                SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MS,
                WRITE_TIMEOUT_MS);
        if (!p.openPort()) {
            throw new LinkException(
                    LinkException.Kind.NOT_FOUND,
                    describe() + ": cannot open (error " + p.getLastErrorCode() + "; in use, or no permission?)");
        }
        disconnected.set(false);
        p.flushIOBuffers();
        p.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                markDisconnected("the port reported a disconnect");
            }
        });
        port = p;
        drainInput();
    }

    private void markDisconnected(String why) {
        if (disconnected.compareAndSet(false, true)) {
            log.warn("Serial port {} lost: {}", path, why);
            SerialPort p = port;
            if (p != null) {
                Thread closer = new Thread(() -> closePort(p), "serial-close-" + path);
                closer.setDaemon(true);
                closer.start();
            }
        }
    }

    private static void closePort(SerialPort p) {
        p.removeDataListener();
        p.closePort();
    }

    @Override
    public boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen() && !disconnected.get();
    }

    private SerialPort requireOpen() throws LinkException {
        SerialPort p = port;
        if (disconnected.get()) {
            throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": port lost");
        }
        if (p == null || !p.isOpen()) {
            throw new LinkException(LinkException.Kind.IO, describe() + ": not open");
        }
        return p;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        SerialPort p = requireOpen();
        int written = 0;
        while (written < length) {
            int n = p.writeBytes(data, length - written, offset + written);
            if (n <= 0) {
                // Once the other end is gone jSerialComm returns 0 with EIO on every call, so retrying
                // would spin; nothing written without an error is the write timeout passing.
                if (n < 0 || p.getLastErrorCode() == EIO) {
                    markDisconnected("write failed with error " + p.getLastErrorCode());
                    throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": write failed");
                }
                throw new LinkException(
                        LinkException.Kind.TIMEOUT,
                        describe() + ": nothing could be written within " + WRITE_TIMEOUT_MS + " ms");
            }
            written += n;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SerialPort p = requireOpen();
            int n = p.readBytes(buffer, length, offset);
            if (n < 0) {
                if (port != p) {
                    throw new LinkException(LinkException.Kind.IO, describe() + ": closed");
                }
                markDisconnected("read failed with error " + p.getLastErrorCode());
                throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": port lost");
            }
            if (n > 0 || System.nanoTime() >= deadline) {
                return n;
            }
        }
    }

    @Override
    public void drainInput() throws LinkException {
        SerialPort p = requireOpen();
        byte[] scratch = new byte[256];
        int available;
        while ((available = p.bytesAvailable()) > 0) {
            p.readBytes(scratch, Math.min(available, scratch.length));
        }
        Arrays.fill(scratch, (byte) 0);
        if (available < 0) {
            markDisconnected("bytesAvailable failed");
            throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": port lost");
        }
    }

    /** Start bit, data bits, parity bit, stop bits. */
    public int bitsPerByte() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    @Override
    public Duration wireTime(int byteCount) {
        return Duration.ofNanos((long) byteCount * bitsPerByte() * 1_000_000_000L / baud);
    }

    public int baud() {
        return baud;
    }

    @Override
    public String describe() {
        return "serial:" + path + "@" + baud;
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            closePort(p);
        }
    }
}
