package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The platform simulator on a loopback port with this kiosk provisioned, the client of short
 * timeouts that the calls a citizen waits for use (2 s to connect, 4 s in all), and a link that has
 * not asked yet: what the kiosk's citizen-facing platform calls are tested against.
 */
public final class PlatformRig implements AutoCloseable {
    public final PlatformSimulator sim;
    public final PlatformClient client;
    public final PlatformLink link = new PlatformLink(new MutableClock(Instant.now()), PlatformLink.State.STARTING);

    public PlatformRig(String kioskId) throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        Credentials credentials = new Credentials(
                kioskId, "k-" + kioskId, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        sim.provision(credentials, "Z8");
        client = interactive(credentials);
    }

    /** A client of short timeouts signing with {@code credentials}. */
    public PlatformClient interactive(Credentials credentials) {
        return new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                () -> Optional.of(credentials),
                Clock.systemUTC());
    }

    /** The enterprise register over this platform, as the kiosk wires it. */
    public PlatformEnterpriseRegister enterprises() {
        return new PlatformEnterpriseRegister(() -> client, link);
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
