package cn.egov.kiosk.identity;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceListener;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard;
import cn.egov.kiosk.device.smartcard.SocialSecurityCards;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ID-card login: reads a card and turns it into an {@link Identity}, or says why not in the
 * terms the citizen is told ({@link LoginProblem}). An expired card is read and refused. Where the
 * configuration allows it, a social security card put in the smart-card reader is taken instead of
 * the ID card: whichever comes first. Blocks on the readers: call it off the JavaFX thread.
 */
public final class IdentityService {
  private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
  /** How long one look at the ID card reader lasts while a social security card may come too. */
  private static final Duration SLICE = Duration.ofMillis(400);

  private final Supplier<Optional<IdCardReader>> reader;
  private final Supplier<Optional<SmartCardReader>> smartCards;
  private final Clock clock;
  private final ZoneId zone;
  /** A social security card that could not be used stays refused until it is taken out. */
  private volatile boolean smartCardRefused;

  /**
   * @param smartCards the smart-card reader whose social security card is accepted instead of the
   *     ID card; empty when the configuration does not allow it
   */
  public IdentityService(
      Supplier<Optional<IdCardReader>> reader, Supplier<Optional<SmartCardReader>> smartCards, Clock clock, ZoneId zone) {
    this.reader = reader;
    this.smartCards = smartCards;
    this.clock = clock;
    this.zone = zone;
    smartCards.get().ifPresent(r -> r.addListener(presenceListener(present -> {
      if (!present) {
        smartCardRefused = false;
      }
    })));
  }

  /** Whether a social security card is accepted as well. */
  public boolean acceptsSocialSecurityCard() {
    return smartCards.get().isPresent();
  }

  /** Waits up to {@code timeout} for a card (or a social security card, where allowed) and reads it. */
  public Identity readCard(Duration timeout) throws LoginFailedException {
    Optional<SmartCardReader> ssc = smartCards.get();
    Optional<IdCardReader> id = reader.get();
    if (id.isEmpty() && ssc.isEmpty()) {
      throw new LoginFailedException(LoginProblem.READER_OUT_OF_SERVICE, "no ID card reader is configured", null);
    }
    if (ssc.isEmpty()) {
      return readIdCard(id.get(), timeout, false);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean idReaderWorks = false;
    while (true) {
      if (!smartCardRefused && ssc.get().conditions().contains(Condition.CARD_PRESENT)) {
        return readSocialSecurityCard(ssc.get());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        log.info("Login: no card within {} s", timeout.toSeconds());
        throw new LoginFailedException(
            idReaderWorks ? LoginProblem.NO_CARD : LoginProblem.READER_OUT_OF_SERVICE,
            "no card within " + timeout.toSeconds() + " s" + (idReaderWorks ? "" : "; the ID card reader was out of service"),
            null);
      }
      Duration slice = Duration.ofNanos(Math.min(left, SLICE.toNanos()));
      if (id.isPresent() && id.get().state() != DeviceState.OFFLINE) {
        try {
          return readIdCard(id.get(), slice, true);
        } catch (LoginFailedException e) {
          if (e.problem() == LoginProblem.NO_CARD) {
            idReaderWorks = true; // no ID card in this slice: the social security card may still come
          } else if (e.problem() == LoginProblem.READER_OUT_OF_SERVICE) {
            sleep(slice);
          } else {
            throw e;
          }
        }
      } else {
        sleep(slice);
      }
    }
  }

  /** @param slice one of many short looks: no card is not worth a line in the log then */
  private Identity readIdCard(IdCardReader r, Duration timeout, boolean slice) throws LoginFailedException {
    IdCard card;
    try {
      card = r.read(timeout);
    } catch (DeviceException e) {
      LoginProblem problem = problemOf(e);
      if (slice && (problem == LoginProblem.NO_CARD || problem == LoginProblem.READER_OUT_OF_SERVICE)) {
        log.debug("ID card login: {} ({})", problem, e.summary());
      } else {
        log.info("ID card login: {} ({})", problem, e.summary());
      }
      throw new LoginFailedException(problem, e.summary(), e);
    }
    if (card.expiredOn(today())) {
      log.info("ID card login: an expired {} was refused", card.type());
      card.wipe();
      throw new LoginFailedException(LoginProblem.CARD_EXPIRED, "the card has expired", null);
    }
    log.info("ID card login: {} read", card.type());
    return Identity.of(card);
  }

  private Identity readSocialSecurityCard(SmartCardReader r) throws LoginFailedException {
    SocialSecurityCard card;
    try {
      card = SocialSecurityCards.read(r);
    } catch (DeviceException e) {
      LoginProblem problem =
          e.extendedCode().equals("NOT_SOCIAL_SECURITY_CARD")
              ? LoginProblem.CARD_NOT_SUPPORTED
              : e.code() == ErrorCode.OFFLINE || e.code() == ErrorCode.NO_HARDWARE ? LoginProblem.READER_OUT_OF_SERVICE : LoginProblem.CARD_UNREADABLE;
      smartCardRefused = true;
      log.info("Social security card login: {} ({})", problem, e.summary());
      throw new LoginFailedException(problem, e.summary(), e);
    }
    if (card.expiredOn(today())) {
      smartCardRefused = true;
      log.info("Social security card login: an expired card (version {}) was refused", card.specVersion().orElse("?"));
      throw new LoginFailedException(LoginProblem.CARD_EXPIRED, "the social security card has expired", null);
    }
    Optional<Identity> identity = Identity.of(card);
    if (identity.isEmpty()) {
      smartCardRefused = true;
      log.info(
          "Social security card login: version {} gives no holder data without a PSAM ({})",
          card.specVersion().orElse("?"),
          card.needsPsam());
      throw new LoginFailedException(LoginProblem.USE_ID_CARD, "the social security card does not give its holder's data here", null);
    }
    log.info("Social security card login: card read (version {})", card.specVersion().orElse("?"));
    return identity.get();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  private static void sleep(Duration d) throws LoginFailedException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoginFailedException(LoginProblem.NO_CARD, "interrupted", e);
    }
  }

