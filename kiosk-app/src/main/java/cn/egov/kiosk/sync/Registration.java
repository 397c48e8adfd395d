package cn.egov.kiosk.sync;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration.Issued;
import cn.egov.kiosk.platform.api.Registration.Request;
import cn.egov.kiosk.platform.api.Registration.Rotated;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.CredentialsFile;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.SyncStateRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's registration: its credentials from the credentials file, or, the first time, from
 * the platform with the one-time code of the configuration; and their rotation every {@code
 * platform.rotateDays}. What the platform assigned besides the key (the queue prefix, the hall's
 * name) is kept in the store's reference data. Staff are told when a code that can no longer be used
 * is still in the configuration.
 *
 * <p>A rotation survives a crash at any moment: its idempotency key is written to the credentials
 * file before the platform is asked, and replaced by the new key in one atomic write. A kiosk
 * killed in between asks again with the same idempotency key (signing with the old key, which the
 * platform accepts for 24 hours after a rotation) and gets the same new key.
 */
public final class Registration {
    private static final Logger log = LoggerFactory.getLogger(Registration.class);
    static final String REFERENCE = "registration";

    private final Platform config;
    private final CredentialsFile file;
    private final SyncStateRepository state;
    private final String appVersion;
    private final Clock clock;
    private final AtomicReference<Optional<CredentialsFile.Entry>> stored = new AtomicReference<>(Optional.empty());
    private final String fallbackPrefix;
    /** The platform answered that the configured code was used already (this run). */
    private volatile boolean codeRefused;

    public Registration(Platform config, SyncStateRepository state, String appVersion) {
        this(config, state, appVersion, null, Clock.systemUTC());
    }

