package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.CredentialsFile;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.queue.CentralQueue;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration with a one-time code against the simulator, the credentials kept in their file, and
 * the hall's central queue through the platform with the kiosk's own range when it cannot answer.
 */
class RegistrationTest {
    private static final String CODE = "REG-TEST-0001";

    @TempDir
    Path dir;

    private PlatformSimulator sim;
    private Database db;
    private SyncStateRepository state;
    private final AtomicReference<Registration> current = new AtomicReference<>();
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        sim.allowRegistrationCode(CODE);
        db = Database.open(dir.resolve("kiosk.db"));
        state = new SyncStateRepository(db);
        client = client(
                () -> current.get() == null ? Optional.empty() : current.get().credentials());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
        db.close();
    }

    private PlatformClient client(Supplier<Optional<Credentials>> credentials) {
        return new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                credentials,
                Clock.systemUTC());
    }

    private Platform config(Optional<String> code, Path credentialsFile) {
        return new Platform(
                Optional.of(URI.create(sim.url())),
                "110101-01",
                code,
                credentialsFile,
                dir.resolve("store.key"),
                Optional.empty(),
                List.of(),
                15,
                24,
                60,
                30,
                900,
                30);
    }

    private Registration registration(Optional<String> code) {
        Registration r = new Registration(config(code, dir.resolve("secrets/credentials.json")), state, "test");
        current.set(r);
        return r;
    }

    @Test
    void theFirstStartRegistersWithTheCodeAndKeepsTheCredentialsOwnerOnly() throws Exception {
        Registration r = registration(Optional.of(CODE));
        assertThat(r.registered()).isFalse();
        assertThat(r.queuePrefix()).as("before registration").isEqualTo("Z");
        assertThat(new Registration(
                                config(Optional.of(CODE), dir.resolve("secrets/credentials.json")),
                                state,
                                "test",
                                "k-01",
                                Clock.systemUTC())
                        .queuePrefix())
                .as("before registration, with the kiosk's id: two unregistered kiosks still number apart")
                .isEqualTo("K01-");

        assertThat(r.ensure(client, "ZZ-2026-000183")).isTrue();

        assertThat(r.registered()).isTrue();
        Path file = dir.resolve("secrets/credentials.json");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(r.queuePrefix()).matches("Z\\d+");
        assertThat(state.reference(Registration.REFERENCE))
                .hasValueSatisfying(j -> assertThat(j).contains("queuePrefix").doesNotContain("secret"));
        // signed calls now go through with the credentials
        assertThat(client.departments(Optional.empty()).body()).isPresent();

        // the next start reads them back: no code needed, no request made
        long requests = sim.requests();
        Registration again = registration(Optional.empty());
        assertThat(again.registered()).isTrue();
        assertThat(again.credentials()).isEqualTo(r.credentials());
        assertThat(again.ensure(client, "ZZ-2026-000183")).isTrue();
        assertThat(again.queuePrefix()).isEqualTo(r.queuePrefix());
        assertThat(sim.requests()).isEqualTo(requests);
    }

    @Test
    void withoutCredentialsOrACodeTheKioskIsNotRegistered() throws Exception {
        Registration r = registration(Optional.empty());

        assertThat(r.ensure(client, "ZZ-2026-000183")).isFalse();

        assertThat(r.registered()).isFalse();
        assertThat(r.credentials()).isEmpty();
        assertThat(sim.requests()).isZero();
    }

    @Test
    void aCodeAnotherKioskUsedIsRefused() throws Exception {
        Registration first =
                new Registration(config(Optional.of(CODE), dir.resolve("a/credentials.json")), state, "test");
        assertThat(first.ensure(client, "ZZ-2026-000001")).isTrue();
        Registration second =
                new Registration(config(Optional.of(CODE), dir.resolve("b/credentials.json")), state, "test");

        PlatformException e =
                catchThrowableOfType(PlatformException.class, () -> second.ensure(client, "ZZ-2026-000002"));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(Problem.REGISTRATION_CODE_USED);
        assertThat(second.registered()).isFalse();
        assertThat(dir.resolve("b/credentials.json")).doesNotExist();
        assertThat(second.usedCodeConfigured())
                .as("staff are told to replace the refused code")
                .isTrue();
        long requests = sim.requests();
        assertThat(second.ensure(client, "ZZ-2026-000002"))
                .as("a refused code is not sent again and again")
                .isFalse();
        assertThat(sim.requests()).isEqualTo(requests);
    }

    @Test
    void aUsedCodeLeftInTheConfigurationIsReported() throws Exception {
        Registration r = registration(Optional.of(CODE));
        assertThat(r.usedCodeConfigured()).as("not used yet").isFalse();

        r.ensure(client, "ZZ-2026-000183");

        assertThat(r.usedCodeConfigured())
                .as("registered, the code still configured")
                .isTrue();
        assertThat(registration(Optional.empty()).usedCodeConfigured())
                .as("the code removed")
                .isFalse();
        assertThat(registration(Optional.of(CODE)).usedCodeConfigured())
                .as("after a restart")
                .isTrue();
    }

    // --- key rotation ---------------------------------------------------------------------------

    @Test
    void theKeyIsRotatedWhenRotateDaysHavePassedAndTheOldOneStillSignsForADay() throws Exception {
        Path file = dir.resolve("secrets/credentials.json");
        Registration r = registration(Optional.of(CODE));
        r.ensure(client, "ZZ-2026-000183");
        Credentials first = r.credentials().orElseThrow();
        assertThat(r.rotationDue()).as("a new key").isFalse();
        assertThat(r.rotateIfDue(client)).isFalse();

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(30).plusMinutes(1));
        Registration a30DaysLater = new Registration(config(Optional.empty(), file), state, "test", "K01", later);
        current.set(a30DaysLater);
        assertThat(a30DaysLater.rotationDue()).isTrue();
        assertThat(a30DaysLater.rotateIfDue(client)).isTrue();

        Credentials next = a30DaysLater.credentials().orElseThrow();
        assertThat(next.keyId()).isNotEqualTo(first.keyId());
        assertThat(next.kioskId()).isEqualTo(first.kioskId());
        var stored = new CredentialsFile(file).read().orElseThrow();
        assertThat(stored.credentials()).isEqualTo(next);
        assertThat(stored.pendingRotation()).isEmpty();
        assertThat(stored.issuedAt()).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(client.departments(Optional.empty()).body())
                .as("the new key signs")
                .isPresent();
        try (PlatformClient withTheOldKey = client(() -> Optional.of(first))) {
            assertThat(withTheOldKey.departments(Optional.empty()).body())
                    .as("the old key, for its day")
                    .isPresent();
        }
        assertThat(a30DaysLater.rotationDue()).as("the new key is new").isFalse();
    }

    @Test
    void aRotationWhoseAnswerWasLostIsFinishedWithTheSameKeyAndMakesNoSecondKey() throws Exception {
        Path file = dir.resolve("secrets/credentials.json");
        Registration r = registration(Optional.of(CODE));
        r.ensure(client, "ZZ-2026-000183");
        String kioskId = r.credentials().orElseThrow().kioskId();
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(31));
        Registration due = new Registration(config(Optional.empty(), file), state, "test", "K01", later);
        current.set(due);
        sim.faults().dropAfter(1);

        PlatformException lost;
        try (PlatformClient fresh = client(due::credentials)) { // a connection of its own: OkHttp resends nothing on it
            lost = catchThrowableOfType(PlatformException.class, () -> due.rotateIfDue(fresh));
        }

        assertThat(lost).as("the answer was lost").isNotNull();
        assertThat(sim.keyIds(kioskId)).as("but the platform made the key").hasSize(2);
        var pending = new CredentialsFile(file).read().orElseThrow();
        assertThat(pending.pendingRotation()).isPresent();
        // a restart: a new Registration reads the pending rotation from the file
        Registration restarted = new Registration(config(Optional.empty(), file), state, "test", "K01", later);
        current.set(restarted);
        assertThat(restarted.rotateIfDue(client)).isTrue();
        assertThat(restarted.credentials().orElseThrow().keyId())
                .isEqualTo(sim.keyIds(kioskId).get(1));
        assertThat(sim.keyIds(kioskId)).hasSize(2);
    }

    @Test
    void unreadableCredentialsMeanRegisteringAgain() throws Exception {
        Path file = dir.resolve("secrets/credentials.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{not json");

        Registration r = registration(Optional.empty());

        assertThat(r.registered()).isFalse();
    }

    // --- the central queue ----------------------------------------------------------------------

    @Test
    void theCentralQueueGivesThePlatformsNumbersWhileOnlineAndTheKiosksRangeOtherwise() throws Exception {
        Registration r = registration(Optional.of(CODE));
        r.ensure(client, "ZZ-2026-000183");
        PlatformLink link = new PlatformLink(Clock.systemUTC(), PlatformLink.State.OFFLINE);
        CentralQueue queue = new PlatformCentralQueue(() -> client, link, r);
        assertThat(queue.offlinePrefix()).isEqualTo(r.queuePrefix());

        long requests = sim.requests();
        assertThat(queue.take(UUID.randomUUID().toString(), "A"))
                .as("offline: not even asked")
                .isInstanceOf(CentralQueue.NotAsked.class);
        assertThat(sim.requests()).isEqualTo(requests);

        link.reached();
        CentralQueue.Number n =
                (CentralQueue.Number) queue.take(UUID.randomUUID().toString(), "A");
        assertThat(n.number()).matches("A\\d{3}");
        assertThat(n.waitingAhead()).isPresent();
        assertThat(((CentralQueue.Number) queue.take(UUID.randomUUID().toString(), "A")).number())
                .isNotEqualTo(n.number());

        sim.down(Duration.ofSeconds(30));
        long start = System.nanoTime();
        assertThat(queue.take(UUID.randomUUID().toString(), "A"))
                .as("no connection: nothing was sent, nothing held")
                .isInstanceOf(CentralQueue.NotAsked.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("within the interactive client's 4 s, with slack")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);

        sim.up();
        link.reached();
        assertThat(queue.take(UUID.randomUUID().toString(), "NO-SUCH-TYPE"))
                .as("refused: nothing held")
                .isInstanceOf(CentralQueue.NotAsked.class);
        assertThat(link.online()).as("a refusal is an answer").isTrue();
        sim.faults().answerLate(1, Duration.ofSeconds(8));
        assertThat(queue.take(UUID.randomUUID().toString(), "A"))
                .as("the answer came too late: a number may be held for nobody")
                .isInstanceOf(CentralQueue.Unanswered.class);
    }
}
