package cn.egov.kiosk.device.testvendor;

import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentResult.TransactionType;
import cn.egov.kiosk.device.payment.RefundRequest;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.TerminalStatus;
import cn.egov.kiosk.device.payment.vendor.AdapterException;
import cn.egov.kiosk.device.payment.vendor.PaymentAdapter;
import cn.egov.kiosk.device.payment.vendor.PaymentAdapterProvider;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A skeleton payment adapter, as a vendor would ship one (outside the kiosk's packages, registered
 * in its own {@code META-INF/services} file, built on the public SPI only): {@code driver:
 * acme-mispos}, connection {@code mispos:PORT}, option {@code ping} (true: the terminal is asked at
 * opening). Its "library" is {@link AcmeMisPosLibrary}; a real one calls the acquirer's through JNA.
 */
public final class AcmeMisPosAdapterProvider implements PaymentAdapterProvider {
    /** The library every adapter of this class path uses (a native library is one per process too). */
    public static final AcmeMisPosLibrary LIBRARY = new AcmeMisPosLibrary();

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Override
    public String name() {
        return "acme-mispos";
    }

    @Override
    public List<SpecProblem> validate(DeviceSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!spec.connection().matches("mispos:\\S+")) {
            problems.add(new SpecProblem("connection", "mispos:PORT, e.g. mispos:COM3", spec.connection()));
        }
        OptionReader options = new OptionReader(spec.options());
        options.bool("ping", true);
        problems.addAll(options.problems());
        return problems;
    }

    @Override
    public PaymentAdapter create(DeviceSpec spec) {
        boolean ping = new OptionReader(spec.options()).bool("ping", true);
        return new Adapter(spec.connection().substring("mispos:".length()), ping);
    }

    /** The adapter: one library call per method, its fixed-width fields in and out. */
    private static final class Adapter implements PaymentAdapter {
        private final String port;
        private final boolean ping;
        private volatile boolean open;

        Adapter(String port, boolean ping) {
            this.port = port;
            this.ping = ping;
        }

        @Override
        public void open() throws AdapterException {
            if (ping && !status().ready()) {
                throw new AdapterException(AdapterException.Kind.OFFLINE, "the terminal on " + port + " is not ready");
            }
            open = true;
        }

        @Override
        public PaymentResult sale(SaleRequest request) throws AdapterException {
            return transaction(TransactionType.SALE, "00", request.amountFen(), "", request.orderReference());
        }

        @Override
        public PaymentResult reverse(ReversalRequest request) throws AdapterException {
            return transaction(TransactionType.REVERSAL, "01", 0, request.receiptNumber(), request.orderReference());
        }

        @Override
        public PaymentResult refund(RefundRequest request) throws AdapterException {
            return transaction(TransactionType.REFUND, "02", request.amountFen(), "", request.orderReference());
        }

        @Override
        public PaymentResult lastTransaction() throws AdapterException {
            String r = call("04", 0, "");
            if (!r.startsWith("00")) {
                return PaymentResult.bare(TransactionType.REPEAT, Outcome.NOT_FOUND, "", 0, text(r));
            }
            return result(TransactionType.REPEAT, "", r);
        }

        @Override
        public EndOfDay endOfDay() throws AdapterException {
            String r = call("06", 0, "");
            return new EndOfDay(
                    r.startsWith("00"),
                    r.substring(0, 2),
                    -1,
                    Long.parseLong(r.substring(2, 14)),
                    r.substring(45, 53).trim(),
                    Optional.empty(),
                    List.of(text(r)),
                    text(r));
        }

        @Override
        public TerminalStatus status() throws AdapterException {
            String r = call("99", 0, "");
            return new TerminalStatus(
                    r.startsWith("00"), r.substring(0, 2), r.substring(45, 53).trim(), text(r));
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public String describe() {
            return "mispos:" + port + (open ? "" : " (closed)");
        }

        private PaymentResult transaction(TransactionType type, String code, long fen, String original, String ref)
                throws AdapterException {
            String r;
            try {
                r = call(code, fen, original);
            } catch (IllegalStateException e) {
                // the library was called: whether the terminal charged is not known
                throw new AdapterException(AdapterException.Kind.FAILED, "the library failed: " + e.getMessage(), e);
            }
            return result(type, ref, r);
        }

        private static String call(String type, long fen, String original) throws AdapterException {
            String request = String.format(Locale.ROOT, "%s%012d%6s", type, fen, original);
            try {
                return LIBRARY.bankall(request);
            } catch (IllegalArgumentException e) {
                throw new AdapterException(AdapterException.Kind.REFUSED, e.getMessage(), e);
            } catch (AcmeMisPosLibrary.PortUnavailable e) {
                throw new AdapterException(AdapterException.Kind.OFFLINE, e.getMessage(), e);
            }
        }

        private static PaymentResult result(TransactionType type, String ref, String r) {
            boolean approved = r.startsWith("00");
            return new PaymentResult(
                    type,
                    approved ? Outcome.APPROVED : Outcome.DECLINED,
                    r.substring(0, 2),
                    ref,
                    Long.parseLong(r.substring(2, 14)),
                    r.substring(14, 20).trim(),
                    r.substring(20, 26).trim(),
                    r.substring(26, 45).trim(), // whole, as this library gives it: the kiosk masks it
                    r.substring(45, 53).trim(),
                    Optional.of(LocalDateTime.parse(r.substring(53, 67), STAMP)),
                    List.of(text(r), "CARD " + r.substring(26, 45).trim()),
                    text(r));
        }

        private static String text(String r) {
            return r.length() > 67 ? r.substring(67) : "";
        }
    }
}
