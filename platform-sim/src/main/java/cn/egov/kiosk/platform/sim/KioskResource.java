package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.api.ServerTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contract's {@code kiosk} tag: the platform's clock, registering a kiosk with a one-time
 * code, and rotating its key. Owns the registration codes (allowed and used), the kiosks' queue
 * prefixes and the kiosk numbering; the keys themselves are the {@link SignatureCheck}'s.
 */
final class KioskResource implements Resource {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code used: by which serial number, what it got, when. */
    private record UsedCode(String serialNumber, Registration.Issued issued, Instant at) {}

    private final SimContext sim;
    private final SignatureCheck signatures;
    private final Duration registrationReplay;
    private final Set<String> registrationCodes = ConcurrentHashMap.newKeySet();
    /** Codes used: the kiosk that used one may ask again for a lost answer, within the replay window only. */
    private final Map<String, UsedCode> usedCodes = new ConcurrentHashMap<>();

    private final Map<String, String> queuePrefixes = new ConcurrentHashMap<>();
    private final AtomicLong kioskSeq = new AtomicLong();

    KioskResource(SimContext sim, SignatureCheck signatures, Duration registrationReplay) {
        this.sim = sim;
        this.signatures = signatures;
        this.registrationReplay = registrationReplay;
    }

    @Override
    public void register(Routes routes) {
        routes.route("GET", "/v1/time", false, false, c -> Reply.ok(new ServerTime(sim.now(), sim.clock.millis())));
        routes.route("POST", "/v1/kiosks/registrations", false, false, this::registerKiosk);
        routes.route("POST", "/v1/kiosks/credentials/rotate", true, true, this::rotate);
    }

    void allowRegistrationCode(String code) {
        registrationCodes.add(code);
    }

    void provision(String kioskId, String keyId, byte[] secret, String queuePrefix) {
        signatures.add(new SignatureCheck.Key(kioskId, keyId, secret));
        queuePrefixes.put(kioskId, queuePrefix);
    }

    /** The prefix of the numbers the kiosk issues from itself ({@code Z0} for a kiosk without one). */
    String queuePrefix(String kioskId) {
        return queuePrefixes.getOrDefault(kioskId, "Z0");
    }

    /**
     * A code registers one kiosk, once. The same serial number with the same code gets the same
     * credentials again only while its answer may have been lost: within the replay window after
     * the first use, and before any request signed with them. Anything else is a 409 without a
     * secret: the serial number is printed on tickets and a code may linger in a file, so neither
     * may fetch a kiosk's key later.
     */
    private Reply registerKiosk(Call c) {
        Registration.Request r = c.body(Registration.Request.class);
        require(
                r.registrationCode() != null && r.serialNumber() != null && r.hallId() != null,
                "registrationCode, serialNumber and hallId are required",
                c);
        synchronized (usedCodes) {
            UsedCode used = usedCodes.get(r.registrationCode());
            if (used != null) {
                boolean lostAnswer = used.serialNumber().equals(r.serialNumber())
                        && !sim.clock.instant().isAfter(used.at().plus(registrationReplay))
                        && !signatures.used(used.issued().keyId());
                if (lostAnswer) {
                    return Reply.ok(used.issued());
                }
                throw Reply.problem(
                        409,
                        Problem.REGISTRATION_CODE_USED,
                        "注册码已使用",
                        "the registration code was used; ask the platform's console for a new one",
                        c.path());
            }
            if (!registrationCodes.remove(r.registrationCode())) {
                throw Reply.problem(
                        409,
                        Problem.REGISTRATION_CODE_USED,
                        "注册码无效或已使用",
                        "the registration code is unknown or was used",
                        c.path());
            }
            Registration.Issued issued = issue(r);
            usedCodes.put(r.registrationCode(), new UsedCode(r.serialNumber(), issued, sim.clock.instant()));
            return Reply.created(issued);
        }
    }

    private Registration.Issued issue(Registration.Request r) {
        long n = kioskSeq.incrementAndGet();
        String kioskId = "KSK-" + r.hallId().replaceAll("[^0-9A-Za-z]", "") + "-" + String.format("%03d", n);
        String keyId = "k-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String prefix = "Z" + n;
        provision(kioskId, keyId, secret, prefix);
        return new Registration.Issued(
                kioskId, keyId, Base64.getEncoder().encodeToString(secret), prefix, r.hallId(), "演示区政务服务中心", sim.now());
    }

    private Reply rotate(Call c) {
        String keyId = "k-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        signatures.add(new SignatureCheck.Key(c.kioskId(), keyId, secret));
        // Requests signed before the new key was saved still pass.
        signatures.retireOthers(c.kioskId(), keyId, Duration.ofHours(24));
        return Reply.ok(new Registration.Rotated(
                keyId,
                Base64.getEncoder().encodeToString(secret),
                sim.now(),
                sim.now().plusHours(24)));
    }
}
