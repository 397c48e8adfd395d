package cn.egov.kiosk.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.payment.TestPayments;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.InsuranceDues.Due;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 社保缴费 below the screen: the dues to pay first, the amount or a grade checked before anything
 * is asked, the payment through the real {@code Payments} (journal in SQLite, terminal and wallet in
 * memory), the due's delivery (deliverable while due or paid by this payment, delivered once the
 * platform shows it paid by this payment), the receipt's data; no ID number in the order.
 */
class InsuranceDeskTest {
    private static final String ID = "11010519491231002X";
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private TestPayments world;
    private final AtomicInteger aborts = new AtomicInteger();
    private final Booked platform = new Booked();

    /** The platform's side of a due's delivery: whether it booked the due, whether it still can. */
    private static final class Booked implements Delivery {
        volatile boolean booked;
        volatile boolean paidAnotherWay;
        final List<String> delivered = new ArrayList<>();

        @Override
        public boolean deliverable(PaymentRecord payment) {
            return !paidAnotherWay;
        }

        @Override
        public synchronized boolean deliver(PaymentRecord payment) {
            if (booked) {
                delivered.add(payment.orderRef());
            }
            return booked;
        }
    }

    private InsuranceDesk desk(FakeDues dues) {
        world = new TestPayments(dir, 0);
        return new InsuranceDesk(dues, world.payments(), platform, aborts::incrementAndGet);
    }

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theDuesToPayComeFirstAndTheIdNumberGoesToThePlatformOnly() throws Exception {
        FakeDues dues = FakeDues.resident();
        List<Due> found = desk(dues).dues(ID);

        assertThat(found)
                .extracting(Due::status)
                .containsExactly(InsuranceDues.Status.DUE, InsuranceDues.Status.NOT_DUE, InsuranceDues.Status.PAID);
        assertThat(dues.asked).containsExactly(ID);
    }

    @Test
    void thePlatformAwayIsSaidAsSuch() {
        FakeDues dues = FakeDues.resident();
        dues.away = true;
        assertThatThrownBy(() -> desk(dues).dues(ID)).isInstanceOf(DuesSource.Unreachable.class);
    }

