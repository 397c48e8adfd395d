package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.link.LinkException;
import java.time.Duration;
import java.util.Optional;

/**
 * How ZVT APDUs travel, whichever side plays: framed with DLE STX, a CRC and an ACK or NAK for each
 * frame on a serial line ({@link SerialTransport}), bare on TCP ({@link TcpTransport}). Not
 * thread-safe: one conversation at a time.
 */
interface ZvtTransport {

    /**
     * Sends one APDU; on a serial line, returns once the peer acknowledged its frame.
     *
     * @throws ZvtException the peer acknowledged nothing after the resends ZVT allows
     * @throws LinkException the link failed
     */
    void send(Apdu apdu) throws LinkException, ZvtException;

    /** The next APDU the peer sent, waiting up to {@code timeout}; empty when none came. */
    Optional<Apdu> receive(Duration timeout) throws LinkException;

    /** Forgets what was half read (the link was opened again). */
    void reset();

    LineCounters counters();
}