    /**
     * @param kioskId the kiosk's id in the configuration: the queue prefix until the platform gives
     *     one (null: {@code Z})
     */
    public Registration(Platform config, SyncStateRepository state, String appVersion, String kioskId, Clock clock) {
        this.fallbackPrefix =
                kioskId == null ? "Z" : kioskId.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT) + "-";
        this.config = config;
        this.file = new CredentialsFile(config.credentialsFile());
        this.state = state;
        this.appVersion = appVersion;
        this.clock = clock;
        try {
            stored.set(file.read());
        } catch (IOException e) {
            log.error(
                    "The platform credentials cannot be read ({}); the kiosk must be registered again", e.getMessage());
        }
    }

    public Optional<Credentials> credentials() {
        return stored.get().map(CredentialsFile.Entry::credentials);
    }

    public boolean registered() {
        return stored.get().isPresent();
    }

    /**
     * The kiosk's prefix for queue numbers issued while the platform is away: the one the platform
     * gave at registration; before that, the kiosk's own id from the configuration (unique in the
     * hall), so that two kiosks that never reached the platform still number apart.
     */
    public String queuePrefix() {
        return reference()
                .map(n -> n.path("queuePrefix").asText(fallbackPrefix))
                .orElse(fallbackPrefix);
    }

    private Optional<JsonNode> reference() {
        return state.reference(REFERENCE).flatMap(json -> {
            try {
                return Optional.of(Json.mapper().readTree(json));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether the configuration still holds a registration code that can no longer be used: the
     * kiosk has its credentials (so the code was used, or is of no use), or the platform refused the
     * code as used. It should not linger in a file; staff are told to remove it.
     */
    public boolean usedCodeConfigured() {
        return usedCodeConfigured(config, registered() || codeRefused);
    }

    /**
     * As {@link #usedCodeConfigured()}, for a tool that knows only whether the kiosk has credentials.
     * Never for the embedded simulator of demo mode, which takes its demo code afresh at every start.
     */
    public static boolean usedCodeConfigured(Platform config, boolean registered) {
        return !config.embedded() && config.registrationCode().isPresent() && registered;
    }

    /**
     * Registers with the configured code if the kiosk has no credentials yet; true when it has them
     * now. A code the platform refuses as used is reported (the kiosk needs a new one from staff).
     */
    public synchronized boolean ensure(PlatformClient client, String serialNumber) throws PlatformException {
        if (registered()) {
            return true;
        }
        if (config.registrationCode().isEmpty()) {
            log.warn("The kiosk has no platform credentials and no platform.registrationCode to register with");
            return false;
        }
        if (codeRefused) {
            return false; // refused as used: asking again every 15 s would only be refused again (a new code needs a
            // restart)
        }
        String code = config.registrationCode().get();
        Issued issued;
        try {
            issued = client.register(new Request(code, serialNumber, config.hallId(), "egov-kiosk", appVersion));
        } catch (PlatformException e) {
            if (e.problem()
                    .map(p -> Problem.REGISTRATION_CODE_USED.equals(p.code()))
                    .orElse(false)) {
                codeRefused = true;
                log.error(
                        "The platform refused platform.registrationCode: it was used already (by this kiosk before it lost its credentials,"
                                + " or by another). Ask the platform's console for a new code and put it in the configuration");
            }
            throw e;
        }
        Credentials c = Credentials.fromBase64(issued.kioskId(), issued.keyId(), issued.secret());
        // the key's age by the kiosk's own clock, the one that decides when it is due
        CredentialsFile.Entry entry = new CredentialsFile.Entry(c, Optional.of(clock.instant()), Optional.empty());
        save(entry, "the platform registered the kiosk but its credentials");
        ObjectNode info = Json.mapper().createObjectNode();
        info.put("kioskId", issued.kioskId());
        info.put("queuePrefix", issued.queuePrefix());
        info.put("hallId", issued.hallId());
        info.put("hallName", issued.hallName());
        state.putReference(REFERENCE, info.toString());
        stored.set(Optional.of(entry));
        log.info(
                "Registered with the platform as {} (queue prefix {}); platform.registrationCode is used now and may be removed from the configuration",
                issued.kioskId(),
                issued.queuePrefix());
        return true;
    }

    /** Whether the key is due for rotation (or a rotation was begun and not finished). */
    public boolean rotationDue() {
        Optional<CredentialsFile.Entry> e = stored.get();
        if (e.isEmpty()) {
            return false;
        }
        if (e.get().pendingRotation().isPresent()) {
            return true;
        }
        Instant issued = e.get().issuedAt().orElse(null);
        if (issued == null) {
            return true; // a key from before its age was kept: rotate it, then its age is known
        }
        return !clock.instant().isBefore(issued.plus(Duration.ofDays(config.rotateDays())));
    }

    /**
     * Rotates the key when it is due ({@link #rotationDue}); true when it did. The rotation's
     * idempotency key is saved before the platform is asked, so a crash after its answer loses
     * nothing: the next call asks again with the same key and gets the same new key.
     */
    public synchronized boolean rotateIfDue(PlatformClient client) throws PlatformException {
        if (!rotationDue()) {
            return false;
        }
        CredentialsFile.Entry current = stored.get().orElseThrow();
        String key = current.pendingRotation().orElse(null);
        if (key == null) {
            key = UUID.randomUUID().toString();
            current = current.withPendingRotation(Optional.of(key));
            save(current, "the rotation begun");
            stored.set(Optional.of(current));
        } else {
            log.info("Finishing the key rotation begun earlier (idempotency key kept across a restart)");
        }
        Rotated rotated = client.rotateCredentials(key);
        Credentials next = Credentials.fromBase64(current.credentials().kioskId(), rotated.keyId(), rotated.secret());
        CredentialsFile.Entry entry = new CredentialsFile.Entry(next, Optional.of(clock.instant()), Optional.empty());
        save(entry, "the new key");
        stored.set(Optional.of(entry));
        log.info(
                "Platform key rotated: {} replaces {} (the old one is valid until {})",
                rotated.keyId(),
                current.credentials().keyId(),
                rotated.previousKeyValidUntil());
        return true;
    }

    private void save(CredentialsFile.Entry entry, String what) {
        try {
            file.write(entry);
        } catch (IOException e) {
            throw new IllegalStateException(what + " cannot be saved to " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
