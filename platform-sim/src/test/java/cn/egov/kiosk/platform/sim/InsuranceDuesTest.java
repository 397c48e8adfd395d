package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 社保缴费: the dues of the data set's citizens (the demo cards' holders), found by ID number in the
 * body, and paid with a payment order that names one: the due's amount or one of its grades, once.
 */
class InsuranceDuesTest extends SimulatorTestBase {
    static final String RESIDENT = "11010519491231002X";
    static final String PERMIT = "810000199203050043";
    static final String FOREIGN = "ESP310085061501";

    private List<InsuranceDues.Due> dues(String idNumber) throws PlatformException {
        return client.insuranceDues(new InsuranceDues.Search(idNumber)).dues();
    }

    private InsuranceDues.Due open(String idNumber, InsuranceDues.Scheme scheme) throws PlatformException {
        return dues(idNumber).stream()
                .filter(d -> d.scheme() == scheme && d.status() == InsuranceDues.Status.DUE)
                .findFirst()
                .orElseThrow();
    }

    private Payments.Payment pay(InsuranceDues.Due due, long fen, Payments.Method method) throws PlatformException {
        return client.createPayment(Payments.Create.forDue(
                UUID.randomUUID().toString(), due.dueId(), fen, method, due.year() + "年度" + due.schemeName()));
    }

    @Test
    void theDuesAreTheDataSetsWithWhatWasPaid() throws Exception {
        JsonNode data = data("citizens.json").get("citizens");
        for (JsonNode c : data) {
            List<InsuranceDues.Due> found = dues(c.get("idNumber").asText());
            List<String> ids = found.stream().map(InsuranceDues.Due::dueId).toList();
            List<String> expected = c.path("insuranceDues").findValuesAsText("dueId");
            assertThat(ids).as(c.get("name").asText()).isEqualTo(expected);
        }

        List<InsuranceDues.Due> resident = dues(RESIDENT);
        assertThat(resident)
                .extracting(InsuranceDues.Due::scheme, InsuranceDues.Due::year, InsuranceDues.Due::status)
                .containsExactly(
                        tuple(InsuranceDues.Scheme.RESIDENT_MEDICAL, 2027, InsuranceDues.Status.DUE),
                        tuple(InsuranceDues.Scheme.RESIDENT_MEDICAL, 2026, InsuranceDues.Status.PAID),
                        tuple(InsuranceDues.Scheme.RESIDENT_PENSION, 2026, InsuranceDues.Status.NOT_DUE));
        InsuranceDues.Due lastYear = resident.get(1);
        assertThat(lastYear.paidFen()).isEqualTo(lastYear.amountFen()).isPositive();
        assertThat(lastYear.paidAt()).isNotNull();
        assertThat(lastYear.paymentId()).isNotBlank();
        assertThat(resident.get(2).note()).contains("无需缴费");
        assertThat(resident).allSatisfy(d -> assertThat(d.dueId()).doesNotContain(RESIDENT));

        InsuranceDues.Due pension = open(PERMIT, InsuranceDues.Scheme.RESIDENT_PENSION);
        assertThat(pension.amountFen()).isZero();
        assertThat(pension.gradesFen()).isSorted().first().isEqualTo(20_000L);
        assertThat(pension.gradesFen()).last().isEqualTo(500_000L);
        assertThat(open(FOREIGN, InsuranceDues.Scheme.RESIDENT_MEDICAL).gradesFen())
                .isEmpty();
    }

