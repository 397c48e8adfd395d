package cn.egov.kiosk.device.smartcard.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.device.smartcard.SocialSecurityCards;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualVpcdCard;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.Pcscd;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pcscd goes away and comes back while the kiosk runs: the reader goes offline and the device
 * manager brings it back, in the same JVM.
 */
class PcscRecoveryTest {
    private static final Duration SAFETY = Duration.ofSeconds(30);
    private static final Backoff SMALL = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    private final VirtualVpcdCard card = new VirtualVpcdCard(VirtualSocialSecurityCard.secondGeneration());
    private final RecordingListener events = new RecordingListener();
    private DeviceManager manager;
    private SmartCardReader reader;

    @BeforeEach
    void start() throws Exception {
        Pcscd.ensureRunning();
        Pcscd.awaitNoCard(Pcscd.READER_0);
        card.insert();
        DeviceSpec spec = new DeviceSpec(
                "card-reader",
                DeviceClass.SMART_CARD_READER,
                "pcsc",
                "pcsc:" + Pcscd.READER_0,
                Map.of("pollMs", "200"));
        manager = new DeviceManager(
                List.of(spec),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()),
                SMALL);
        reader = manager.first(DeviceClass.SMART_CARD_READER, SmartCardReader.class)
                .orElseThrow();
        reader.addListener(events);
        manager.start();
        awaitWorking();
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
        card.remove();
        Pcscd.ensureRunning(); // whatever a test did to it
        Pcscd.awaitNoCard(Pcscd.READER_0);
    }

    private DeviceHealth health() {
        return manager.health().get("card-reader").orElseThrow();
    }

    /** Healthy, the card seen, and a read that works. */
    private void awaitWorking() throws Exception {
        Await.until(
                () -> health().healthy() && reader.conditions().contains(Condition.CARD_PRESENT),
                SAFETY,
                "the reader healthy with the card in it (" + health() + ")");
        assertThat(SocialSecurityCards.read(reader).name()).contains("李小红");
    }

    private boolean sawOffline() {
        return events.events(DeviceEvent.StatusEvent.class).stream()
                .anyMatch(e -> e.condition() == Condition.OFFLINE && e.raised());
    }

    @Test
    void afterAPcscdRestartTheReaderWorksAgainWithoutAJvmRestart() throws Exception {
        int renewals = PcscContext.renewals();
        events.clear();

        Pcscd.restart();

        Await.until(this::sawOffline, SAFETY, "the reader to go offline (" + events.statusNames() + ")");
        // pcscd closed the card's connection: put it back, as a citizen would
        Await.until(() -> !card.isInserted(), SAFETY, "vpcd to drop the card");
        card.insert(Duration.ofSeconds(10));
        awaitWorking();

        assertThat(events.statusNames()).containsSubsequence("card-removed", "offline", "card-present");
        assertThat(reader.state()).isEqualTo(DeviceState.IDLE);
        assertThat(reader.statistics().get(DeviceStatistics.RECONNECTS)).isPositive();
        // the JDK's context died with the old pcscd: the driver renewed it
        assertThat(PcscContext.renewals()).isGreaterThan(renewals);
    }

    @Test
    void whilePcscdIsDownTheReaderStaysOfflineAndComesBackWithIt() throws Exception {
        events.clear();

        Pcscd.stop();

        Await.until(this::sawOffline, SAFETY, "the reader to go offline");
        Await.until(
                () -> health().problem().equals(Optional.of(HealthProblem.OFFLINE))
                        && reader.state() != DeviceState.IDLE,
                SAFETY,
                "the health model to say offline (" + health() + ")");
        // the manager keeps trying; no attempt succeeds while pcscd is away
        assertThat(events.stateChanges()).doesNotContain("CLOSED->IDLE");

        Pcscd.restart();
        Await.until(() -> !card.isInserted(), SAFETY, "vpcd to drop the card");
        card.insert(Duration.ofSeconds(10));
        awaitWorking();
        assertThat(events.statusNames()).containsSubsequence("offline", "card-present");
    }
}
