package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The journal's states: where each may go, which are final, which hold a due. */
class PaymentStateTest {

    private static Set<PaymentState> next(PaymentState from) {
        return Arrays.stream(PaymentState.values()).filter(from::canMoveTo).collect(Collectors.toSet());
    }

    @Test
    void theMoneyMovesOnlyForwardAndAChargeIsNeverForgotten() {
        assertThat(next(PaymentState.NEW))
                .containsExactlyInAnyOrder(
                        PaymentState.NEW, PaymentState.SENT, PaymentState.CANCELLED, PaymentState.MANUAL);
        // once sent, it is never NEW again, and it ends only by an answer or with staff
        assertThat(next(PaymentState.SENT)).doesNotContain(PaymentState.NEW, PaymentState.DELIVERED);
        // a charge is delivered, given back, or left to staff: never declined or cancelled afterwards
        assertThat(next(PaymentState.APPROVED))
                .containsExactlyInAnyOrder(
                        PaymentState.APPROVED,
                        PaymentState.DELIVERED,
                        PaymentState.REVERSAL_PENDING,
                        PaymentState.REFUND_PENDING,
                        PaymentState.MANUAL);
        assertThat(next(PaymentState.REVERSAL_PENDING)).doesNotContain(PaymentState.APPROVED, PaymentState.CANCELLED);
    }

    @Test
    void finalStatesGoNowhereAndStaffSettleOnlyToThem() {
        Set<PaymentState> finals = EnumSet.of(
                PaymentState.DELIVERED,
                PaymentState.DECLINED,
                PaymentState.CANCELLED,
                PaymentState.REVERSED,
                PaymentState.REFUNDED);
        for (PaymentState s : PaymentState.values()) {
            assertThat(s.isFinal()).as(s.name()).isEqualTo(finals.contains(s));
            if (s.isFinal()) {
                assertThat(next(s)).as(s.name()).isEmpty();
            }
        }
        Set<PaymentState> byStaff = EnumSet.copyOf(next(PaymentState.MANUAL));
        byStaff.remove(PaymentState.MANUAL);
        assertThat(byStaff).isEqualTo(finals);
        assertThat(PaymentState.MANUAL.unresolved()).isFalse();
    }

    @Test
    void aDueIsFreeOnlyWhenNoMoneyIsKeptNorMayBe() {
        assertThat(Arrays.stream(PaymentState.values()).filter(s -> !s.holdsTheDue()))
                .containsExactlyInAnyOrder(
                        PaymentState.DECLINED, PaymentState.CANCELLED, PaymentState.REVERSED, PaymentState.REFUNDED);
    }
}
