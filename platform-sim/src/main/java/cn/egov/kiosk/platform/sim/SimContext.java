package cn.egov.kiosk.platform.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What every resource shares: the sample data set, the platform's clock and time zone, and the
 * ledger the kiosks' operations are written to. Holds no state of its own.
 */
final class SimContext {
    final SimData data;
    final Clock clock;
    final ZoneId zone;
    private final Ledger ledger;

    SimContext(SimData data, Clock clock, ZoneId zone, Ledger ledger) {
        this.data = data;
        this.clock = clock;
        this.zone = zone;
        this.ledger = ledger;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Writes an operation a kiosk sent, and the platform applied, to the ledger, received now. */
    void applied(String kioskId, String kind, String id, String stream, long seq, JsonNode body) {
        ledger.add(new Ledger.Entry(kioskId, kind, id, stream, seq, clock.instant(), body));
    }
}
