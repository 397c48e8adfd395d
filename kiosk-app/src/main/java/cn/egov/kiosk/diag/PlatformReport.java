package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.sync.PlatformServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform as {@code kiosk diag} reports it: reachable (one unsigned call), registered, the
 * clock's offset, the outbox's backlog and dead letters, the local copy's age. Nothing is
 * registered, synced or sent from the shell: that is the running kiosk's business.
 */
final class PlatformReport {
    private PlatformReport() {}

    /** The report as a map (JSON's {@code platform}); {@code configured: false} without a platform section. */
    static Map<String, Object> of(KioskConfig config, Clock clock) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (config.platform().isEmpty()) {
            doc.put("configured", false);
            return doc;
        }
        doc.put("configured", true);
        try (Database db = Database.open(config.storage().database());
                PlatformServices platform = new PlatformServices(
                        config.platform().get(),
                        db,
                        clock,
                        config.kiosk().timeZone(),
                        config.kiosk().id(),
                        List::of)) {
            PlatformServices.Probe p = platform.probe();
            PlatformServices.Report r = p.report();
            Instant now = clock.instant();
            doc.put("url", p.baseUrl());
            doc.put("embedded", p.embedded());
            doc.put("reachable", p.reachable());
            p.problem().ifPresent(e -> doc.put("problem", e));
            doc.put("registered", p.registered());
            p.kioskId().ifPresent(k -> doc.put("kioskId", k));
            doc.put("clockOffsetMs", p.clockOffset().map(Duration::toMillis).orElse(null));
            doc.put(
                    "clockDrift",
                    p.clockOffset()
                            .map(o -> Math.abs(o.toSeconds())
                                    > config.platform().get().clockDriftWarnSeconds())
                            .orElse(null));
            doc.put("outboxPending", r.pending());
            doc.put(
                    "outboxOldestPending",
                    r.oldestPending().map(Instant::toString).orElse(null));
            doc.put(
                    "outboxOldestPendingAgeSeconds",
                    r.oldestPending()
                            .map(o -> Duration.between(o, now).toSeconds())
                            .orElse(null));
            doc.put("deadLetters", r.dead());
            doc.put("catalogueItems", r.catalogueItems());
            doc.put(
                    "catalogueSyncedAt",
                    p.freshness().oldestSync().map(Instant::toString).orElse(null));
            doc.put(
                    "catalogueAgeSeconds",
                    p.freshness()
                            .oldestSync()
                            .map(o -> Duration.between(o, now).toSeconds())
                            .orElse(null));
            doc.put("catalogueStale", p.freshness().stale());
        } catch (RuntimeException e) {
            doc.put("error", String.valueOf(e.getMessage()));
        }
        return doc;
    }

    /** The same as lines for the terminal, each starting {@code PLATFORM:}. */
    static List<String> lines(Map<String, Object> doc) {
        List<String> lines = new ArrayList<>();
        if (!Boolean.TRUE.equals(doc.get("configured"))) {
            lines.add("PLATFORM: none configured (no platform section): the kiosk runs alone");
            return lines;
        }
        if (doc.containsKey("error")) {
            lines.add("PLATFORM: cannot be checked: " + doc.get("error"));
            return lines;
        }
        boolean reachable = Boolean.TRUE.equals(doc.get("reachable"));
        lines.add("PLATFORM: " + doc.get("url")
                + (Boolean.TRUE.equals(doc.get("embedded")) ? " (embedded simulator)" : "")
                + ": " + (reachable ? "reachable" : "NOT reachable (" + doc.get("problem") + ")")
                + ", "
                + (Boolean.TRUE.equals(doc.get("registered"))
                        ? "registered as " + doc.getOrDefault("kioskId", "?")
                        : "NOT registered")
                + ", clock offset "
                + (doc.get("clockOffsetMs") == null
                        ? "unknown"
                        : String.format(Locale.ROOT, "%+.3f s", ((Long) doc.get("clockOffsetMs")) / 1000.0)
                                + (Boolean.TRUE.equals(doc.get("clockDrift")) ? " (TOO FAR)" : "")));
        lines.add("PLATFORM: outbox " + doc.get("outboxPending") + " waiting"
                + (doc.get("outboxOldestPendingAgeSeconds") == null
                        ? ""
                        : " (oldest " + age((Long) doc.get("outboxOldestPendingAgeSeconds")) + " old)")
                + ", " + doc.get("deadLetters") + " dead letters"
                + ", catalogue " + doc.get("catalogueItems") + " items, "
                + (doc.get("catalogueAgeSeconds") == null
                        ? "never synced"
                        : "synced " + age((Long) doc.get("catalogueAgeSeconds")) + " ago")
                + (Boolean.TRUE.equals(doc.get("catalogueStale")) ? " (STALE)" : ""));
        return lines;
    }

    private static String age(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " days";
    }
}
