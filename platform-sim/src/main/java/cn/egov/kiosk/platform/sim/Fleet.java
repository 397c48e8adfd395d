package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a hall's operations staff see of their kiosks: every kiosk heard from, with its hall,
 * version, last contact, devices, backlog and dead letters; a kiosk not heard from for three of its
 * heartbeat intervals is silent (失联). Served by the simulator at {@code /console} (a page that
 * refreshes itself, Chinese first, no external assets) and {@code /console.json}. Not part of the
 * kiosk's contract: the platform's own console.
 */
public final class Fleet {
    /** A kiosk that does not say its interval is silent after three of these. */
    static final long DEFAULT_HEARTBEAT_SECONDS = 60;
    /** How many urgent changes are kept per kiosk. */
    static final int RECENT_URGENT = 10;
    /** The page reloads itself this often. */
    static final int REFRESH_SECONDS = 3;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private volatile Clock clock;
    private final Map<String, Heard> kiosks = new ConcurrentHashMap<>();

    private static final class Heard {
        Heartbeat last;
        Instant at;
        long beats;
        long urgentBeats;
        final Deque<Heartbeat.UrgentEvent> recentUrgent = new ArrayDeque<>();
    }

    Fleet(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The console's clock: when heartbeats arrive and how long ago that was (tests move it on to see
     * a kiosk go silent without waiting).
     */
    public void clock(Clock c) {
        this.clock = c;
    }

    /** A heartbeat arrived from a kiosk. */
    void heard(String kioskId, Heartbeat h) {
        Heard k = kiosks.computeIfAbsent(kioskId, id -> new Heard());
        synchronized (k) {
            k.last = h;
            k.at = clock.instant();
            k.beats++;
            if (!h.urgent().isEmpty()) {
                k.urgentBeats++;
                for (Heartbeat.UrgentEvent e : h.urgent()) {
                    if (!k.recentUrgent.contains(e)) {
                        k.recentUrgent.addLast(e);
                    }
                }
                while (k.recentUrgent.size() > RECENT_URGENT) {
                    k.recentUrgent.removeFirst();
                }
            }
        }
    }

    /**
     * One kiosk as the console shows it.
     *
     * @param silentAfterSeconds three heartbeat intervals
     * @param silent heard nothing for longer than that
     * @param faults the devices in fault (level FAULT, or a state of ERROR or OFFLINE)
     */
    public record Kiosk(
            String kioskId,
            String hallName,
            String appVersion,
            Instant lastContact,
            long secondsAgo,
            long silentAfterSeconds,
            boolean silent,
            long uptimeSeconds,
            long outboxBacklog,
            long deadLetters,
            long beats,
            long urgentBeats,
            List<Heartbeat.Device> devices,
            List<String> faults,
            List<Heartbeat.UrgentEvent> recentUrgent) {}

    /** Every kiosk heard from, by id. */
    public List<Kiosk> kiosks() {
        Instant now = clock.instant();
        List<Kiosk> all = new ArrayList<>();
        kiosks.forEach((id, k) -> {
            synchronized (k) {
                Heartbeat h = k.last;
                long interval = h.heartbeatSeconds() > 0 ? h.heartbeatSeconds() : DEFAULT_HEARTBEAT_SECONDS;
                long ago = Math.max(0, Duration.between(k.at, now).toSeconds());
                all.add(new Kiosk(
                        id,
                        h.hallName(),
                        h.appVersion(),
                        k.at,
                        ago,
                        3 * interval,
                        ago > 3 * interval,
                        h.uptimeSeconds(),
                        h.outboxBacklog(),
                        h.deadLetters(),
                        k.beats,
                        k.urgentBeats,
                        h.devices(),
                        h.devices().stream()
                                .filter(Fleet::fault)
                                .map(Heartbeat.Device::id)
                                .toList(),
                        List.copyOf(k.recentUrgent)));
            }
        });
        all.sort(Comparator.comparing(Kiosk::kioskId));
        return all;
    }

    public Optional<Kiosk> kiosk(String kioskId) {
        return kiosks().stream().filter(k -> k.kioskId().equals(kioskId)).findFirst();
    }

    static boolean fault(Heartbeat.Device d) {
        if (d.health() != null) {
            return d.health().level() == Heartbeat.Level.FAULT;
        }
        return "ERROR".equals(d.state()) || "OFFLINE".equals(d.state());
    }

    static boolean warning(Heartbeat.Device d) {
        return d.health() != null && d.health().level() == Heartbeat.Level.WARNING;
    }

