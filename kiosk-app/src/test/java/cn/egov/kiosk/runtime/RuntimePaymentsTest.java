package cn.egov.kiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentServices;
import cn.egov.kiosk.payment.Payments;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payments as the runtime wires them, on the simulated devices and without a platform: the
 * recovery runs at start, a card payment is paid on the simulated terminal and delivered through the
 * delivery registered for its kind, wallet payments are not offered, a kind nobody registered is not
 * deliverable.
 */
class RuntimePaymentsTest {
    @TempDir
    Path dir;

    @Test
    void aCardPaymentIsPaidAndDeliveredThroughTheRuntimeWithoutAPlatform() throws Exception {
        var config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        try (KioskRuntime runtime = new KioskRuntime(
                config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)))) {
            PaymentServices services = runtime.payments();
            assertThat(services.recovered()).isFalse();
            runtime.start();
            services.startupRecovery().get(10, TimeUnit.SECONDS);
            assertThat(services.recovered()).isTrue();
            assertThat(services.qrAvailable()).isFalse();
            Await.until(() -> runtime.devices().health().allHealthy(), Duration.ofSeconds(10), "devices up");
            services.deliveries().register(DueRef.Kind.APPLICATION_FEE, new Delivery() {
                @Override
                public boolean deliverable(PaymentRecord payment) {
                    return true;
                }

                @Override
                public boolean deliver(PaymentRecord payment) {
                    return true;
                }
            });

            Payments.Result paid = services.payments()
                    .pay(PaymentOrder.of("ITEM-1", DueRef.applicationFee("A-1"), "工本费", 1500, PaymentMethod.CARD));

            assertThat(paid.outcome()).isEqualTo(Payments.Outcome.PAID);
            assertThat(services.deliver(paid.payment().orderRef())).isEqualTo(Payments.Delivered.DELIVERED);

            Payments.Result insurance = services.payments()
                    .pay(PaymentOrder.of("ITEM-2", DueRef.insuranceDue("DUE-1"), "医保", 38000, PaymentMethod.CARD));
            assertThat(services.deliver(insurance.payment().orderRef()))
                    .as("no delivery registered for insurance dues")
                    .isEqualTo(Payments.Delivered.NOT_DELIVERABLE);

            assertThat(services.payments()
                            .pay(PaymentOrder.of(
                                    "ITEM-1", DueRef.applicationFee("A-2"), "工本费", 1500, PaymentMethod.QR_SHOWN))
                            .outcome())
                    .isEqualTo(Payments.Outcome.CANCELLED);
        }
    }
}
