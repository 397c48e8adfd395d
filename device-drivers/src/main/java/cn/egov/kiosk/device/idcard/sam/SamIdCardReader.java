package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.PollThread;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.CardRead;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.IdReaderCode;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.sam.SamChannel.Response;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.manage.OptionReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The resident ID card reader driver: the serial SAM protocol (GA/T 467) over any byte link.
 *
 * <p>Opening checks the SAM (status, then its id). While enabled, a poll thread watches the reader
 * every {@code pollMs}: without a read waiting it only looks for a card ({@code find}) and raises or
 * clears {@link Condition#CARD_PRESENT}; nothing personal is read that nobody asked for. A {@link
 * #read} call makes the next poll (at once) find, select and read the card (text and photo, the
 * fingerprint where configured, the appended address) and hands it over.
 *
 * <p>After a read the card is halted: such readers do not find it again until it has been lifted
 * and placed again. The driver follows that card with the appended-address command (answered while
 * the card is still there) and clears {@code CARD_PRESENT} when it goes; a read asked for while the
 * read card still lies there fails at once with {@code LIFT_AND_PLACE_AGAIN}, so that the screen
 * can ask for it.
 *
 * <p>Frames are checked (preamble, length, checksum); a broken answer is asked for once more; no
 * answer, or a truncated one, fails with {@code TIMEOUT}; a lost port makes the device offline and
 * the device manager reconnects. Nothing read from a card is ever logged.
 */
public final class SamIdCardReader extends AbstractDevice implements IdCardReader {

    /** Tunables, from the device's {@code options}. */
    public record Options(
            Duration pollInterval,
            Duration commandTimeout,
            Duration readTimeout,
            boolean fingerprint,
            boolean appendedAddress) {
        /**
         * A look every 60 ms: a find-card exchange is 21 bytes both ways, so at 115200 baud polling
         * takes about 3% of the line, and a card placed is found within 30 ms on the median.
         */
        public static final Options DEFAULTS =
                new Options(Duration.ofMillis(60), Duration.ofMillis(500), Duration.ofSeconds(3), false, true);

        /** Reads {@code pollMs}, {@code commandTimeoutMs}, {@code readTimeoutMs}, {@code fingerprint}, {@code appendedAddress}. */
        public static Options read(OptionReader r) {
            return new Options(
                    r.millis("pollMs", DEFAULTS.pollInterval(), 50, 10_000),
                    r.millis("commandTimeoutMs", DEFAULTS.commandTimeout(), 100, 10_000),
                    r.millis("readTimeoutMs", DEFAULTS.readTimeout(), 500, 30_000),
                    r.bool("fingerprint", DEFAULTS.fingerprint()),
                    r.bool("appendedAddress", DEFAULTS.appendedAddress()));
        }
    }

    /** The counter of reads asked for (each {@link #read} call), beside the reads done. */
    public static final String READS_ASKED = "readsAsked";

    private final ByteLink link;
    private final Options options;
    /** The frame exchange with the reader; used with the wire lock held. */
    private final SamChannel channel;

    private final ReentrantLock wire = new ReentrantLock();
    private volatile String samId = "";
    private volatile boolean readCardStillThere;
    /** The poll thread is reading a card for a waiting read (found it, selecting, reading). */
    private volatile boolean readingCard;

    private volatile CompletableFuture<IdCard> waitingRead;
    private volatile PollThread poller;