    /** {@code /console.json}. */
    Reply json() {
        Map<String, Object> body = Map.of("serverTime", clock.instant().toString(), "kiosks", kiosks());
        try {
            return new Reply(200, Json.mapper().writeValueAsBytes(body), "application/json", Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code /console}: the page, made here, refreshing itself. */
    Reply html() {
        return new Reply(
                200,
                page().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                Map.of("Cache-Control", "no-store"));
    }

    String page() {
        List<Kiosk> all = kiosks();
        long silent = all.stream().filter(Kiosk::silent).count();
        long withFaults = all.stream().filter(k -> !k.faults().isEmpty()).count();
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"")
                .append(REFRESH_SECONDS)
                .append("\"><title>终端运行监控 · Kiosk fleet</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222}")
                .append("h1{font-size:1.6em;margin:0 0 .2em}p.sum{margin:.2em 0 1em;color:#444}")
                .append("table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #ccc;padding:.4em .6em;text-align:left;vertical-align:top}")
                .append("th{background:#eef2f7}tr.silent td{background:#eee;color:#777}")
                .append(".fault{background:#fdd;color:#900;font-weight:bold}.warn{background:#fff3cd;color:#7a5a00}")
                .append(".ok{color:#1a6b1a}.badge{display:inline-block;padding:.1em .5em;border-radius:.3em}")
                .append(".dev{display:block;margin:.1em 0;padding:.1em .3em}.en{color:#777;font-size:.85em}")
                .append("</style></head><body>\n");
        b.append("<h1>终端运行监控 <span class=\"en\">Kiosk fleet</span></h1>\n<p class=\"sum\">共 ")
                .append(all.size())
                .append(" 台终端，失联 ")
                .append(silent)
                .append(" 台，设备故障 ")
                .append(withFaults)
                .append(" 台 · 平台时间 ")
                .append(TIME.format(clock.instant().atZone(zone)))
                .append(" · 每 ")
                .append(REFRESH_SECONDS)
                .append(" 秒刷新 <span class=\"en\">")
                .append(all.size())
                .append(" kiosks, ")
                .append(silent)
                .append(" silent, ")
                .append(withFaults)
                .append(" with faults</span></p>\n");
        if (all.isEmpty()) {
            b.append("<p>尚未收到任何终端的心跳 <span class=\"en\">No kiosk heard from yet</span></p>\n");
        } else {
            b.append("<table><thead><tr><th>终端 <span class=\"en\">Kiosk</span></th>")
                    .append("<th>大厅 <span class=\"en\">Hall</span></th>")
                    .append("<th>状态 <span class=\"en\">Status</span></th>")
                    .append("<th>最后联系 <span class=\"en\">Last contact</span></th>")
                    .append("<th>版本 <span class=\"en\">Version</span></th>")
                    .append("<th>设备 <span class=\"en\">Devices</span></th>")
                    .append("<th>待上送 <span class=\"en\">Backlog</span></th>")
                    .append("<th>死信 <span class=\"en\">Dead letters</span></th>")
                    .append("<th>运行时长 <span class=\"en\">Uptime</span></th></tr></thead><tbody>\n");
            for (Kiosk k : all) {
                row(b, k);
            }
            b.append("</tbody></table>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private void row(StringBuilder b, Kiosk k) {
        b.append("<tr id=\"kiosk-")
                .append(esc(k.kioskId()))
                .append("\"")
                .append(k.silent() ? " class=\"silent\"" : "")
                .append("><td>")
                .append(esc(k.kioskId()))
                .append("</td><td>")
                .append(esc(k.hallName() == null ? "—" : k.hallName()))
                .append("</td><td>");
        if (k.silent()) {
            b.append("<span class=\"badge fault\">失联</span> <span class=\"en\">silent</span>");
        } else if (!k.faults().isEmpty()) {
            b.append("<span class=\"badge fault\">设备故障</span> <span class=\"en\">device fault</span>");
        } else {
            b.append("<span class=\"badge ok\">在线</span> <span class=\"en\">online</span>");
        }
        b.append("</td><td>")
                .append(TIME.format(k.lastContact().atZone(zone)))
                .append("<br>")
                .append(ago(k.secondsAgo()))
                .append("</td><td>")
                .append(esc(k.appVersion() == null ? "—" : k.appVersion()))
                .append("</td><td>");
        for (Heartbeat.Device d : k.devices()) {
            String css = fault(d) ? "dev fault" : warning(d) ? "dev warn" : "dev ok";
            b.append("<span class=\"")
                    .append(css)
                    .append("\">")
                    .append(esc(d.id()))
                    .append("：")
                    .append(esc(d.state()));
            if (d.health() != null && d.health().code() != null) {
                b.append(" · ").append(esc(d.health().code()));
            } else if (!d.conditions().isEmpty()) {
                b.append(" · ").append(esc(String.join(",", d.conditions())));
            }
            b.append("</span>");
        }
        List<Heartbeat.UrgentEvent> urgent = k.recentUrgent();
        for (Heartbeat.UrgentEvent e : urgent.subList(Math.max(0, urgent.size() - 3), urgent.size())) {
            b.append("<span class=\"dev en\">紧急 ")
                    .append(e.at() == null ? "" : CLOCK.format(e.at().atZoneSameInstant(zone)))
                    .append(" ")
                    .append(esc(e.deviceId()))
                    .append(" ")
                    .append(e.level() == Heartbeat.Level.OK ? "恢复 " : "")
                    .append(esc(e.code() == null ? "" : e.code()))
                    .append("</span>");
        }
        b.append("</td><td")
                .append(k.outboxBacklog() > 0 ? " class=\"warn\"" : "")
                .append(">")
                .append(k.outboxBacklog())
                .append("</td><td")
                .append(k.deadLetters() > 0 ? " class=\"fault\"" : "")
                .append(">")
                .append(k.deadLetters())
                .append("</td><td>")
                .append(duration(k.uptimeSeconds()))
                .append("</td></tr>\n");
    }

    /** "12 秒前", "3 分钟前", "2 小时前". */
    static String ago(long seconds) {
        if (seconds < 60) {
            return seconds + " 秒前";
        }
        if (seconds < 3600) {
            return seconds / 60 + " 分钟前";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " 小时前";
        }
        return seconds / 86_400 + " 天前";
    }

    static String duration(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        if (d > 0) {
            return d + " 天 " + h + " 小时";
        }
        if (h > 0) {
            return h + " 小时 " + m + " 分";
        }
        return m + " 分 " + seconds % 60 + " 秒";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
