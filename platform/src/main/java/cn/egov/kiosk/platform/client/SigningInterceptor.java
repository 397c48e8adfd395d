package cn.egov.kiosk.platform.client;

import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.Signature;
import java.io.IOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs each request as it goes onto the network. A network interceptor runs once per attempt,
 * so a request OkHttp sends again on a fresh connection gets a fresh nonce and timestamp and is
 * not taken for a replay. Requests tagged {@link Unsigned} (time, registration) go as they are.
 */
final class SigningInterceptor implements Interceptor {
    /** Tag of a request that is not signed. */
    enum Unsigned {
        TAG
    }

    private final Supplier<Optional<Credentials>> credentials;
    private final LongSupplier platformMillis;

    SigningInterceptor(Supplier<Optional<Credentials>> credentials, LongSupplier platformMillis) {
        this.credentials = credentials;
        this.platformMillis = platformMillis;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(Unsigned.class) != null) {
            return chain.proceed(request);
        }
        Credentials c = credentials.get().orElseThrow(() -> new NotRegisteredException());
        byte[] body = bodyBytes(request.body());
        long now = platformMillis.getAsLong();
        String nonce = Signature.newNonce();
        String digest = Signature.sha256Hex(body);
        // the bridge interceptor before this one has set Host as it goes on the wire
        String host = request.header("Host");
        String canonical = new Signature.Signed(
                        request.method(),
                        host,
                        target(request.url()),
                        now,
                        nonce,
                        c.kioskId(),
                        request.header(Signature.IDEMPOTENCY_KEY),
                        digest)
                .canonical();
        Request signed = request.newBuilder()
                .header(Signature.KIOSK_ID, c.kioskId())
                .header(Signature.TIMESTAMP, Long.toString(now))
                .header(Signature.NONCE, nonce)
                .header(Signature.CONTENT_SHA256, digest)
                .header(
                        Signature.AUTHORIZATION,
                        Signature.authorization(c.keyId(), Signature.sign(c.secret(), canonical)))
                .build();
        return chain.proceed(signed);
    }

    static String target(HttpUrl url) {
        String q = url.encodedQuery();
        return url.encodedPath() + (q == null ? "" : "?" + q);
    }

    private static byte[] bodyBytes(RequestBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    /** The kiosk has no credentials yet: nothing signed can be sent. */
    static final class NotRegisteredException extends IOException {
        NotRegisteredException() {
            super("the kiosk is not registered with the platform (no credentials)");
        }
    }
}
