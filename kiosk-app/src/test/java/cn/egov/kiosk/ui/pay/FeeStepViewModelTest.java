package cn.egov.kiosk.ui.pay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.payment.TestPayments;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.pay.FeeStepViewModel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fee step's logic with background work run at once, over the real payments (terminal and
 * wallet in memory): the payment code waited for, then charged once; a code scanned at any other
 * step not taken; the ways not offered not started; back inside the step; the receipt's outcome.
 */
class FeeStepViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @TempDir
    Path dir;

    private TestPayments world;
    private Payments payments;
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final List<Payments.Outcome> outcomes = new ArrayList<>();
    private final List<PaymentRecord> receipts = new ArrayList<>();
    private int done;
    private FeeStepViewModel vm;

    @BeforeEach
    void setUp() {
        world = new TestPayments(dir, 0);
        payments = world.payments();
        vm = new FeeStepViewModel(
                i18n, TaskRunner.DIRECT, Runnable::run, world.clock(), "12345", Duration.ofSeconds(120));
        vm.onOutcome(outcomes::add);
        vm.onDone(() -> done++);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private FeeStepViewModel.Checkout checkout(Optional<Printing.Problem> printed) {
        return new FeeStepViewModel.Checkout() {
            @Override
            public Payments.Result pay(PaymentMethod method, Optional<String> code, Payments.Progress progress) {
                PaymentOrder o = code.isPresent()
                        ? PaymentOrder.scanned("fee.item", "DUE-1", "测试费", 1500, code.get())
                        : PaymentOrder.of("fee.item", "DUE-1", "测试费", 1500, method);
                return payments.pay(o, progress);
            }

            @Override
            public void abortCard() {}

            @Override
            public Optional<Printing.Problem> paid(PaymentRecord paid) {
                receipts.add(paid);
                return printed;
            }
        };
    }

    @Test
    void thePaymentCodeIsWaitedForThenChargedOnce() {
        vm.start(new FeeStepViewModel.Fee("测试费", 1500, List.of(PaymentMethod.QR_SCANNED)), checkout(Optional.empty()));
        assertThat(vm.amountText().get()).isEqualTo("15.00 元");
        assertThat(vm.paymentCode("134567890123456789"))
                .as("not waiting for a code yet")
                .isFalse();

        vm.choose(PaymentMethod.QR_SCANNED);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.SCAN);
        assertThat(vm.busy().get())
                .as("nothing asked yet: the citizen may go back")
                .isFalse();
        assertThat(vm.paymentCode("134567890123456789")).isTrue();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.PAID);
        assertThat(world.charges()).isEqualTo(1);
        assertThat(outcomes).containsExactly(Payments.Outcome.PAID);
        assertThat(receipts).hasSize(1);
        assertThat(vm.receiptProperty().get()).isEqualTo(FeeStepViewModel.ReceiptState.PRINTED);
        assertThat(vm.paidText().get()).contains("15.00", "手机支付");
        assertThat(vm.paymentCode("134567890123456789"))
                .as("paid: a second code is not taken")
                .isFalse();
        vm.done();
        assertThat(done).isEqualTo(1);
    }

    @Test
    void aWayNotOfferedIsNotStartedAndBackLeavesTheScanForTheWays() {
        vm.start(new FeeStepViewModel.Fee("测试费", 1500, List.of(PaymentMethod.QR_SCANNED)), checkout(Optional.empty()));
        vm.choose(PaymentMethod.CARD);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(world.sales()).isZero();
        assertThat(vm.back()).as("the ways to pay: the flow decides").isFalse();

        vm.choose(PaymentMethod.QR_SCANNED);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
    }

    @Test
    void aReceiptThatDidNotPrintIsSaidWithItsCodeAndThePaymentStaysPaid() {
        vm.start(
                new FeeStepViewModel.Fee("测试费", 1500, List.of(PaymentMethod.CARD)),
                checkout(Optional.of(Printing.Problem.PAPER_OUT)));
        vm.choose(PaymentMethod.CARD);

        assertThat(vm.stepProperty().get()).isEqualTo(Step.PAID);
        assertThat(vm.receiptText().get()).startsWith("缴费已成功，但缴费凭证没有打印出来").contains("请");
        assertThat(vm.codeText().get()).isEqualTo("代码 P-PAPER-OUT");
        assertThat(vm.paidText().get()).contains("******");
    }

    @Test
    void theSessionsEndForgetsTheFeeAndWhatHappened() {
        vm.start(new FeeStepViewModel.Fee("测试费", 1500, List.of(PaymentMethod.CARD)), checkout(Optional.empty()));
        vm.choose(PaymentMethod.CARD);
        vm.resetForNextCitizen();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.feeProperty().get()).isNull();
        assertThat(vm.paymentProperty().get()).isNull();
        assertThat(vm.paidText().get()).isEmpty();
    }
}
