package cn.egov.kiosk.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.ServerTime;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS as the configuration asks: the platform's CA from a PEM file instead of the system's, and
 * public-key pins. The server's certificate is made by the JDK's keytool, as an operator would.
 */
class TlsTest {
    @TempDir
    Path dir;

    private MockWebServer server;
    private Path caPem;
    private String pin;

    @BeforeEach
    void serveHttps() throws Exception {
        Path keystore = dir.resolve("platform.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "platform",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost, O=演示区政务服务平台",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        caPem = dir.resolve("platform-ca.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "platform",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                caPem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("platform");
        pin = "sha256/"
                + Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(cert.getPublicKey().getEncoded()));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = new MockWebServer();
        server.useHttps(ssl.getSocketFactory());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private PlatformClient client(Optional<Path> ca, List<String> pins) {
        String url = "https://localhost:" + server.getPort();
        return new PlatformClient(PlatformConfig.of(url).withTls(ca, pins), Optional::empty, Clock.systemUTC());
    }

    private void answerTime() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(new String(Json.bytes(new ServerTime(OffsetDateTime.now(), System.currentTimeMillis()))))
                .build());
    }

    @Test
    void thePlatformsCaFromTheConfigurationIsTrusted() throws Exception {
        answerTime();
        try (PlatformClient c = client(Optional.of(caPem), List.of())) {
            assertThat(c.time().epochMillis()).isPositive();
        }
    }

    @Test
    void withoutItTheSelfIssuedCertificateIsRefusedBeforeAnythingIsSent() {
        answerTime();
        try (PlatformClient c = client(Optional.empty(), List.of())) {
            PlatformException e = catchThrowableOfType(PlatformException.class, c::time);
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.UNREACHABLE);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void aMatchingPinPassesAndAnotherIsRefused() throws Exception {
        answerTime();
        try (PlatformClient c = client(Optional.of(caPem), List.of(pin))) {
            assertThat(c.time().epochMillis()).isPositive();
        }
        answerTime();
        String other = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);
        try (PlatformClient c = client(Optional.of(caPem), List.of(other))) {
            PlatformException e = catchThrowableOfType(PlatformException.class, c::time);
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.UNREACHABLE);
            assertThat(e.getMessage()).contains("platform unreachable");
        }
    }

    @Test
    void aCaFileThatIsNoCertificateIsAClearErrorAtStart() throws Exception {
        Path bad = dir.resolve("bad.pem");
        Files.writeString(bad, "not a certificate");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> client(Optional.of(bad), List.of())))
                .hasMessageContaining("cannot use the platform CA file")
                .hasMessageContaining("bad.pem");
    }
}
