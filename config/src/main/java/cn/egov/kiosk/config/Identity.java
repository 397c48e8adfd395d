package cn.egov.kiosk.config;

import java.time.Duration;

/**
 * The {@code identity} section: how citizens identify themselves (the ID-card login step every
 * flow that needs an identity goes through).
 *
 * @param readTimeoutSeconds how long the login screen waits for a card, {@value
 *     #MIN_READ_TIMEOUT_SECONDS} to {@value #MAX_READ_TIMEOUT_SECONDS}
 * @param cardRemovalEndsSession lifting the ID card off the reader ends the session
 * @param socialSecurityCard the social security card (in the smart-card reader) is accepted instead
 *     of the ID card
 */
public record Identity(int readTimeoutSeconds, boolean cardRemovalEndsSession, boolean socialSecurityCard) {
  public static final int MIN_READ_TIMEOUT_SECONDS = 10;
  public static final int MAX_READ_TIMEOUT_SECONDS = 120;
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

  /** What an omitted {@code identity} section means. */
  public static final Identity DEFAULTS = new Identity(DEFAULT_READ_TIMEOUT_SECONDS, false, false);

  public Identity {
    if (readTimeoutSeconds < MIN_READ_TIMEOUT_SECONDS || readTimeoutSeconds > MAX_READ_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("identity.readTimeoutSeconds out of range: " + readTimeoutSeconds);
    }
  }

  public Duration readTimeout() {
    return Duration.ofSeconds(readTimeoutSeconds);
  }
}
