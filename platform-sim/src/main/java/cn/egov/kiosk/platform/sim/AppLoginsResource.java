package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The contract's {@code app-logins} tag: who the province service app's dynamic login code stands
 * for. The simulator plays the province too: it makes the codes ({@link #code}) and checks them as
 * only the province could, with its secret. A code is {@code ZWAPP1.<token>.<signature>}: the
 * token is the base64url (no padding) of {@code <login id>:<expiry, epoch seconds>:<nonce, 32 hex
 * digits>}, the login id being the app's opaque id of the citizen; the signature the base64url of
 * the first 16 bytes of HMAC-SHA256 with the province's secret over the ASCII characters before the
 * last dot. A code lives {@link #LIFETIME} and resolves once. Owns the secret (new in every
 * simulator) and the nonces of the codes resolved.
 */
final class AppLoginsResource implements Resource {
    /** How long the app's dynamic code is valid after it is shown. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    /** What the ledger calls a resolved login. */
    static final String APP_LOGIN = "app-login";

    private static final int MAX_CODE_LENGTH = 512;
    private static final int SIGNATURE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SimContext sim;
    private final byte[] provinceSecret = new byte[32];
    /** The nonces of the codes resolved, with their expiry (epoch seconds), so that none resolves twice. */
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    AppLoginsResource(SimContext sim) {
        this.sim = sim;
        RANDOM.nextBytes(provinceSecret);
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/app-logins", true, false, this::resolve);
    }

    /**
     * A fresh code for the citizen of this ID number, as the province app would show it now.
     *
     * @throws IllegalArgumentException when the data set has no such citizen
     */
    String code(String idNumber) {
        SimData.Citizen c = sim.data.citizens.get(idNumber);
        if (c == null) {
            throw new IllegalArgumentException("the simulator's data set has no citizen with that ID number");
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        long expires = sim.clock.instant().plus(LIFETIME).getEpochSecond();
        String token = c.appLoginId() + ":" + expires + ":" + HexFormat.of().formatHex(nonce);
        String signed = AppLogins.PREFIX + B64.encodeToString(token.getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(signature(signed));
    }

    private byte[] signature(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(provinceSecret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from the JDK", e);
        }
    }

    /** What a code with a good signature says. */
    private record Token(String loginId, long expires, String nonce) {}

    private Reply resolve(Call c) {
        AppLogins.Resolve r = c.body(AppLogins.Resolve.class);
        require(r.code() != null && !r.code().isBlank(), "code is required", c);
        Token t = verified(r.code().strip())
                .orElseThrow(() -> Reply.problem(
                        422,
                        Problem.APP_CODE_INVALID,
                        "登录码无效",
                        "not a login code of the province app, or its signature does not match",
                        c.path()));
        long now = sim.clock.instant().getEpochSecond();
        if (now > t.expires()) {
            throw Reply.problem(
                    422,
                    Problem.APP_CODE_EXPIRED,
                    "登录码已过期",
                    "the code expired " + (now - t.expires()) + " s ago; a code is valid for " + LIFETIME.toSeconds()
                            + " s after the app shows it",
                    c.path());
        }
        SimData.Citizen citizen = sim.data.citizens.values().stream()
                .filter(z -> z.appLoginId().equals(t.loginId()))
                .findFirst()
                .orElseThrow(() -> Reply.problem(
                        422, Problem.APP_CODE_INVALID, "登录码无效", "the code's citizen is not known", c.path()));
        used.values().removeIf(expires -> expires < now); // an expired code is refused as such already
        if (used.putIfAbsent(t.nonce(), t.expires()) != null) {
            throw Reply.problem(
                    409, Problem.APP_CODE_USED, "登录码已使用", "the code was used before; a code logs in once", c.path());
        }
        sim.applied(c.kioskId(), APP_LOGIN, t.nonce(), "-", 0, Json.mapper().createObjectNode());
        return Reply.ok(citizen.person());
    }

    /** The token of a code whose form and signature are the province's; empty for anything else. */
    private Optional<Token> verified(String code) {
        if (code.length() > MAX_CODE_LENGTH || !code.startsWith(AppLogins.PREFIX)) {
            return Optional.empty();
        }
        int dot = code.lastIndexOf('.');
        if (dot <= AppLogins.PREFIX.length()) {
            return Optional.empty();
        }
        String signed = code.substring(0, dot);
        byte[] given;
        byte[] token;
        try {
            given = Base64.getUrlDecoder().decode(code.substring(dot + 1));
            token = Base64.getUrlDecoder().decode(signed.substring(AppLogins.PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(signed)
                || !MessageDigest.isEqual(given, signature(signed))) {
            return Optional.empty();
        }
        String text = new String(token, StandardCharsets.UTF_8);
        int second = text.lastIndexOf(':');
        int first = second < 0 ? -1 : text.lastIndexOf(':', second - 1);
        if (first <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Token(
                    text.substring(0, first),
                    Long.parseLong(text.substring(first + 1, second)),
                    text.substring(second + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
