package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentResult.TransactionType;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.RefundRequest;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.TerminalStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated bank-card terminal with its own day's ledger, behaving as a real one does: every sale
 * is a new charge with its own receipt and trace number (the terminal knows nothing of the kiosk's
 * orders); a "lost answer" sale is charged but answered {@code UNKNOWN}, so that the kiosk has to ask
 * for the last transaction and reverse it by its receipt number, as it must with a real terminal.
 */
public final class SimulatedPaymentTerminal extends SimulatedDevice implements PaymentTerminal {
    static final String TERMINAL_ID = "52000001";
    static final String CARD = "622202******1234";

    private enum Next {
        APPROVE,
        DECLINE,
        LOSE_ANSWER
    }

    /** One transaction of the day, as the terminal keeps it. */
    private record Booked(
            TransactionType type,
            String orderReference,
            long amountFen,
            String receipt,
            String trace,
            LocalDateTime time,
            boolean reversed) {}

    private final Duration cardDelay;
    private final List<Booked> ledger = new ArrayList<>();
    private Next next = Next.APPROVE;
    private int receipts;
    private int traces;
    private boolean abortAsked;

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
        boolean presented = awaitCard(request.timeout());
        requirePlugged();
        synchronized (this) {
            if (!presented) {
                return result(
                        TransactionType.SALE,
                        Outcome.ABORTED,
                        "6C",
                        request.orderReference(),
                        request.amountFen(),
                        null,
                        "stopped before a card was presented");
            }
            Next outcome = next;
            next = Next.APPROVE;
            return switch (outcome) {
                case APPROVE -> book(TransactionType.SALE, request.orderReference(), request.amountFen());
                case DECLINE ->
                    result(
                            TransactionType.SALE,
                            Outcome.DECLINED,
                            "05",
                            request.orderReference(),
                            request.amountFen(),
                            null,
                            "declined by the issuer (simulated)");
                case LOSE_ANSWER -> {
                    book(TransactionType.SALE, request.orderReference(), request.amountFen());
                    yield PaymentResult.bare(
                            TransactionType.SALE,
                            Outcome.UNKNOWN,
                            request.orderReference(),
                            request.amountFen(),
                            "no answer from the terminal (simulated): ask for the last transaction");
                }
            };
        }
    }

    /** Waits the citizen's card delay; false when aborted (or the time given was shorter). */
    private synchronized boolean awaitCard(Duration timeout) throws DeviceException {
        abortAsked = false;
        long deadline = System.nanoTime() + Math.min(cardDelay.toNanos(), timeout.toNanos());
        try {
            long left;
            while (!abortAsked && plugged() && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(ErrorCode.CANCELLED, null, "sale cancelled", e);
        }
        return !abortAsked && cardDelay.compareTo(timeout) <= 0;
    }

    @Override
    public boolean abort() {
        if (!isOperating()) {
            return false;
        }
        synchronized (this) {
            abortAsked = true;
            notifyAll();
        }
        return true;
    }

    @Override
    public PaymentResult reverse(ReversalRequest request) throws DeviceException {
        return operate("reverse", () -> {
            requirePlugged();
            synchronized (this) {
                for (int i = 0; i < ledger.size(); i++) {
                    Booked b = ledger.get(i);
                    if (b.receipt().equals(pad(request.receiptNumber(), 4)) && b.type() == TransactionType.SALE) {
                        if (b.reversed()) {
                            return result(
                                    TransactionType.REVERSAL,
                                    Outcome.DECLINED,
                                    "B4",
                                    request.orderReference(),
                                    b.amountFen(),
                                    null,
                                    "already reversed");
                        }
                        ledger.set(
                                i,
                                new Booked(
                                        b.type(),
                                        b.orderReference(),
                                        b.amountFen(),
                                        b.receipt(),
                                        b.trace(),
                                        b.time(),
                                        true));
                        statistics().increment("reversals");
                        return book(TransactionType.REVERSAL, request.orderReference(), b.amountFen());
                    }
                }
                return PaymentResult.bare(
                        TransactionType.REVERSAL,
                        Outcome.NOT_FOUND,
                        request.orderReference(),
                        0,
                        "no sale with receipt " + request.receiptNumber() + " today");
            }
        });
    }

    @Override
    public PaymentResult refund(RefundRequest request) throws DeviceException {
        return operate("refund", () -> {
            requirePlugged();
            synchronized (this) {
                statistics().increment("refunds");
                return book(TransactionType.REFUND, request.orderReference(), request.amountFen());
            }
        });
    }

    @Override
    public PaymentResult lastTransaction() throws DeviceException {
        return operate("lastTransaction", () -> {
            requirePlugged();
            synchronized (this) {
                if (ledger.isEmpty()) {
                    return PaymentResult.bare(TransactionType.REPEAT, Outcome.NOT_FOUND, "", 0, "no transaction today");
                }
                Booked b = ledger.get(ledger.size() - 1);
                return new PaymentResult(
                        TransactionType.REPEAT,
                        Outcome.APPROVED,
                        "00",
                        b.orderReference(),
                        b.amountFen(),
                        b.receipt(),
                        b.trace(),
                        CARD,
                        TERMINAL_ID,
                        Optional.of(b.time()),
                        receiptLines(b),
                        "the last transaction: " + b.type().name().toLowerCase(Locale.ROOT));
            }
        });
    }

    @Override
    public EndOfDay endOfDay() throws DeviceException {
        return operate("endOfDay", () -> {
            requirePlugged();
            synchronized (this) {
                long total = 0;
                for (Booked b : ledger) {
                    total += switch (b.type()) {
                        case SALE -> b.reversed() ? 0 : b.amountFen();
                        case REFUND -> -b.amountFen();
                        default -> 0;
                    };
                }
                int count = ledger.size();
                ledger.clear();
                return new EndOfDay(
                        true,
                        "00",
                        count,
                        total,
                        TERMINAL_ID,
                        Optional.of(LocalDateTime.now(clock)),
                        List.of("END OF DAY", "COUNT " + count, "TOTAL " + total),
                        "day closed (simulated)");
            }
        });
    }

    @Override
    public TerminalStatus status() throws DeviceException {
        requirePlugged();
        return new TerminalStatus(true, "00", TERMINAL_ID, "ready (simulated)");
    }

    /** Books a transaction; under the lock. */
    private PaymentResult book(TransactionType type, String orderReference, long amountFen) {
        Booked b = new Booked(
                type,
                orderReference,
                amountFen,
                String.format(Locale.ROOT, "%04d", ++receipts),
                String.format(Locale.ROOT, "%06d", ++traces),
                LocalDateTime.now(clock).withNano(0),
                false);
        ledger.add(b);
        if (type == TransactionType.SALE) {
            statistics().increment("sales");
        }
        return new PaymentResult(
                type,
                Outcome.APPROVED,
                "00",
                orderReference,
                amountFen,
                b.receipt(),
                b.trace(),
                CARD,
                TERMINAL_ID,
                Optional.of(b.time()),
                receiptLines(b),
                "approved (simulated)");
    }

    private static PaymentResult result(
            TransactionType type,
            Outcome outcome,
            String code,
            String orderReference,
            long amountFen,
            String receipt,
            String message) {
        return new PaymentResult(
                type,
                outcome,
                code,
                orderReference,
                amountFen,
                receipt,
                "",
                CARD,
                TERMINAL_ID,
                Optional.empty(),
                List.of(),
                message);
    }

    private static List<String> receiptLines(Booked b) {
        return List.of(
                b.type().name(),
                "TID " + TERMINAL_ID + "  RECEIPT " + b.receipt() + "  TRACE " + b.trace(),
                "CARD " + CARD,
                String.format(Locale.ROOT, "AMOUNT CNY %d.%02d", b.amountFen() / 100, b.amountFen() % 100));
    }

    private static String pad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
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
                + next.name().toLowerCase(Locale.ROOT).replace('_', '-') + ", " + ledger.size() + " in ledger";
    }
}
