package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.sync.PlatformServices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations console of the platform simulator, over real HTTP on loopback: a kiosk runtime
 * heartbeating to it shows on {@code /console}; a printer running out of paper shows within a
 * couple of seconds (an urgent heartbeat, not the next one 10 minutes on); a kiosk that stops is
 * marked silent (失联) after three heartbeat intervals (the console's clock moved on).
 */
class FleetConsoleTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode kiosk(PlatformSimulator sim, String kioskId) throws Exception {
        JsonNode all =
                new ObjectMapper().readTree(get(sim.url() + "/console.json").body());
        for (JsonNode k : all.path("kiosks")) {
            if (k.path("kioskId").asText().equals(kioskId)) {
                return k;
            }
        }
        return new ObjectMapper().createObjectNode();
    }

    private static JsonNode device(JsonNode kiosk, String id) {
        for (JsonNode d : kiosk.path("devices")) {
            if (d.path("id").asText().equals(id)) {
                return d;
            }
        }
        return new ObjectMapper().createObjectNode();
    }

    private static long awaitMs(Predicate<Long> done, Duration limit, String what) throws Exception {
        long start = System.nanoTime();
        while (true) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (done.test(ms)) {
                return ms;
            }
            assertThat(ms).as(what).isLessThan(limit.toMillis());
            Thread.sleep(50);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aKioskShowsItsPaperOutAtOnceAndGoesSilentWhenItStops() throws Exception {
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0))) {
            sim.allowRegistrationCode("FLEET-REG-1");
            assertThat(get(sim.url() + "/console").body()).contains("尚未收到任何终端的心跳");
            // heartbeats every 10 minutes: what shows sooner came by an urgent heartbeat
            KioskConfig config =
                    TestConfigs.write(dir, TestConfigs.platform(sim.url(), "FLEET-REG-1") + TestConfigs.SIM_DEVICES);
            String kioskId;
            try (KioskRuntime runtime = new KioskRuntime(
                    config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
                runtime.start();
                PlatformServices platform = runtime.platform().orElseThrow();
                awaitPrinter(runtime);
                platform.checkNow();
                platform.heartbeatNow();
                kioskId = platform.registration().credentials().orElseThrow().kioskId();

                HttpResponse<String> page = get(sim.url() + "/console");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type").orElseThrow())
                        .contains("text/html");
                assertThat(page.body())
                        .contains("<meta http-equiv=\"refresh\"")
                        .contains("终端运行监控")
                        .contains(kioskId)
                        .contains("测试区政务服务中心")
                        .contains("在线")
                        .contains("ticket-printer")
                        .doesNotContain("失联</span>")
                        .doesNotContain("http://", "https://"); // no external assets
                JsonNode k = kiosk(sim, kioskId);
                assertThat(k.path("silent").asBoolean(true)).isFalse();
                assertThat(k.path("heartbeatSeconds").isMissingNode()).isTrue();
                assertThat(k.path("silentAfterSeconds").asLong()).isEqualTo(1800);
                assertThat(device(k, "ticket-printer")
                                .path("health")
                                .path("level")
                                .asText())
                        .isEqualTo("OK");

                runtime.simulators()
                        .find("ticket-printer", SimulatedReceiptPrinter.class)
                        .orElseThrow()
                        .apply("paper-out");
                long ms = awaitMs(
                        t -> {
                            try {
                                return "paper-out"
                                        .equals(device(kiosk(sim, kioskId), "ticket-printer")
                                                .path("health")
                                                .path("code")
                                                .asText());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        Duration.ofSeconds(3),
                        "paper out on the console within a couple of seconds");
                assertThat(ms).as("paper out on the console after %d ms", ms).isLessThan(3000);
                k = kiosk(sim, kioskId);
                assertThat(k.path("faults").toString()).contains("ticket-printer");
                assertThat(k.path("urgentBeats").asLong()).isEqualTo(1);
                assertThat(k.path("recentUrgent").toString()).contains("paper-out");
                assertThat(get(sim.url() + "/console").body())
                        .contains("设备故障")
                        .containsPattern("class=\"dev fault\">ticket-printer：IDLE · paper-out")
                        .containsPattern("紧急 \\d\\d:\\d\\d:\\d\\d ticket-printer paper-out");
            }
            // the kiosk stopped: three intervals later it is silent
            JsonNode k = kiosk(sim, kioskId);
            assertThat(k.path("silent").asBoolean(true)).isFalse();
            sim.fleet().clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1801)));
            k = kiosk(sim, kioskId);
            assertThat(k.path("silent").asBoolean(false)).isTrue();
            assertThat(get(sim.url() + "/console").body())
                    .contains("失联</span>")
                    .contains("class=\"silent\"")
                    .contains("30 分钟前");
        }
    }

    private static void awaitPrinter(KioskRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runtime.devices()
                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                .map(p -> !p.isEnabled())
                .orElse(true)) {
            assertThat(System.nanoTime()).as("the ticket printer comes up").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