    @Test
    void anOrderPaysADueAtItsAmountOrAtOneOfItsGradesOnlyAndNamesNoPerson() {
        InsuranceDesk desk = desk(FakeDues.resident());
        Due medical = FakeDues.medical2027();
        PaymentOrder o = desk.order(medical, 38000, PaymentMethod.CARD, Optional.empty());
        assertThat(o.serviceId()).isEqualTo("insurance.resident-medical");
        assertThat(o.dueId()).isEqualTo("insurance:DUE-YB-2027-F4BDB52A");
        assertThat(DueRef.kindOf(o.dueId())).contains(DueRef.Kind.INSURANCE_DUE);
        assertThat(o.description()).isEqualTo("2027年度城乡居民基本医疗保险").doesNotContain(ID);
        assertThat(o.amountFen()).isEqualTo(38000);
        assertThatThrownBy(() -> desk.order(medical, 30000, PaymentMethod.CARD, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);

        Due pension = FakeDues.pensioner().dues.get(0);
        assertThat(InsuranceDesk.graded(pension)).isTrue();
        assertThat(desk.order(pension, 50000, PaymentMethod.QR_SHOWN, Optional.empty())
                        .serviceId())
                .isEqualTo("insurance.resident-pension");
        assertThatThrownBy(() -> desk.order(pension, 60000, PaymentMethod.QR_SHOWN, Optional.empty()))
                .as("not one of its grades")
                .isInstanceOf(IllegalArgumentException.class);
        PaymentOrder scanned = desk.order(pension, 20000, PaymentMethod.QR_SCANNED, Optional.of("134567890123456789"));
        assertThat(scanned.toString()).doesNotContain("134567890123456789");

        Due paid = FakeDues.resident().dues.get(1);
        assertThatThrownBy(() -> desk.order(paid, 36000, PaymentMethod.CARD, Optional.empty()))
                .as("a paid due is not paid again")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardPaymentIsDeliveredOnceThePlatformBooksTheDueAndOnlyOnce() {
        InsuranceDesk desk = desk(FakeDues.resident());
        Due medical = FakeDues.medical2027();

        Payments.Result r =
                desk.pay(desk.order(medical, 38000, PaymentMethod.CARD, Optional.empty()), Payments.Progress.NONE);
        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        PaymentRecord p = r.payment();
        assertThat(p.cardMasked()).hasValueSatisfying(c -> assertThat(c).contains("*"));

        // the platform has not booked it yet: not delivered; the payment stays paid, for the recovery
        assertThat(desk.deliver(p)).isEqualTo(Payments.Delivered.FAILED);
        platform.booked = true;
        assertThat(desk.deliver(p)).isEqualTo(Payments.Delivered.DELIVERED);
        assertThat(desk.deliver(p)).isEqualTo(Payments.Delivered.ALREADY_DELIVERED);
        assertThat(platform.delivered).containsExactly(p.orderRef());

        // a second payment of the same due is refused before anything is asked
        int sales = world.sales();
        Payments.Result again =
                desk.pay(desk.order(medical, 38000, PaymentMethod.CARD, Optional.empty()), Payments.Progress.NONE);
        assertThat(again.outcome()).isEqualTo(Payments.Outcome.ALREADY_PAID);
        assertThat(world.sales()).isEqualTo(sales);
    }

    @Test
    void aWalletPaymentOfADuePaidMeanwhileAnotherWayIsNotDelivered() {
        InsuranceDesk desk = desk(FakeDues.resident());
        Due medical = FakeDues.medical2027();
        world.payAtQuery(2);
        List<String> shown = new ArrayList<>();
        Payments.Result r =
                desk.pay(desk.order(medical, 38000, PaymentMethod.QR_SHOWN, Optional.empty()), new Payments.Progress() {
                    @Override
                    public void qrReady(String content, Optional<Instant> expiresAt) {
                        shown.add(content);
                    }
                });
        assertThat(shown).hasSize(1);
        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        PaymentRecord p = r.payment();
        assertThat(p.paymentId()).isPresent();

        platform.paidAnotherWay = true;
        assertThat(desk.deliver(p)).isEqualTo(Payments.Delivered.NOT_DELIVERABLE);
        assertThat(platform.delivered).isEmpty();
    }

    @Test
    void declinedAndAbortedAreNotCharged() {
        InsuranceDesk desk = desk(FakeDues.resident());
        Due medical = FakeDues.medical2027();
        world.nextSale("DECLINE");
        assertThat(desk.pay(desk.order(medical, 38000, PaymentMethod.CARD, Optional.empty()), Payments.Progress.NONE)
                        .outcome())
                .isEqualTo(Payments.Outcome.DECLINED);
        world.nextSale("ABORT");
        assertThat(desk.pay(desk.order(medical, 38000, PaymentMethod.CARD, Optional.empty()), Payments.Progress.NONE)
                        .outcome())
                .isEqualTo(Payments.Outcome.CANCELLED);
        desk.abortSale();
        assertThat(aborts.get()).isEqualTo(1);
    }

    @Test
    void theReceiptCarriesThePayerWholeForTheTemplateToMaskAndTheCardAsTheTerminalMaskedIt() {
        InsuranceDesk desk = desk(FakeDues.resident());
        Due medical = FakeDues.medical2027();
        PaymentRecord p = desk.pay(
                        desk.order(medical, 38000, PaymentMethod.CARD, Optional.empty()), Payments.Progress.NONE)
                .payment();

        JsonNode d = PaymentReceipt.of(
                p, "演示区政务服务中心", "王小明", ID, InsuranceDesk.description(medical), "社会保险费征收机构", "银行卡", HALL);

        assertThat(d.get("amount").asLong()).isEqualTo(38000);
        assertThat(d.get("item").asText()).isEqualTo("2027年度城乡居民基本医疗保险");
        assertThat(d.get("cardNumber").asText()).contains("*").doesNotContain("6222021234567890");
        assertThat(d.get("transactionNo").asText()).isEqualTo(p.receiptNo().orElseThrow());
        assertThat(d.get("paidAt").asText()).endsWith("+08:00");
        assertThat(d.at("/payer/idNumber").asText()).isEqualTo(ID);
    }
}
