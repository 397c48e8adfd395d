package cn.egov.kiosk.e2e;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.Registration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A kiosk that only rotates its key, for the crash test: it reads its credentials, rotates them if
 * due with the real {@link Registration} and client, and says {@code ROTATED keyId} or {@code NOT
 * DUE}. Arguments: the platform's URL, the credentials file, the store file.
 */
public final class RotationWorkerMain {
    private RotationWorkerMain() {}

    public static void main(String[] args) throws Exception {
        Path credentials = Path.of(args[1]);
        Platform config = new Platform(
                Optional.of(URI.create(args[0])),
                "110101-01",
                Optional.empty(),
                credentials,
                credentials.resolveSibling("store.key"),
                Optional.empty(),
                List.of(),
                60,
                24,
                600,
                30,
                900,
                30);
        try (Database db = Database.open(Path.of(args[2]))) {
            Registration registration =
                    new Registration(config, new SyncStateRepository(db), "test", "K01", Clock.systemUTC());
            try (PlatformClient client = new PlatformClient(
                    PlatformConfig.of(args[0]).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(60)),
                    registration::credentials,
                    Clock.systemUTC())) {
                System.out.println(
                        registration.rotateIfDue(client)
                                ? "ROTATED "
                                        + registration
                                                .credentials()
                                                .orElseThrow()
                                                .keyId()
                                : "NOT DUE");
            }
        }
    }
}
