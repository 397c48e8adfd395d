package cn.egov.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.runtime.ConfigFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's own arguments, read before the command line so that its start begins at once: the
 * shapes it reads itself, and everything else left to picocli.
 */
class MainArgumentsTest {
    @Test
    void theKiosksOwnShapesAreReadAhead() {
        assertThat(Main.configFileOf(new String[0])).contains(ConfigFiles.defaultConfig());
        assertThat(Main.configFileOf(new String[] {"--bench-ready"})).contains(ConfigFiles.defaultConfig());
        assertThat(Main.configFileOf(new String[] {"--config", "/etc/egov-kiosk/hall.yaml"}))
                .contains(Path.of("/etc/egov-kiosk/hall.yaml"));
        assertThat(Main.configFileOf(new String[] {"--bench-ready", "--config", "c.yaml"}))
                .contains(Path.of("c.yaml"));
    }

    @Test
    void everythingElseIsLeftToTheCommandLine() {
        assertThat(Main.configFileOf(new String[] {"--config"})).isEmpty();
        assertThat(Main.configFileOf(new String[] {"--config=c.yaml"})).isEmpty();
        assertThat(Main.configFileOf(new String[] {"--config", "a.yaml", "--config", "b.yaml"}))
                .isEmpty();
        assertThat(Main.configFileOf(new String[] {"--cds-training"})).isEmpty();
        assertThat(Main.configFileOf(new String[] {"--config", "--bench-ready"}))
                .as("picocli says what is wrong with it")
                .isEmpty();
        assertThat(Main.configFileOf(new String[] {"--colour", "red"})).isEmpty();
        assertThat(Main.runsTheKiosk(new String[] {"outbox"})).isFalse();
        assertThat(Main.runsTheKiosk(new String[] {"payments", "--day", "2026-11-28"}))
                .isFalse();
        assertThat(Main.runsTheKiosk(new String[] {"admin", "set-pin", "staff"}))
                .isFalse();
        assertThat(Main.runsTheKiosk(new String[] {"platform-sim", "--port", "0"}))
                .isFalse();
        assertThat(Main.runsTheKiosk(new String[] {"--config", "c.yaml"})).isTrue();
    }
}
