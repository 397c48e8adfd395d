package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.require;
import static cn.egov.kiosk.platform.sim.Checks.unprocessable;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contract's {@code queue} tag: numbers of the hall's central queue, and ranges of numbers a
 * kiosk issues from itself while it cannot reach the platform. Owns the day's counters of both,
 * the central numbers as the hall holds them, and the tickets kiosks reported in their outbox.
 */
final class QueueResource implements Resource {
    /** A number of the hall's central queue, as the hall holds it: voided when the kiosk says nobody took it. */
    record CentralTicket(String number, boolean voided) {}

    private final SimContext sim;
    private final KioskResource kiosks;
    private final Map<String, AtomicLong> queueCounters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rangeCounters = new ConcurrentHashMap<>();
    private final Map<String, CentralTicket> centralTickets = new ConcurrentHashMap<>();
    private final Set<String> ticketIds = ConcurrentHashMap.newKeySet();

    QueueResource(SimContext sim, KioskResource kiosks) {
        this.sim = sim;
        this.kiosks = kiosks;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/queue-numbers", true, true, this::queueNumber);
        routes.route("POST", "/v1/queue-numbers/offline-ranges", true, true, this::offlineRange);
    }

    Optional<CentralTicket> centralTicket(String kioskId, String ticketId) {
        return Optional.ofNullable(centralTickets.get(kioskId + ":" + ticketId));
    }

    private Reply queueNumber(Call c) {
        QueueNumbers.Request r = c.body(QueueNumbers.Request.class);
        require(r.ticketId() != null && r.businessType() != null, "ticketId and businessType are required", c);
        QueueNumbers.Issued issued = issueNumber(r.ticketId(), r.businessType(), c);
        centralTickets.put(c.kioskId() + ":" + r.ticketId(), new CentralTicket(issued.number(), false));
        return Reply.created(issued);
    }

    /** The next number of the central queue of a business type of the hall's (another type is a 422). */
    QueueNumbers.Issued issueNumber(String ticketId, String businessType, Call c) {
        BusinessTypes.BusinessType type = businessType(businessType, c);
        LocalDate day = sim.today();
        long n = queueCounters
                .computeIfAbsent(day + ":" + type.code(), k -> new AtomicLong())
                .incrementAndGet();
        // The hall calls one number of each type every six minutes after opening.
        LocalTime opens = LocalTime.parse(type.opens());
        long minutes = Duration.between(
                        LocalDateTime.of(day, opens), LocalDateTime.ofInstant(sim.clock.instant(), sim.zone))
                .toMinutes();
        long called = Math.max(0, minutes / 6);
        int ahead = (int) Math.max(0, n - 1 - called);
        return new QueueNumbers.Issued(ticketId, type.code() + String.format("%03d", n), type.code(), ahead, sim.now());
    }

    private Reply offlineRange(Call c) {
        QueueNumbers.RangeRequest r = c.body(QueueNumbers.RangeRequest.class);
        require(r.size() >= 1 && r.size() <= 999, "size is 1 to 999", c);
        BusinessTypes.BusinessType type = businessType(r.businessType(), c);
        String prefix = kiosks.queuePrefix(c.kioskId()) + type.code();
        LocalDate day = sim.today();
        AtomicLong counter =
                rangeCounters.computeIfAbsent(c.kioskId() + ":" + day + ":" + type.code(), k -> new AtomicLong());
        long to = counter.addAndGet(r.size());
        unprocessable(to <= 999, "the day's offline numbers of this type are used up", c);
        return Reply.created(new QueueNumbers.Range(prefix, (int) (to - r.size() + 1), (int) to, day));
    }

    private BusinessTypes.BusinessType businessType(String code, Call c) {
        return sim.data.businessTypes.stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow(() -> Reply.problem(
                        422,
                        Problem.VALIDATION,
                        "业务类型不存在",
                        "business type " + code + " is not one of the hall's",
                        c.path()));
    }

    /**
     * A ticket a kiosk reports from its outbox ({@code body} as sent, for the ledger). A ticket
     * reported again is the same ticket; a voided one voids the central number it held.
     */
    void ticketIssued(
            String kioskId, QueueNumbers.TicketIssued t, String stream, long seq, JsonNode body, String instance) {
        if (t.ticketId() == null || t.businessType() == null || t.status() == null) {
            throw invalid("ticketId, businessType and status are required", instance);
        }
        if (t.number() == null && t.status() != QueueNumbers.TicketStatus.VOIDED) {
            throw invalid("number is required, but for a voided central number the kiosk never received", instance);
        }
        if (ticketIds.add(kioskId + ":" + t.ticketId())) { // a ticket reported again is the same ticket
            sim.applied(kioskId, Batch.TICKET_ISSUED, t.ticketId(), stream, seq, body);
            if (t.status()
                    == QueueNumbers.TicketStatus.VOIDED) { // an interrupted one may be in someone's hand: staff decide
                centralTickets.computeIfPresent(
                        kioskId + ":" + t.ticketId(), (k, held) -> new CentralTicket(held.number(), true));
            }
        }
    }
}
