package cn.egov.kiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kiosk platform-sim}, the demo's command, found by kiosk-app's command line through
 * ServiceLoader: it runs the simulator alone until stopped.
 */
class PlatformSimCommandTest {
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
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
                () -> cl.execute("platform-sim", "--port", "0", "--registration-code", "HALL-1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString().contains("listening on") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String url = out.toString()
                .replaceAll("(?s).*listening on (http://[^ ]+) .*", "$1")
                .strip();
        HttpResponse<String> time = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/v1/time")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(time.statusCode()).isEqualTo(200);
        assertThat(time.body()).contains("epochMillis");
        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/v1/catalogue"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(out.toString()).contains("registration codes [HALL-1]").contains("469 catalogue items");

        command.stop.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("stopped; ledger {}");
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(commandLine().execute("platform-sim", "--port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
