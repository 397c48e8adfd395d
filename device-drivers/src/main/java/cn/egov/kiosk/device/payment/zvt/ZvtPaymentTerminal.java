package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentCode;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentResult.TransactionType;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.RefundRequest;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.TerminalStatus;
import cn.egov.kiosk.device.payment.zvt.Conversation.End;
import cn.egov.kiosk.device.payment.zvt.Conversation.Reply;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bank-card terminal that speaks ZVT, on a serial line (frames, CRC, ACK/NAK, resends after T3) or
 * on TCP (bare APDUs). Opening registers the kiosk with the terminal (06 00: password, the
 * configuration byte, CNY); each operation is one {@link Conversation}: the sale is an
 * authorisation (06 01), the reversal names the receipt (06 30), then refund (06 31), the repeat
 * receipt (06 20), the end of day (06 50), the status enquiry (05 01). {@link #abort()} answers the
 * terminal's next intermediate status with 06 B0.
 *
 * <p>Once a sale, reversal or refund has gone out, silence (the frame never acknowledged, no answer,
 * T4 without the terminal's last word) or a lost link is a result {@code UNKNOWN}, not an exception:
 * the money may have moved, and the caller asks for the last transaction. A terminal that
 * acknowledges nothing, and a lost link, make the device offline; the device manager opens it again
 * (and registers again) when it answers.
 *
 * <p>Card numbers come masked from the terminal and are masked again here (first six, last four at
 * most); logs name messages and their sizes, never their content.
 */
public final class ZvtPaymentTerminal extends AbstractDevice implements PaymentTerminal {
    /** How long a health check waits for an operation in progress before reporting without asking. */
    private static final Duration HEALTH_WAIT = Duration.ofMillis(200);

    /** How the APDUs travel. */
    public enum Framing {
        /** DLE STX frames, CRC, ACK/NAK: a serial line. */
        SERIAL,
        /** Bare APDUs: TCP. */
        BARE
    }

    /** The character sets a terminal's print lines may come in. */
    public static final List<String> CHARSETS = List.of("ISO-8859-1", "GB18030", "UTF-8");

    /** Tunables, from the device's {@code options}. */
    public record Options(
            String password,
            int currency,
            int configByte,
            Duration t3,
            Duration t4,
            Duration answerTimeout,
            Charset charset) {
        /**
         * ZVT's own: T3 5 s between resends, T4 180 s for the terminal's last word; the terminal's
         * first answer to a command within 5 s; the password 000000; CNY; configuration byte BA (as
         * in the public registration example: the kiosk prints the receipts, so the terminal sends
         * its print lines, and it sends intermediate statuses).
         */
        public static final Options DEFAULTS = new Options(
                "000000",
                ZvtMessages.CNY,
                0xBA,
                Duration.ofSeconds(5),
                Duration.ofSeconds(180),
                Duration.ofSeconds(5),
                Charset.forName("ISO-8859-1"));

        public Options {
            if (password == null || !password.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("a password of six digits");
            }
        }

        /** Reads {@code password}, {@code currency}, {@code configByte}, {@code t3Ms}, {@code t4Ms}, {@code answerTimeoutMs}, {@code charset}. */
        public static Options read(OptionReader r) {
            String password = r.text("password", DEFAULTS.password(), "[0-9]{6}", "six digits");
            return new Options(
                    password,
                    r.integer("currency", DEFAULTS.currency(), 1, 999),
                    r.integer("configByte", DEFAULTS.configByte(), 0, 255),
                    r.millis("t3Ms", DEFAULTS.t3(), 100, 30_000),
                    r.millis("t4Ms", DEFAULTS.t4(), 500, 600_000),
                    r.millis("answerTimeoutMs", DEFAULTS.answerTimeout(), 100, 60_000),
                    Charset.forName(r.oneOf("charset", DEFAULTS.charset().name(), CHARSETS)));
        }
    }

    /** One message of the last exchange, for the engineer: direction, name, bytes, when. */
    public record Message(boolean fromTerminal, String name, int bytes, long atMillis) {}

    /**
     * The last exchange with the terminal, for the engineer's diagnostics: what was sent and came,
     * the bytes on the wire (frames and ACKs included), the trouble on the line, how long it took.
     */
    public record Exchange(
            String command,
            String end,
            List<Message> messages,
            long bytesSent,
            long bytesReceived,
            long resends,
            long naksSent,
            long naksReceived,
            long duplicates,
            long millis) {}

    private final ByteLink link;
    private final Framing framing;
    private final Options options;
    private final ReentrantLock wire = new ReentrantLock();
    private volatile ZvtTransport transport;
    private volatile boolean abortRequested;
    private volatile String terminalId = "";
    private volatile Exchange lastExchange;

    public ZvtPaymentTerminal(
            String id,
            String driverName,
            ByteLink link,
            Framing framing,
            Options options,
            StatisticsStore store,
            Clock clock) {
        super(id, DeviceClass.PAYMENT_TERMINAL, driverName, store, clock);
        this.link = link;
        this.framing = framing;
        this.options = options;
    }

    @Override
    public String connection() {
        return link.describe() + " (ZVT" + (framing == Framing.SERIAL ? "" : " over TCP") + ")";
    }

    public Options options() {
        return options;
    }

    /** The terminal's id as it told it at registration; empty until then. */
    public String terminalId() {
        return terminalId;
    }

    /** The last exchange with the terminal, for diagnostics. */
    public Optional<Exchange> lastExchange() {
        return Optional.ofNullable(lastExchange);
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    protected void doOpen() throws DeviceException {
        try {
            link.open();
        } catch (LinkException e) {
            throw new DeviceException(ErrorCode.NO_HARDWARE, CommonCode.linkOpenFailure(e), e.getMessage(), e);
        }
        transport = framing == Framing.SERIAL ? new SerialTransport(link, options.t3()) : new TcpTransport(link);
        try {
            register();
        } catch (DeviceException e) {
            link.close();
            throw e;
        }
    }

    /** 06 00: tells the terminal the kiosk's password, configuration and currency. */
    private void register() throws DeviceException {
        wire.lock();
        try {
            Reply r = converse(
                    ZvtMessages.registration(options.password(), options.configByte(), options.currency()), true);
            switch (r.end()) {
                case COMPLETED -> {
                    r.fields().terminalId().ifPresent(tid -> terminalId = tid);
                    log.info("Terminal {} registered{}", id(), terminalId.isEmpty() ? "" : " (TID " + terminalId + ")");
                }
                case REFUSED, ABORTED ->
                    throw new DeviceException(
                            ErrorCode.NO_HARDWARE,
                            PaymentCode.REGISTRATION_REFUSED,
                            "the terminal refused the registration (" + ResultCodes.hex(r.code()) + ": "
                                    + ResultCodes.describe(r.code()) + ")");
                case LINK_LOST ->
                    throw new DeviceException(
                            ErrorCode.NO_HARDWARE,
                            CommonCode.LINK_DISCONNECTED,
                            "registration: "
                                    + r.failure().map(Throwable::getMessage).orElse("link lost"));
                default ->
                    throw new DeviceException(
                            ErrorCode.NO_HARDWARE,
                            PaymentCode.NO_ANSWER,
                            "no terminal answers the registration on " + link.describe() + " (" + describe(r) + ")");
            }
        } finally {
            wire.unlock();
        }
    }

    @Override
    protected void doClose() {
        link.close();
        ZvtTransport t = transport;
        if (t != null) {
            t.reset();
        }
    }

    /**
     * {@code INTERNAL}: the driver's view. {@code EXTERNAL}: a status enquiry (05 01), unless an
     * operation holds the line (the terminal is busy with the citizen: it answered just now).
     */
    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level == HealthLevel.INTERNAL || state() == DeviceState.OFFLINE) {
            return report(level);
        }
        boolean locked;
        try {
            locked = wire.tryLock(HEALTH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(level);
        }
        if (!locked) {
            return report(level);
        }
        try {
            TerminalStatus s = statusNow();
            HealthReport r = report(level);
            return new HealthReport(
                    level,
                    r.healthy() && s.ready(),
                    r.text() + " (terminal " + (s.ready() ? "ready" : "not ready") + ", status "
                            + (s.statusCode().isEmpty() ? "none" : s.statusCode())
                            + (s.terminalId().isEmpty() ? "" : ", TID " + s.terminalId()) + ")",
                    r.checkedAt());
        } finally {
            wire.unlock();
        }
    }

    // ---- operations ----------------------------------------------------------------------------

    @Override
    public PaymentResult sale(SaleRequest request) throws DeviceException {
        return operate("sale", () -> {
            int seconds = (int) Math.min(255, Math.max(1, request.timeout().toSeconds()));
            Reply r = exchange(ZvtMessages.authorisation(request.amountFen(), options.currency(), seconds), true);
            PaymentResult result = result(TransactionType.SALE, request.orderReference(), request.amountFen(), r);
            count(result, "sales");
            return result;
        });
    }

    @Override
    public PaymentResult reverse(ReversalRequest request) throws DeviceException {
        return operate("reverse", () -> {
            Reply r = exchange(ZvtMessages.reversal(options.password(), request.receiptNumber()), true);
            PaymentResult result = result(TransactionType.REVERSAL, request.orderReference(), 0, r);
            count(result, "reversals");
            return result;
        });
    }

    @Override
    public PaymentResult refund(RefundRequest request) throws DeviceException {
        return operate("refund", () -> {
            Reply r = exchange(ZvtMessages.refund(options.password(), request.amountFen(), options.currency()), true);
            PaymentResult result = result(TransactionType.REFUND, request.orderReference(), request.amountFen(), r);
            count(result, "refunds");
            return result;
        });
    }

    @Override
    public PaymentResult lastTransaction() throws DeviceException {
        return operate("lastTransaction", () -> {
            Reply r = exchange(ZvtMessages.repeatReceipt(options.password()), true);
            failUnlessAnswered(r, "the repeat receipt");
            if (r.end() == End.ABORTED) {
                return noTransaction(
                        TransactionType.REPEAT,
                        Outcome.NOT_FOUND,
                        ResultCodes.hex(r.code()),
                        "",
                        0,
                        r,
                        "no last transaction: " + ResultCodes.describe(r.code()));
            }
            return result(TransactionType.REPEAT, "", 0, r);
        });
    }

    @Override
    public EndOfDay endOfDay() throws DeviceException {
        return operate("endOfDay", () -> {
            Reply r = exchange(ZvtMessages.endOfDay(options.password()), true);
            failUnlessAnswered(r, "the end of day");
            BmpFields f = r.fields();
            int code = r.end() == End.ABORTED ? r.code() : f.resultCode().orElse(ResultCodes.APPROVED);
            boolean done = r.end() == End.COMPLETED && code == ResultCodes.APPROVED;
            Optional<BmpFields.Totals> totals = f.totals();
            long total =
                    f.amount().orElse(totals.map(BmpFields.Totals::amountFen).orElse(0L));
            return new EndOfDay(
                    done,
                    ResultCodes.hex(code),
                    totals.map(BmpFields.Totals::count).orElse(-1),
                    total,
                    f.terminalId().orElse(terminalId),
                    time(f),
                    r.printLines(),
                    done ? "day closed" : "the terminal did not close the day: " + ResultCodes.describe(code));
        });
    }

    @Override
    public TerminalStatus status() throws DeviceException {
        return operate("status", this::statusNow);
    }

    private TerminalStatus statusNow() throws DeviceException {
        Reply r = exchange(ZvtMessages.statusEnquiry(options.password()), true);
        if (r.end() == End.REFUSED) {
            return new TerminalStatus(false, ResultCodes.hex(r.code()), terminalId, ResultCodes.describe(r.code()));
        }
        failUnlessAnswered(r, "the status enquiry");
        int code = r.end() == End.ABORTED ? r.code() : r.fields().resultCode().orElse(ResultCodes.APPROVED);
        String tid = r.fields().terminalId().orElse(terminalId);
        return new TerminalStatus(
                r.end() == End.COMPLETED && code == ResultCodes.APPROVED,
                ResultCodes.hex(code),
                tid,
                code == ResultCodes.APPROVED ? "ready" : ResultCodes.describe(code));
    }

    @Override
    public boolean abort() {
        if (!isOperating()) {
            return false;
        }
        abortRequested = true;
        log.info("Terminal {}: the operation in progress is to stop", id());
        return true;
    }

    // ---- one exchange --------------------------------------------------------------------------

    /** Runs one command under the wire lock; the link's loss makes the device offline. */
    private Reply exchange(Apdu command, boolean untilCompletion) throws DeviceException {
        wire.lock();
        try {
            abortRequested = false;
            Reply r = converse(command, untilCompletion);
            if (r.end() == End.LINK_LOST) {
                DeviceException lost = new DeviceException(
                        ErrorCode.OFFLINE,
                        CommonCode.LINK_LOST,
                        "terminal " + id() + ": "
                                + r.failure().map(Throwable::getMessage).orElse("link lost"),
                        r.failure().orElse(null));
                goOffline(lost);
                if (!r.commandSent()) {
                    throw lost;
                }
            } else if (r.end() == End.NOT_ACKNOWLEDGED || r.end() == End.NO_ANSWER) {
                // a terminal that takes nothing, or takes a command and says nothing, is not working:
                // offline, and the device manager opens and registers it again until it answers
                goOffline(new DeviceException(
                        ErrorCode.OFFLINE,
                        PaymentCode.NO_ANSWER,
                        "terminal " + id() + " on " + link.describe() + ": " + describe(r)));
            }
            return r;
        } finally {
            wire.unlock();
        }
    }

    private Reply converse(Apdu command, boolean untilCompletion) {
        ZvtTransport t = transport;
        long[] before = t.counters().snapshot();
        Reply r = new Conversation(
                        t, options.answerTimeout(), options.t4(), options.charset(), log, id(), () -> abortRequested)
                .run(command, untilCompletion);
        long[] after = t.counters().snapshot();
        statistics().add(DeviceStatistics.BYTES_WRITTEN, after[2] - before[2]);
        statistics().add("resends", after[4] - before[4]);
        statistics().add("naksSent", after[5] - before[5]);
        statistics().add("naksReceived", after[6] - before[6]);
        statistics().add("duplicateFrames", after[7] - before[7]);
        lastExchange = new Exchange(
                command.name(),
                r.end().name(),
                r.messages().stream()
                        .map(m -> new Message(m.fromTerminal(), m.name(), m.bytes(), m.atMillis()))
                        .toList(),
                after[2] - before[2],
                after[3] - before[3],
                after[4] - before[4],
                after[5] - before[5],
                after[6] - before[6],
                after[7] - before[7],
                r.millis());
        log.info(
                "Terminal {}: {} → {} ({} ms, {} messages)",
                id(),
                command.name(),
                describe(r),
                r.millis(),
                r.messages().size());
        return r;
    }

    /** For operations that move no money: silence and refusal are errors. */
    private void failUnlessAnswered(Reply r, String what) throws DeviceException {
        switch (r.end()) {
            case COMPLETED, ABORTED, ACCEPTED -> {}
            case REFUSED -> throw refused(r, what);
            case LINK_LOST ->
                throw new DeviceException(
                        ErrorCode.OFFLINE,
                        CommonCode.LINK_LOST,
                        what + ": " + r.failure().map(Throwable::getMessage).orElse("link lost"));
            default -> throw new DeviceException(ErrorCode.TIMEOUT, PaymentCode.NO_ANSWER, what + ": " + describe(r));
        }
    }

    private DeviceException refused(Reply r, String what) {
        boolean busy = r.code() == ResultCodes.NOT_READY;
        return new DeviceException(
                busy ? ErrorCode.BUSY : ErrorCode.HARDWARE_ERROR,
                busy ? PaymentCode.TERMINAL_BUSY : PaymentCode.COMMAND_REFUSED,
                what + " refused by the terminal (84 " + ResultCodes.hex(r.code()) + ": "
                        + ResultCodes.describe(r.code()) + ")");
    }

    /** A sale's, reversal's, refund's or repeat's result; a refusal (nothing done) is an exception. */
    private PaymentResult result(TransactionType type, String orderReference, long askedFen, Reply r)
            throws DeviceException {
        BmpFields f = r.fields();
        long amount = f.amount().orElse(askedFen);
        Outcome outcome;
        int code;
        String message;
        switch (r.end()) {
            case COMPLETED -> {
                code = f.resultCode().orElse(ResultCodes.APPROVED);
                outcome = code == ResultCodes.APPROVED ? Outcome.APPROVED : Outcome.DECLINED;
                message = ResultCodes.describe(code);
            }
            case ABORTED -> {
                code = r.code();
                outcome = code == ResultCodes.TIMEOUT_OR_ABORT || r.abortSent() ? Outcome.ABORTED : Outcome.DECLINED;
                message = (r.abortSent() ? "stopped at the kiosk's request: " : "") + ResultCodes.describe(code);
            }
            case REFUSED -> throw refused(r, type.name().toLowerCase(Locale.ROOT));
            default -> {
                statistics().increment("unknownOutcomes");
                log.warn(
                        "Terminal {}: the outcome of a {} of {} fen is unknown ({}): ask for the last transaction",
                        id(),
                        type.name().toLowerCase(Locale.ROOT),
                        askedFen,
                        describe(r));
                return noTransaction(
                        type,
                        Outcome.UNKNOWN,
                        "",
                        orderReference,
                        askedFen,
                        r,
                        "outcome unknown: " + describe(r) + "; ask for the last transaction");
            }
        }
        return new PaymentResult(
                type,
                outcome,
                ResultCodes.hex(code),
                orderReference,
                amount,
                f.receipt().orElse(""),
                f.trace().orElse(""),
                f.maskedCardNumber().orElse(""),
                f.terminalId().orElse(terminalId),
                time(f),
                r.printLines(),
                message);
    }

    /** A result that names no transaction of the terminal's: no receipt, trace, card or time. */
    private PaymentResult noTransaction(
            TransactionType type,
            Outcome outcome,
            String code,
            String orderReference,
            long amountFen,
            Reply r,
            String message) {
        return new PaymentResult(
                type,
                outcome,
                code,
                orderReference,
                amountFen,
                "",
                "",
                "",
                terminalId,
                Optional.empty(),
                r.printLines(),
                message);
    }

    /** The terminal's time of the transaction: its date with the year, or the month and day in the nearest year. */
    private Optional<LocalDateTime> time(BmpFields f) {
        Optional<LocalTime> time = f.time();
        if (time.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> date = f.date().or(() -> f.monthDay().map(md -> inYear(md, today)));
        return Optional.of(date.orElse(today).atTime(time.get()));
    }

    /** The month and day in this year, or last year's when that would be more than a day ahead. */
    private static LocalDate inYear(MonthDay day, LocalDate today) {
        LocalDate d = day.atYear(today.getYear());
        return d.isAfter(today.plusDays(1)) ? day.atYear(today.getYear() - 1) : d;
    }

    private void count(PaymentResult result, String approvedKey) {
        if (result.approved()) {
            statistics().increment(approvedKey);
        } else if (result.outcome() == Outcome.DECLINED) {
            statistics().increment("declines");
        }
    }

    private static String describe(Reply r) {
        return switch (r.end()) {
            case COMPLETED -> "completed";
            case ABORTED -> "aborted " + ResultCodes.hex(r.code()) + " (" + ResultCodes.describe(r.code()) + ")";
            case REFUSED -> "refused 84 " + ResultCodes.hex(r.code());
            case ACCEPTED -> "accepted";
            case NOT_ACKNOWLEDGED -> "the command was never acknowledged";
            case NO_ANSWER -> "the command was acknowledged and not answered";
            case NO_END -> "the terminal fell silent before its last word (T4)";
            case LINK_LOST -> "the link was lost";
        };
    }
}
