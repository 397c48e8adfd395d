package cn.egov.kiosk.device.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStatisticsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T08:00:00Z"));

    private DeviceStatistics stats() {
        return new DeviceStatistics("ticket-printer", new FileStatisticsStore(dir), clock);
    }

    @Test
    void countersStartAtZero() {
        DeviceStatistics stats = stats();

        assertThat(stats.get(DeviceStatistics.PRINTS)).isZero();
        assertThat(stats.snapshot()).containsExactly(Map.entry(DeviceStatistics.SECONDS_ONLINE, 0L));
    }

    @Test
    void countersPersistAcrossARestart() {
        DeviceStatistics before = stats();
        before.increment(DeviceStatistics.PRINTS);
        before.increment(DeviceStatistics.PRINTS);
        before.increment(DeviceStatistics.PRINTS);
        before.add(DeviceStatistics.BYTES_WRITTEN, 12_345);
        before.increment("paperRollsChanged"); // a vendor counter
        before.save();

        DeviceStatistics after = stats();

        assertThat(after.get(DeviceStatistics.PRINTS)).isEqualTo(3);
        assertThat(after.get(DeviceStatistics.BYTES_WRITTEN)).isEqualTo(12_345);
        assertThat(after.get("paperRollsChanged")).isEqualTo(1);
        assertThat(after.snapshot().keySet())
                .containsExactly("bytesWritten", "paperRollsChanged", "prints", "secondsOnline");
    }

    @Test
    void devicesKeepTheirOwnCounters() {
        DeviceStatistics printer = stats();
        printer.increment(DeviceStatistics.PRINTS);
        printer.save();
        DeviceStatistics reader = new DeviceStatistics("id-reader", new FileStatisticsStore(dir), clock);
        reader.increment(DeviceStatistics.READS);
        reader.save();

        assertThat(stats().get(DeviceStatistics.READS)).isZero();
        assertThat(new DeviceStatistics("id-reader", new FileStatisticsStore(dir), clock).get(DeviceStatistics.PRINTS))
                .isZero();
    }

    @Test
    void secondsOnlineAccumulatesWhileOnline() {
        DeviceStatistics stats = stats();

        stats.markOnline();
        clock.advance(Duration.ofSeconds(30));
        assertThat(stats.get(DeviceStatistics.SECONDS_ONLINE)).isEqualTo(30);
        stats.markOnline(); // already online: the interval goes on
        clock.advance(Duration.ofSeconds(10));
        stats.markOffline();
        clock.advance(Duration.ofSeconds(100)); // offline
        assertThat(stats.get(DeviceStatistics.SECONDS_ONLINE)).isEqualTo(40);
        stats.markOffline(); // already offline: nothing added
        stats.markOnline();
        clock.advance(Duration.ofSeconds(5));

        assertThat(stats.get(DeviceStatistics.SECONDS_ONLINE)).isEqualTo(45);
        assertThat(stats.snapshot()).containsEntry(DeviceStatistics.SECONDS_ONLINE, 45L);
    }

    @Test
    void secondsOnlineAccumulatesAcrossRestarts() {
        DeviceStatistics first = stats();
        first.markOnline();
        clock.advance(Duration.ofHours(2));
        first.markOffline();
        first.save();

        DeviceStatistics second = stats();
        second.markOnline();
        clock.advance(Duration.ofMinutes(30));
        second.save(); // saved while online: the live interval counts once
        clock.advance(Duration.ofMinutes(30));
        second.markOffline();
        second.save();

        DeviceStatistics third = stats();
        assertThat(third.get(DeviceStatistics.SECONDS_ONLINE)).isEqualTo(3 * 3600);
        assertThat(third.hoursOnline()).isEqualTo(3.0);
    }

    @Test
    void resetSetsEveryCounterToZeroAndSaves() {
        DeviceStatistics stats = stats();
        stats.add(DeviceStatistics.PRINTS, 7);
        stats.markOnline();
        clock.advance(Duration.ofMinutes(5));
        stats.save();

        stats.reset();
        clock.advance(Duration.ofSeconds(20)); // still online: counting starts again from the reset

        assertThat(stats.get(DeviceStatistics.PRINTS)).isZero();
        assertThat(stats.get(DeviceStatistics.SECONDS_ONLINE)).isEqualTo(20);
        DeviceStatistics restarted = stats();
        assertThat(restarted.get(DeviceStatistics.PRINTS)).isZero();
        assertThat(restarted.get(DeviceStatistics.SECONDS_ONLINE)).isZero();
    }

    @Test
    void withoutAStoreNothingIsKept() {
        DeviceStatistics stats = new DeviceStatistics("x", StatisticsStore.NONE, clock);
        stats.increment(DeviceStatistics.CUTS);
        stats.save();

        assertThat(new DeviceStatistics("x", StatisticsStore.NONE, clock).get(DeviceStatistics.CUTS))
                .isZero();
    }
}
