package cn.egov.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentRecovery;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.payment.ReconciliationReport;
import cn.egov.kiosk.payment.StaffPayments;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Staff's 缴费与对账 without a screen: the day chosen, what needs a confirmation, what may be settled, the idle close. */
class PaymentsPanelViewModelTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z")); // 14:00 in the hall
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH));
    private final List<String> done = new ArrayList<>();
    private final List<PaymentRecord> forStaff = new ArrayList<>();
    private final List<PaymentRecord> unresolved = new ArrayList<>();

    private final StaffPayments payments = new StaffPayments() {
        @Override
        public List<PaymentRecord> forStaff() {
            return List.copyOf(forStaff);
        }

        @Override
        public List<PaymentRecord> unresolved() {
            return List.copyOf(unresolved);
        }

        @Override
        public List<PaymentStep> steps(String orderRef) {
            return List.of();
        }

        @Override
        public PaymentRecord settle(String orderRef, PaymentState to, String note) {
            done.add("settle " + orderRef + " " + to);
            forStaff.removeIf(p -> p.orderRef().equals(orderRef));
            return record(orderRef, to);
        }

        @Override
        public Optional<ReconciliationReport> report(LocalDate day) {
            done.add("report " + day);
            return Optional.empty();
        }

        @Override
        public ReconciliationReport reconcile(LocalDate day) {
            throw new IllegalStateException("the terminal is busy");
        }

        @Override
        public PaymentRecovery.Report checkAgain() {
            return new PaymentRecovery.Report(List.of(), List.copyOf(unresolved), List.copyOf(forStaff));
        }
    };

    private final PaymentsPanelViewModel vm =
            new PaymentsPanelViewModel(i18n, TaskRunner.DIRECT, payments, HALL, clock);

    private PaymentRecord record(String orderRef, PaymentState state) {
        return new PaymentRecord(
                orderRef,
                "ITEM-1",
                "due-1",
                "签注费",
                1500,
                PaymentMethod.CARD,
                state,
                clock.instant(),
                Optional.of(clock.instant()),
                Optional.empty(),
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                3,
                Optional.of("no answer"));
    }

    @Test
    void itOpensOnYesterdayAndGoesNoFurtherThanToday() {
        vm.open();
        assertThat(vm.dayProperty().get()).contains("2026-11-27");
        assertThat(vm.laterDayProperty().get()).isTrue();
        vm.nextDay();
        assertThat(vm.dayProperty().get()).contains("2026-11-28");
        assertThat(vm.laterDayProperty().get()).isFalse();
        vm.nextDay();
        assertThat(vm.dayProperty().get()).contains("2026-11-28");
        vm.previousDay();
        vm.previousDay();
        assertThat(done)
                .containsExactly("report 2026-11-27", "report 2026-11-28", "report 2026-11-27", "report 2026-11-26");
        assertThat(vm.totalsProperty().get()).isEqualTo("这一天还没有对账");
    }

    @Test
    void onlyAPaymentLeftForStaffIsSettledAndOnlyAfterTheConfirmation() {
        forStaff.add(record("order-1", PaymentState.MANUAL));
        unresolved.add(record("order-2", PaymentState.SENT));
        vm.open();
        assertThat(vm.rows()).extracting(PaymentsPanelViewModel.Row::orderRef).containsExactly("order-1", "order-2");

        vm.select("order-2");
        assertThat(vm.selectedForStaffProperty().get()).isFalse();
        vm.settle(PaymentState.REVERSED);
        assertThat(vm.confirmationProperty().get())
                .as("a payment in doubt is the recovery's")
                .isEmpty();

        vm.select("order-1");
        assertThat(vm.selectedForStaffProperty().get()).isTrue();
        vm.settle(PaymentState.APPROVED);
        assertThat(vm.confirmationProperty().get()).as("not a way to settle").isEmpty();
        vm.settle(PaymentState.REFUNDED);
        assertThat(vm.confirmationProperty().get()).contains("order-1", "已退款");
        vm.cancelConfirmation();
        assertThat(done).noneMatch(d -> d.startsWith("settle"));

        vm.settle(PaymentState.REFUNDED);
        vm.confirm();
        assertThat(done).contains("settle order-1 REFUNDED");
        assertThat(vm.messageProperty().get()).isEqualTo("订单 order-1 已记为“已退款”");
        assertThat(vm.rows()).extracting(PaymentsPanelViewModel.Row::orderRef).containsExactly("order-2");
        assertThat(vm.selectedProperty().get())
                .as("the settled payment left the list")
                .isEmpty();
    }

    @Test
    void aFailedReconciliationIsSaidAndTheRecoveryCounts() {
        unresolved.add(record("order-2", PaymentState.SENT));
        vm.open();
        vm.reconcile();
        assertThat(vm.confirmationProperty().get()).contains("2026-11-27", "日结");
        vm.confirm();
        assertThat(vm.messageProperty().get()).isEqualTo("操作失败：the terminal is busy");
        assertThat(vm.busyProperty().get()).isFalse();

        vm.checkAgain();
        assertThat(vm.messageProperty().get()).isEqualTo("核实完成：处理 0 笔，仍待核实 1 笔，待人工处理 0 笔");
    }

    @Test
    void aPanelLeftAloneCloses() {
        vm.open();
        clock.advance(PaymentsPanelViewModel.IDLE_LIMIT.minus(Duration.ofSeconds(1)));
        vm.tick();
        assertThat(vm.visibleProperty().get()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
    }
}
