package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bank-card terminal that speaks ZVT on a byte link, playing the terminal's side: the simulator of
 * the driver's tests and of {@code ./kiosk sim payment-terminal}, on a serial line (a socat
 * pseudo-terminal) or TCP. It books what it approves in a {@link ZvtJournal} (in a file, it
 * survives the simulator's restart), so that a repeat receipt, a reversal or an end of day asked
 * after a restart still finds the day's transactions.
 *
 * <p>Faults on command ({@link Fault}), once ({@link #inject}) or until cleared ({@link
 * #injectAlways}): a declined card, a frame with a bad CRC, a command taken without its ACK, a frame
 * sent twice, the answer after a long pause, the answer lost after the charge was booked, busy,
 * offline, a reversal not possible. The frame faults act on a serial line only (TCP has no frames);
 * "duplicate frame" sends the status information twice on TCP too.
 */
public final class VirtualZvtTerminal {
    private static final Logger log = LoggerFactory.getLogger(VirtualZvtTerminal.class);

    /** What it can do wrong. */
    public enum Fault {
        DECLINED("the next sale is declined by the card's issuer (result 05)"),
        BAD_CRC("the next status information goes out with a wrong CRC: the kiosk NAKs it, it is sent again"),
        LOST_ACK("the next command is taken without its ACK: the kiosk sends it again after T3"),
        DUPLICATE_FRAME("the next status information goes out twice, as if its ACK had been lost"),
        SLOW("the next transaction's answer comes after a long pause"),
        LOSE_ANSWER("the next sale is booked and its answer lost: the repeat receipt then returns it"),
        BUSY("the next command is refused: 84 A0 00, not ready"),
        OFFLINE("it answers nothing at all, not even an ACK (until cleared)"),
        REVERSAL_IMPOSSIBLE("the next reversal is refused: 06 1E B5");

        private final String description;

        Fault(String description) {
            this.description = description;
        }

        /** As written on a command line: {@code bad-crc}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String description() {
            return description;
        }

        /** {@code bad-crc}, {@code BAD_CRC}... */
        public static Fault parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "a fault, one of "
                                + Arrays.stream(values()).map(Fault::label).toList() + ", not \"" + name + "\"",
                        e);
            }
        }
    }

    /**
     * How it behaves.
     *
     * @param terminalId its TID, eight digits
     * @param maskedCard the card its citizens present, masked as a terminal sends it
     * @param cardDelay how long the citizen takes to present the card
     * @param statusEvery how often an intermediate status goes out while it waits for the card
     * @param pause how long the answer takes with {@link Fault#SLOW}
     * @param t3 how long it waits for an ACK before sending a frame again (serial)
     * @param answerTimeout how long it waits for the kiosk's 80 00 00 to each of its messages
     */
    public record Options(
            String terminalId,
            String maskedCard,
            Duration cardDelay,
            Duration statusEvery,
            Duration pause,
            Duration t3,
            Duration answerTimeout) {
        public static final Options DEFAULTS = new Options(
                "52000001",
                "622202******1234",
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));

        public Options {
            if (!terminalId.matches("[0-9]{1,8}")) {
                throw new IllegalArgumentException("a terminal id of up to eight digits, not " + terminalId);
            }
        }

        public Options withCardDelay(Duration d) {
            return new Options(terminalId, maskedCard, d, statusEvery, pause, t3, answerTimeout);
        }

        public Options withPause(Duration d) {
            return new Options(terminalId, maskedCard, cardDelay, statusEvery, d, t3, answerTimeout);
        }

        public Options withTimers(Duration statusEvery, Duration t3, Duration answerTimeout) {
            return new Options(terminalId, maskedCard, cardDelay, statusEvery, pause, t3, answerTimeout);
        }
    }

    private static final Charset TEXT = StandardCharsets.ISO_8859_1;

    private final ZvtJournal journal;
    private final Options options;
    private final Clock clock;
    private final Object lock = new Object();
    private final Set<Fault> once = EnumSet.noneOf(Fault.class);
    private final Set<Fault> always = EnumSet.noneOf(Fault.class);
    private volatile Consumer<String> events = e -> {};
    private volatile Thread server;
    private volatile ByteLink link;
    private volatile ZvtTransport transport;
    private volatile boolean busyWithCitizen;

    /** The faults on the line, asked by the transport as frames come. */
    private final LineFaults lineFaults = new LineFaults() {
        @Override
        public boolean deaf() {
            return isSet(Fault.OFFLINE);
        }

        @Override
        public boolean withholdAck(Apdu taken) {
            boolean command = !taken.is(ZvtCommand.ACK) && taken.cls() != ZvtCommand.NAK_CLASS;
            if (command && take(Fault.LOST_ACK)) {
                events.accept(taken.name() + ": taken without its ACK");
                return true;
            }
            return false;
        }
    };

    public VirtualZvtTerminal(ZvtJournal journal, Options options, Clock clock) {
        this.journal = journal;
        this.options = options;
        this.clock = clock;
    }

    public ZvtJournal journal() {
        return journal;
    }

    /** What happened, one line each, for a console or a test: never more of a card than its mask. */
    public void onEvent(Consumer<String> listener) {
        events = listener;
    }

    // ---- faults --------------------------------------------------------------------------------

    /** Plays {@code fault} once, on the next occasion it applies to. */
    public void inject(Fault fault) {
        synchronized (lock) {
            once.add(fault);
        }
    }

    /** Plays {@code fault} on every occasion until cleared. */
    public void injectAlways(Fault fault) {
        synchronized (lock) {
            always.add(fault);
        }
    }

    public void clear(Fault fault) {
        synchronized (lock) {
            once.remove(fault);
            always.remove(fault);
        }
    }

    /** The faults set, once or always. */
    public Set<Fault> faults() {
        synchronized (lock) {
            Set<Fault> all = EnumSet.noneOf(Fault.class);
            all.addAll(once);
            all.addAll(always);
            return all;
        }
    }

    /** Whether {@code fault} is due now; one injected once is used up. */
    private boolean take(Fault fault) {
        synchronized (lock) {
            return always.contains(fault) || once.remove(fault);
        }
    }

    private boolean isSet(Fault fault) {
        synchronized (lock) {
            return always.contains(fault) || once.contains(fault);
        }
    }

    // ---- serving -------------------------------------------------------------------------------

    /**
     * Serves the terminal's side on {@code onLink} from a thread of its own until {@link #stop()};
     * {@code serial}: DLE framing with ACK/NAK, else bare APDUs (TCP). A link that fails is opened
     * again (a TCP server link: the next kiosk that connects).
     */
    public void serve(ByteLink onLink, boolean serial, String threadName) {
        link = onLink;
        Thread t = new Thread(() -> loop(onLink, serial), threadName);
        t.setDaemon(true);
        server = t;
        t.start();
    }

    /** Stops serving; the link is closed. */
    public void stop() {
        Thread t = server;
        server = null;
        ByteLink l = link;
        if (l != null) {
            l.close();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the line counted so far: resends, NAKs, duplicates... (for tests and the console). */
    public Optional<LineCounters> counters() {
        ZvtTransport t = transport;
        return t == null ? Optional.empty() : Optional.of(t.counters());
    }

    private void loop(ByteLink l, boolean serial) {
        ZvtTransport t = null;
        while (server == Thread.currentThread()) {
            try {
                if (!l.isOpen()) {
                    l.open(); // the link the caller opened is served as it is
                    t = null;
                }
                if (t == null) {
                    t = serial ? new SerialTransport(l, options.t3(), lineFaults) : new TcpTransport(l, lineFaults);
                    transport = t;
                    events.accept("line open: " + l.describe());
                }
                Optional<Apdu> command = t.receive(Duration.ofMillis(200));
                if (command.isPresent() && !isSet(Fault.OFFLINE)) {
                    handle(t, command.get());
                }
            } catch (LinkException e) {
                if (server != Thread.currentThread()) {
                    return;
                }
                log.debug("Virtual terminal link {}: {}; opening it again", l.describe(), e.getMessage());
                l.close();
                sleep(50);
            } catch (IOException e) {
                log.warn("Virtual terminal: the journal could not be written: {}", e.getMessage());
                events.accept("JOURNAL FAILED: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Virtual terminal: a command could not be handled", e);
                sleep(50); // never a busy loop of failures
            }
        }
    }

    // ---- commands ------------------------------------------------------------------------------

    private void handle(ZvtTransport t, Apdu command) throws LinkException, IOException {
        Optional<ZvtCommand> kind = ZvtCommand.of(command.code());
        if (command.is(ZvtCommand.ACK) || command.cls() == ZvtCommand.NAK_CLASS) {
            return; // an answer to something it gave up on: nothing to do
        }
        if (take(Fault.BUSY)) {
            events.accept(command.name() + ": refused, busy (84 A0 00)");
            send(t, ZvtMessages.nak(ResultCodes.NOT_READY));
            return;
        }
        if (kind.isEmpty()) {
            events.accept("an unknown command " + command.name() + ": refused (84 83 00)");
            send(t, ZvtMessages.nak(0x83));
            return;
        }
        Session s = new Session(t, command);
        switch (kind.get()) {
            case REGISTRATION -> s.registration();
            case AUTHORISATION -> s.payment(ZvtJournal.Kind.SALE);
            case REFUND -> s.payment(ZvtJournal.Kind.REFUND);
            case REVERSAL -> s.reversal();
            case REPEAT_RECEIPT -> s.repeatReceipt();
            case END_OF_DAY -> s.endOfDay();
            case STATUS_ENQUIRY -> s.status();
            case ABORT -> {
                events.accept("abort: nothing to stop");
                send(t, ZvtMessages.ack());
            }
            default -> {
                events.accept(command.name() + " is not a command for the terminal: refused (84 83 00)");
                send(t, ZvtMessages.nak(0x83));
            }
        }
    }

    /** Sends, giving up quietly on a kiosk that takes nothing: it will ask again. */
    private static boolean send(ZvtTransport t, Apdu apdu) throws LinkException {
        try {
            t.send(apdu);
            return true;
        } catch (ZvtException e) {
            log.info("Virtual terminal: {}", e.getMessage());
            return false;
        }
    }

    /** One command being answered: the terminal is master of the line until its last word. */
    private final class Session {
        private final ZvtTransport t;
        private final Apdu command;
        private boolean abortAsked;

        Session(ZvtTransport t, Apdu command) {
            this.t = t;
            this.command = command;
        }

        /**
         * Sends one of its messages and waits for the kiosk's answer: 80 00 00, or 06 B0 (stop). A
         * repeat of the command it is answering is acknowledged and let be. False: the kiosk is gone.
         */
        private boolean tell(Apdu message) throws LinkException {
            if (!send(t, message)) {
                events.accept(command.name() + ": the kiosk took no " + message.name() + "; given up");
                return false;
            }
            long deadline = System.nanoTime() + options.answerTimeout().toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Optional<Apdu> answer = left > 0 ? t.receive(Duration.ofNanos(left)) : Optional.empty();
                if (answer.isEmpty()) {
                    events.accept(command.name() + ": the kiosk did not answer " + message.name() + "; given up");
                    return false;
                }
                Apdu a = answer.get();
                if (a.is(ZvtCommand.ACK)) {
                    return true;
                }
                if (a.is(ZvtCommand.ABORT)) {
                    abortAsked = true;
                    return true;
                }
                if (a.equals(command)) {
                    events.accept(command.name() + " came again (its ACK was lost): not done twice");
                } else {
                    log.info("Virtual terminal: {} while answering {}: ignored", a.name(), command.name());
                }
            }
        }

        /** The last message: an abort with its result code. */
        private void abort(int code, String why) throws LinkException {
            events.accept(command.name() + ": aborted " + ResultCodes.hex(code) + " (" + why + ")");
            tell(ZvtMessages.aborted(code));
        }

        void registration() throws LinkException {
            if (send(t, ZvtMessages.ack())) {
                events.accept("registration");
                tell(ZvtMessages.completion(
                        new BmpWriter().terminalId(options.terminalId()).toBytes()));
            }
        }

        void status() throws LinkException {
            if (send(t, ZvtMessages.ack())) {
                events.accept("status enquiry: ready");
                byte[] fields = new BmpWriter()
                        .resultCode(ResultCodes.APPROVED)
                        .terminalId(options.terminalId())
                        .toBytes();
                if (tell(ZvtMessages.statusInformation(fields))) {
                    tell(ZvtMessages.completion(new byte[0]));
                }
            }
        }

        /** A sale (authorisation) or a refund: the card, then the booking and the answer. */
        void payment(ZvtJournal.Kind kind) throws LinkException, IOException {
            BmpFields f = kind == ZvtJournal.Kind.SALE
                    ? BmpFields.parse(command.data(), 0)
                    : ZvtMessages.fieldsAfterPassword(command);
            if (!send(t, ZvtMessages.ack())) {
                return;
            }
            long amount = f.amount().orElse(0L);
            if (amount <= 0) {
                abort(ResultCodes.SYSTEM_ERROR, "no amount");
                return;
            }
            if (f.currency().isPresent() && f.currency().getAsInt() != ZvtMessages.CNY) {
                abort(ResultCodes.WRONG_CURRENCY, "currency " + f.currency().getAsInt() + ", not CNY");
                return;
            }
            String what = kind.name().toLowerCase(Locale.ROOT) + " of " + yuan(amount);
            events.accept(what + ": waiting for the card");
            Optional<Duration> limit = f.timeoutSeconds().stream()
                    .mapToObj(s -> Duration.ofSeconds(s))
                    .findFirst();
            if (!awaitCard(limit)) {
                abort(ResultCodes.TIMEOUT_OR_ABORT, abortAsked ? "stopped by the kiosk" : "no card in time");
                return;
            }
            if (kind == ZvtJournal.Kind.SALE && take(Fault.DECLINED)) {
                if (tell(ZvtMessages.printLine("DECLINED  " + yuan(amount), TEXT))) {
                    byte[] fields = new BmpWriter()
                            .resultCode(ResultCodes.DECLINED)
                            .amount(amount)
                            .cardNumber(options.maskedCard())
                            .terminalId(options.terminalId())
                            .toBytes();
                    if (tell(ZvtMessages.statusInformation(fields))) {
                        abort(ResultCodes.DECLINED, "declined by the issuer");
                    }
                }
                return;
            }
            ZvtJournal.Entry e = journal.book(kind, amount, LocalDateTime.now(clock), options.maskedCard(), "");
            events.accept(what + ": approved, receipt " + e.receipt() + ", trace " + e.trace());
            if (kind == ZvtJournal.Kind.SALE && take(Fault.LOSE_ANSWER)) {
                events.accept("receipt " + e.receipt() + ": booked, and its answer lost");
                return;
            }
            answer(e, false);
        }

        /** Waits for the citizen's card, telling the kiosk so every {@code statusEvery}; false when stopped. */
        private boolean awaitCard(Optional<Duration> limit) throws LinkException {
            Duration delay = options.cardDelay();
            boolean late = limit.isPresent() && limit.get().compareTo(delay) < 0;
            long deadline = System.nanoTime() + (late ? limit.get() : delay).toNanos();
            busyWithCitizen = true;
            try {
                do {
                    if (!tell(ZvtMessages.intermediateStatus(ZvtMessages.STATUS_INSERT_CARD)) || abortAsked) {
                        return false;
                    }
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        Thread.sleep(Math.max(1, Math.min(options.statusEvery().toMillis(), left / 1_000_000)));
                    }
                } while (deadline - System.nanoTime() > 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                busyWithCitizen = false;
            }
            return !late;
        }

        void reversal() throws LinkException, IOException {
            if (!send(t, ZvtMessages.ack())) {
                return;
            }
            Optional<String> receipt = ZvtMessages.fieldsAfterPassword(command).receipt();
            Optional<ZvtJournal.Entry> sale =
                    receipt.flatMap(journal::find).filter(e -> e.kind() == ZvtJournal.Kind.SALE);
            if (take(Fault.REVERSAL_IMPOSSIBLE)) {
                abort(ResultCodes.REVERSAL_NOT_POSSIBLE, "reversal not possible (fault)");
            } else if (sale.isEmpty()) {
                abort(ResultCodes.REVERSAL_NOT_POSSIBLE, "no sale with receipt " + receipt.orElse("(none)") + " today");
            } else if (sale.get().reversed()) {
                abort(ResultCodes.ALREADY_REVERSED, "receipt " + sale.get().receipt() + " already reversed");
            } else {
                ZvtJournal.Entry original = sale.get();
                ZvtJournal.Entry e = journal.book(
                        ZvtJournal.Kind.REVERSAL,
                        original.amountFen(),
                        LocalDateTime.now(clock),
                        original.maskedCard(),
                        original.receipt());
                journal.markReversed(original.receipt());
                events.accept("reversal of receipt " + original.receipt() + " (" + yuan(original.amountFen())
                        + "): done, receipt " + e.receipt());
                answer(e, false);
            }
        }

        void repeatReceipt() throws LinkException {
            if (!send(t, ZvtMessages.ack())) {
                return;
            }
            Optional<ZvtJournal.Entry> last = journal.last();
            if (last.isEmpty()) {
                abort(ResultCodes.SYSTEM_ERROR, "no transaction today to repeat");
                return;
            }
            events.accept("repeat receipt: " + last.get().receipt());
            answer(last.get(), true);
        }

        void endOfDay() throws LinkException, IOException {
            if (!send(t, ZvtMessages.ack())) {
                return;
            }
            ZvtJournal.DayTotals d = journal.closeDay(LocalDateTime.now(clock));
            events.accept("end of day: " + d.count() + " transactions, " + yuan(d.totalFen()));
            List<String> lines = List.of(
                    "END OF DAY",
                    "TID " + options.terminalId(),
                    "RECEIPTS " + d.firstReceipt() + "-" + d.lastReceipt(),
                    "COUNT " + d.count(),
                    "TOTAL " + yuan(d.totalFen()));
            if (!tell(ZvtMessages.printTextBlock(lines, TEXT))) {
                return;
            }
            byte[] fields = new BmpWriter()
                    .resultCode(ResultCodes.APPROVED)
                    .amount(Math.max(0, d.totalFen()))
                    .totals(
                            Integer.parseInt(d.firstReceipt()),
                            Integer.parseInt(d.lastReceipt()),
                            d.count(),
                            Math.max(0, d.totalFen()))
                    .terminalId(options.terminalId())
                    .time(d.closedAt().toLocalTime())
                    .date(MonthDay.from(d.closedAt()))
                    .toBytes();
            if (tell(ZvtMessages.statusInformation(fields))) {
                tell(ZvtMessages.completion(new byte[0]));
            }
        }

        /** A booked transaction's print lines, status information and completion. */
        private void answer(ZvtJournal.Entry e, boolean copy) throws LinkException {
            if (take(Fault.SLOW)) {
                events.accept("receipt " + e.receipt() + ": the answer waits "
                        + options.pause().toMillis() + " ms");
                try {
                    Thread.sleep(options.pause().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            for (String line : receipt(e, copy)) {
                if (!tell(ZvtMessages.printLine(line, TEXT))) {
                    return;
                }
            }
            if (take(Fault.BAD_CRC) && t instanceof SerialTransport s) {
                s.corruptNextFrame();
            }
            if (take(Fault.DUPLICATE_FRAME)) {
                if (t instanceof SerialTransport s) {
                    s.repeatNextFrame();
                } else if (t instanceof TcpTransport p) {
                    p.repeatNextFrame();
                }
            }
            byte[] fields = new BmpWriter()
                    .resultCode(ResultCodes.APPROVED)
                    .amount(e.amountFen())
                    .trace(e.trace())
                    .receipt(e.receipt())
                    .time(e.time().toLocalTime())
                    .date(MonthDay.from(e.time()))
                    .cardNumber(e.maskedCard())
                    .terminalId(options.terminalId())
                    .currency(ZvtMessages.CNY)
                    .toBytes();
            if (tell(ZvtMessages.statusInformation(fields))) {
                tell(ZvtMessages.completion(new byte[0]));
            }
        }

        private List<String> receipt(ZvtJournal.Entry e, boolean copy) {
            List<String> lines = new ArrayList<>();
            if (copy) {
                lines.add("** COPY **");
            }
            lines.add(e.kind().name() + (e.reverses().isEmpty() ? "" : " OF " + e.reverses()));
            lines.add("TID " + options.terminalId() + "  RECEIPT " + e.receipt() + "  TRACE " + e.trace());
            lines.add("CARD " + e.maskedCard());
            lines.add("AMOUNT " + yuan(e.amountFen()));
            lines.add(e.time().toString().replace('T', ' '));
            return lines;
        }
    }

    /** Whether it is waiting for a citizen's card now. */
    public boolean waitingForCard() {
        return busyWithCitizen;
    }

    private static String yuan(long fen) {
        return String.format(
                Locale.ROOT, "CNY %s%d.%02d", fen < 0 ? "-" : "", Math.abs(fen) / 100, Math.abs(fen) % 100);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
