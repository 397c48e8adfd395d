package cn.egov.kiosk.config;

import java.time.Duration;

/**
 * The {@code session} section: when an unattended session ends.
 *
 * <p>After {@code inactivityTimeoutSeconds} without a touch the kiosk asks "are you still there?"
 * and counts down {@code warningSeconds}; without a touch by then it ends the session and wipes
 * its data. The countdown is at least 20 seconds (WCAG 2.2 success criterion 2.2.1, Timing
 * Adjustable: at least 20 seconds to extend with a simple action).
 *
 * @param inactivityTimeoutSeconds seconds without a touch before the warning, {@value
 *     #MIN_INACTIVITY_TIMEOUT_SECONDS} to {@value #MAX_INACTIVITY_TIMEOUT_SECONDS}
 * @param warningSeconds seconds of the warning's countdown, {@value #MIN_WARNING_SECONDS} to
 *     {@value #MAX_WARNING_SECONDS}
 * @param finishedSeconds once a citizen's business is done (the ticket taken, the licence
 *     printed), the seconds the screen offers another service or exit, counting down, before the
 *     session ends by itself: {@value #MIN_FINISHED_SECONDS} to {@value #MAX_FINISHED_SECONDS}
 */
public record Session(int inactivityTimeoutSeconds, int warningSeconds, int finishedSeconds) {
  public static final int MIN_INACTIVITY_TIMEOUT_SECONDS = 15;
  public static final int MAX_INACTIVITY_TIMEOUT_SECONDS = 600;
  public static final int DEFAULT_INACTIVITY_TIMEOUT_SECONDS = 60;
  public static final int MIN_WARNING_SECONDS = 20;
  public static final int MAX_WARNING_SECONDS = 120;
  public static final int DEFAULT_WARNING_SECONDS = 20;
  public static final int MIN_FINISHED_SECONDS = 5;
  public static final int MAX_FINISHED_SECONDS = 120;
  public static final int DEFAULT_FINISHED_SECONDS = 15;

  /** What an omitted {@code session} section means. */
  public static final Session DEFAULTS = new Session(DEFAULT_INACTIVITY_TIMEOUT_SECONDS, DEFAULT_WARNING_SECONDS, DEFAULT_FINISHED_SECONDS);

  public Session {
    if (inactivityTimeoutSeconds < MIN_INACTIVITY_TIMEOUT_SECONDS || inactivityTimeoutSeconds > MAX_INACTIVITY_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("session.inactivityTimeoutSeconds out of range: " + inactivityTimeoutSeconds);
    }
    if (warningSeconds < MIN_WARNING_SECONDS || warningSeconds > MAX_WARNING_SECONDS) {
      throw new IllegalArgumentException("session.warningSeconds out of range: " + warningSeconds);
    }
    if (finishedSeconds < MIN_FINISHED_SECONDS || finishedSeconds > MAX_FINISHED_SECONDS) {
      throw new IllegalArgumentException("session.finishedSeconds out of range: " + finishedSeconds);
    }
  }

  public Duration finished() {
    return Duration.ofSeconds(finishedSeconds);
  }

  public Duration inactivityTimeout() {
    return Duration.ofSeconds(inactivityTimeoutSeconds);
  }

  public Duration warning() {
    return Duration.ofSeconds(warningSeconds);
  }
}