    @Test
    void someoneInNoSchemeHasNoDuesAndASearchWithoutANumberIsRefused() throws Exception {
        assertThat(dues("110101199001011237")).isEmpty();
        assertThat(failure(() -> client.insuranceDues(new InsuranceDues.Search(" ")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aDuePaidByQrShowsAsPaidAndCannotBePaidTwice() throws Exception {
        InsuranceDues.Due due = open(RESIDENT, InsuranceDues.Scheme.RESIDENT_MEDICAL);

        PlatformException wrongAmount = failure(() -> pay(due, due.amountFen() - 100, Payments.Method.QR));
        Payments.Payment p = pay(due, due.amountFen(), Payments.Method.QR);
        assertThat(p.dueId()).isEqualTo(due.dueId());
        assertThat(open(RESIDENT, InsuranceDues.Scheme.RESIDENT_MEDICAL).status())
                .as("an order alone pays nothing")
                .isEqualTo(InsuranceDues.Status.DUE);
        sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.WECHAT);

        InsuranceDues.Due paid = dues(RESIDENT).get(0);
        Payments.Payment order = client.payment(p.paymentId(), 0);
        assertThat(wrongAmount.status()).isEqualTo(422);
        assertThat(paid.status()).isEqualTo(InsuranceDues.Status.PAID);
        assertThat(paid.paidFen()).isEqualTo(due.amountFen());
        assertThat(paid.paymentId()).isEqualTo(p.paymentId());
        assertThat(paid.paidAt()).isEqualTo(order.paidAt());
        PlatformException twice = failure(() -> pay(due, due.amountFen(), Payments.Method.QR));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo(Problem.DUE_PAID);
    }

    @Test
    void aPensionGradeIsChosenAndChargedFromThePaymentCode() throws Exception {
        InsuranceDues.Due due = open(PERMIT, InsuranceDues.Scheme.RESIDENT_PENSION);
        long grade = due.gradesFen().get(7); // 3000 元: the payer confirms on the phone

        PlatformException notAGrade = failure(() -> pay(due, 250_000, Payments.Method.PAYMENT_CODE));
        Payments.Payment p = pay(due, grade, Payments.Method.PAYMENT_CODE);
        Payments.Charged c = client.charge(p.paymentId(), new Payments.Charge(PaymentCodeTest.WECHAT_CODE), "c-1");
        assertThat(c.outcome()).isEqualTo(Payments.ChargeOutcome.WAITING);
        assertThat(dues(PERMIT).get(0).status()).isEqualTo(InsuranceDues.Status.DUE);
        sim.wallet().confirm(p.paymentId());

        assertThat(notAGrade.status()).isEqualTo(422);
        InsuranceDues.Due paid = dues(PERMIT).get(0);
        assertThat(paid.status()).isEqualTo(InsuranceDues.Status.PAID);
        assertThat(paid.paidFen()).isEqualTo(grade);
    }

    @Test
    void aSecondOrderForADuePaidMeanwhileFailsAndTakesNothing() throws Exception {
        InsuranceDues.Due due = open(FOREIGN, InsuranceDues.Scheme.RESIDENT_MEDICAL);
        Payments.Payment first = pay(due, due.amountFen(), Payments.Method.QR);
        Payments.Payment second = pay(due, due.amountFen(), Payments.Method.PAYMENT_CODE);
        sim.wallet().scanAndPay(first.qrCode(), Payments.Wallet.ALIPAY);

        Payments.Charged c = client.charge(second.paymentId(), new Payments.Charge(PaymentCodeTest.WECHAT_CODE), "c-2");

        assertThat(c.outcome()).isEqualTo(Payments.ChargeOutcome.FAILED);
        assertThat(c.payment().failure()).isEqualTo(Payments.Failure.DUE_PAID);
        assertThat(c.payment().paidAt()).isNull();
        assertThat(dues(FOREIGN).get(0).paymentId()).isEqualTo(first.paymentId());
    }

    @Test
    void aCardTheTerminalApprovedForADuePaidMeanwhileIsPaidAndTheDueKeepsItsFirstPayment() throws Exception {
        InsuranceDues.Due due = open(FOREIGN, InsuranceDues.Scheme.RESIDENT_MEDICAL);
        Payments.Payment qr = pay(due, due.amountFen(), Payments.Method.QR);
        Payments.Payment card = pay(due, due.amountFen(), Payments.Method.CARD);
        sim.wallet().scanAndPay(qr.qrCode(), Payments.Wallet.WECHAT);

        Payments.Payment approved = client.cardResult(
                card.paymentId(),
                new Payments.CardResult(
                        "T-0009", Payments.CardOutcome.APPROVED, due.amountFen(), "622202******1234", "817364"));

        assertThat(approved.status()).as("the terminal took the money").isEqualTo(Payments.Status.PAID);
        assertThat(dues(FOREIGN).get(0).paymentId()).isEqualTo(qr.paymentId());
    }

    @Test
    void aReversedPaymentMakesTheDueDueAgain() throws Exception {
        InsuranceDues.Due due = open(RESIDENT, InsuranceDues.Scheme.RESIDENT_MEDICAL);
        Payments.Payment p = pay(due, due.amountFen(), Payments.Method.PAYMENT_CODE);
        assertThat(client.charge(p.paymentId(), new Payments.Charge(PaymentCodeTest.ALIPAY_CODE), "c-3")
                        .outcome())
                .isEqualTo(Payments.ChargeOutcome.PAID);
        assertThat(dues(RESIDENT).get(0).status()).isEqualTo(InsuranceDues.Status.PAID);

        assertThat(client.reversePayment(p.paymentId()).status()).isEqualTo(Payments.Status.REVERSED);

        InsuranceDues.Due again = dues(RESIDENT).get(0);
        assertThat(again.status()).isEqualTo(InsuranceDues.Status.DUE);
        assertThat(again.paidFen()).isZero();
        assertThat(again.paymentId()).isNull();
        assertThat(pay(again, again.amountFen(), Payments.Method.QR).status()).isEqualTo(Payments.Status.WAITING);
    }

    @Test
    void aPaymentTheStaffRefundMakesTheDueDueAgain() throws Exception {
        InsuranceDues.Due due = open(FOREIGN, InsuranceDues.Scheme.RESIDENT_MEDICAL);
        Payments.Payment p = pay(due, due.amountFen(), Payments.Method.QR);
        assertThat(sim.refund(p.paymentId())).as("not paid yet").isFalse();
        sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.WECHAT);

        assertThat(sim.refund(p.paymentId())).isTrue();

        Payments.Payment refunded = client.payment(p.paymentId(), 0);
        assertThat(refunded.status()).isEqualTo(Payments.Status.REFUNDED);
        assertThat(refunded.paidAt()).isNotNull();
        assertThat(client.reversePayment(p.paymentId()).status())
                .as("answered as it stands")
                .isEqualTo(Payments.Status.REFUNDED);
        assertThat(dues(FOREIGN).get(0).status()).isEqualTo(InsuranceDues.Status.DUE);
        assertThat(sim.refund(p.paymentId())).as("refunded once").isFalse();
    }

    @Test
    void nothingIsPaidForADueOfAnotherStatusOrUnknown() {
        assertThat(failure(() -> client.createPayment(Payments.Create.forDue(
                                UUID.randomUUID().toString(), "DUE-XX-0000-0", 100, Payments.Method.QR, "x")))
                        .status())
                .isEqualTo(422);
        assertThat(failure(() -> {
                            InsuranceDues.Due notDue = dues(RESIDENT).get(2);
                            pay(notDue, 20_000, Payments.Method.QR);
                        })
                        .status())
                .isEqualTo(422);
    }
}
