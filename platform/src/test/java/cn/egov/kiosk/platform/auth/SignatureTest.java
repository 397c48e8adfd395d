package cn.egov.kiosk.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The signature of docs/platform-api.md, "Signing": its canonical string, its HMAC, its header. */
class SignatureTest {
    private static final byte[] SECRET = Base64.getDecoder().decode("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static Signature.Signed get(String target) {
        return new Signature.Signed("GET", "platform.example.gov.cn", target, 1, "n", "DEMO-01", null, "d");
    }

    @Test
    void theCanonicalStringIsEightLinesMethodHostTargetTimestampNonceKioskIdempotencyKeyDigest() {
        String c = new Signature.Signed(
                        "post",
                        "Platform.Example.GOV.cn:8443",
                        "/v1/batch?x=1",
                        1_795_836_600_000L,
                        "0123456789abcdef0123456789abcdef",
                        "DEMO-01",
                        "8d6f2c1e-5b7a-4c3d-9e2f-1a0b9c8d7e6f",
                        EMPTY_SHA256)
                .canonical();

        assertThat(c)
                .isEqualTo(
                        "POST\nplatform.example.gov.cn:8443\n/v1/batch?x=1\n1795836600000\n0123456789abcdef0123456789abcdef\nDEMO-01\n"
                                + "8d6f2c1e-5b7a-4c3d-9e2f-1a0b9c8d7e6f\n" + EMPTY_SHA256);
        assertThat(c.split("\n", -1)).hasSize(8);
        assertThat(c).doesNotEndWith("\n");
    }

    @Test
    void noIdempotencyKeyIsAnEmptyLineAndEachFieldChangesTheSignature() {
        Signature.Signed base = get("/v1/departments");
        assertThat(base.canonical().split("\n", -1)[6]).isEmpty();
        String signature = Signature.sign(SECRET, base.canonical());
        List<Signature.Signed> others = List.of(
                new Signature.Signed(
                        "POST", "platform.example.gov.cn", "/v1/departments", 1, "n", "DEMO-01", null, "d"),
                new Signature.Signed("GET", "evil.example.com", "/v1/departments", 1, "n", "DEMO-01", null, "d"),
                new Signature.Signed("GET", "platform.example.gov.cn", "/v1/notices", 1, "n", "DEMO-01", null, "d"),
                new Signature.Signed("GET", "platform.example.gov.cn", "/v1/departments", 2, "n", "DEMO-01", null, "d"),
                new Signature.Signed("GET", "platform.example.gov.cn", "/v1/departments", 1, "m", "DEMO-01", null, "d"),
                new Signature.Signed("GET", "platform.example.gov.cn", "/v1/departments", 1, "n", "DEMO-02", null, "d"),
                new Signature.Signed("GET", "platform.example.gov.cn", "/v1/departments", 1, "n", "DEMO-01", "k", "d"),
                new Signature.Signed(
                        "GET", "platform.example.gov.cn", "/v1/departments", 1, "n", "DEMO-01", null, "e"));
        for (Signature.Signed other : others) {
            assertThat(Signature.matches(SECRET, other.canonical(), signature))
                    .as(other.toString())
                    .isFalse();
        }
        assertThat(Signature.matches(SECRET, base.canonical(), signature)).isTrue();
    }

    @Test
    void theTargetIsSignedExactlyAsGivenPercentEncodedWithoutAQuestionMarkWhenThereIsNoQuery() {
        String noQuery = get("/v1/departments").canonical();
        String encoded = get("/v1/licences/verify/%E8%AF%81%E7%85%A7").canonical();

        assertThat(noQuery.lines().toList().get(2)).isEqualTo("/v1/departments");
        assertThat(encoded.lines().toList().get(2)).isEqualTo("/v1/licences/verify/%E8%AF%81%E7%85%A7");
        assertThat(Signature.sign(SECRET, encoded))
                .isNotEqualTo(
                        Signature.sign(SECRET, get("/v1/licences/verify/证照").canonical()));
    }

