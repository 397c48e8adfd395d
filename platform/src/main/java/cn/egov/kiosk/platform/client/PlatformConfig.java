package cn.egov.kiosk.platform.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the platform is and how to reach it.
 *
 * @param baseUrl e.g. {@code https://platform.example.gov.cn} (the client adds {@code /v1/...})
 * @param caFile PEM certificates of the CA(s) to trust instead of the system's, if any
 * @param pins public-key pins of the platform's certificate ({@code sha256/<base64>}), if any
 * @param connectTimeout how long a connection may take
 * @param callTimeout how long a whole ordinary call may take (long polls add their wait)
 */
public record PlatformConfig(
        String baseUrl, Optional<Path> caFile, List<String> pins, Duration connectTimeout, Duration callTimeout) {
    public PlatformConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        pins = List.copyOf(pins);
    }

    public static PlatformConfig of(String baseUrl) {
        return new PlatformConfig(baseUrl, Optional.empty(), List.of(), Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    public PlatformConfig withTimeouts(Duration connect, Duration call) {
        return new PlatformConfig(baseUrl, caFile, pins, connect, call);
    }

    public PlatformConfig withTls(Optional<Path> ca, List<String> pinned) {
        return new PlatformConfig(baseUrl, ca, pinned, connectTimeout, callTimeout);
    }
}
