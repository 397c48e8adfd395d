package cn.egov.kiosk.device.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.egov.kiosk.device.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileStatisticsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoads() {
        FileStatisticsStore store = new FileStatisticsStore(dir);

        store.save("ticket-printer", Map.of("prints", 12L, "cuts", 11L));

        assertThat(store.load("ticket-printer")).isEqualTo(Map.of("prints", 12L, "cuts", 11L));
        assertThat(dir.resolve("ticket-printer.properties")).exists();
    }

    @Test
    void aDeviceWithoutAFileHasNoCounters() {
        assertThat(new FileStatisticsStore(dir).load("never-saved")).isEmpty();
    }

    @Test
    void createsItsDirectory() {
        Path nested = dir.resolve("var/lib/kiosk/statistics");
        FileStatisticsStore store = new FileStatisticsStore(nested);

        store.save("p", Map.of("prints", 1L));

        assertThat(store.load("p")).containsEntry("prints", 1L);
    }

    @Test
    void replacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        FileStatisticsStore store = new FileStatisticsStore(dir);
        store.save("p", Map.of("prints", 1L));
        store.save("p", Map.of("prints", 2L));

        assertThat(store.load("p")).isEqualTo(Map.of("prints", 2L));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("p.properties");
        }
    }

    @Test
    void deviceIdsThatAreNoFileNamesAreMadeSafe() throws IOException {
        FileStatisticsStore store = new FileStatisticsStore(dir);

        store.save("../hall 2/printer", Map.of("prints", 5L));

        assertThat(store.load("../hall 2/printer")).isEqualTo(Map.of("prints", 5L));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(".._hall_2_printer.properties");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "prints=twelve\n", // not a number
                "prints=\\u12G4\n", // a broken unicode escape
                "prints=99999999999999999999999\n", // too big
                "\u0000\u0001\u00ff garbage \\u",
            })
    void aDamagedFileCountsFromZeroWithoutThrowing(String content) throws IOException {
        Files.writeString(dir.resolve("p.properties"), content, StandardCharsets.ISO_8859_1);
        FileStatisticsStore store = new FileStatisticsStore(dir);

        assertThatCode(() -> store.load("p")).doesNotThrowAnyException();
        assertThat(store.load("p")).isEmpty();

        DeviceStatistics stats = new DeviceStatistics("p", store, new MutableClock(Instant.EPOCH));
        assertThat(stats.get(DeviceStatistics.PRINTS)).isZero();
        stats.increment(DeviceStatistics.PRINTS);
        stats.save(); // and the damaged file is replaced by a good one
        assertThat(store.load("p")).containsEntry("prints", 1L);
    }

    @Test
    void anUnwritableDirectoryIsLoggedNotThrown() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        FileStatisticsStore store = new FileStatisticsStore(file);

        assertThatCode(() -> store.save("p", Map.of("prints", 1L))).doesNotThrowAnyException();
    }
}
