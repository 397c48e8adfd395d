package cn.egov.kiosk.demo;

import cn.egov.kiosk.bench.Figure;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.DownSync;
import cn.egov.kiosk.sync.OutboxSender;
import cn.egov.kiosk.sync.PlatformLink;
import cn.egov.kiosk.sync.RetryPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's figures, all over real HTTP on loopback to the simulator: how many outbox records
 * a second drain (10,000 audit events through {@code POST /v1/batch}) next to the same events sent
 * one plain signed request each ({@code POST /v1/audit-events}), a mixed outbox with sealed
 * applications, and a full catalogue sync of 1,500 items into an empty store, then an incremental
 * one and an unchanged one.
 */
final class PlatformBench {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final int records;

    PlatformBench(int records) {
        this.records = records;
    }

    List<Figure> run(Path scratch) throws Exception {
        Files.createDirectories(scratch);
        List<Figure> figures = new ArrayList<>();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Credentials creds = new Credentials("BENCH-01", "k-bench", secret);
        Clock clock = Clock.systemUTC();

        // --- baseline: one plain signed request per event --------------------------------------
        List<Audit.Event> events = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            events.add(event(i));
        }
        double baselinePerSecond;
        int bodyBytes = Json.bytes(new Audit.Events(List.of(events.get(0)))).length;
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
                PlatformClient client =
                        new PlatformClient(PlatformConfig.of(sim.url()), () -> Optional.of(creds), clock)) {
            sim.provision(creds, "Z9");
            for (int i = 0; i < 200; i++) { // warm the JIT on both sides
                client.auditEvents(new Audit.Events(List.of(event(-1 - i))));
            }
            long start = System.nanoTime();
            for (Audit.Event e : events) {
                client.auditEvents(new Audit.Events(List.of(e)));
            }
            baselinePerSecond = records / ((System.nanoTime() - start) / 1e9);
        }

        // --- the outbox: the same events as records, drained in batches -------------------------
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
                PlatformClient client =
                        new PlatformClient(PlatformConfig.of(sim.url()), () -> Optional.of(creds), clock);
                Database db = Database.open(scratch.resolve("outbox.db"))) {
            sim.provision(creds, "Z9");
            OutboxRepository outbox = new OutboxRepository(db, SealedBox.open(scratch.resolve("store.key")), clock);
            long appendStart = System.nanoTime();
            db.transaction(c -> {
                for (Audit.Event e : events) {
                    outbox.append(
                            c,
                            new OutboxRepository.New(
                                    Batch.AUDIT_EVENT, "audit", e.eventId(), e.at().toInstant(), Json.bytes(e), false));
                }
                return null;
            });
            double appendMs = (System.nanoTime() - appendStart) / 1e6;
            double perSecond = drain(outbox, client, clock);
            if (sim.ledger().size() != records || !sim.ledger().duplicates().isEmpty()) {
                throw new IllegalStateException(
                        "the simulator holds " + sim.ledger().size() + " records, duplicates "
                                + sim.ledger().duplicates());
            }
            figures.add(Figure.against(
                    "platform.outbox.drain",
                    perSecond,
                    baselinePerSecond,
                    "rec/s",
                    records + " audit events in batches of " + Batch.MAX_RECORDS + " vs one plain signed POST each ("
                            + bodyBytes + " B bodies); target >= 1000 rec/s"));
            figures.add(Figure.of(
                    "platform.outbox.append",
                    records / (appendMs / 1000),
                    "rec/s",
                    records + " records in one transaction"));
        }

        // --- a mixed outbox: tickets, audit events, and applications sealed at rest ----------------
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
                PlatformClient client =
                        new PlatformClient(PlatformConfig.of(sim.url()), () -> Optional.of(creds), clock);
                Database db = Database.open(scratch.resolve("mixed.db"))) {
            sim.provision(creds, "Z9");
            OutboxRepository outbox = new OutboxRepository(db, SealedBox.open(scratch.resolve("store.key")), clock);
            int mixed = records;
            db.transaction(c -> {
                for (int i = 0; i < mixed; i++) {
                    String id = UUID.randomUUID().toString();
                    if (i % 3 == 0) {
                        var a = new Applications.Submit(
                                id,
                                "110101-GA-0019", // 户籍证明开具: an item with a kiosk form
                                new Applications.Applicant(
                                        Applications.IdType.RESIDENT,
                                        "11010519491231002X",
                                        "王小明",
                                        "13800138000",
                                        "北京市东城区示例大街1号"),
                                Json.mapper()
                                        .createObjectNode()
                                        .put("name", "王小明")
                                        .put("idNumber", "11010519491231002X")
                                        .put("purpose", "5")
                                        .put("purposeNote", "基准测试")
                                        .put("phone", "13800138000"),
                                List.of(),
                                OffsetDateTime.now(ZONE));
                        outbox.append(
                                c,
                                new OutboxRepository.New(
                                        Batch.APPLICATION_SUBMIT,
                                        "application",
                                        id,
                                        a.submittedAt().toInstant(),
                                        Json.bytes(a),
                                        true));
                    } else {
                        Audit.Event e = event(i);
                        outbox.append(
                                c,
                                new OutboxRepository.New(
                                        Batch.AUDIT_EVENT,
                                        "audit",
                                        e.eventId(),
                                        e.at().toInstant(),
                                        Json.bytes(e),
                                        false));
                    }
                }
                return null;
            });
            figures.add(Figure.of(
                    "platform.outbox.drain-mixed",
                    drain(outbox, client, clock),
                    "rec/s",
                    mixed + " records, a third of them applications sealed with AES-GCM at rest (opened to send)"));
        }

        // --- the catalogue ------------------------------------------------------------------------
        try (PlatformSimulator sim = PlatformSimulator.start(
                        PlatformSimulator.Options.loopback(0).withCatalogueSize(1500));
                PlatformClient client =
                        new PlatformClient(PlatformConfig.of(sim.url()), () -> Optional.of(creds), clock);
                Database db = Database.open(scratch.resolve("catalogue.db"))) {
            sim.provision(creds, "Z9");
            PlatformLink link = new PlatformLink(clock, PlatformLink.State.ONLINE);
            CatalogueRepository catalogue = new CatalogueRepository(db);
            DownSync sync = new DownSync(client, catalogue, new SyncStateRepository(db), link, clock, 500);
            DownSync.Result full = sync.sync(DownSync.CATALOGUE);
            if (full.error().isPresent() || catalogue.count() != 1500) {
                throw new IllegalStateException("catalogue sync: " + full + ", " + catalogue.count() + " items");
            }
            figures.add(Figure.of(
                    "platform.catalogue.full-sync",
                    full.took().toNanos() / 1e6,
                    "ms",
                    "1,500 items in 3 pages into an empty store"));
            sim.touchCatalogue(50);
            DownSync.Result delta = sync.sync(DownSync.CATALOGUE);
            figures.add(Figure.against(
                    "platform.catalogue.incremental",
                    delta.took().toNanos() / 1e6,
                    full.took().toNanos() / 1e6,
                    "ms",
                    delta.items() + " changed items; baseline the full sync"));
            DownSync.Result same = sync.sync(DownSync.CATALOGUE);
            figures.add(Figure.of(
                    "platform.catalogue.unchanged", same.took().toNanos() / 1e6, "ms", "If-None-Match answered 304"));
        }
        return figures;
    }

    /** Drains the outbox with the kiosk's sender, batch after batch; records a second. */
    private static double drain(OutboxRepository outbox, PlatformClient client, Clock clock) {
        OutboxSender sender = new OutboxSender(
                outbox,
                client::batch,
                new PlatformLink(clock, PlatformLink.State.ONLINE),
                clock,
                ZONE,
                RetryPolicy.DEFAULT);
        long start = System.nanoTime();
        int settled = 0;
        while (outbox.counts().pending() > 0) {
            settled += sender.drainOnce();
        }
        return settled / ((System.nanoTime() - start) / 1e9);
    }

    private static Audit.Event event(int i) {
        ObjectNode detail = Json.mapper()
                .createObjectNode()
                .put("template", "queue-ticket")
                .put("result", "PRINTED")
                .put("seq", i);
        return new Audit.Event(
                UUID.randomUUID().toString(), OffsetDateTime.now(ZONE), "print.done", Audit.Actor.SYSTEM, detail);
    }
}
