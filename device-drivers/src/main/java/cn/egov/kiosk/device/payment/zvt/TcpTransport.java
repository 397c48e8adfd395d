package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * ZVT on TCP: bare APDUs, cut from the stream by their length fields; no framing, no CRC, no ACK
 * byte (TCP delivers or fails). The simulator's "duplicate frame" sends an APDU twice.
 */
final class TcpTransport implements ZvtTransport {
    private final ByteLink link;
    private final LineCounters counters = new LineCounters();
    private final ApduReader reader = new ApduReader();
    private final byte[] chunk = new byte[1024];
    private final LineFaults faults;
    private boolean repeatNext;

    TcpTransport(ByteLink link) {
        this(link, LineFaults.NONE);
    }

    TcpTransport(ByteLink link, LineFaults faults) {
        this.link = link;
        this.faults = faults;
    }

    @Override
    public LineCounters counters() {
        return counters;
    }

    @Override
    public void reset() {
        reader.clear();
    }

    void repeatNextFrame() {
        repeatNext = true;
    }

    @Override
    public void send(Apdu apdu) throws LinkException {
        byte[] bytes = apdu.encode();
        link.write(bytes);
        counters.bytesSent.addAndGet(bytes.length);
        counters.messagesSent.incrementAndGet();
        if (repeatNext) {
            repeatNext = false;
            link.write(bytes);
            counters.bytesSent.addAndGet(bytes.length);
        }
    }

    @Override
    public Optional<Apdu> receive(Duration timeout) throws LinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Apdu> next = reader.next();
            if (next.isPresent()) {
                counters.messagesReceived.incrementAndGet();
                return next;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            int n = link.read(chunk, 0, chunk.length, Duration.ofNanos(left));
            if (n > 0) {
                counters.bytesReceived.addAndGet(n);
                if (!faults.deaf()) {
                    reader.feed(chunk, 0, n);
                }
                Arrays.fill(chunk, 0, n, (byte) 0);
            }
        }
    }
}
