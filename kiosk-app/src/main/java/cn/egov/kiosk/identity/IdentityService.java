package cn.egov.kiosk.identity;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceListener;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.ExtendedCode;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.IdReaderCode;
import cn.egov.kiosk.device.idcard.SamStatusCode;
import cn.egov.kiosk.device.idcard.sam.SamStatus;
import cn.egov.kiosk.device.smartcard.SmartCardCode;
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
    /**
     * The social security card in the slot has been used (read or refused): it is not read again
     * until it is taken out, so that a card left behind does not log the next citizen in.
     */
    private volatile boolean smartCardTaken;
    /** One read at a time; {@link #cancel()} interrupts the one running. */
    private final Object oneRead = new Object();

    private final Object cancelling = new Object();
    private Thread reading;

    /**
     * @param smartCards the smart-card reader whose social security card is accepted instead of the
     *     ID card; empty when the configuration does not allow it
     */
    public IdentityService(
            Supplier<Optional<IdCardReader>> reader,
            Supplier<Optional<SmartCardReader>> smartCards,
            Clock clock,
            ZoneId zone) {
        this.reader = reader;
        this.smartCards = smartCards;
        this.clock = clock;
        this.zone = zone;
        smartCards
                .get()
                .ifPresent(r -> r.addListener(presenceListener(present -> {
                    if (!present) {
                        smartCardTaken = false;
                    }
                })));
    }

    /** Whether a social security card is accepted as well. */
    public boolean acceptsSocialSecurityCard() {
        return smartCards.get().isPresent();
    }

    /**
     * Waits up to {@code timeout} for a card (or a social security card, where allowed) and reads it.
     * A read still running (a screen left and opened again) is cancelled first.
     */
    public Identity readCard(Duration timeout) throws LoginFailedException {
        cancel();
        synchronized (oneRead) {
            synchronized (cancelling) {
                reading = Thread.currentThread();
            }
            try {
                return readNow(timeout);
            } finally {
                synchronized (cancelling) {
                    reading = null;
                    Thread.interrupted(); // a cancel that came as the read ended must not reach the next task
                }
            }
        }
    }

    /** Cancels the read that is running, if any: it fails with {@link LoginProblem#NO_CARD}. */
    public void cancel() {
        synchronized (cancelling) {
            if (reading != null) {
                reading.interrupt();
            }
        }
    }

    private Identity readNow(Duration timeout) throws LoginFailedException {
        Optional<SmartCardReader> ssc = smartCards.get();
        Optional<IdCardReader> id = reader.get();
        if (id.isEmpty() && ssc.isEmpty()) {
            throw new LoginFailedException(LoginProblem.READER_OUT_OF_SERVICE, "no ID card reader is configured", null);
        }
        if (ssc.isEmpty()) {
            return readIdCard(id.get(), timeout, false);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!smartCardTaken && ssc.get().conditions().contains(Condition.CARD_PRESENT)) {
                return readSocialSecurityCard(ssc.get());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.info("Login: no card within {} s", timeout.toSeconds());
                throw new LoginFailedException(
                        LoginProblem.NO_CARD, "no card within " + timeout.toSeconds() + " s", null);
            }
            Duration slice = Duration.ofNanos(Math.min(left, SLICE.toNanos()));
            if (id.isEmpty()) {
                sleep(slice); // social security cards only
                continue;
            }
            if (id.get().state() == DeviceState.OFFLINE) {
                // said at once, as without social security cards: the screen reads again when it is back
                log.info("ID card login: {} (the ID card reader is offline)", LoginProblem.READER_OUT_OF_SERVICE);
                throw new LoginFailedException(
                        LoginProblem.READER_OUT_OF_SERVICE, "the ID card reader is offline", null);
            }
            try {
                return readIdCard(id.get(), slice, true);
            } catch (LoginFailedException e) {
                if (e.problem() != LoginProblem.NO_CARD) {
                    throw e;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // cancelled
                }
                // no ID card in this slice: the social security card may still come
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
            if (slice && problem == LoginProblem.NO_CARD) {
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
            LoginProblem problem = e.is(SmartCardCode.NOT_SOCIAL_SECURITY_CARD)
                    ? LoginProblem.CARD_NOT_SUPPORTED
                    : e.code() == ErrorCode.OFFLINE || e.code() == ErrorCode.NO_HARDWARE
                            ? LoginProblem.READER_OUT_OF_SERVICE
                            : LoginProblem.CARD_UNREADABLE;
            smartCardTaken = true;
            log.info("Social security card login: {} ({})", problem, e.summary());
            throw new LoginFailedException(problem, e.summary(), e);
        }
        if (card.expiredOn(today())) {
            smartCardTaken = true;
            log.info(
                    "Social security card login: an expired card (version {}) was refused",
                    card.specVersion().orElse("?"));
            throw new LoginFailedException(LoginProblem.CARD_EXPIRED, "the social security card has expired", null);
        }
        Optional<Identity> identity = Identity.of(card);
        if (identity.isEmpty()) {
            smartCardTaken = true;
            log.info(
                    "Social security card login: version {} gives no holder data without a PSAM ({})",
                    card.specVersion().orElse("?"),
                    card.needsPsam());
            throw new LoginFailedException(
                    LoginProblem.USE_ID_CARD, "the social security card does not give its holder's data here", null);
        }
        smartCardTaken = true;
        log.info(
                "Social security card login: card read (version {})",
                card.specVersion().orElse("?"));
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
        smartCards
                .get()
                .ifPresent(r -> r.addListener(presenceListener(present -> {
                    if (present) {
                        listener.accept(true);
                    }
                })));
    }

    /** Whether an ID card lies on the reader now (read or not). */
    public boolean idCardPresent() {
        return reader.get()
                .map(r -> r.conditions().contains(Condition.CARD_PRESENT))
                .orElse(false);
    }

    /** Follows the ID card only: {@code false} when it is lifted off the reader. */
    public void onIdCardLifted(Runnable listener) {
        reader.get()
                .ifPresent(r -> r.addListener(presenceListener(present -> {
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
        if (e.code() == ErrorCode.OFFLINE
                || e.code() == ErrorCode.NO_HARDWARE
                || e.code() == ErrorCode.SEQUENCE_ERROR) {
            return LoginProblem.READER_OUT_OF_SERVICE;
        }
        if (e.code() == ErrorCode.CANCELLED) {
            return LoginProblem.NO_CARD;
        }
        ExtendedCode x = e.extended().orElse(null);
        if (x instanceof SamStatusCode status) {
            return switch (SamStatus.of(status.sw3()).advice()) {
                case PLACE_CARD -> LoginProblem.NO_CARD;
                case CARD_UNREADABLE -> LoginProblem.CARD_UNREADABLE;
                case CARD_NOT_SUPPORTED -> LoginProblem.CARD_NOT_SUPPORTED;
                case READER_OUT_OF_SERVICE -> LoginProblem.READER_OUT_OF_SERVICE;
                case NONE, PLACE_AGAIN, TRY_AGAIN -> LoginProblem.PLACE_AGAIN;
            };
        }
        if (x instanceof IdReaderCode code) {
            return switch (code) {
                case LIFT_AND_PLACE_AGAIN -> LoginProblem.LIFT_AND_PLACE_AGAIN;
                case BAD_CARD_DATA -> LoginProblem.CARD_UNREADABLE;
                // broken or truncated frames, a read that failed: the card moved, most likely
                case READ_FAILED, TRUNCATED_FRAME, NO_ANSWER, BAD_CHECKSUM, BAD_LENGTH -> LoginProblem.PLACE_AGAIN;
            };
        }
        if (e.code() == ErrorCode.TIMEOUT && (x == null || x == CommonCode.NO_CARD)) {
            return LoginProblem.NO_CARD;
        }
        return LoginProblem.PLACE_AGAIN;
    }
}
