package cn.egov.kiosk.device.testvendor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Stands in for an acquirer's MIS-POS library ({@code bankall(request, response)}, reached with JNA
 * in a real adapter): requests and responses are fixed-width ASCII records. The layout here is
 * illustrative; each acquirer publishes its own.
 *
 * <pre>
 * request:  type(2) amount(12, fen) originalReceipt(6)
 *           type 00 sale, 01 void, 02 refund, 04 reprint (last), 06 settlement, 99 status
 * response: code(2, 00 approved) amount(12) receipt(6) trace(6) card(19, left-aligned) tid(8)
 *           yyyyMMddHHmmss(14) text(rest)
 * </pre>
 *
 * <p>Tests script it: what the next call answers, or that it throws as a broken library would.
 */
public final class AcmeMisPosLibrary {
    /**
     * The library could not reach its terminal (the port would not open): it sent nothing. A real
     * library says so by its own return code or exception; this one by this type, not a JDK one.
     */
    public static final class PortUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PortUnavailable(String message) {
            super(message);
        }
    }

    private final Deque<String> scripted = new ArrayDeque<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private int receipts;
    private String last;

    /** Forgets everything: a fresh library for a test. */
    public synchronized void reset() {
        scripted.clear();
        failures.clear();
        requests.clear();
        receipts = 0;
        last = null;
    }

    /** The next call answers this instead of its usual answer. */
    public synchronized void answerNext(String response) {
        scripted.add(response);
    }

    /** The next call throws this (the library crashed, the port vanished). */
    public synchronized void failNext(RuntimeException e) {
        failures.add(e);
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The library's one entry point. */
    public synchronized String bankall(String request) {
        requests.add(request);
        String type = request.substring(0, 2);
        long amount = Long.parseLong(request.substring(2, 14));
        String response = usual(type, amount, request.substring(14, 20));
        if (!failures.isEmpty()) {
            throw failures.poll(); // the library did its work, then failed to tell
        }
        return scripted.isEmpty() ? response : scripted.poll();
    }

    private String usual(String type, long amount, String original) {
        switch (type) {
            case "00", "01", "02" -> {
                receipts++;
                String receipt = String.format(Locale.ROOT, "%06d", receipts);
                String r = record(
                        "00",
                        amount,
                        receipt,
                        receipt,
                        "6222021234567891234",
                        "APPROVED " + type + (type.equals("01") ? " OF " + original : ""));
                last = r;
                return r;
            }
            case "04" -> {
                return last == null ? record("25", 0, "", "", "", "NO TRANSACTION") : last;
            }
            case "06" -> {
                return record("00", 12_345, "", "", "", "SETTLED " + receipts);
            }
            default -> {
                return record("00", 0, "", "", "", "READY");
            }
        }
    }

    private static String record(String code, long amount, String receipt, String trace, String card, String text) {
        return String.format(
                Locale.ROOT,
                "%s%012d%6s%6s%-19s%8s%14s%s",
                code,
                amount,
                receipt,
                trace,
                card,
                "88000001",
                "20261207103000",
                text);
    }
}
