package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kiosk dies at every journal step of a payment and its delivery (just before a write, or just
 * after it committed), or while the terminal, the platform or the service has just acted and not
 * answered; the database is closed and opened again as at a restart, and the recovery runs, dying
 * itself at one of its own steps before a last run. Afterwards: nothing left in doubt, every charge
 * kept matched by exactly one delivered service, every other charge given back, no due paid twice,
 * no service delivered without its payment, and no order left open on the platform.
 */
class CrashRecoveryTest {
    private static final int PAYMENTS = 2;
    private static final int MAX_WRITES = 9; // a card payment and its delivery write 4 steps; two of them 8

    @TempDir
    Path dir;

    /** How the world outside behaves in a run. */
    private enum World {
        CARD_APPROVES(PaymentMethod.CARD, f -> {}),
        CARD_ANSWER_LOST(PaymentMethod.CARD, f -> f.terminal.next = FakeTerminal.Sale.LOSE_ANSWER),
        CARD_BOOKED_THEN_CRASH(PaymentMethod.CARD, f -> f.terminal.next = FakeTerminal.Sale.CRASH_AFTER_BOOKING),
        CARD_DECLINES(PaymentMethod.CARD, f -> f.terminal.next = FakeTerminal.Sale.DECLINE),
        CARD_DELIVERED_THEN_CRASH(PaymentMethod.CARD, f -> f.delivery.crashAfterDelivering = true),
        SHOWN_PAID(PaymentMethod.QR_SHOWN, f -> f.wallet.payAfterQueries = 2),
        SHOWN_NEVER_PAID(PaymentMethod.QR_SHOWN, f -> {}),
        SHOWN_PAID_AT_CLOSE(PaymentMethod.QR_SHOWN, f -> f.wallet.payAtClose = true),
        SCANNED_APPROVES(PaymentMethod.QR_SCANNED, f -> {}),
        SCANNED_PAYER_CONFIRMS(PaymentMethod.QR_SCANNED, f -> {
            f.wallet.nextCharge = FakeWallet.Charge.WAIT;
            f.wallet.payAfterQueries = 2;
        }),
        SCANNED_NEVER_CONFIRMED(PaymentMethod.QR_SCANNED, f -> f.wallet.nextCharge = FakeWallet.Charge.WAIT),
        SCANNED_ANSWER_LOST(PaymentMethod.QR_SCANNED, f -> f.wallet.nextCharge = FakeWallet.Charge.LOSE_ANSWER),
        SCANNED_CHARGED_THEN_CRASH(
                PaymentMethod.QR_SCANNED, f -> f.wallet.nextCharge = FakeWallet.Charge.CRASH_AFTER_CHARGE);

        final PaymentMethod method;
        final Consumer<PaymentFixture> setUp;

        World(PaymentMethod method, Consumer<PaymentFixture> setUp) {
            this.method = method;
            this.setUp = setUp;
        }
    }

