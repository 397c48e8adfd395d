package cn.egov.kiosk.device.smartcard.pcsc;

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
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.smartcard.ApduExchange;
import cn.egov.kiosk.device.smartcard.Apdus;
import cn.egov.kiosk.device.smartcard.SmartCardCode;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

/**
 * A smart-card reader through PC/SC ({@code javax.smartcardio} over pcscd): {@code driver: pcsc},
 * {@code connection: "pcsc:"} (the first reader pcscd lists) or {@code "pcsc:NAME"} (the first
 * reader whose name contains NAME, for example {@code pcsc:Virtual PCD 00 00}).
 *
 * <p><b>Card events.</b> While enabled, a thread ({@code device-ID-pcsc}) follows the card with
 * {@code CardTerminal.waitForCardPresent/Absent} in slices of {@code pollMs} (default 500) and
 * raises or clears {@link Condition#CARD_PRESENT}; the status events reach listeners on the
 * device's event thread. The card is connected ({@code T=*}) when first used and stays connected
 * until it is removed or the device closes (then it is reset, so nothing the citizen unlocked
 * stays unlocked).
 *
 * <p><b>APDUs.</b> {@link #transmit} returns the complete response: {@code 61xx} is followed by GET
 * RESPONSE and {@code 6Cxx} re-issues the command with the right {@code Le} (the JDK does both
 * itself by default; {@link ApduExchange} does them whenever the JDK leaves them). Only instruction
 * bytes, lengths and status words are logged, never data: APDUs carry personal data.
 *
 * <p><b>Recovery.</b> When pcscd stops answering or the reader vanishes, the device goes offline
 * (the card-removed event first); the device manager then closes and reopens it with backoff, and
 * {@link #open} works again once pcscd lists the reader. What was measured here (Debian 12,
 * OpenJDK 17.0.15, pcsc-lite 1.9.9, vsmartcard-vpcd 3.3):
 *
 * <ul>
 *   <li>After pcscd restarts, every call of the JVM fails with {@code SCARD_E_NO_SERVICE}, also
 *       through a new {@code TerminalFactory.getInstance("PC/SC", null)}: the JDK establishes its
 *       PC/SC context once per JVM and caches the terminals made with it. {@link PcscContext}
 *       forgets that context by reflection, which needs {@code --add-opens
 *       java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}; then a new factory establishes a
 *       fresh one and the reader works again without a JVM restart. Without the flag the reader
 *       stays {@code NO_HARDWARE/PCSC_CONTEXT_STALE} until the kiosk restarts.
 *   <li>pcsc-lite serialises the calls on one context, and the JDK has one context for everything:
 *       while the card watch is blocked in its wait, an APDU waits for the slice to end (0.4–0.6 s
 *       per APDU with a 500 ms slice, against 0.04 s without). So the watch pauses while a card is
 *       in use and for 250 ms after each use and each insertion, and an exchange of many APDUs
 *       waits at most once.
 *   <li>vpcd presents its virtual card as T=0; an APDU round trip through pcscd and vpcd takes
 *       about 40 ms.
 * </ul>
 */
public final class PcscSmartCardReader extends AbstractDevice implements SmartCardReader {
    /** The connection scheme. */
    public static final String SCHEME = "pcsc:";

    /** Statistic: cards inserted while the device was enabled. */
    public static final String CARD_INSERTIONS = "cardInsertions";

    /** Tunables, from the device's {@code options} in configuration. */
    public record Options(Duration poll) {
        public static final Options DEFAULTS = new Options(Duration.ofMillis(500));

        /** Reads {@code pollMs} (50–10000): how long one wait for a card change blocks. */
        public static Options read(OptionReader r) {
            return new Options(r.millis("pollMs", DEFAULTS.poll(), 50, 10_000));
        }
    }

    /**
     * The reader-name part of a connection: "" for {@code pcsc:} (any reader), NAME for {@code
     * pcsc:NAME}.
     *
     * @throws IllegalArgumentException when the connection does not start with {@code pcsc:}
     */
    public static String readerFilter(String connection) {
        if (connection == null || !connection.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new IllegalArgumentException(
                    "pcsc: (the first reader) or pcsc:NAME (the reader whose name contains NAME)");
        }
        return connection.substring(SCHEME.length()).trim();
    }

    private final String filter;
    private final Options options;
    /** Guards {@link #card}; held for each use of the card. */
    private final ReentrantLock cardLock = new ReentrantLock();
    /** Holds the card watch while the card is in use or just was. */
    private final PcscQuietGate gate = new PcscQuietGate();

