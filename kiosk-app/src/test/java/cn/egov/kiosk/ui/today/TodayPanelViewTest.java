package cn.egov.kiosk.ui.today;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.texts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.Answer;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.runtime.ConfigFiles;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.DayFiguresRepository;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.PaymentJournalRepository;
import cn.egov.kiosk.store.PrintContentRepository;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.store.TicketRepository;
import cn.egov.kiosk.today.DayFigures;
import cn.egov.kiosk.today.FlowLog;
import cn.egov.kiosk.today.Reprints;
import cn.egov.kiosk.today.StaffDay;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Staff's day at a glance on screen, headless (TestFX on Monocle), over a real SQLite file with a
 * seeded day (Beijing time): the charts hold the day's values (tickets per hour stacked by business
 * type, flows started and finished, faults per hour), the figures beside them (three tickets issued,
 * the interrupted A003 listed, a payment of 15.00 元 not reconciled yet, the prints and their
 * failure), the day switch, and a payment receipt reprinted from its sealed record on the simulated
 * receipt printer, masked as the original and audited with staff's role. Snapshots of the panel at
 * 1920x1080 and 1280x800 go to {@code target/today-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class TodayPanelViewTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOON = Instant.parse("2026-12-07T04:00:00Z"); // 12:00 in the hall
    private static final Clock CLOCK = Clock.fixed(NOON, HALL);

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final Path dir;
    private final Database db;
    private final OutboxRepository outbox;
    private final PrintRecordRepository prints;
    private final PrinterRig rig;
    private final StaffDay staffDay;
    private TodayPanelViewModel vm;
    private Stage stage;

    TodayPanelViewTest() throws Exception {
        dir = Files.createTempDirectory("today-panel");
        db = Database.open(dir.resolve("kiosk.db"));
        outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), CLOCK);
        TicketRepository tickets = new TicketRepository(db, Optional.of(outbox), HALL);
        prints = new PrintRecordRepository(db, "K1", Optional.of(outbox));
        PaymentJournalRepository journal = new PaymentJournalRepository(db);
        DayFiguresRepository recorded = new DayFiguresRepository(db, Optional.of(outbox));
        rig = new PrinterRig(48, Duration.ofHours(1));
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                () -> Optional.of(rig.printer),
                Optional::empty,
                prints,
                CLOCK,
                new PrintContentRepository(
                        db, SealedBox.open(dir.resolve("store.key")), Reprints::keeps, Reprints.RETENTION, CLOCK));
        staffDay = new StaffDay(
                new DayFigures(tickets, Optional.empty(), journal, prints, recorded, List.of("A", "B"), HALL, CLOCK),
                new Reprints(
                        prints, printing, LicenceSource.NONE, Optional.of(new AuditRepository(outbox)), HALL, CLOCK));

        // the day: tickets at 09:30 (A), 10:10 (A, interrupted), 10:20 (B), 11:05 (A), a voided one
        ticket(tickets, "A", "2026-12-07T01:30:00Z", TicketStatus.PRINTED);
        ticket(tickets, "A", "2026-12-07T02:10:00Z", TicketStatus.ALLOCATED);
        tickets.markInterrupted(Instant.parse("2026-12-07T02:12:00Z"));
        ticket(tickets, "B", "2026-12-07T02:20:00Z", TicketStatus.PRINTED);
        ticket(tickets, "A", "2026-12-07T03:05:00Z", TicketStatus.PRINTED);
        ticket(tickets, "B", "2026-12-07T03:10:00Z", TicketStatus.VOIDED);
        recorded.flowStarted(Instant.parse("2026-12-07T01:29:00Z"), "ticket");
        recorded.flowEnded(Instant.parse("2026-12-07T01:30:00Z"), "ticket", FlowLog.DONE);
        recorded.flowStarted(Instant.parse("2026-12-07T02:19:00Z"), "ticket");
        recorded.flowEnded(Instant.parse("2026-12-07T02:20:00Z"), "ticket", FlowLog.DONE);
        recorded.flowStarted(Instant.parse("2026-12-07T02:30:00Z"), "licence");
        recorded.flowEnded(Instant.parse("2026-12-07T02:35:00Z"), "licence", FlowLog.LEFT);
        recorded.fault(Instant.parse("2026-12-07T02:40:00Z"), "receipt-printer", "RECEIPT_PRINTER", "paper-out");
        recorded.fault(Instant.parse("2026-12-07T03:40:00Z"), "id-reader", "ID_CARD_READER", "offline");
        journal.open("p1", new PaymentOrder("svc", "due-1", "签注费", 1500, PaymentMethod.CARD, Optional.empty()), NOON);
        journal.advance("p1", PaymentState.NEW, PaymentState.SENT, PaymentStep.Actor.KIOSK, Answer.NONE, NOON);
        journal.advance("p1", PaymentState.SENT, PaymentState.APPROVED, PaymentStep.Actor.KIOSK, Answer.NONE, NOON);
        // a queue ticket's print record (never printed twice) and a payment receipt printed for real
        prints.record(new PrintRecord(
                UUID.randomUUID().toString(),
                Instant.parse("2026-12-07T01:30:00Z"),
                "queue-ticket",
                "K1-20261207-A001",
                Optional.of("ticket-printer"),
                Medium.ESCPOS,
                PrintRecord.Result.PRINTED,
                Optional.empty(),
                false));
        JsonNode receipt = Json.mapper()
                .readTree(Files.readString(
                        ConfigFiles.templatesDir().resolve("payment-receipt.sample.json"), StandardCharsets.UTF_8));
        printing.print("payment-receipt", receipt, ZH, "PAY-0001", false);
        rig.virtual.clearReceived();
        i18n.warmUp(HALL); // the texts read here, not on the JavaFX thread
    }

    private static void ticket(TicketRepository tickets, String type, String at, TicketStatus to) {
        Ticket t = tickets.allocate("K1", DAY, type, "", Instant.parse(at));
        if (to != TicketStatus.ALLOCATED) {
            tickets.transition(t.id(), TicketStatus.ALLOCATED, to, null, Instant.parse(at));
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new TodayPanelViewModel(
                i18n, tasks, staffDay, () -> "STAFF", (code, locale) -> code.equals("A") ? "综合业务" : "社保业务", CLOCK);
        Scene scene = new Scene(new StackPane(new TodayPanelView(vm).root()), 1920, 1080);
        new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.STANDARD).apply(scene);
        stage.setScene(scene);
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        rig.close();
        db.close();
    }

    @Test
    void theChartsHoldTheDaysValuesWithTheFiguresBesideThem(FxRobot robot) throws Exception {
        robot.interact(vm::open);
        await(() -> vm.summaryProperty().get() != null, "the day read");

        assertThat(text(robot, "#today-day")).contains(DAY.toString());
        XYChart<String, Number> tickets = robot.lookup("#today-tickets-chart").query();
        assertThat(tickets.getData()).extracting(XYChart.Series::getName).containsExactly("综合业务", "社保业务");
        assertThat(value(tickets, 0, "9时")).isEqualTo(1);
        assertThat(value(tickets, 0, "10时"))
                .as("the interrupted A002 was taken at 10:10")
                .isEqualTo(1);
        assertThat(value(tickets, 0, "11时")).isEqualTo(1);
        assertThat(value(tickets, 1, "10时")).isEqualTo(1);
        assertThat(value(tickets, 1, "11时")).as("voided: never handed out").isEqualTo(0);
        assertThat(tickets.getData().get(0).getData())
                .extracting(XYChart.Data::getXValue)
                .startsWith("8时")
                .endsWith("18时");

        XYChart<String, Number> flows = robot.lookup("#today-flows-chart").query();
        assertThat(flows.getData()).extracting(XYChart.Series::getName).containsExactly("开始", "完成");
        assertThat(value(flows, 0, "取号")).isEqualTo(2);
        assertThat(value(flows, 1, "取号")).isEqualTo(2);
        assertThat(value(flows, 0, "证照打印")).isEqualTo(1);
        assertThat(value(flows, 1, "证照打印")).isEqualTo(0);

        XYChart<String, Number> faults = robot.lookup("#today-faults-chart").query();
        assertThat(value(faults, 0, "10时")).isEqualTo(1);
        assertThat(value(faults, 0, "11时")).isEqualTo(1);

        assertThat(text(robot, "#today-issued")).isEqualTo("3");
        assertThat(text(robot, "#today-interrupted")).isEqualTo("1");
        assertThat(text(robot, "#today-interrupted-numbers")).contains("A002");
        assertThat(text(robot, "#today-voided")).contains("1");
        assertThat(text(robot, "#today-flows-started")).isEqualTo("3");
        assertThat(text(robot, "#today-flows-finished")).isEqualTo("2");
        assertThat(text(robot, "#today-faults")).isEqualTo("2");
        assertThat(texts(robot, "#today-fault-devices")).contains("receipt-printer：1 次", "id-reader：1 次");
        assertThat(text(robot, "#today-payments")).isEqualTo("1");
        assertThat(text(robot, "#today-payments-amount")).contains("15.00");
        assertThat(text(robot, "#today-reconciliation")).contains("还没有对账");
        assertThat(text(robot, "#today-prints")).isEqualTo("2");

        legible(robot, 1080);
        snapshot(robot, "today-1920x1080.png");

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        legible(robot, 800);
        snapshot(robot, "today-1280x800.png");

        // yesterday: nothing happened
        robot.clickOn("#today-day-yesterday");
        await(
                () -> text(robot, "#today-day").contains(DAY.minusDays(1).toString())
                        && vm.summaryProperty().get() != null,
                "yesterday read");
        assertThat(text(robot, "#today-issued")).isEqualTo("0");
        assertThat(text(robot, "#today-interrupted-numbers")).isEqualTo("没有中断的号票");
        Button after = robot.lookup("#today-day-after").queryButton();
        assertThat(after.isDisabled()).isFalse();
        robot.clickOn("#today-day-today");
        await(() -> text(robot, "#today-day").contains(DAY.toString()), "today again");
        assertThat(after.isDisabled()).as("no day after today").isTrue();
    }

    @Test
    void aPaymentReceiptIsReprintedFromItsSealedRecordMaskedAndAudited(FxRobot robot) throws Exception {
        robot.interact(vm::open);
        await(() -> vm.documents().size() == 2, "the day's documents");
        robot.clickOn("#today-page-reprint");
        await(() -> robot.lookup("#today-doc-1").tryQuery().isPresent(), "the documents shown");
        assertThat(texts(robot, "#today-doc-0")).contains("排队号票", "不能补打");
        assertThat(robot.lookup("#today-reprint-0").queryButton().isDisabled()).isTrue();
        assertThat(texts(robot, "#today-doc-1")).contains("缴费凭证", "已打印", "PAY-0001", "可补打");
        assertThat(dbText())
                .as("the receipt's content is kept sealed")
                .doesNotContain("王小明")
                .doesNotContain("11010519491231002X");
        snapshot(robot, "today-reprint.png");

        robot.clickOn("#today-reprint-1");
        await(() -> text(robot, "#today-message").contains("已补打"), "the reprint said");
        String paper = String.join("\n", rig.printed().lines());
        assertThat(paper).contains("重打凭证", "王*明").doesNotContain("王小明", "11010519491231002X");
        await(() -> texts(robot, "#today-doc-1").contains("已补打 1 次"), "the reprint counted");
        List<PrintRecord> all = prints.recent(10);
        assertThat(all).filteredOn(PrintRecord::reprint).hasSize(1);
        String audit = outbox.due(Long.MAX_VALUE, 1000).stream()
                .filter(r -> r.kind().equals("audit.event"))
                .map(r -> new String(r.json(), StandardCharsets.UTF_8))
                .reduce("", String::concat);
        assertThat(audit).contains("\"kind\":\"print.reprint\"", "\"actor\":\"STAFF\"", "PAY-0001");
    }

    private String dbText() throws Exception {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("PRAGMA wal_checkpoint(FULL)");
            }
        });
        return new String(Files.readAllBytes(dir.resolve("kiosk.db")), StandardCharsets.UTF_8)
                + new String(
                        Files.exists(dir.resolve("kiosk.db-wal"))
                                ? Files.readAllBytes(dir.resolve("kiosk.db-wal"))
                                : new byte[0],
                        StandardCharsets.UTF_8);
    }

    /** Every target at least 63 px high, every text 22 px or more, at full HD; scaled at a smaller screen. */
    private static void legible(FxRobot robot, int screenHeight) {
        double scale = screenHeight / 1080.0;
        for (Node n : robot.lookup("#staff-today .button").queryAll()) {
            if (n.isVisible() && ((Button) n).getHeight() > 0) {
                assertThat(((Button) n).getHeight()).as(n.getId()).isGreaterThanOrEqualTo(62.7 * scale);
            }
        }
        for (Label l : robot.lookup("#staff-today .label").queryAllAs(Label.class)) {
            if (l.isVisible()) {
                assertThat(l.getFont().getSize()).as(l.getText()).isGreaterThanOrEqualTo(21.9 * scale);
            }
        }
        for (Node n : robot.lookup("#staff-today .axis").queryAll()) {
            if (n instanceof NumberAxis a) {
                assertThat(a.getTickLabelFont().getSize()).isGreaterThanOrEqualTo(21.9 * scale);
            }
        }
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        Path out = Path.of("target", name);
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.toFile());
    }

    private static int value(XYChart<String, Number> chart, int series, String x) {
        return chart.getData().get(series).getData().stream()
                .filter(d -> d.getXValue().equals(x))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + x + " in series " + series))
                .getYValue()
                .intValue();
    }
}