    @Test
    void theContractsWorkedExampleSignsAsTheContractSays() throws Exception {
        byte[] secret = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        String canonical = new Signature.Signed(
                        "GET",
                        "platform.example.gov.cn",
                        "/v1/catalogue?since=0&limit=500",
                        1_795_829_400_000L,
                        "3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b",
                        "DEMO-01",
                        null,
                        EMPTY_SHA256)
                .canonical();
        String signature = Signature.sign(secret, canonical);

        assertThat(signature)
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(opensslHmac(secret, canonical.getBytes(StandardCharsets.UTF_8))));
        String contract = Files.readString(Path.of("..", "docs", "platform-api.yaml"));
        assertThat(contract).as("docs/platform-api.yaml's worked example").contains("signature=\"" + signature + "\"");
        String block = Arrays.stream(canonical.split("\n", -1))
                .map(l -> l.isEmpty() ? "" : "            " + l)
                .collect(Collectors.joining("\n"));
        assertThat(contract)
                .as("the canonical string, as the contract shows it")
                .contains(block + "\n");
    }

    @Test
    void theHmacIsTheOneOpensslComputesForAChineseQueryPercentEncoded() throws Exception {
        String query =
                "q=" + URLEncoder.encode("营业执照 办理", StandardCharsets.UTF_8).replace("+", "%20") + "&since=0";
        assertThat(query).isEqualTo("q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%E5%8A%9E%E7%90%86&since=0");
        String body = "{\"idNumber\":\"11010519491231002X\",\"name\":\"张三\"}";
        String canonical = new Signature.Signed(
                        "POST",
                        "127.0.0.1:8787",
                        "/v1/catalogue?" + query,
                        1_795_836_600_123L,
                        "6f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
                        "DEMO-01",
                        "8d6f2c1e-5b7a-4c3d-9e2f-1a0b9c8d7e6f",
                        Signature.sha256Hex(body.getBytes(StandardCharsets.UTF_8)))
                .canonical();

        byte[] openssl = opensslHmac(SECRET, canonical.getBytes(StandardCharsets.UTF_8));

        assertThat(openssl).hasSize(32);
        assertThat(Signature.sign(SECRET, canonical))
                .isEqualTo(Base64.getEncoder().encodeToString(openssl));
    }

    @Test
    void theBodyDigestIsTheOneOpensslComputes() throws Exception {
        byte[] body = "{\"records\":[{\"kind\":\"audit.event\",\"note\":\"自助终端\"}]}".getBytes(StandardCharsets.UTF_8);

        byte[] openssl = run(body, "openssl", "dgst", "-sha256", "-binary");

        assertThat(Signature.sha256Hex(body)).isEqualTo(HexFormat.of().formatHex(openssl));
    }

    @Test
    void theDigestOfNoBodyIsTheDigestOfTheEmptyString() {
        assertThat(Signature.sha256Hex(new byte[0])).isEqualTo(EMPTY_SHA256);
        assertThat(Signature.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesTheRightSignatureOnlyForTheSameSecretAndCanonicalString() {
        String canonical = new Signature.Signed(
                        "GET",
                        "platform.example.gov.cn",
                        "/v1/time",
                        1000,
                        Signature.newNonce(),
                        "DEMO-01",
                        null,
                        EMPTY_SHA256)
                .canonical();
        String signature = Signature.sign(SECRET, canonical);
        byte[] other = SECRET.clone();
        other[0] ^= 1;

        assertThat(Signature.matches(SECRET, canonical, signature)).isTrue();
        assertThat(Signature.matches(other, canonical, signature)).isFalse();
        assertThat(Signature.matches(SECRET, canonical.replace("/v1/time", "/v1/timf"), signature))
                .isFalse();
        assertThat(Signature.matches(SECRET, canonical, signature.substring(1))).isFalse();
        assertThat(Signature.matches(SECRET, canonical, "")).isFalse();
        assertThat(Signature.matches(SECRET, canonical, "签名")).isFalse();
    }

    @Test
    void anAuthorizationHeaderRoundTripsThroughParse() {
        String header = Signature.authorization("k-3f9a", "dGVzdA+/=");

        assertThat(header).isEqualTo("KIOSK-HMAC-SHA256 keyId=\"k-3f9a\", signature=\"dGVzdA+/=\"");
        assertThat(Signature.parse(header)).contains(new Signature.Presented("k-3f9a", "dGVzdA+/="));
        assertThat(Signature.parse("  " + header + " ")).contains(new Signature.Presented("k-3f9a", "dGVzdA+/="));
        String real = Signature.sign(SECRET, "x");
        assertThat(Signature.parse(Signature.authorization("k-1", real)).map(Signature.Presented::signature))
                .contains(real);
    }

    @Test
    void parseRefusesWhatIsNotOurHeader() {
        assertThat(Signature.parse(null)).isEmpty();
        assertThat(Signature.parse("")).isEmpty();
        assertThat(Signature.parse("Bearer abc")).isEmpty();
        assertThat(Signature.parse("kiosk-hmac-sha256 keyId=\"k\", signature=\"abc\""))
                .isEmpty(); // the scheme is upper case
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=k, signature=\"abc\""))
                .isEmpty(); // unquoted
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 signature=\"abc\", keyId=\"k\""))
                .isEmpty(); // order
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=\"\", signature=\"abc\""))
                .isEmpty(); // no key id
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=\"k\", signature=\"\""))
                .isEmpty(); // no signature
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=\"k\", signature=\"ab-c_\""))
                .isEmpty(); // URL-safe base64 is not ours
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=\"" + "k".repeat(65) + "\", signature=\"abc\""))
                .isEmpty();
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=\"k\", signature=\"" + "A".repeat(129) + "\""))
                .isEmpty();
        assertThat(Signature.parse("KIOSK-HMAC-SHA256 keyId=\"k\", signature=\"abc\", extra=\"1\""))
                .isEmpty();
    }

    @Test
    void noncesAre32LowercaseHexDigitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String n = Signature.newNonce();
            assertThat(n).matches("[0-9a-f]{32}");
            assertThat(Signature.isNonce(n)).isTrue();
            assertThat(seen.add(n)).isTrue();
        }
        assertThat(Signature.isNonce(null)).isFalse();
        assertThat(Signature.isNonce("0123456789ABCDEF0123456789abcdef")).isFalse();
        assertThat(Signature.isNonce("0123456789abcdef0123456789abcde")).isFalse();
        assertThat(Signature.isNonce("0123456789abcdef0123456789abcdefa")).isFalse();
    }

    /** HMAC-SHA256 by a real openssl, the key given in hex (it is binary). */
    private static byte[] opensslHmac(byte[] key, byte[] data) throws Exception {
        return run(
                data,
                "openssl",
                "dgst",
                "-sha256",
                "-mac",
                "HMAC",
                "-macopt",
                "hexkey:" + HexFormat.of().formatHex(key),
                "-binary");
    }

    private static byte[] run(byte[] stdin, String... command) throws Exception {
        // a machine without openssl fails the test rather than skipping it (CONTRIBUTING.md)
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl exit status").isZero();
        return out;
    }
}
