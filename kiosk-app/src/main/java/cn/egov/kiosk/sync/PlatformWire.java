package cn.egov.kiosk.sync;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformClock;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.embedded.EmbeddedPlatform;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SyncStateRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The parts that reach the platform: the two HTTP clients (background and interactive), the
 * outbox's sender, the down-sync and, in demo mode, the embedded platform (the simulator, found
 * through {@link EmbeddedPlatform#provider()}). Made the first time
 * they are needed, on the {@code platform-sync} thread, so that none of it delays the kiosk's
 * window.
 */
final class PlatformWire implements AutoCloseable {
    /** The registration code the embedded simulator accepts, whatever the configuration says. */
    static final String EMBEDDED_REGISTRATION_CODE = "DEMO-REG-0001";

    /** The parts, once made. */
    record Parts(
            Optional<EmbeddedPlatform> embedded,
            PlatformClient client,
            PlatformClient interactive,
            OutboxSender sender,
            DownSync downSync) {}

    private final Platform config;
    private final Registration registration;
    private final PlatformClock platformClock;
    private final OutboxRepository outbox;
    private final CatalogueRepository catalogue;
    private final SyncStateRepository syncState;
    private final PlatformLink link;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Parts parts;
    private boolean closed;

    PlatformWire(
            Platform config,
            Registration registration,
            PlatformClock platformClock,
            OutboxRepository outbox,
            CatalogueRepository catalogue,
            SyncStateRepository syncState,
            PlatformLink link,
            Clock clock,
            ZoneId zone) {
        this.config = config;
        this.registration = registration;
        this.platformClock = platformClock;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.syncState = syncState;
        this.link = link;
        this.clock = clock;
        this.zone = zone;
        link.addListener(s -> {
            if (s.online()) {
                made().ifPresent(p -> p.sender().retryNow()); // the platform is back: the backlog drains now
            }
        });
    }

    /** The parts, made now if they are not yet; never on the JavaFX thread. */
    synchronized Parts get() {
        if (parts != null) {
            return parts;
        }
        if (closed) {
            throw new IllegalStateException("the platform services are closed");
        }
        Optional<EmbeddedPlatform> embedded = config.embedded() ? Optional.of(startEmbedded()) : Optional.empty();
        String url = embedded.map(EmbeddedPlatform::url)
                .orElseGet(() -> config.url().orElseThrow().toString());
        PlatformConfig pc = PlatformConfig.of(url).withTls(config.caFile(), config.pins());
        PlatformClient client = new PlatformClient(
                pc.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                registration::credentials,
                platformClock);
        PlatformClient interactive = new PlatformClient(
                pc.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                registration::credentials,
                platformClock);
        OutboxSender sender = new OutboxSender(outbox, client::batch, link, clock, zone, RetryPolicy.DEFAULT);
        DownSync downSync = new DownSync(client, catalogue, syncState, link, clock, zone, 500);
        parts = new Parts(embedded, client, interactive, sender, downSync);
        return parts;
    }

    private EmbeddedPlatform startEmbedded() {
        EmbeddedPlatform.Provider provider = EmbeddedPlatform.provider()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "platform.url is embedded, but the platform simulator is not installed: it comes with the demo (kiosk-demo and platform-sim"
                                        + " on the class path, as ./kiosk runs it); a hall's kiosk names its platform's https URL"));
        try {
            // The embedded simulator starts afresh each time; the kiosk registered with an earlier one
            // brings its key along, as a real platform would still know it.
            return provider.start(
                    config.registrationCode().orElse(EMBEDDED_REGISTRATION_CODE),
                    registration.credentials(),
                    registration.queuePrefix());
        } catch (IOException e) {
            throw new IllegalStateException("the embedded platform simulator cannot start: " + e.getMessage(), e);
        }
    }

    /** The parts if they are made; nothing is made by asking. */
    Optional<Parts> made() {
        return Optional.ofNullable(parts);
    }

    /** Tells the sender there is something to send, if it runs. */
    void wakeSender() {
        made().ifPresent(p -> p.sender().wake());
    }

    /** Nothing more is made from now on (the kiosk is stopping). */
    synchronized void closing() {
        closed = true;
    }

    @Override
    public void close() {
        closing();
        made().ifPresent(p -> {
            p.sender().close();
            p.client().close();
            p.interactive().close();
            p.embedded().ifPresent(EmbeddedPlatform::close);
        });
    }
}
