package cn.egov.kiosk.device.payment.zvt;

import java.util.concurrent.atomic.AtomicLong;

/** What one side of a ZVT line counted: messages, bytes, and each kind of trouble. */
final class LineCounters {
    final AtomicLong messagesSent = new AtomicLong();
    final AtomicLong messagesReceived = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();
    /** Frames sent again: after a NAK, or T3 without an ACK. */
    final AtomicLong resends = new AtomicLong();
    /** NAKs sent for broken frames. */
    final AtomicLong naksSent = new AtomicLong();
    /** NAKs the peer sent for ours. */
    final AtomicLong naksReceived = new AtomicLong();
    /** A frame received again (its ACK lost): acknowledged, not taken twice. */
    final AtomicLong duplicates = new AtomicLong();
    /** Messages that were never acknowledged (given up after the resends). */
    final AtomicLong unacknowledged = new AtomicLong();
    /** Bytes outside any frame, and ACK or NAK bytes nobody waited for. */
    final AtomicLong noise = new AtomicLong();

    /** A copy, to compare before and after one exchange. */
    long[] snapshot() {
        return new long[] {
            messagesSent.get(),
            messagesReceived.get(),
            bytesSent.get(),
            bytesReceived.get(),
            resends.get(),
            naksSent.get(),
            naksReceived.get(),
            duplicates.get(),
            unacknowledged.get(),
            noise.get()
        };
    }
}
