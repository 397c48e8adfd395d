package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.e2e.TestConfigs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle is on the disk, folder entry and all, before it is called written. */
class DiagnosticsBundleSyncTest {
    @TempDir
    Path dir;

    @Test
    void theCompleteZipIsForcedBeforeTheMoveAndTheFolderSyncedAfter() throws Exception {
        KioskConfig config = TestConfigs.write(dir.resolve("run"), TestConfigs.SIM_DEVICES);
        Path target = dir.resolve("usb").resolve("kiosk-diag.zip");
        List<String> steps = new ArrayList<>();
        DiagnosticsBundle.Written written = new DiagnosticsBundle(
                        config, dir.resolve("run/kiosk.yaml"), Clock.systemUTC())
                .syncedBy(new DiagnosticsBundle.Sync() {
                    @Override
                    public void file(FileChannel channel) throws IOException {
                        steps.add("file " + channel.size() + (Files.exists(target) ? " moved" : " not moved"));
                        DiagnosticsBundle.Sync.DISK.file(channel);
                    }

                    @Override
                    public void directory(Path folder) {
                        steps.add("folder " + folder.getFileName() + (Files.exists(target) ? " moved" : " not moved"));
                        DiagnosticsBundle.Sync.DISK.directory(folder);
                    }
                })
                .write(target);

        // forced once complete (its size is the bundle's), then moved, then the folder synced
        assertThat(steps).containsExactly("file " + written.bytes() + " not moved", "folder usb moved");
        try (ZipFile zip = new ZipFile(target.toFile())) {
            assertThat(zip.getEntry("manifest.json")).isNotNull();
        }
        try (var left = Files.list(target.getParent())) {
            assertThat(left).containsExactly(target);
        }
    }
}
