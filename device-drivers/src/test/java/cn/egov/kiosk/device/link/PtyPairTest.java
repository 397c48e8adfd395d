package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtyPairTest {
    @TempDir
    Path dir;

    @Test
    void startMakesBothLinksAndKillRemovesThem() throws IOException {
        try (PtyPair pair = PtyPair.start(dir)) {
            assertThat(pair.hostPath()).isEqualTo(dir.resolve("host").toString());
            assertThat(pair.devicePath()).isEqualTo(dir.resolve("device").toString());
            assertThat(Path.of(pair.hostPath()).toRealPath().toString()).startsWith("/dev/pts/");
            assertThat(Path.of(pair.devicePath()).toRealPath().toString()).startsWith("/dev/pts/");
            assertThat(pair.isAlive()).isTrue();

            pair.kill();

            assertThat(pair.isAlive()).isFalse();
            assertThat(Files.exists(Path.of(pair.hostPath()), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
            assertThat(Files.exists(Path.of(pair.devicePath()), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
            pair.close(); // closing a killed pair is harmless
        }
    }

    @Test
    void closeKillsSocat() throws IOException {
        PtyPair pair = PtyPair.start(dir);

        pair.close();

        assertThat(pair.isAlive()).isFalse();
        assertThat(Files.exists(Path.of(pair.hostPath()), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void aMissingSocatFailsWithAMessageToInstallIt() {
        assertThatThrownBy(() -> PtyPair.start(dir, "socat-that-is-not-installed"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("install socat");
    }

    @Test
    void socatThatFailsIsReportedWithItsStderr() {
        // "false" exits at once without making links: the failure names the exit and the links
        assertThatThrownBy(() -> PtyPair.start(dir, "false"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with 1")
                .hasMessageContaining(dir.resolve("host").toString());
    }

    @Test
    void aDirectoryThatSocatWouldMisreadIsRefused() {
        assertThatThrownBy(() -> PtyPair.start(dir.resolve("a,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socat address syntax");
    }
}
