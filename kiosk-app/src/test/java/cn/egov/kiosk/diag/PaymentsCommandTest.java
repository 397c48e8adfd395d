package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.payment.Answer;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep.Actor;
import cn.egov.kiosk.payment.PlatformOrder;
import cn.egov.kiosk.payment.Reconciliation;
import cn.egov.kiosk.payment.TerminalTotals;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PaymentJournalRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk payments}: a day's journal, what is left for staff, and the day's reconciliation with its differences. */
class PaymentsCommandTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static final Instant T = Instant.parse("2026-11-28T01:30:00Z"); // 09:30 in the hall

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A day with a card payment delivered, and a reconciliation where the platform holds an order the kiosk does not know. */
    private KioskConfig aReconciledDay() {
        KioskConfig config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        try (Database db = Database.open(config.storage().database())) {
            PaymentJournalRepository journal = new PaymentJournalRepository(db);
            journal.open("order-1", PaymentOrder.of("ITEM-1", "due-1", "签注费", 1500, PaymentMethod.CARD), T);
            journal.advance("order-1", PaymentState.NEW, PaymentState.SENT, Actor.KIOSK, Answer.NONE, T);
            journal.advance(
                    "order-1",
                    PaymentState.SENT,
                    PaymentState.APPROVED,
                    Actor.KIOSK,
                    new Answer("R101", "T101", null, "6222021234567890", "A1", "00", "approved"),
                    T.plusSeconds(20));
            journal.advance(
                    "order-1",
                    PaymentState.APPROVED,
                    PaymentState.DELIVERED,
                    Actor.KIOSK,
                    Answer.note("service delivered"),
                    T.plusSeconds(21));
            journal.saveReport(Reconciliation.compare(
                    DAY,
                    journal.ofDay(DAY, config.kiosk().timeZone()),
                    journal.ofDay(DAY, config.kiosk().timeZone()),
                    Optional.of(new TerminalTotals(1, 1500)),
                    Optional.of(List.of(
                            new PlatformOrder("order-1", "PAY1", true, 1500, PlatformOrder.Status.PAID),
                            new PlatformOrder("ghost", "PAY9", false, 990, PlatformOrder.Status.PAID))),
                    journal::find,
                    T.plusSeconds(3600 * 12)));
        }
        return config;
    }

    @Test
    void theDaysPaymentsAndTheInjectedDifferenceAreListedWithTheCardMasked() {
        aReconciledDay();

        int code = run("payments", "--config", dir.resolve("kiosk.yaml").toString(), "--day", "2026-11-28");

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("payments of 2026-11-28 (Asia/Shanghai): 1")
                .contains("09:30:00  order-1  CARD  15.00  DELIVERED  ITEM-1/due-1  receipt R101  trace T101")
                .contains("card 622202******7890")
                .contains("left for staff: 0")
                .contains("terminal: 1 transactions, net 15.00")
                .contains("platform: 2 orders")
                .contains("differences: 1")
                .contains(
                        "ONLY_ON_PLATFORM  ghost  kiosk 0.00  other 9.90 PAID  paid on the platform and unknown to the kiosk")
                .doesNotContain("6222021234567890");
    }

    @Test
    void asJson() throws Exception {
        aReconciledDay();

        int code = run("payments", "--config", dir.resolve("kiosk.yaml").toString(), "--day", "2026-11-28", "--json");

        assertThat(code).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("payments").get(0).path("amountFen").asLong()).isEqualTo(1500);
        assertThat(doc.path("payments").get(0).path("cardMasked").asText()).isEqualTo("622202******7890");
        JsonNode difference = doc.path("reconciliation").path("differences").get(0);
        assertThat(difference.path("kind").asText()).isEqualTo("ONLY_ON_PLATFORM");
        assertThat(difference.path("orderRef").asText()).isEqualTo("ghost");
        assertThat(difference.path("otherFen").asLong()).isEqualTo(990);
        assertThat(doc.path("reconciliation").path("terminal").path("netFen").asLong())
                .isEqualTo(1500);
    }

    @Test
    void aDayWithoutPaymentsNorReconciliationIsSaidSoAndNothingIsForStaff() {
        aReconciledDay();

        int code = run("payments", "--config", dir.resolve("kiosk.yaml").toString(), "--day", "2026-11-27");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("payments of 2026-11-27 (Asia/Shanghai): 0")
                .contains("reconciliation: not made for 2026-11-27");
    }

    @Test
    void aBadDayIsRefusedWithWhatIsExpected() {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);

        int code = run("payments", "--config", dir.resolve("kiosk.yaml").toString(), "--day", "28.11.2026");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--day takes a date as YYYY-MM-DD").contains("28.11.2026");
    }

    @Test
    void amountsInFenAreShownInYuan() {
        assertThat(PaymentsCommand.yuan(1500)).isEqualTo("15.00");
        assertThat(PaymentsCommand.yuan(7)).isEqualTo("0.07");
        assertThat(PaymentsCommand.yuan(123456789)).isEqualTo("1234567.89");
    }
}
