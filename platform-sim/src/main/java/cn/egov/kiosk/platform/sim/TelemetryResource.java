package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's {@code telemetry} tag: audit events, sent directly or in the outbox, and the
 * kiosks' heartbeats. Owns the ids of the audit events applied and each kiosk's last heartbeat.
 */
final class TelemetryResource implements Resource {
    private final SimContext sim;
    private final Set<String> auditIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();

    private final Fleet fleet;

    TelemetryResource(SimContext sim) {
        this.sim = sim;
        this.fleet = new Fleet(sim.clock, sim.zone);
    }

    /** The kiosks heard from, for the console. */
    Fleet fleet() {
        return fleet;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/audit-events", true, false, this::auditEvents);
        routes.route("POST", "/v1/heartbeats", true, false, this::heartbeat);
    }

    Optional<Heartbeat> lastHeartbeat(String kioskId) {
        return Optional.ofNullable(heartbeats.get(kioskId));
    }

    private Reply auditEvents(Call c) {
        Audit.Events events = c.body(Audit.Events.class);
        require(events.events() != null && events.events().size() <= Batch.MAX_RECORDS, "1 to 500 events", c);
        List<Batch.Result> results = new ArrayList<>();
        for (Audit.Event e : events.events()) {
            results.add(new Batch.Result(e.eventId(), audit(c.kioskId(), e, "audit", 0, c.path()), null, null));
        }
        return Reply.ok(new Batch.Response(results));
    }

    /** Applies an audit event, from its own request or a batch record: once per kiosk and event id. */
    Batch.Status audit(String kioskId, Audit.Event e, String stream, long seq, String instance) {
        if (e.eventId() == null || e.kind() == null || e.at() == null || e.actor() == null) {
            throw invalid("eventId, at, kind and actor are required", instance);
        }
        if (!auditIds.add(kioskId + ":" + e.eventId())) {
            return Batch.Status.DUPLICATE;
        }
        sim.applied(
                kioskId,
                Batch.AUDIT_EVENT,
                e.eventId(),
                stream,
                seq,
                Json.mapper().valueToTree(e));
        return Batch.Status.ACCEPTED;
    }

    private Reply heartbeat(Call c) {
        Heartbeat h = c.body(Heartbeat.class);
        heartbeats.put(c.kioskId(), h);
        fleet.heard(c.kioskId(), h);
        return Reply.ok(new Heartbeat.Reply(sim.now(), List.of()));
    }
}
