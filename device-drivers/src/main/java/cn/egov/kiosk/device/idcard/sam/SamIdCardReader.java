package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.SamStatusCode;
import cn.egov.kiosk.device.idcard.IdReaderCode;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.PollThread;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.CardRead;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.manage.OptionReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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
  public record Options(Duration pollInterval, Duration commandTimeout, Duration readTimeout, boolean fingerprint, boolean appendedAddress) {
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

  /** Bytes exchanged with the reader, both ways, since the device was created: for diagnostics. */
  private final AtomicLong bytesExchanged = new AtomicLong();

  private final ByteLink link;
  private final Options options;
  private final SamFrameParser parser = new SamFrameParser();
  /** What the link delivers, before the parser; wiped after each exchange like the parser. */
  private final byte[] chunk = new byte[2048];
  private final ReentrantLock wire = new ReentrantLock();
  private volatile String samId = "";
  private volatile boolean readCardStillThere;
  /** The poll thread is reading a card for a waiting read (found it, selecting, reading). */
  private volatile boolean readingCard;
  private volatile CompletableFuture<IdCard> waitingRead;
  private volatile PollThread poller;

  public SamIdCardReader(String id, String driverName, ByteLink link, Options options, StatisticsStore store, Clock clock) {
    super(id, DeviceClass.ID_CARD_READER, driverName, store, clock);
    this.link = link;
    this.options = options;
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
    return bytesExchanged.get();
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
      samId = SamIds.format(exchange(SamCommand.SAM_ID, options.commandTimeout()).data());
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
      exchange(SamCommand.RESET_SAM, options.commandTimeout());
      checkSam();
    }
  }

  private void checkSam() throws DeviceException {
    Response status = exchange(SamCommand.SAM_STATUS, options.commandTimeout());
    if (status.status() != SamStatus.SUCCESS) {
      throw failure(status);
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
    return new HealthReport(level, r.healthy(), r.text() + (samId.isEmpty() ? "" : " (SAM " + samId + ")"), r.checkedAt());
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
          ErrorCode.USER_ERROR, IdReaderCode.LIFT_AND_PLACE_AGAIN, "the card on the reader has been read; it must be lifted and placed again");
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
        return result.get(options.readTimeout().plus(options.commandTimeout().multipliedBy(4)).toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException e) {
      DeviceException none = new DeviceException(ErrorCode.TIMEOUT, CommonCode.NO_CARD, "no card was placed within " + timeout.toMillis() + " ms");
      return cardReadMeanwhile(result, none);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DeviceException de) {
        throw de;
      }
      throw new DeviceException(ErrorCode.HARDWARE_ERROR, IdReaderCode.READ_FAILED, "reading failed: " + e.getCause(), e.getCause());
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
  private static IdCard cardReadMeanwhile(CompletableFuture<IdCard> result, DeviceException giveUp) throws DeviceException {
    if (result.completeExceptionally(giveUp)) {
      throw giveUp;
    }
    try {
      return result.join();
    } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
      throw failed.getCause() instanceof DeviceException de ? de : giveUp;
    }
  }

  /** One look at the reader, on the poll thread. */
  private void poll() {
    if (state() == cn.egov.kiosk.device.api.DeviceState.OFFLINE || !wire.tryLock()) {
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
    Response found = exchange(SamCommand.FIND_CARD, options.commandTimeout());
    switch (found.status()) {
      case CARD_FOUND -> setCondition(Condition.CARD_PRESENT, true);
      case NO_CARD -> setCondition(Condition.CARD_PRESENT, false);
      default -> throw failure(found);
    }
  }

  /** A read card lies on the reader until the appended-address command stops being answered. */
  private void followReadCard() throws DeviceException {
    Response probe = exchange(SamCommand.READ_APPENDED_ADDRESS, options.commandTimeout());
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
    Response found = exchange(SamCommand.FIND_CARD, options.commandTimeout());
    if (found.status() == SamStatus.NO_CARD) {
      setCondition(Condition.CARD_PRESENT, false);
      return; // keep waiting
    }
    if (found.status() != SamStatus.CARD_FOUND) {
      throw failure(found);
    }
    readingCard = true;
    setCondition(Condition.CARD_PRESENT, true);
    Response selected = exchange(SamCommand.SELECT_CARD, options.commandTimeout());
    if (selected.status() != SamStatus.SUCCESS) {
      throw failure(selected);
    }
    SamCommand readCommand = options.fingerprint() ? SamCommand.READ_TEXT_PHOTO_FINGERPRINT : SamCommand.READ_TEXT_PHOTO;
    Response read = exchange(readCommand, options.readTimeout());
    if (read.status() != SamStatus.SUCCESS) {
      throw failure(read);
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
      throw new DeviceException(ErrorCode.HARDWARE_ERROR, IdReaderCode.BAD_CARD_DATA, "the card's data is not valid: " + e.getMessage(), e);
    } finally {
      Arrays.fill(read.data(), (byte) 0); // an answer that does not parse holds the text and photo all the same
    }
    readCardStillThere = true;
    if (options.appendedAddress() && card instanceof ResidentIdCard resident) {
      Response address = exchange(SamCommand.READ_APPENDED_ADDRESS, options.commandTimeout());
      if (address.status() == SamStatus.SUCCESS) {
        try {
          card = resident.withAppendedAddress(Optional.of(IdCardText.decodeAddress(address.data())).filter(a -> !a.isBlank()));
          resident.wipe();
        } catch (IdCardTextException e) {
          log.warn("Reader {}: the appended address is not readable ({}); the card's own address stands", id(), e.getMessage());
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

  /** A decoded response: status and data. */
  record Response(int sw1, int sw2, int sw3, SamStatus status, byte[] data) {}

  /**
   * Sends a command and waits for its response; a broken response is asked for once more. The
   * caller holds the wire lock.
   */
  Response exchange(SamCommand command, Duration timeout) throws DeviceException {
    DeviceException last = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        return exchangeOnce(command, timeout);
      } catch (SamFrameException e) {
        statistics().increment("frameErrors");
        last = new DeviceException(ErrorCode.HARDWARE_ERROR, e.problem().code(), command + ": " + e.getMessage(), e);
        log.warn("Reader {}: {}; asking again", id(), last.summary());
      }
    }
    throw last;
  }

  private Response exchangeOnce(SamCommand command, Duration timeout) throws DeviceException, SamFrameException {
    byte[] frame = SamFrames.command(command);
    try {
      parser.clear();
      link.drainInput();
      link.write(frame);
      bytesExchanged.addAndGet(frame.length);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Optional<byte[]> body = parser.next();
        if (body.isPresent()) {
          try {
            return response(command, body.get());
          } finally {
            Arrays.fill(body.get(), (byte) 0); // the response holds its own copy of the data
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          boolean partial = parser.partialFrame();
          throw new DeviceException(
              ErrorCode.TIMEOUT,
              partial ? IdReaderCode.TRUNCATED_FRAME : IdReaderCode.NO_ANSWER,
              command + ": " + (partial ? "the answer stopped part-way" : "no answer") + " within " + timeout.toMillis() + " ms");
        }
        int n = link.read(chunk, 0, chunk.length, Duration.ofNanos(Math.min(left, 50_000_000L)));
        if (n > 0) {
          bytesExchanged.addAndGet(n);
          parser.feed(chunk, 0, n);
        }
      }
    } catch (LinkException e) {
      DeviceException lost = new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, "reader " + id() + ": " + e.getMessage(), e);
      goOffline(lost);
      CompletableFuture<IdCard> waiting = waitingRead;
      if (waiting != null) {
        waiting.completeExceptionally(lost); // whatever the poll was doing: no reader, no read
      }
      throw lost;
    } finally {
      // the raw answer (a card's name, number and photo, when it was a read) does not stay in
      // memory until the next exchange
      parser.wipe();
      Arrays.fill(chunk, (byte) 0);
    }
  }

  /** Bytes not yet overwritten in the driver's receive buffers (0 between exchanges): for tests of the wipe. */
  int bufferResidue() {
    wire.lock();
    try {
      int n = parser.residue();
      for (byte b : chunk) {
        if (b != 0) {
          n++;
        }
      }
      return n;
    } finally {
      wire.unlock();
    }
  }

  private static Response response(SamCommand command, byte[] body) throws SamFrameException {
    if (body.length < 3) {
      throw new SamFrameException(SamFrameException.Problem.BAD_LENGTH, "a response of " + body.length + " bytes to " + command);
    }
    int sw3 = body[2] & 0xFF;
    return new Response(body[0] & 0xFF, body[1] & 0xFF, sw3, SamStatus.of(sw3), Arrays.copyOfRange(body, 3, body.length));
  }

  private static DeviceException failure(Response r) {
    SamStatus s = r.status();
    ErrorCode code = s.error() == null ? ErrorCode.HARDWARE_ERROR : s.error();
    return new DeviceException(code, new SamStatusCode(r.sw3()), s.message() + String.format(" (SW %02X %02X %02X)", r.sw1(), r.sw2(), r.sw3()));
  }
}