  /**
   * Follows the readers' cards: {@code true} when a card is placed (or inserted), {@code false}
   * when the ID card is lifted. Called on the readers' event threads.
   */
  public void onCardPresence(Consumer<Boolean> listener) {
    reader.get().ifPresent(r -> r.addListener(presenceListener(listener)));
    smartCards.get().ifPresent(r -> r.addListener(presenceListener(present -> {
      if (present) {
        listener.accept(true);
      }
    })));
  }

  /** Follows the ID card only: {@code false} when it is lifted off the reader. */
  public void onIdCardLifted(Runnable listener) {
    reader.get().ifPresent(r -> r.addListener(presenceListener(present -> {
      if (!present) {
        listener.run();
      }
    })));
  }

  private static DeviceListener presenceListener(Consumer<Boolean> listener) {
    return event -> {
      if (event instanceof DeviceEvent.StatusEvent s && s.condition() == Condition.CARD_PRESENT) {
        listener.accept(s.raised());
      }
    };
  }

  /** What a reader's error means for the citizen. */
  static LoginProblem problemOf(DeviceException e) {
    if (e.code() == ErrorCode.OFFLINE || e.code() == ErrorCode.NO_HARDWARE || e.code() == ErrorCode.SEQUENCE_ERROR) {
      return LoginProblem.READER_OUT_OF_SERVICE;
    }
    String x = e.extendedCode();
    if (x.equals("LIFT_AND_PLACE_AGAIN")) {
      return LoginProblem.LIFT_AND_PLACE_AGAIN;
    }
    if (e.code() == ErrorCode.TIMEOUT && (x.equals("NO_CARD") || x.isEmpty())) {
      return LoginProblem.NO_CARD;
    }
    if (x.equals("BAD_CARD_DATA")) {
      return LoginProblem.CARD_UNREADABLE;
    }
    if (x.startsWith("SW3_")) {
      return switch (cn.egov.kiosk.device.idcard.sam.SamStatus.of(Integer.parseInt(x.substring(4), 16)).advice()) {
        case PLACE_CARD -> LoginProblem.NO_CARD;
        case CARD_UNREADABLE -> LoginProblem.CARD_UNREADABLE;
        case CARD_NOT_SUPPORTED -> LoginProblem.CARD_NOT_SUPPORTED;
        case READER_OUT_OF_SERVICE -> LoginProblem.READER_OUT_OF_SERVICE;
        default -> LoginProblem.PLACE_AGAIN;
      };
    }
    // broken or truncated frames, a read that failed: the card moved, most likely
    return LoginProblem.PLACE_AGAIN;
  }
}
