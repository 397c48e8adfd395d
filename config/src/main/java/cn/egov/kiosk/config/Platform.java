package cn.egov.kiosk.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code platform} section: where the cloud platform is and how the kiosk keeps in step with
 * it. Absent: the kiosk runs alone (local queue numbers, nothing the platform must answer).
 *
 * @param url the platform's base URL, or empty for {@code embedded}: the simulator in the kiosk's
 *     own process on loopback (demo mode only)
 * @param hallId the hall's id on the platform, sent at registration
 * @param registrationCode the one-time code staff got from the platform's console; used once,
 *     when the kiosk has no credentials yet
 * @param credentialsFile where the kiosk's key is kept (outside the database, owner-only)
 * @param keyFile the key that encrypts personal data kept in the database (outside it, owner-only)
 * @param caFile the platform's CA certificates (PEM), instead of the system's
 * @param pins public-key pins of the platform's certificate ({@code sha256/...})
 * @param syncMinutes how often the catalogue, notices and business types are fetched
 * @param staleAfterHours how old the local copy may be before the kiosk says so
 * @param heartbeatSeconds how often the kiosk reports its health
 * @param clockDriftWarnSeconds a difference with the platform's clock above this is reported
 * @param maxClockCorrectionSeconds the largest correction of the kiosk's idea of the platform's
 *     time that an unsigned answer (the time, a clock-skew refusal) may make; a larger one is
 *     refused and audited
 * @param rotateDays how often the kiosk gets a new key from the platform
 */
public record Platform(
    Optional<URI> url,
    String hallId,
    Optional<String> registrationCode,
    Path credentialsFile,
    Path keyFile,
    Optional<Path> caFile,
    List<String> pins,
    int syncMinutes,
    int staleAfterHours,
    int heartbeatSeconds,
    int clockDriftWarnSeconds,
    int maxClockCorrectionSeconds,
    int rotateDays) {

  public static final String EMBEDDED = "embedded";
  public static final Pattern HALL_ID = Pattern.compile("[0-9A-Za-z-]{1,32}");
  public static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");
  public static final int DEFAULT_SYNC_MINUTES = 15;
  public static final int DEFAULT_STALE_AFTER_HOURS = 24;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 60;
  public static final int DEFAULT_CLOCK_DRIFT_WARN_SECONDS = 30;
  public static final int DEFAULT_MAX_CLOCK_CORRECTION_SECONDS = 900;
  public static final int DEFAULT_ROTATE_DAYS = 30;

  public Platform {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(hallId, "hallId");
    Objects.requireNonNull(credentialsFile, "credentialsFile");
    Objects.requireNonNull(keyFile, "keyFile");
    pins = List.copyOf(pins);
  }

  /** The simulator in the kiosk's process. */
  public boolean embedded() {
    return url.isEmpty();
  }
}
