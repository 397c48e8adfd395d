package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.e2e.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk catalogue}: an empty local copy is synced from the platform (here the embedded
 * simulator, as on a fresh demo checkout), then counted and searched as the screen searches.
 */
class CatalogueCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void anEmptyCopyIsSyncedThenCountedAndSearched() {
        TestConfigs.write(dir, TestConfigs.platform("embedded", "DEMO-REG-0001") + TestConfigs.SIM_DEVICES);
        String config = dir.resolve("kiosk.yaml").toString();

        assertThat(run("catalogue", "--config", config)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("syncing from the platform");
        assertThat(out.toString()).contains("catalogue: 469 items");

        out.getBuffer().setLength(0);
        assertThat(run("catalogue", "search", "yyzz", "--config", config)).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow()).contains("营业执照遗失补领");
        assertThat(out.toString()).contains("电子营业执照下载");

        out.getBuffer().setLength(0);
        assertThat(run("catalogue", "search", "--json", "--config", config, "营业执照"))
                .isZero();
        assertThat(out.toString()).contains("\"name\" : \"营业执照遗失补领\"").contains("\"why\" : \"NAME\"");
    }

    @Test
    void nothingFoundSaysSoAndABadCallIsRefused() {
        TestConfigs.write(dir, TestConfigs.platform("embedded", "DEMO-REG-0001") + TestConfigs.SIM_DEVICES);
        String config = dir.resolve("kiosk.yaml").toString();

        assertThat(run("catalogue", "search", "qqqqqqqq", "--config", config)).isEqualTo(1);
        assertThat(out.toString()).contains("nothing found for \"qqqqqqqq\" in 469 items");
        assertThat(run("catalogue", "find", "x", "--config", config)).isEqualTo(2);
    }

    @Test
    void aRealPlatformsCopyIsLeftToTheKiosk() {
        // nothing answers there; were the command to register or sync, it would say so and wait
        TestConfigs.write(dir, TestConfigs.platform("http://127.0.0.1:9", "HALL-1") + TestConfigs.SIM_DEVICES);

        assertThat(run("catalogue", "--config", dir.resolve("kiosk.yaml").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).doesNotContain("syncing");
        assertThat(out.toString()).contains("catalogue: 0 items");
    }
}
