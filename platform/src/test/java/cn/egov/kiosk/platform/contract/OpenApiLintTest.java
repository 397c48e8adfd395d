package cn.egov.kiosk.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract, docs/platform-api.yaml, lints clean with the pinned Redocly CLI
 * (scripts/lint-openapi: recommended-strict, every warning an error). A real linter, run as CI
 * runs it; Node.js and the CLI come from scripts/install-deps --test.
 */
class OpenApiLintTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theContractLintsClean() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ROOT.resolve("scripts/lint-openapi").toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        boolean done = p.waitFor(300, TimeUnit.SECONDS); // a hung npm must not hold the build
        if (!done) {
            p.destroyForcibly();
        }
        String out = done ? output.join() : "(timed out)";
        assertThat(done).as("the linter finished within 5 minutes").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("docs/platform-api.yaml is clean");
    }
}
