package cn.egov.kiosk.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionListener;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.TicketRepository;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.ticket.TicketViewModel.Step;
import cn.egov.kiosk.ui.ticket.TicketViewModel.TypeOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 取号 screen's model over the real queue, store and ESC/POS driver with a virtual printer; no
 * FX toolkit. Background work runs on the test thread: at once ({@link TaskRunner#DIRECT}) or when
 * the test says ({@link HeldTasks}), to see the screen while the ticket prints.
 */
class TicketViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Holds background work until {@link #runAll()}. */
    static final class HeldTasks implements TaskRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> DIRECT.run(work, onSuccess, onFailure));
        }

        int size() {
            return held.size();
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final SessionManager sessions = new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final List<EndReason> ended = new ArrayList<>();
    private Database db;
    private QueueService queue;
    private PrinterRig rig;
    private TicketIssuer issuer;

    @BeforeEach
    void create() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        queue = new QueueService(new TicketRepository(db), clock, SHANGHAI, "K01", Set.of("A", "B"));
        rig = new PrinterRig(32, Duration.ofSeconds(60));
        issuer = new TicketIssuer(
                queue,
                TestTemplates.queueTicket(),
                () -> Optional.of(rig.printer),
                new MemoryPrintLog(),
                new TicketIssuer.HallTexts(l -> "西湖区政务服务中心", TicketViewModelTest::typeName, "0571-12345"),
                SHANGHAI,
                Clock.systemUTC());
        sessions.addListener(new SessionListener() {
            @Override
            public void ended(Session session, EndReason reason) {
                ended.add(reason);
            }
        });
    }

    @AfterEach
    void close() {
        rig.close();
        db.close();
    }

    static String typeName(String code, Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        return switch (code) {
            case "A" -> zh ? "户籍业务" : "Household registration";
            case "B" -> zh ? "社保业务" : "Social security";
            default -> code;
        };
    }

    /** The hall calls a first number of a type: from then on the queue knows who is waiting. */
    private void hallCallsOne(String type) {
        queue.markCalled(queue.confirmPrinted(queue.allocate(type)).id());
    }

    private TicketViewModel vm(TaskRunner tasks) {
        return new TicketViewModel(
                i18n, queue, issuer, tasks, sessions, List.of("A", "B"), TicketViewModelTest::typeName);
    }

    @Test
    void choosingPrintsAndShowsTheNumberAndWhoIsAhead() {
        hallCallsOne("A"); // A001 called
        queue.confirmPrinted(queue.allocate("A")); // A002 is waiting
        HeldTasks tasks = new HeldTasks();
        TicketViewModel vm = vm(tasks);

        vm.choose("A");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.PRINTING);
        assertThat(vm.numberProperty().get()).isEmpty();
        tasks.runAll();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.numberProperty().get()).isEqualTo("A003");
        assertThat(vm.aheadProperty().get()).isEqualTo("您前面还有 1 人");
        assertThat(vm.failureReasonProperty().get()).isEmpty();
        assertThat(vm.voidedNoticeProperty().get()).isEmpty();
        assertThat(rig.printed().lines()).contains("A003");
    }

    @Test
    void whileNobodyKnowsWhoHasBeenCalledNoCountIsShown() {
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.choose("A");

        assertThat(vm.numberProperty().get()).isEqualTo("A001");
        assertThat(vm.aheadProperty().get()).isEmpty();
    }

    @Test
    void theFirstInLineIsToldNobodyIsAhead() {
        hallCallsOne("B");
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.choose("B");

        assertThat(vm.numberProperty().get()).isEqualTo("B002");
        assertThat(vm.aheadProperty().get()).isEqualTo("您前面没有人等候，请留意叫号");
    }

    @Test
    void aFailedPrintSaysWhyAndThatTheNumberIsVoid() {
        rig.virtual.setPaperOut(true);
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.choose("A");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.failureReasonProperty().get()).isEqualTo("号票打印机没纸了。");
        assertThat(vm.voidedNoticeProperty().get()).isEqualTo("号码 A001 已作废，不会被叫号。");
        assertThat(vm.failureCodeProperty().get()).isEqualTo("代码 T-PAPER-OUT");
        assertThat(vm.numberProperty().get()).isEmpty();
        assertThat(queue.ticketsOfDay(queue.today())).extracting(Ticket::status).containsExactly(TicketStatus.VOIDED);
    }

    @Test
    void aPrinterOfflineBeforeAnyNumberHasNoVoidNotice() {
        rig.printer.close();
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.choose("A");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.failureReasonProperty().get()).isEqualTo("号票打印机没有连上。");
        assertThat(vm.failureCodeProperty().get()).isEqualTo("代码 T-PRINTER-OFFLINE");
        assertThat(vm.voidedNoticeProperty().get()).isEmpty();
    }

    @Test
    void anUnexpectedErrorIsShownAsSuch() {
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.choose("Z"); // not a type the hall offers: the issuer throws

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.failureReasonProperty().get()).isEqualTo("机器出了点问题。");
        assertThat(vm.failureCodeProperty().get()).isEqualTo("代码 T-UNEXPECTED");
        i18n.setLocale(EN);
        assertThat(vm.failureReasonProperty().get()).isEqualTo("The kiosk had a problem.");
    }

    @Test
    void aSecondTouchWhilePrintingIsIgnored() {
        HeldTasks tasks = new HeldTasks();
        TicketViewModel vm = vm(tasks);

        vm.choose("A");
        vm.choose("A");
        vm.choose("B");

        assertThat(tasks.size()).isEqualTo(1);
        tasks.runAll();
        assertThat(vm.numberProperty().get()).isEqualTo("A001");
        assertThat(queue.ticketsOfDay(queue.today())).extracting(Ticket::number).containsExactly("A001");
        vm.choose("B"); // done: a new touch is ignored too, until the screen is shown again
        assertThat(tasks.size()).isZero();
    }

    @Test
    void resetClearsEverythingAndDropsALateResult() {
        TicketViewModel vm = vm(TaskRunner.DIRECT);
        rig.virtual.setPaperOut(true);
        vm.choose("A");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);

        vm.reset();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSING);
        assertThat(vm.numberProperty().get()).isEmpty();
        assertThat(vm.aheadProperty().get()).isEmpty();
        assertThat(vm.failureReasonProperty().get()).isEmpty();
        assertThat(vm.voidedNoticeProperty().get()).isEmpty();

        // a result that arrives after the session ended is not shown to the next citizen
        rig.virtual.setPaperOut(false);
        HeldTasks tasks = new HeldTasks();
        TicketViewModel held = vm(tasks);
        held.choose("A");
        held.reset();
        tasks.runAll();
        assertThat(held.stepProperty().get()).isEqualTo(Step.CHOOSING);
        assertThat(held.numberProperty().get()).isEmpty();
        assertThat(held.aheadProperty().get()).isEmpty();
    }

    @Test
    void theLanguageSwitchRendersTheOptionsAgain() {
        TicketViewModel vm = vm(TaskRunner.DIRECT);
        assertThat(vm.options()).containsExactly(new TypeOption("A", "户籍业务", ""), new TypeOption("B", "社保业务", ""));

        i18n.setLocale(EN);

        assertThat(vm.options())
                .containsExactly(
                        new TypeOption("A", "Household registration", ""), new TypeOption("B", "Social security", ""));
    }

    @Test
    void showingTheScreenCountsWhoIsWaitingPerTypeWhereCallsAreKnown() {
        hallCallsOne("A");
        queue.confirmPrinted(queue.allocate("A"));
        queue.confirmPrinted(queue.allocate("A"));
        hallCallsOne("B");
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.onShow();

        assertThat(vm.options())
                .containsExactly(new TypeOption("A", "户籍业务", "当前等候 2 人"), new TypeOption("B", "社保业务", "当前无人等候"));
        i18n.setLocale(EN);
        assertThat(vm.options())
                .containsExactly(
                        new TypeOption("A", "Household registration", "2 people waiting"),
                        new TypeOption("B", "Social security", "Nobody waiting"));
    }

    @Test
    void theResultFollowsTheLanguageSwitch() {
        hallCallsOne("A");
        TicketViewModel vm = vm(TaskRunner.DIRECT);
        vm.choose("A");
        assertThat(vm.aheadProperty().get()).isEqualTo("您前面没有人等候，请留意叫号");

        i18n.setLocale(EN);

        assertThat(vm.numberProperty().get()).isEqualTo("A002");
        assertThat(vm.aheadProperty().get()).isEqualTo("Nobody is ahead of you");

        TicketViewModel failing = vm(TaskRunner.DIRECT);
        rig.virtual.setPaperOut(true);
        failing.choose("B");
        assertThat(failing.failureReasonProperty().get()).isEqualTo("The ticket printer has run out of paper.");
        assertThat(failing.voidedNoticeProperty().get())
                .isEqualTo("Number B001 has been cancelled and will not be called.");
        i18n.setLocale(ZH);
        assertThat(failing.failureReasonProperty().get()).isEqualTo("号票打印机没纸了。");
        assertThat(failing.voidedNoticeProperty().get()).isEqualTo("号码 B001 已作废，不会被叫号。");
    }

    @Test
    void finishEndsTheSession() {
        sessions.start(ZH);
        TicketViewModel vm = vm(TaskRunner.DIRECT);

        vm.finish();

        assertThat(sessions.current()).isEmpty();
        assertThat(ended).containsExactly(EndReason.EXPLICIT_EXIT);
    }
}