    static Stream<Arguments> crashes() {
        List<Arguments> all = new ArrayList<>();
        for (World w : World.values()) {
            for (int write = 1; write <= MAX_WRITES; write++) {
                for (boolean afterCommit : new boolean[] {false, true}) {
                    for (int recoveryWrite = 0; recoveryWrite <= 2; recoveryWrite++) {
                        all.add(Arguments.of(w, write, afterCommit, recoveryWrite));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, dies at journal write {1} (after commit: {2}), recovery dies at write {3}")
    @MethodSource("crashes")
    void neverTwiceNeverLost(World world, int write, boolean afterCommit, int recoveryWrite) {
        try (PaymentFixture f = new PaymentFixture(dir)) {
            world.setUp.accept(f);
            kioskRunsUntilItDies(f, world, new CrashingJournal(f.journal, write, afterCommit));
            f.delivery.crashAfterDelivering = false; // the kiosk's death, not the recovery's

            f.restart();
            if (recoveryWrite > 0) {
                try {
                    f.recovery(f.payments(j -> new CrashingJournal(j, recoveryWrite, true)))
                            .run();
                } catch (Crash died) {
                    f.restart();
                }
            }
            f.recovery(f.payments()).run();

            assertNeverTwiceNeverLost(f);
        }
    }

    /** Citizens pay one after the other, each service delivered once paid, until the kiosk dies. */
    private static void kioskRunsUntilItDies(PaymentFixture f, World world, CrashingJournal journal) {
        Payments payments = f.payments(j -> journal);
        try {
            for (int i = 1; i <= PAYMENTS; i++) {
                PaymentOrder order = world.method == PaymentMethod.QR_SCANNED
                        ? PaymentOrder.scanned("ITEM-1", "due-" + i, "x", 1500, "134567890123456789")
                        : PaymentOrder.of("ITEM-1", "due-" + i, "x", 1500, world.method);
                Payments.Result r = payments.pay(order);
                if (r.outcome() == Payments.Outcome.PAID) {
                    payments.deliver(r.payment().orderRef(), f.delivery);
                }
            }
        } catch (Crash died) {
            // the kiosk is gone; what it wrote is on disk
        }
    }

    private static void assertNeverTwiceNeverLost(PaymentFixture f) {
        List<PaymentRecord> all = f.journal.ofDay(LocalDate.of(2026, 11, 28), PaymentFixture.HALL);
        assertThat(all)
                .as("nothing left in doubt or to staff")
                .allMatch(p -> p.state().isFinal());

        for (FakeTerminal.Tx tx : f.terminal.booked) {
            List<PaymentRecord> holders = all.stream()
                    .filter(p -> p.traceNo().isPresent() && p.traceNo().get().equals(tx.traceNo))
                    .toList();
            assertThat(holders)
                    .as("the terminal's sale %s in exactly one payment", tx.traceNo)
                    .hasSize(1);
            assertThat(holders.get(0).state())
                    .as("a sale kept is delivered; a sale given back is reversed")
                    .isEqualTo(tx.reversed ? PaymentState.REVERSED : PaymentState.DELIVERED);
        }
        for (FakeWallet.Order o : f.wallet.orders.values()) {
            assertThat(o.status).as("no order left open on the platform").isNotEqualTo(PlatformOrder.Status.PENDING);
            PaymentRecord p = f.journal.find(o.orderRef).orElseThrow();
            if (o.status == PlatformOrder.Status.PAID) {
                assertThat(p.state()).as("a paid order is delivered").isEqualTo(PaymentState.DELIVERED);
            }
        }
        for (PaymentRecord p : all) {
            if (p.state() != PaymentState.DELIVERED) {
                continue;
            }
            if (p.method() == PaymentMethod.CARD) {
                assertThat(f.terminal.kept())
                        .as("a delivered card payment is a sale the terminal kept")
                        .anyMatch(tx -> p.traceNo().isPresent()
                                && tx.traceNo.equals(p.traceNo().get()));
            } else {
                assertThat(f.wallet.orders.get(p.orderRef()).status)
                        .as("a delivered wallet payment is a paid order")
                        .isEqualTo(PlatformOrder.Status.PAID);
            }
        }
        Set<String> delivered = all.stream()
                .filter(p -> p.state() == PaymentState.DELIVERED)
                .map(PaymentRecord::orderRef)
                .collect(Collectors.toSet());
        assertThat(f.delivery.delivered.keySet())
                .as("a service delivered only for its payment, and journalled")
                .isEqualTo(delivered);
        assertThat(all.stream().filter(p -> p.state() == PaymentState.DELIVERED).map(PaymentRecord::dueId))
                .as("no due paid twice")
                .doesNotHaveDuplicates();
        long kept = f.terminal.kept().size() + f.wallet.kept().size();
        assertThat(kept).as("every charge kept is one delivered service").isEqualTo(delivered.size());
    }
}
