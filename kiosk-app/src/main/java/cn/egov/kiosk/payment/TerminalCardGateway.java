package cn.egov.kiosk.payment;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payments' {@link CardGateway} over the kiosk's payment terminal (the device manager's first
 * {@code PAYMENT_TERMINAL}: ZVT, a vendor's adapter, the simulator), looked up at each call.
 *
 * <p>Outcomes: {@code APPROVED}, {@code DECLINED}, {@code UNKNOWN} and {@code NOT_FOUND} as the
 * terminal said them; {@code ABORTED} (no card, the abort key) is {@link GatewayOutcome#CLOSED}. A
 * {@link DeviceException}, and no terminal fitted, mean nothing was charged ({@link PaymentTerminal}'s
 * contract): a sale is then {@code CLOSED} with the reason, the engine journals it cancelled; a
 * repeat receipt or a reversal then has no answer ({@code UNKNOWN}), asked again later. A reversal
 * approved is {@code REVERSED}, and so is one the terminal refuses as done already (ZVT {@code B4});
 * {@code B5} is {@code NOT_POSSIBLE}. A repeat receipt that shows a reversal (the drivers report it
 * as a repeat whose receipt lines name it: {@code REVERSAL OF 0003}, {@code STORNO}, 撤销, 冲正) is
 * {@code REVERSED}; one that shows a refund is no answer about a sale ({@code UNKNOWN}). The
 * terminal's local time is read in the hall's time zone. Every call blocks: off the JavaFX thread.
 */
public final class TerminalCardGateway implements CardGateway {
    private static final Logger log = LoggerFactory.getLogger(TerminalCardGateway.class);
    /** How long a reversal may take (some terminals want the card again). */
    static final Duration REVERSAL_TIMEOUT = Duration.ofSeconds(60);

    static final String ALREADY_REVERSED = "B4";
    static final String REVERSAL_NOT_POSSIBLE = "B5";

    private final Supplier<Optional<PaymentTerminal>> terminal;
    private final ZoneId zone;

    /**
     * @param terminal the terminal fitted now, if any ({@code DeviceManager.first(PAYMENT_TERMINAL,
     *     PaymentTerminal.class)})
     * @param zone the hall's time zone, in which the terminal's clock runs
     */
    public TerminalCardGateway(Supplier<Optional<PaymentTerminal>> terminal, ZoneId zone) {
        this.terminal = terminal;
        this.zone = zone;
    }

    @Override
    public CardAnswer sale(String orderRef, long amountFen, Duration timeout) {
        Optional<PaymentTerminal> t = terminal.get();
        if (t.isEmpty()) {
            return closed("no card terminal is fitted: nothing was charged");
        }
        try {
            PaymentResult r = t.get().sale(new SaleRequest(orderRef, amountFen, timeout));
            return answer(r, saleOutcome(r));
        } catch (DeviceException e) {
            log.info("Card sale of {} fen not made: {}", amountFen, e.getMessage());
            return closed("the terminal did not take the sale, nothing was charged: " + e.getMessage());
        }
    }

    @Override
    public CardAnswer reverse(String receiptNo, long amountFen) {
        Optional<PaymentTerminal> t = terminal.get();
        if (t.isEmpty()) {
            return CardAnswer.unknown("no card terminal is fitted: the reversal was not asked");
        }
        ReversalRequest request;
        try {
            request = new ReversalRequest("reversal-of-" + receiptNo, receiptNo, REVERSAL_TIMEOUT);
        } catch (IllegalArgumentException e) {
            return new CardAnswer(GatewayOutcome.NOT_POSSIBLE, 0, null, null, null, null, null, null, e.getMessage());
        }
        try {
            PaymentResult r = t.get().reverse(request);
            return answer(r, reversalOutcome(r));
        } catch (DeviceException e) {
            return CardAnswer.unknown("the terminal did not take the reversal: " + e.getMessage());
        }
    }

    @Override
    public CardAnswer lastTransaction() {
        Optional<PaymentTerminal> t = terminal.get();
        if (t.isEmpty()) {
            return CardAnswer.unknown("no card terminal is fitted");
        }
        try {
            PaymentResult r = t.get().lastTransaction();
            return answer(r, repeatOutcome(r));
        } catch (DeviceException e) {
            return CardAnswer.unknown("no repeat receipt: " + e.getMessage());
        }
    }

    @Override
    public Optional<TerminalTotals> endOfDay() {
        Optional<PaymentTerminal> t = terminal.get();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            EndOfDay d = t.get().endOfDay();
            if (!d.done()) {
                log.warn("The terminal did not close its day: {} {}", d.resultCode(), d.message());
                return Optional.empty();
            }
            return Optional.of(new TerminalTotals(d.count() < 0 ? TerminalTotals.NOT_TOLD : d.count(), d.totalFen()));
        } catch (DeviceException e) {
            log.warn("The terminal's end of day failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static GatewayOutcome saleOutcome(PaymentResult r) {
        switch (r.outcome()) {
            case APPROVED:
                return GatewayOutcome.APPROVED;
            case DECLINED:
                return GatewayOutcome.DECLINED;
            case ABORTED:
                return GatewayOutcome.CLOSED;
            case NOT_FOUND:
                return GatewayOutcome.NOT_FOUND;
            default:
                return GatewayOutcome.UNKNOWN;
        }
    }

    private static GatewayOutcome reversalOutcome(PaymentResult r) {
        if (ALREADY_REVERSED.equalsIgnoreCase(r.resultCode())) {
            return GatewayOutcome.REVERSED;
        }
        if (REVERSAL_NOT_POSSIBLE.equalsIgnoreCase(r.resultCode())) {
            return GatewayOutcome.NOT_POSSIBLE;
        }
        switch (r.outcome()) {
            case APPROVED:
                return GatewayOutcome.REVERSED;
            case DECLINED:
                return GatewayOutcome.DECLINED;
            case NOT_FOUND:
                return GatewayOutcome.NOT_FOUND;
            default:
                // aborted (nothing done) or unknown: asked again
                return GatewayOutcome.UNKNOWN;
        }
    }

    private static GatewayOutcome repeatOutcome(PaymentResult r) {
        switch (r.outcome()) {
            case APPROVED:
                switch (shown(r)) {
                    case REVERSAL:
                        return GatewayOutcome.REVERSED;
                    case REFUND:
                        return GatewayOutcome.UNKNOWN;
                    default:
                        return GatewayOutcome.APPROVED;
                }
            case DECLINED:
                return GatewayOutcome.DECLINED;
            case ABORTED:
                return GatewayOutcome.CLOSED;
            case NOT_FOUND:
                return GatewayOutcome.NOT_FOUND;
            default:
                return GatewayOutcome.UNKNOWN;
        }
    }

    /** What a repeat receipt shows. */
    enum Shown {
        SALE,
        REVERSAL,
        REFUND
    }

    /**
     * The kind of the transaction a repeat receipt shows, by its receipt lines (ZVT's status
     * information has no field for it) and the driver's words.
     */
    static Shown shown(PaymentResult r) {
        for (String line : r.printLines()) {
            String l = line.strip().toUpperCase(Locale.ROOT);
            if (l.startsWith("REVERSAL") || l.startsWith("STORNO") || l.contains("撤销") || l.contains("冲正")) {
                return Shown.REVERSAL;
            }
            if (l.startsWith("REFUND") || l.startsWith("GUTSCHRIFT") || l.contains("退货")) {
                return Shown.REFUND;
            }
        }
        String m = r.message().toLowerCase(Locale.ROOT);
        if (m.contains("last transaction: reversal")) {
            return Shown.REVERSAL;
        }
        if (m.contains("last transaction: refund")) {
            return Shown.REFUND;
        }
        return Shown.SALE;
    }

    private CardAnswer answer(PaymentResult r, GatewayOutcome outcome) {
        Instant at = r.time().map(t -> t.atZone(zone).toInstant()).orElse(null);
        return new CardAnswer(
                outcome,
                r.amountFen(),
                blankToNull(r.receiptNumber()),
                blankToNull(r.traceNumber()),
                blankToNull(r.maskedCardNumber()),
                null, // the terminal's contract carries no authorisation code
                at,
                blankToNull(r.resultCode()),
                r.message());
    }

    private static CardAnswer closed(String why) {
        return new CardAnswer(GatewayOutcome.CLOSED, 0, null, null, null, null, null, null, why);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
