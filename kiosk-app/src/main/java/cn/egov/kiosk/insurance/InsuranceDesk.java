package cn.egov.kiosk.insurance;

import cn.egov.kiosk.payment.Cashier;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.InsuranceDues.Due;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 社保缴费 at the kiosk: the signed-in citizen's dues, a year's due paid at its amount or at a grade
 * the scheme offers, the due's delivery (the platform booking it PAID by this payment). The payment
 * goes through {@link Payments}, the one door: its service is the scheme ({@link #serviceId}), its
 * due the platform's due id (which names no person), its description the scheme and year. Logs
 * counts, ids and outcomes only: never an ID number, a name or a payment code. Every call but
 * {@link #order} blocks: off the JavaFX thread.
 */
public final class InsuranceDesk {
    private static final Logger log = LoggerFactory.getLogger(InsuranceDesk.class);

    private final DuesSource source;
    private final Cashier cashier;

    /**
     * @param source the platform's answer on dues
     * @param payments the one door payments go through
     * @param delivery the kiosk's delivery of what payments buy (the runtime's, which delivers an
     *     insurance due by the platform's order, a card payment reported first)
     * @param abortSale asks the card terminal to give up the sale it is waiting on (the citizen
     *     touched "cancel" while the terminal waits for a card); it blocks briefly, and does nothing
     *     when no sale runs
     * @param recovered completes once the recovery at start-up has run: no payment starts before
     */
    public InsuranceDesk(
            DuesSource source, Payments payments, Delivery delivery, Runnable abortSale, Future<?> recovered) {
        this.source = Objects.requireNonNull(source, "source");
        this.cashier = new Cashier(payments, delivery, abortSale, recovered);
    }

    /** A desk whose kiosk has no recovery to wait for (tests, tools). */
    public InsuranceDesk(DuesSource source, Payments payments, Delivery delivery, Runnable abortSale) {
        this.source = Objects.requireNonNull(source, "source");
        this.cashier = new Cashier(payments, delivery, abortSale);
    }

    /** The payment service id of a scheme's dues: {@code insurance.resident-medical}, {@code insurance.resident-pension}. */
    public static String serviceId(InsuranceDues.Scheme scheme) {
        return "insurance." + scheme.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The dues of the person with this ID number: those to pay first, then as the platform lists them. */
    public List<Due> dues(String idNumber) throws DuesSource.Unreachable {
        List<Due> found = source.of(idNumber);
        List<Due> sorted = found.stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(d -> d.status() == InsuranceDues.Status.DUE ? 0 : 1))
                .toList();
        log.info(
                "Insurance dues: {} found, {} to pay",
                sorted.size(),
                sorted.stream()
                        .filter(d -> d.status() == InsuranceDues.Status.DUE)
                        .count());
        return sorted;
    }

    /** Whether a due offers grades to choose from (城乡居民养老保险), rather than one amount. */
    public static boolean graded(Due due) {
        return due.gradesFen() != null && !due.gradesFen().isEmpty();
    }

    /**
     * The order that pays {@code due} with {@code amountFen} by {@code method} ({@code payerCode}: the
     * citizen's payment code, for {@link PaymentMethod#QR_SCANNED} only). Refused (an {@link
     * IllegalArgumentException}) for a due that is not to be paid, or an amount that is neither its
     * amount nor one of its grades ({@link Due#accepts}).
     */
    public PaymentOrder order(Due due, long amountFen, PaymentMethod method, Optional<String> payerCode) {
        if (due.status() != InsuranceDues.Status.DUE) {
            throw new IllegalArgumentException("due " + due.dueId() + " is " + due.status() + ", not to be paid");
        }
        if (!due.accepts(amountFen)) {
            throw new IllegalArgumentException(
                    "due " + due.dueId() + " is not paid with " + amountFen + " fen: its amount or one of its grades");
        }
        String service = serviceId(due.scheme());
        String description = description(due);
        return method == PaymentMethod.QR_SCANNED
                ? PaymentOrder.scanned(
                        service,
                        DueRef.insuranceDue(due.dueId()),
                        description,
                        amountFen,
                        payerCode.orElseThrow(() -> new IllegalArgumentException("a payment code to charge")))
                : PaymentOrder.of(service, DueRef.insuranceDue(due.dueId()), description, amountFen, method);
    }

    /** What the bank statement and the receipt say: 2027年度城乡居民基本医疗保险 (no personal data). */
    public static String description(Due due) {
        return due.year() + "年度" + (due.schemeName() == null ? "" : due.schemeName());
    }

    /** Pays an order made by {@link #order}; see {@link Cashier#pay}. */
    public Payments.Result pay(PaymentOrder order, Payments.Progress progress) {
        return cashier.pay(order, progress);
    }

    /** The citizen gave up at the card terminal: the terminal is asked to abort its sale. */
    public void abortSale() {
        cashier.abortSale();
    }

    /**
     * Hands over a paid due: the platform books it once the order is paid (a card payment is
     * reported first). Idempotent; not delivered now (the platform away, the order not PAID yet)
     * stays APPROVED for the recovery, which asks again.
     */
    public Payments.Delivered deliver(PaymentRecord paid) {
        return cashier.deliver(paid);
    }
}