    private Card card;
    private volatile CardTerminal terminal;
    private volatile String readerName;
    private volatile boolean presentAtOpen;
    private volatile Thread watcher;
    private volatile boolean watching;

    public PcscSmartCardReader(
            String id, String driverName, String connection, Options options, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.SMART_CARD_READER, driverName, store, clock);
        this.filter = readerFilter(connection);
        this.options = options;
    }

    @Override
    public String connection() {
        String name = readerName;
        return SCHEME + (name != null ? name : filter);
    }

    /** The name of the reader in use, once opened. */
    public Optional<String> readerName() {
        return Optional.ofNullable(readerName);
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    protected void doOpen() throws DeviceException {
        List<CardTerminal> all = PcscContext.terminals();
        CardTerminal match = all.stream()
                .filter(t -> t.getName().contains(filter))
                .findFirst()
                .orElse(null);
        if (match == null) {
            List<String> names = all.stream().map(CardTerminal::getName).toList();
            throw new DeviceException(
                    ErrorCode.NO_HARDWARE,
                    SmartCardCode.NO_READER,
                    names.isEmpty()
                            ? "pcscd lists no reader"
                                    + (filter.isEmpty() ? "" : " (looking for one named \"" + filter + "\")")
                            : "no PC/SC reader name contains \"" + filter + "\"; pcscd lists " + names);
        }
        try {
            presentAtOpen = match.isCardPresent();
        } catch (CardException e) {
            throw new DeviceException(
                    ErrorCode.NO_HARDWARE,
                    PcscErrors.codeOr(e, SmartCardCode.READER_ERROR),
                    "reader \"" + match.getName() + "\" does not answer (" + PcscErrors.codeOr(e, e.getMessage()) + ")",
                    e);
        }
        terminal = match;
        readerName = match.getName();
    }

    @Override
    protected void onOpened() {
        if (presentAtOpen) {
            setCondition(Condition.CARD_PRESENT, true);
        }
    }

    @Override
    protected void doEnable() {
        watching = true;
        Thread t = new Thread(this::watch, "device-" + id() + "-pcsc");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    @Override
    protected void doDisable() {
        Thread t = watcher;
        watcher = null;
        watching = false;
        gate.wake();
        if (t != null && t != Thread.currentThread()) {
            try {
                // a wait in progress ends within one slice; PC/SC calls cannot be interrupted
                t.join(2 * options.poll().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    protected void doClose() {
        dropCard(true);
        terminal = null;
        presentAtOpen = false;
    }

    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level == HealthLevel.INTERNAL) {
            return report(level);
        }
        CardTerminal t = terminal;
        try {
            boolean listed = PcscContext.readerNames().contains(readerName);
            if (t == null || !listed) {
                throw new DeviceException(
                        ErrorCode.OFFLINE,
                        SmartCardCode.READER_LOST,
                        "pcscd no longer lists reader \"" + readerName + "\"");
            }
            t.isCardPresent();
        } catch (DeviceException e) {
            lost(e);
            throw e;
        } catch (CardException e) {
            DeviceException why = PcscErrors.offline(e, readerName);
            lost(why);
            throw why;
        }
        HealthReport r = report(level);
        return new HealthReport(level, r.healthy(), r.text() + "; reader " + readerName, r.checkedAt());
    }

    // ---- the card watch ------------------------------------------------------------------------

    private void watch() {
        CardTerminal t = terminal;
        boolean present = conditions().contains(Condition.CARD_PRESENT);
        long slice = options.poll().toMillis();
        while (watching) {
            try {
                if (gate.awaitQuiet(() -> watching)) {
                    continue;
                }
                boolean now = t.isCardPresent();
                if (now != present) {
                    present = now;
                    cardChanged(now);
                    continue;
                }
                boolean changed = present ? t.waitForCardAbsent(slice) : t.waitForCardPresent(slice);
                if (changed && watching) {
                    boolean after = t.isCardPresent();
                    if (after != present) {
                        present = after;
                        cardChanged(after);
                    } else {
                        Thread.sleep(Math.min(slice, 100)); // a wake-up without a change: do not spin
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (CardException | RuntimeException e) {
                if (watching) {
                    lost(PcscErrors.offline(e, readerName));
                }
                return;
            }
        }
    }

    private void cardChanged(boolean present) {
        if (present) {
            statistics().increment(CARD_INSERTIONS);
            gate.inserted(); // a read is likely to follow at once
        } else {
            dropCard(false);
        }
        setCondition(Condition.CARD_PRESENT, present);
    }

    /** The reader or pcscd is gone: card removed, device offline (the manager reconnects). */
    private void lost(DeviceException why) {
        dropCard(false);
        setCondition(Condition.CARD_PRESENT, false);
        goOffline(why);
    }

    // ---- operations ----------------------------------------------------------------------------

    @Override
    public Optional<byte[]> atr() throws DeviceException {
        return operate(
                "atr",
                () -> useCard(() -> {
                    try {
                        return Optional.of(connectedCard().getATR().getBytes());
                    } catch (DeviceException e) {
                        if (e.is(CommonCode.NO_CARD)) {
                            return Optional.<byte[]>empty();
                        }
                        throw e;
                    }
                }));
    }

    @Override
    public byte[] transmit(byte[] command) throws DeviceException {
        if (command == null || command.length < 4) {
            throw new DeviceException(
                    ErrorCode.USER_ERROR, SmartCardCode.BAD_APDU, "a command APDU has at least 4 bytes");
        }
        byte[] apdu = command.clone();
        return operate("transmit", () -> useCard(() -> exchange(apdu)));
    }

    private byte[] exchange(byte[] command) throws DeviceException {
        CardChannel channel = connectedCard().getBasicChannel();
        try {
            byte[] response = ApduExchange.exchange(
                    c -> channel.transmit(new CommandAPDU(c)).getBytes(), command);
            statistics().increment(DeviceStatistics.READS);
            log.debug(
                    "Reader {}: {} answered {} bytes, SW {}",
                    id(),
                    Apdus.describe(command),
                    response.length,
                    Apdus.statusText(response));
            return response;
        } catch (CardException e) {
            throw failed(e, "transmit");
        } catch (ApduExchange.ProtocolException e) {
            dropCard(true);
            throw new DeviceException(
                    ErrorCode.HARDWARE_ERROR,
                    SmartCardCode.BAD_RESPONSE,
                    "the card's answer is incomplete: " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            // CommandAPDU refuses a malformed APDU; its message may quote nothing but lengths
            throw new DeviceException(
                    ErrorCode.USER_ERROR, SmartCardCode.BAD_APDU, "not a valid command APDU: " + e.getMessage(), e);
        } catch (Exception e) {
            dropCard(true);
            throw new DeviceException(
                    ErrorCode.HARDWARE_ERROR,
                    SmartCardCode.TRANSMIT_FAILED,
                    "the exchange with the card failed: " + e,
                    e);
        }
    }

    /** Runs one use of the card: the card watch stays out of pcsc-lite's way meanwhile. */
    private <T> T useCard(Operation<T> use) throws DeviceException {
        gate.enter();
        cardLock.lock();
        try {
            if (state() == DeviceState.OFFLINE || terminal == null) {
                throw new DeviceException(ErrorCode.OFFLINE, null, "device " + id() + " is offline");
            }
            return use.run();
        } finally {
            cardLock.unlock();
            gate.leave();
        }
    }

    /** The connected card, connecting first when needed; call with the card lock held. */
    private Card connectedCard() throws DeviceException {
        if (card != null) {
            return card;
        }
        CardTerminal t = terminal;
        if (t == null) {
            throw new DeviceException(ErrorCode.OFFLINE, null, "device " + id() + " is not connected to a reader");
        }
        try {
            card = t.connect("*");
            log.info(
                    "Reader {}: card connected ({}, ATR of {} bytes)",
                    id(),
                    card.getProtocol(),
                    card.getATR().getBytes().length);
            return card;
        } catch (CardException e) {
            throw failed(e, "connect");
        }
    }

    /** The typed error for a failed PC/SC call ({@link PcscErrors}); a lost reader or service also takes the device offline. */
    private DeviceException failed(CardException e, String what) {
        dropCard(false);
        DeviceException why = PcscErrors.failed(e, what, readerName);
        if (why.code() == ErrorCode.OFFLINE) {
            setCondition(Condition.CARD_PRESENT, false);
            goOffline(why);
        }
        return why;
    }

    /** Disconnects the card, resetting it when asked; never throws. */
    private void dropCard(boolean reset) {
        cardLock.lock();
        try {
            if (card != null) {
                try {
                    card.disconnect(reset);
                } catch (CardException | RuntimeException e) {
                    log.debug(
                            "Reader {}: disconnecting the card: {}",
                            id(),
                            PcscErrors.codeOr(e, e.getClass().getSimpleName()));
                }
                card = null;
            }
        } finally {
            cardLock.unlock();
        }
    }
}
