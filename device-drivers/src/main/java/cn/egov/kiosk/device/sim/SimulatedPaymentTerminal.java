package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.SaleRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A simulated bank-card terminal with its own ledger: a sale for an order reference it has seen
 * returns the earlier outcome (never charged twice); a "lost answer" sale is charged but answered
 * as unknown, so that the kiosk has to query and reverse, as it must with a real terminal.
 */
public final class SimulatedPaymentTerminal extends SimulatedDevice implements PaymentTerminal {
    private enum Next {
        APPROVE,
        DECLINE,
        LOSE_ANSWER
    }

    private final Duration cardDelay;
    private final Map<String, PaymentResult> ledger = new LinkedHashMap<>();
    private Next next = Next.APPROVE;
    private int sequence;

    public SimulatedPaymentTerminal(String id, Duration cardDelay, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.PAYMENT_TERMINAL, store, clock);
        this.cardDelay = cardDelay;
    }

    @Override
    public PaymentResult sale(SaleRequest request) throws DeviceException {
        return operate("sale", () -> saleNow(request));
    }

    private PaymentResult saleNow(SaleRequest request) throws DeviceException {
        requirePlugged();
        synchronized (this) {
            PaymentResult earlier = ledger.get(request.orderReference());
            if (earlier != null) {
                return earlier;
            }
        }
        try {
            Thread.sleep(Math.min(cardDelay.toMillis(), request.timeout().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(ErrorCode.CANCELLED, null, "sale cancelled", e);
        }
        requirePlugged();
        synchronized (this) {
            Next outcome = next;
            next = Next.APPROVE;
            String ref = String.format("SIM%08d", ++sequence);
            return switch (outcome) {
                case APPROVE ->
                    record(new PaymentResult(
                            Outcome.APPROVED,
                            request.orderReference(),
                            request.amountFen(),
                            ref,
                            "6222********1234",
                            "approved"));
                case DECLINE ->
                    record(new PaymentResult(
                            Outcome.DECLINED,
                            request.orderReference(),
                            request.amountFen(),
                            ref,
                            "6222********1234",
                            "declined by the issuer (simulated)"));
                case LOSE_ANSWER -> {
                    record(new PaymentResult(
                            Outcome.APPROVED,
                            request.orderReference(),
                            request.amountFen(),
                            ref,
                            "6222********1234",
                            "approved"));
                    yield new PaymentResult(
                            Outcome.UNKNOWN,
                            request.orderReference(),
                            request.amountFen(),
                            "",
                            "",
                            "no answer from the terminal");
                }
            };
        }
    }

    private PaymentResult record(PaymentResult result) {
        ledger.put(result.orderReference(), result);
        statistics().increment("sales");
        return result;
    }

    @Override
    public synchronized PaymentResult query(String orderReference) throws DeviceException {
        requirePlugged();
        PaymentResult r = ledger.get(orderReference);
        return r != null ? r : new PaymentResult(Outcome.NOT_FOUND, orderReference, 0, "", "", "no such sale");
    }

    @Override
    public synchronized PaymentResult reverse(String orderReference) throws DeviceException {
        requirePlugged();
        PaymentResult r = ledger.get(orderReference);
        if (r == null) {
            return new PaymentResult(Outcome.NOT_FOUND, orderReference, 0, "", "", "no such sale");
        }
        PaymentResult reversed = new PaymentResult(
                Outcome.REVERSED,
                orderReference,
                r.amountFen(),
                r.terminalReference(),
                r.maskedCardNumber(),
                "reversed");
        ledger.put(orderReference, reversed);
        statistics().increment("reversals");
        return reversed;
    }

    @Override
    protected Map<String, String> deviceCommands() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("approve", "the next sale is approved (the default)");
        map.put("decline", "the next sale is declined by the issuer");
        map.put("lose-answer", "the next sale is charged but its answer is lost");
        return map;
    }

    @Override
    protected void applyDeviceCommand(String command, String argument) {
        synchronized (this) {
            next = switch (command) {
                case "approve" -> Next.APPROVE;
                case "decline" -> Next.DECLINE;
                case "lose-answer" -> Next.LOSE_ANSWER;
                default -> throw unknown(command);
            };
        }
    }

    @Override
    public synchronized String describe() {
        return (plugged() ? "plugged" : "unplugged") + ", next sale: "
                + next.name().toLowerCase(Locale.ROOT) + ", " + ledger.size() + " in ledger";
    }
}
