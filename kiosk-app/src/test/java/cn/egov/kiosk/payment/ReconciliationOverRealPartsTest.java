package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.platform.api.Payments.Create;
import cn.egov.kiosk.platform.api.Payments.Method;
import cn.egov.kiosk.platform.api.Payments.Wallet;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PaymentJournalRepository;
import cn.egov.kiosk.sync.PlatformCardReport;
import cn.egov.kiosk.sync.PlatformPaymentOrders;
import cn.egov.kiosk.sync.PlatformRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 日结/对账 end to end: card payments on the ZVT simulator (socat pty) reported to the platform
 * simulator before delivery, then two differences injected behind the kiosk's back, an order paid
 * on the platform that the kiosk never made and a sale at the terminal: both are listed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReconciliationOverRealPartsTest {
    @TempDir
    Path dir;

    @Test
    void anOrderOnlyOnThePlatformAndASaleOnlyOnTheTerminalAreListed() throws Exception {
        // the platform simulator's days are Asia/Shanghai's: the kiosk's days here too
        ZoneId hall = ZoneId.of("Asia/Shanghai");
        try (ZvtRig zvt = new ZvtRig(dir);
                PlatformRig platform = new PlatformRig("KSK-REC-01");
                Database db = Database.open(dir.resolve("kiosk.db"))) {
            PaymentJournalRepository journal = new PaymentJournalRepository(db);
            Payments payments = new Payments(
                    journal,
                    zvt.gateway(),
                    QrGateway.unavailable("card only"),
                    Clock.systemUTC(),
                    PaymentTimes.DEFAULTS,
                    Payments.Sleeper.REAL,
                    refs());
            Delivery delivery = new PlatformCardReport(new FakeDelivery(), () -> platform.client, platform.link);
            for (long fen : new long[] {1500, 2000}) {
                Payments.Result r = payments.pay(PaymentOrder.of(
                        "110101-GA-0019", DueRef.applicationFee("A-" + fen), "工本费", fen, PaymentMethod.CARD));
                assertThat(payments.deliver(r.payment().orderRef(), delivery)).isEqualTo(Payments.Delivered.DELIVERED);
            }
            Reconciliation reconciliation = new Reconciliation(
                    journal,
                    zvt.gateway(),
                    new PlatformPaymentOrders(() -> platform.client, platform.link),
                    Clock.systemUTC(),
                    hall);
            LocalDate today = LocalDate.now(hall);
            assertThat(reconciliation.run(today).differences())
                    .as("everything agrees")
                    .isEmpty();

            // behind the kiosk's back: an order paid on the platform, a sale at the terminal
            var ghost = platform.client.createPayment(Create.forItem(
                    "99999999-0000-4000-8000-000000000001", "110101-GA-0019", null, 990, Method.QR, "工本费"));
            platform.sim.wallet().scanAndPay(ghost.qrCode(), Wallet.ALIPAY);
            zvt.pos().sale(new SaleRequest("at-the-terminal", 4200, Duration.ofSeconds(30)));

            ReconciliationReport r = reconciliation.run(today);

            assertThat(r.differences())
                    .extracting(Difference::kind)
                    .containsExactlyInAnyOrder(
                            Difference.Kind.ONLY_ON_PLATFORM, Difference.Kind.TERMINAL_TOTALS_DIFFER);
            assertThat(r.differences())
                    .filteredOn(d -> d.kind() == Difference.Kind.ONLY_ON_PLATFORM)
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.orderRef()).isEqualTo(ghost.orderRef());
                        assertThat(d.otherFen()).isEqualTo(990);
                        assertThat(d.note()).contains("refunded");
                    });
            assertThat(r.differences())
                    .filteredOn(d -> d.kind() == Difference.Kind.TERMINAL_TOTALS_DIFFER)
                    .singleElement()
                    .satisfies(d -> assertThat(d.otherFen()).isEqualTo(4200));
            assertThat(journal.report(today)).contains(r);
        }
    }

    private static Supplier<String> refs() {
        AtomicInteger n = new AtomicInteger();
        return () -> "00000000-0000-4000-8000-00000000000" + n.incrementAndGet();
    }
}