    public SamIdCardReader(
            String id, String driverName, ByteLink link, Options options, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.ID_CARD_READER, driverName, store, clock);
        this.link = link;
        this.options = options;
        this.channel = new SamChannel(id, link, statistics(), log, this::linkLost);
    }

    @Override
    public String connection() {
        return link.describe();
    }

    /** The SAM's id ({@code 05.01-20101220-0012345678-1234567890}), once opened. */
    public String samId() {
        return samId;
    }

    /** Bytes sent and received so far. */
    public long bytesExchanged() {
        return channel.bytesExchanged();
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    protected void doOpen() throws DeviceException {
        try {
            link.open();
        } catch (LinkException e) {
            throw new DeviceException(ErrorCode.NO_HARDWARE, CommonCode.linkOpenFailure(e), e.getMessage(), e);
        }
        try {
            checkSamOrReset();
            samId = SamIds.format(channel.exchange(SamCommand.SAM_ID, options.commandTimeout())
                    .data());
        } catch (DeviceException e) {
            link.close();
            throw new DeviceException(
                    e.code() == ErrorCode.TIMEOUT ? ErrorCode.NO_HARDWARE : e.code(),
                    e.extended().orElse(null),
                    "no working ID card reader on " + link.describe() + " (" + e.getMessage() + ")",
                    e);
        }
        readCardStillThere = false;
    }

    /** The SAM's status; a SAM that answers but reports a fault is reset once and asked again. */
    private void checkSamOrReset() throws DeviceException {
        try {
            checkSam();
        } catch (DeviceException e) {
            if (e.code() == ErrorCode.TIMEOUT || e.code() == ErrorCode.OFFLINE) {
                throw e; // nothing answers: a reset would not be heard either
            }
            log.warn("Reader {}: SAM status {}; resetting the SAM", id(), e.summary());
            channel.exchange(SamCommand.RESET_SAM, options.commandTimeout());
            checkSam();
        }
    }

    private void checkSam() throws DeviceException {
        Response status = channel.exchange(SamCommand.SAM_STATUS, options.commandTimeout());
        if (status.status() != SamStatus.SUCCESS) {
            throw status.failure();
        }
    }

    @Override
    protected void doEnable() {
        poller = PollThread.start(id(), options.pollInterval(), this::poll);
    }

    @Override
    protected void doDisable() {
        if (poller != null) {
            poller.stop(options.readTimeout().plusSeconds(1));
        }
        CompletableFuture<IdCard> waiting = waitingRead;
        if (waiting != null) {
            waiting.completeExceptionally(new DeviceException(ErrorCode.CANCELLED, null, "the reader was disabled"));
        }
    }

    @Override
    protected void doClose() {
        link.close();
    }

    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level != HealthLevel.INTERNAL) {
            wire.lock();
            try {
                checkSam();
            } finally {
                wire.unlock();
            }
        }
        HealthReport r = report(level);
        return new HealthReport(
                level, r.healthy(), r.text() + (samId.isEmpty() ? "" : " (SAM " + samId + ")"), r.checkedAt());
    }

    // ---- reading -------------------------------------------------------------------------------

    @Override
    public IdCard read(Duration timeout) throws DeviceException {
        return operate("read", () -> readNow(timeout));
    }

    private IdCard readNow(Duration timeout) throws DeviceException {
        statistics().increment(READS_ASKED);
        if (readCardStillThere) {
            throw new DeviceException(
                    ErrorCode.USER_ERROR,
                    IdReaderCode.LIFT_AND_PLACE_AGAIN,
                    "the card on the reader has been read; it must be lifted and placed again");
        }
        CompletableFuture<IdCard> result = new CompletableFuture<>();
        waitingRead = result;
        PollThread p = poller;
        if (p != null) {
            p.runNow(this::poll); // now, not at the next tick
        }
        try {
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!readingCard) {
                    throw e;
                }
                // A card was placed just in time and is being read: taking it beats making the citizen
                // lift it and place it again (a read card is not found again until then).
                return result.get(
                        options.readTimeout()
                                .plus(options.commandTimeout().multipliedBy(4))
                                .toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            DeviceException none = new DeviceException(
                    ErrorCode.TIMEOUT, CommonCode.NO_CARD, "no card was placed within " + timeout.toMillis() + " ms");
            return cardReadMeanwhile(result, none);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException(
                    ErrorCode.HARDWARE_ERROR,
                    IdReaderCode.READ_FAILED,
                    "reading failed: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cardReadMeanwhile(result, new DeviceException(ErrorCode.CANCELLED, null, "read cancelled", e));
        } finally {
            waitingRead = null;
        }
    }

    /**
     * A read that gives up: the poll thread must no longer hand it a card (one it reads now is
     * wiped); a card it handed over at that very moment is returned rather than lost.
     */
    private static IdCard cardReadMeanwhile(CompletableFuture<IdCard> result, DeviceException giveUp)
            throws DeviceException {
        if (result.completeExceptionally(giveUp)) {
            throw giveUp;
        }
        try {
            return result.join();
        } catch (CompletionException | CancellationException failed) {
            throw failed.getCause() instanceof DeviceException de ? de : giveUp;
        }
    }

    /** One look at the reader, on the poll thread. */
    private void poll() {
        if (state() == DeviceState.OFFLINE || !wire.tryLock()) {
            return;
        }
        // Only the read this poll works for fails with its error: a read asked for meanwhile waits
        // for the next poll rather than taking the failure of a look that was not its own.
        CompletableFuture<IdCard> reading = null;
        try {
            CompletableFuture<IdCard> waiting = waitingRead;
            if (readCardStillThere) {
                followReadCard();
            } else if (waiting != null && !waiting.isDone()) {
                reading = waiting;
                readCard(waiting);
            } else {
                lookForCard();
            }
        } catch (DeviceException e) {
            if (reading != null) {
                reading.completeExceptionally(e);
            } else {
                log.debug("Reader {}: poll failed: {}", id(), e.summary());
            }
        } catch (RuntimeException e) {
            log.error("Reader {}: poll failed unexpectedly", id(), e);
        } finally {
            wire.unlock();
        }
    }

    /** Without a read waiting: is there a card? (Nothing is read from it.) */
    private void lookForCard() throws DeviceException {
        Response found = channel.exchange(SamCommand.FIND_CARD, options.commandTimeout());
        switch (found.status()) {
            case CARD_FOUND -> setCondition(Condition.CARD_PRESENT, true);
            case NO_CARD -> setCondition(Condition.CARD_PRESENT, false);
            default -> throw found.failure();
        }
    }

    /** A read card lies on the reader until the appended-address command stops being answered. */
    private void followReadCard() throws DeviceException {
        Response probe = channel.exchange(SamCommand.READ_APPENDED_ADDRESS, options.commandTimeout());
        if (probe.status() != SamStatus.SUCCESS && probe.status() != SamStatus.NO_CONTENT) {
            readCardStillThere = false;
            setCondition(Condition.CARD_PRESENT, false);
        }
    }

    /** Find, select, read (and the appended address): the card goes to the waiting caller. */
    private void readCard(CompletableFuture<IdCard> waiting) throws DeviceException {
        try {
            readCardNow(waiting);
        } finally {
            readingCard = false;
        }
    }

    private void readCardNow(CompletableFuture<IdCard> waiting) throws DeviceException {
        long start = System.nanoTime();
        Response found = channel.exchange(SamCommand.FIND_CARD, options.commandTimeout());
        if (found.status() == SamStatus.NO_CARD) {
            setCondition(Condition.CARD_PRESENT, false);
            return; // keep waiting
        }
        if (found.status() != SamStatus.CARD_FOUND) {
            throw found.failure();
        }
        setCondition(Condition.CARD_PRESENT, true);
        if (waiting.isDone()) {
            // the caller gave up while this poll looked: nothing is read for nobody (the card would
            // then have to be lifted and placed again for the next read)
            return;
        }
        readingCard = true;
        Response selected = channel.exchange(SamCommand.SELECT_CARD, options.commandTimeout());
        if (selected.status() != SamStatus.SUCCESS) {
            throw selected.failure();
        }
        SamCommand readCommand =
                options.fingerprint() ? SamCommand.READ_TEXT_PHOTO_FINGERPRINT : SamCommand.READ_TEXT_PHOTO;
        Response read = channel.exchange(readCommand, options.readTimeout());
        if (read.status() != SamStatus.SUCCESS) {
            throw read.failure();
        }
        IdCard card;
        try {
            SamReadResponse parts = SamReadResponse.parse(read.data());
            try {
                card = parts.decode(); // the card keeps copies of its own; these bytes are wiped now
            } finally {
                parts.wipe();
            }
        } catch (IdCardTextException e) {
            statistics().increment("unreadableCards");
            throw new DeviceException(
                    ErrorCode.HARDWARE_ERROR,
                    IdReaderCode.BAD_CARD_DATA,
                    "the card's data is not valid: " + e.getMessage(),
                    e);
        } finally {
            Arrays.fill(read.data(), (byte) 0); // an answer that does not parse holds the text and photo all the same
        }
        readCardStillThere = true;
        if (options.appendedAddress() && card instanceof ResidentIdCard resident) {
            Response address = channel.exchange(SamCommand.READ_APPENDED_ADDRESS, options.commandTimeout());
            if (address.status() == SamStatus.SUCCESS) {
                try {
                    card = resident.withAppendedAddress(Optional.of(IdCardText.decodeAddress(address.data()))
                            .filter(a -> !a.isBlank()));
                    resident.wipe();
                } catch (IdCardTextException e) {
                    log.warn(
                            "Reader {}: the appended address is not readable ({}); the card's own address stands",
                            id(),
                            e.getMessage());
                } finally {
                    Arrays.fill(address.data(), (byte) 0);
                }
            }
        }
        statistics().increment(DeviceStatistics.READS);
        log.info("Reader {}: card read ({}) in {} ms", id(), card.type(), (System.nanoTime() - start) / 1_000_000);
        publishData(new CardRead(card.type()));
        if (!waiting.complete(card)) {
            card.wipe(); // the caller gave up meanwhile
        }
    }

    // ---- the wire ------------------------------------------------------------------------------

    /** The link failed during an exchange: the device goes offline, and a waiting read fails. */
    private void linkLost(DeviceException lost) {
        goOffline(lost);
        CompletableFuture<IdCard> waiting = waitingRead;
        if (waiting != null) {
            waiting.completeExceptionally(lost); // whatever the poll was doing: no reader, no read
        }
    }

    /** Bytes not yet overwritten in the driver's receive buffers (0 between exchanges): for tests of the wipe. */
    int bufferResidue() {
        wire.lock();
        try {
            return channel.residue();
        } finally {
            wire.unlock();
        }
    }
}
