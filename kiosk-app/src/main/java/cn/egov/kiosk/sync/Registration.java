package cn.egov.kiosk.sync;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.CredentialsFile;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.SyncStateRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's registration: its credentials from the credentials file, or, the first time, from
 * the platform with the one-time code of the configuration. What the platform assigned besides the
 * key (the queue prefix, the hall's name) is kept in the store's reference data.
 */
public final class Registration {
  private static final Logger log = LoggerFactory.getLogger(Registration.class);
  static final String REFERENCE = "registration";

  private final Platform config;
  private final CredentialsFile file;
  private final SyncStateRepository state;
  private final String appVersion;
  private final AtomicReference<Optional<Credentials>> credentials = new AtomicReference<>(Optional.empty());
  private final String fallbackPrefix;

  public Registration(Platform config, SyncStateRepository state, String appVersion) {
    this(config, state, appVersion, null);
  }

  /** @param kioskId the kiosk's id in the configuration: the queue prefix until the platform gives one (null: {@code Z}) */
  public Registration(Platform config, SyncStateRepository state, String appVersion, String kioskId) {
    this.fallbackPrefix = kioskId == null ? "Z" : kioskId.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT) + "-";
    this.config = config;
    this.file = new CredentialsFile(config.credentialsFile());
    this.state = state;
    this.appVersion = appVersion;
    try {
      credentials.set(file.load());
    } catch (IOException e) {
      log.error("The platform credentials cannot be read ({}); the kiosk must be registered again", e.getMessage());
    }
  }

  public Optional<Credentials> credentials() {
    return credentials.get();
  }

  public boolean registered() {
    return credentials.get().isPresent();
  }

  /**
   * The kiosk's prefix for queue numbers issued while the platform is away: the one the platform
   * gave at registration; before that, the kiosk's own id from the configuration (unique in the
   * hall), so that two kiosks that never reached the platform still number apart.
   */
  public String queuePrefix() {
    return state.reference(REFERENCE).map(this::prefix).orElse(fallbackPrefix);
  }

  private String prefix(String json) {
    try {
      JsonNode n = Json.mapper().readTree(json);
      return n.path("queuePrefix").asText(fallbackPrefix);
    } catch (IOException e) {
      return fallbackPrefix;
    }
  }

  /**
   * Registers with the configured code if the kiosk has no credentials yet; true when it has them
   * now. A code the platform refuses is reported; trying again needs a new code from staff.
   */
  public synchronized boolean ensure(PlatformClient client, String serialNumber) throws PlatformException {
    if (registered()) {
      return true;
    }
    if (config.registrationCode().isEmpty()) {
      log.warn("The kiosk has no platform credentials and no platform.registrationCode to register with");
      return false;
    }
    var issued = client.register(new cn.egov.kiosk.platform.api.Registration.Request(
        config.registrationCode().get(), serialNumber, config.hallId(), "egov-kiosk", appVersion));
    Credentials c = Credentials.fromBase64(issued.kioskId(), issued.keyId(), issued.secret());
    try {
      file.save(c);
    } catch (IOException e) {
      throw new IllegalStateException("the platform registered the kiosk but its credentials cannot be saved to " + file.path() + ": " + e.getMessage(), e);
    }
    var info = Json.mapper().createObjectNode();
    info.put("kioskId", issued.kioskId());
    info.put("queuePrefix", issued.queuePrefix());
    info.put("hallId", issued.hallId());
    info.put("hallName", issued.hallName());
    state.putReference(REFERENCE, info.toString());
    credentials.set(Optional.of(c));
    log.info("Registered with the platform as {} (queue prefix {})", issued.kioskId(), issued.queuePrefix());
    return true;
  }
}
