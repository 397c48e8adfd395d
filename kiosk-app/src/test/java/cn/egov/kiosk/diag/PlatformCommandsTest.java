package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk platform-sim} runs the simulator alone; {@code kiosk outbox} shows and retries dead letters. */
class PlatformCommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine() {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }

  @Test
  void thePlatformSimulatorRunsAloneUntilStopped() throws Exception {
    CommandLine cl = commandLine();
    PlatformSimCommand command = cl.getSubcommands().get("platform-sim").getCommand();
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> cl.execute("platform-sim", "--port", "0", "--registration-code", "HALL-1"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!out.toString().contains("listening on") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String url = out.toString().replaceAll("(?s).*listening on (http://[^ ]+) .*", "$1").strip();
    HttpResponse<String> time = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/v1/time")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(time.statusCode()).isEqualTo(200);
    assertThat(time.body()).contains("epochMillis");
    HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/v1/catalogue")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(out.toString()).contains("registration codes [HALL-1]").contains("469 catalogue items");

    command.stop.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("stopped; ledger {}");
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(commandLine().execute("platform-sim", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(1);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void theOutboxShowsDeadLettersWithoutTheirContentAndRetriesThem() throws Exception {
    var config = TestConfigs.write(dir, TestConfigs.platform("http://127.0.0.1:9", "X") + TestConfigs.SIM_DEVICES);
    Path file = dir.resolve("kiosk.yaml");
    try (Database db = Database.open(config.storage().database())) {
      OutboxRepository outbox = new OutboxRepository(db, SealedBox.open(config.platform().get().keyFile()), Clock.systemUTC());
      outbox.append(new OutboxRepository.New(Batch.APPLICATION_SUBMIT, "application", "app-1", Instant.now(), "{\"name\":\"王小明\"}".getBytes(StandardCharsets.UTF_8), true));
      outbox.append(new OutboxRepository.New(Batch.AUDIT_EVENT, "audit", "ev-1", Instant.now(), "{}".getBytes(StandardCharsets.UTF_8), false));
      outbox.settle(List.of(new OutboxRepository.Rejected("app-1", Batch.APPLICATION_SUBMIT, "validation: item no-such-item is not in the catalogue")));
    }

    assertThat(commandLine().execute("outbox", "--config", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("waiting: 1").contains("dead letters: 1").contains("app-1  application.submit  application#1")
        .contains("validation: item no-such-item").doesNotContain("王小明");

    assertThat(commandLine().execute("outbox", "--config", file.toString(), "--retry", "app-1")).isZero();
    assertThat(out.toString()).contains("1 dead letter(s) to be sent again");
    assertThat(commandLine().execute("outbox", "--config", file.toString(), "--retry-all")).isEqualTo(1);
  }
}
