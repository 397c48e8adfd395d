package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.idcard.IdReaderCode;
import cn.egov.kiosk.device.idcard.SamStatusCode;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The frame exchange with a SAM reader over its byte link: a command frame out, the response frame
 * back within a timeout, checked (preamble, length, checksum) and decoded into status words and
 * data. A broken response is asked for once more; no answer, or a truncated one, fails with {@code
 * TIMEOUT}; a link that fails is reported to the device as lost. The receive buffers are wiped
 * after every exchange. Not thread-safe: {@link SamIdCardReader} holds its wire lock around each
 * exchange.
 */
final class SamChannel {
    /** A decoded response: status and data. */
    record Response(int sw1, int sw2, int sw3, SamStatus status, byte[] data) {
        /** The error this response's status means, when it is not the one the driver wanted. */
        DeviceException failure() {
            SamStatus s = status;
            ErrorCode code = s.error() == null ? ErrorCode.HARDWARE_ERROR : s.error();
            return new DeviceException(
                    code, new SamStatusCode(sw3), s.message() + String.format(" (SW %02X %02X %02X)", sw1, sw2, sw3));
        }
    }

    private final String deviceId;
    private final ByteLink link;
    private final DeviceStatistics statistics;
    private final Logger log;
    private final Consumer<DeviceException> linkLost;
    private final SamFrameParser parser = new SamFrameParser();
    /** What the link delivers, before the parser; wiped after each exchange like the parser. */
    private final byte[] chunk = new byte[2048];
    /** Bytes exchanged with the reader, both ways, since the device was created: for diagnostics. */
    private final AtomicLong bytesExchanged = new AtomicLong();

    /**
     * @param log the device's log
     * @param linkLost told (before the exchange fails with it) when the link fails: the device goes
     *     offline
     */
    SamChannel(
            String deviceId,
            ByteLink link,
            DeviceStatistics statistics,
            Logger log,
            Consumer<DeviceException> linkLost) {
        this.deviceId = deviceId;
        this.link = link;
        this.statistics = statistics;
        this.log = log;
        this.linkLost = linkLost;
    }

    /** Bytes sent and received so far. */
    long bytesExchanged() {
        return bytesExchanged.get();
    }

    /**
     * Sends a command and waits for its response; a broken response is asked for once more. The
     * caller holds the wire lock.
     */
    Response exchange(SamCommand command, Duration timeout) throws DeviceException {
        DeviceException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return exchangeOnce(command, timeout);
            } catch (SamFrameException e) {
                statistics.increment("frameErrors");
                last = new DeviceException(
                        ErrorCode.HARDWARE_ERROR, e.problem().code(), command + ": " + e.getMessage(), e);
                log.warn("Reader {}: {}; asking again", deviceId, last.summary());
            }
        }
        throw last;
    }

    private Response exchangeOnce(SamCommand command, Duration timeout) throws DeviceException, SamFrameException {
        byte[] frame = SamFrames.command(command);
        try {
            parser.clear();
            link.drainInput();
            link.write(frame);
            bytesExchanged.addAndGet(frame.length);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<byte[]> body = parser.next();
                if (body.isPresent()) {
                    try {
                        return response(command, body.get());
                    } finally {
                        Arrays.fill(body.get(), (byte) 0); // the response holds its own copy of the data
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    boolean partial = parser.partialFrame();
                    throw new DeviceException(
                            ErrorCode.TIMEOUT,
                            partial ? IdReaderCode.TRUNCATED_FRAME : IdReaderCode.NO_ANSWER,
                            command + ": " + (partial ? "the answer stopped part-way" : "no answer") + " within "
                                    + timeout.toMillis() + " ms");
                }
                int n = link.read(chunk, 0, chunk.length, Duration.ofNanos(Math.min(left, 50_000_000L)));
                if (n > 0) {
                    bytesExchanged.addAndGet(n);
                    parser.feed(chunk, 0, n);
                }
            }
        } catch (LinkException e) {
            DeviceException lost = new DeviceException(
                    ErrorCode.OFFLINE, CommonCode.LINK_LOST, "reader " + deviceId + ": " + e.getMessage(), e);
            linkLost.accept(lost);
            throw lost;
        } finally {
            // the raw answer (a card's name, number and photo, when it was a read) does not stay in
            // memory until the next exchange
            parser.wipe();
            Arrays.fill(chunk, (byte) 0);
        }
    }

    /** Bytes not yet overwritten in the receive buffers (0 between exchanges); the caller holds the wire lock. */
    int residue() {
        int n = parser.residue();
        for (byte b : chunk) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    private static Response response(SamCommand command, byte[] body) throws SamFrameException {
        if (body.length < 3) {
            throw new SamFrameException(
                    SamFrameException.Problem.BAD_LENGTH, "a response of " + body.length + " bytes to " + command);
        }
        int sw3 = body[2] & 0xFF;
        return new Response(
                body[0] & 0xFF, body[1] & 0xFF, sw3, SamStatus.of(sw3), Arrays.copyOfRange(body, 3, body.length));
    }
}
