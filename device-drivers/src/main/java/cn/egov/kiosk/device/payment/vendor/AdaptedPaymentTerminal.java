package cn.egov.kiosk.device.payment.vendor;

import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.StatisticsStore;
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
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vendor's {@link PaymentAdapter} as a kiosk device: the lifecycle, one operation at a time, the
 * offline state the device manager reopens, statistics, and the payment rules the adapter cannot be
 * trusted to keep: a sale, reversal or refund that fails in any way but "nothing was done" is a
 * result {@code UNKNOWN}; the card number is masked again, and so is any card-number-like run of
 * digits in the print lines; the order reference and transaction type are the ones the kiosk asked
 * for.
 */
public final class AdaptedPaymentTerminal extends AbstractDevice implements PaymentTerminal {
    /** 13 to 19 digits in a row: what a card number looks like in a receipt line. */
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");

    @FunctionalInterface
    private interface Call<T> {
        T run() throws AdapterException;
    }

    private final PaymentAdapter adapter;

    public AdaptedPaymentTerminal(
            String id, String driverName, PaymentAdapter adapter, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.PAYMENT_TERMINAL, driverName, store, clock);
        this.adapter = adapter;
    }

    @Override
    public String connection() {
        return adapter.describe();
    }

    @Override
    protected void doOpen() throws DeviceException {
        try {
            adapter.open();
        } catch (AdapterException | RuntimeException e) {
            throw new DeviceException(
                    ErrorCode.NO_HARDWARE, PaymentCode.NO_ANSWER, adapter.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void doClose() {
        adapter.close();
    }

    /** {@code EXTERNAL}: the adapter's status, unless an operation is running. */
    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level == HealthLevel.INTERNAL || isOperating() || state() == DeviceState.OFFLINE) {
            return report(level);
        }
        TerminalStatus s = ask("status", adapter::status);
        HealthReport r = report(level);
        return new HealthReport(
                level,
                r.healthy() && s.ready(),
                r.text() + " (terminal " + (s.ready() ? "ready" : "not ready: " + s.message()) + ")",
                r.checkedAt());
    }

    @Override
    public PaymentResult sale(SaleRequest request) throws DeviceException {
        return operate(
                "sale",
                () -> money(
                        TransactionType.SALE,
                        request.orderReference(),
                        request.amountFen(),
                        () -> adapter.sale(request)));
    }

    @Override
    public PaymentResult reverse(ReversalRequest request) throws DeviceException {
        return operate(
                "reverse",
                () -> money(TransactionType.REVERSAL, request.orderReference(), 0, () -> adapter.reverse(request)));
    }

    @Override
    public PaymentResult refund(RefundRequest request) throws DeviceException {
        return operate(
                "refund",
                () -> money(
                        TransactionType.REFUND,
                        request.orderReference(),
                        request.amountFen(),
                        () -> adapter.refund(request)));
    }

    @Override
    public PaymentResult lastTransaction() throws DeviceException {
        return operate("lastTransaction", () -> {
            PaymentResult r = ask("lastTransaction", adapter::lastTransaction);
            return checked(TransactionType.REPEAT, r.orderReference(), r);
        });
    }

    @Override
    public EndOfDay endOfDay() throws DeviceException {
        return operate("endOfDay", () -> {
            EndOfDay d = ask("endOfDay", adapter::endOfDay);
            return new EndOfDay(
                    d.done(),
                    d.resultCode(),
                    d.count(),
                    d.totalFen(),
                    d.terminalId(),
                    d.time(),
                    masked(d.printLines()),
                    d.message());
        });
    }

    @Override
    public TerminalStatus status() throws DeviceException {
        return operate("status", () -> ask("status", adapter::status));
    }

    @Override
    public boolean abort() {
        if (!isOperating()) {
            return false;
        }
        try {
            return adapter.abort();
        } catch (RuntimeException e) {
            log.warn("Terminal {}: the adapter's abort failed: {}", id(), e.toString());
            return false;
        }
    }

    /** A call that may move money: failures other than "nothing was done" are in doubt. */
    private PaymentResult money(TransactionType type, String orderReference, long amountFen, Call<PaymentResult> call)
            throws DeviceException {
        PaymentResult r;
        try {
            r = call.run();
        } catch (AdapterException e) {
            if (e.kind() != AdapterException.Kind.FAILED) {
                throw failure(type.name().toLowerCase(Locale.ROOT), e);
            }
            return unknown(type, orderReference, amountFen, e.getMessage());
        } catch (RuntimeException e) {
            log.warn(
                    "Terminal {}: the adapter failed during a {}",
                    id(),
                    type.name().toLowerCase(Locale.ROOT),
                    e);
            return unknown(type, orderReference, amountFen, "the adapter failed: " + e);
        }
        if (r == null) {
            return unknown(type, orderReference, amountFen, "the adapter returned nothing");
        }
        PaymentResult result = checked(type, orderReference, r);
        switch (result.outcome()) {
            case APPROVED ->
                statistics()
                        .increment(
                                switch (type) {
                                    case SALE -> "sales";
                                    case REVERSAL -> "reversals";
                                    case REFUND -> "refunds";
                                    case REPEAT -> "repeats";
                                });
            case DECLINED -> statistics().increment("declines");
            case UNKNOWN -> statistics().increment("unknownOutcomes");
            default -> {}
        }
        return result;
    }

    /** A call that moves no money: every failure is an error. */
    private <T> T ask(String what, Call<T> call) throws DeviceException {
        try {
            T answer = call.run();
            if (answer == null) {
                throw new DeviceException(ErrorCode.HARDWARE_ERROR, null, what + ": the adapter returned nothing");
            }
            return answer;
        } catch (AdapterException e) {
            throw failure(what, e);
        } catch (RuntimeException e) {
            throw new DeviceException(ErrorCode.HARDWARE_ERROR, null, what + ": the adapter failed: " + e, e);
        }
    }

    private DeviceException failure(String what, AdapterException e) {
        String message = what + ": " + e.getMessage();
        return switch (e.kind()) {
            case OFFLINE -> {
                DeviceException offline = new DeviceException(ErrorCode.OFFLINE, PaymentCode.NO_ANSWER, message, e);
                goOffline(offline);
                yield offline;
            }
            case BUSY -> new DeviceException(ErrorCode.BUSY, PaymentCode.TERMINAL_BUSY, message, e);
            case REFUSED -> new DeviceException(ErrorCode.HARDWARE_ERROR, PaymentCode.COMMAND_REFUSED, message, e);
            case FAILED -> new DeviceException(ErrorCode.HARDWARE_ERROR, null, message, e);
        };
    }

    private PaymentResult unknown(TransactionType type, String orderReference, long amountFen, String why) {
        statistics().increment("unknownOutcomes");
        log.warn(
                "Terminal {}: the outcome of a {} of {} fen is unknown ({}): ask for the last transaction",
                id(),
                type.name().toLowerCase(Locale.ROOT),
                amountFen,
                why);
        return PaymentResult.bare(
                type,
                Outcome.UNKNOWN,
                orderReference,
                amountFen,
                "outcome unknown: " + why + "; ask for the last transaction");
    }

    /** The adapter's result with the kiosk's type and reference, and the card number masked wherever it shows. */
    private static PaymentResult checked(TransactionType type, String orderReference, PaymentResult r) {
        return new PaymentResult(
                type,
                r.outcome(),
                r.resultCode(),
                orderReference,
                r.amountFen(),
                r.receiptNumber(),
                r.traceNumber(),
                Masking.cardNumber(r.maskedCardNumber()),
                r.terminalId(),
                r.time(),
                masked(r.printLines()),
                r.message());
    }

    private static List<String> masked(List<String> lines) {
        return lines.stream()
                .map(line -> {
                    Matcher m = CARD_LIKE.matcher(line);
                    return m.replaceAll(match -> Matcher.quoteReplacement(Masking.cardNumber(match.group())));
                })
                .toList();
    }
}
