package cn.egov.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.egov.kiosk.admin.AdminAudit;
import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.MemoryAdminRecords;
import cn.egov.kiosk.admin.PinHasher;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.identity.IdentityService;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.StaffPayments;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.today.DayFigures;
import cn.egov.kiosk.today.StaffDay;
import cn.egov.kiosk.ui.appointment.BookViewModel;
import cn.egov.kiosk.ui.appointment.MineViewModel;
import cn.egov.kiosk.ui.checkin.CheckInViewModel;
import cn.egov.kiosk.ui.idlogin.IdLoginViewModel;
import cn.egov.kiosk.ui.licence.LicenceViewModel;
import cn.egov.kiosk.ui.progress.ProgressViewModel;
import cn.egov.kiosk.ui.staff.PaymentsPanelViewModel;
import cn.egov.kiosk.ui.staff.PlatformPanelViewModel;
import cn.egov.kiosk.ui.staff.StaffViewModel;
import cn.egov.kiosk.ui.ticket.TicketViewModel;
import cn.egov.kiosk.ui.today.TodayPanelViewModel;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.testfx.api.FxToolkit;

/**
 * The ViewModels that hand work to the background are driven from the JavaFX thread only: with the
 * kiosk's runner every entry point a view (or the kiosk's wiring) calls fails at once on any other
 * thread, instead of racing the results that arrive on the JavaFX thread.
 */
class ViewModelThreadTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
    private final SessionManager sessions = new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final FxTaskRunner tasks = new FxTaskRunner();
    // the services behind are never reached off the JavaFX thread: the check comes first
    private final TicketViewModel ticket =
            new TicketViewModel(i18n, null, null, tasks, sessions, List.of(), (code, locale) -> code);
    private final IdLoginViewModel idLogin = new IdLoginViewModel(
            i18n,
            new IdentityService(Optional::empty, Optional::empty, clock, SHANGHAI),
            tasks,
            sessions,
            new Navigator(),
            Duration.ofSeconds(5),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    private final LicenceViewModel licence =
            new LicenceViewModel(i18n, LicenceSource.NONE, null, new Renderings(null), null, tasks, sessions);
    private final PaymentsPanelViewModel payments = new PaymentsPanelViewModel(
            i18n,
            tasks,
            (StaffPayments) Proxy.newProxyInstance(
                    StaffPayments.class.getClassLoader(), new Class<?>[] {StaffPayments.class}, (p, m, a) -> {
                        throw new IllegalStateException("not reached");
                    }),
            SHANGHAI,
            clock);
    private final TodayPanelViewModel today = new TodayPanelViewModel(
            i18n,
            tasks,
            new StaffDay(new DayFigures(null, Optional.empty(), null, null, null, List.of(), SHANGHAI, clock), null),
            () -> "STAFF",
            (code, locale) -> code,
            clock);
    private final PlatformPanelViewModel panel = new PlatformPanelViewModel(
            i18n,
            tasks,
            () -> {
                throw new IllegalStateException("not reached");
            },
            () -> 0,
            () -> {},
            SHANGHAI,
            clock);

    // appointments
    private final BookViewModel book = new BookViewModel(
            i18n,
            sessions,
            null,
            Optional.empty(),
            null,
            tasks,
            clock,
            SHANGHAI,
            l -> "",
            () -> {},
            () -> {},
            new SimpleBooleanProperty(false));
    private final MineViewModel mine = new MineViewModel(i18n, sessions, null, tasks, clock, SHANGHAI);
    private final CheckInViewModel checkIn =
            new CheckInViewModel(i18n, sessions, null, tasks, clock, SHANGHAI, () -> {}, l -> "");
    // progress: the services behind are not reached off the JavaFX thread either
    private final ProgressViewModel progress = new ProgressViewModel(
            i18n, null, tasks, sessions, clock, SHANGHAI, "", true, true, () -> {}, Optional.empty(), () -> "");

    // the admin side: the gate behind is not reached off the JavaFX thread either
    private final StaffViewModel staff = new StaffViewModel(
            i18n,
            clock,
            tasks,
            new AdminGate(new MemoryAdminRecords(), new PinHasher(1_000), AdminAudit.NONE, clock, Path.of("target")),
            () -> {});

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    /** Every entry point that checks the thread, by name. */
    private Map<String, Runnable> entryPoints() {
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("TicketViewModel.onShow", ticket::onShow);
        calls.put("TicketViewModel.choose", () -> ticket.choose("A"));
        calls.put("TicketViewModel.finish", ticket::finish);
        calls.put("TicketViewModel.reset", ticket::reset);
        calls.put("IdLoginViewModel.require", () -> idLogin.require(Screen.TICKET));
        calls.put("IdLoginViewModel.read", idLogin::read);
        calls.put("IdLoginViewModel.readerBackInService", idLogin::readerBackInService);
        calls.put("IdLoginViewModel.cardPresence", () -> idLogin.cardPresence(true));
        calls.put("IdLoginViewModel.proceed", idLogin::proceed);
        calls.put("IdLoginViewModel.placeDemoCard", idLogin::placeDemoCard);
        calls.put("IdLoginViewModel.insertDemoSocialSecurityCard", idLogin::insertDemoSocialSecurityCard);
        calls.put("IdLoginViewModel.left", idLogin::left);
        calls.put("IdLoginViewModel.reset", idLogin::reset);
        calls.put("LicenceViewModel.open", licence::open);
        calls.put("LicenceViewModel.print", licence::print);
        calls.put("LicenceViewModel.reset", licence::reset);
        calls.put("PlatformPanelViewModel.open", panel::open);
        calls.put("PlatformPanelViewModel.touch", panel::touch);
        calls.put("PlatformPanelViewModel.tick", panel::tick);
        calls.put("PlatformPanelViewModel.close", panel::close);
        calls.put("PlatformPanelViewModel.refresh", panel::refresh);
        calls.put("PlatformPanelViewModel.retryAll", panel::retryAll);
        calls.put("PlatformPanelViewModel.syncNow", panel::syncNow);
        calls.put("PaymentsPanelViewModel.open", payments::open);
        calls.put("PaymentsPanelViewModel.touch", payments::touch);
        calls.put("PaymentsPanelViewModel.tick", payments::tick);
        calls.put("PaymentsPanelViewModel.close", payments::close);
        calls.put("PaymentsPanelViewModel.refresh", payments::refresh);
        calls.put("PaymentsPanelViewModel.previousDay", payments::previousDay);
        calls.put("PaymentsPanelViewModel.nextDay", payments::nextDay);
        calls.put("PaymentsPanelViewModel.select", () -> payments.select("order-1"));
        calls.put("PaymentsPanelViewModel.settle", () -> payments.settle(PaymentState.REVERSED));
        calls.put("PaymentsPanelViewModel.reconcile", payments::reconcile);
        calls.put("PaymentsPanelViewModel.checkAgain", payments::checkAgain);
        calls.put("PaymentsPanelViewModel.confirm", payments::confirm);
        calls.put("PaymentsPanelViewModel.cancelConfirmation", payments::cancelConfirmation);
        calls.put("StaffViewModel.cornerTapped", staff::cornerTapped);
        calls.put("StaffViewModel.open", staff::open);
        calls.put("StaffViewModel.digit", () -> staff.digit(1));
        calls.put("StaffViewModel.clearEntry", staff::clearEntry);
        calls.put("StaffViewModel.submit", staff::submit);
        calls.put("StaffViewModel.choose", () -> staff.choose("exit"));
        calls.put("StaffViewModel.leave", staff::leave);
        calls.put("StaffViewModel.cancel", staff::cancel);
        calls.put("StaffViewModel.touch", staff::touch);
        calls.put("StaffViewModel.tick", staff::tick);
        calls.put("StaffViewModel.resetForNextCitizen", staff::resetForNextCitizen);
        // the day at a glance
        calls.put("TodayPanelViewModel.open", today::open);
        calls.put("TodayPanelViewModel.touch", today::touch);
        calls.put("TodayPanelViewModel.tick", today::tick);
        calls.put("TodayPanelViewModel.close", today::close);
        calls.put("TodayPanelViewModel.refresh", today::refresh);
        calls.put("TodayPanelViewModel.today", today::today);
        calls.put("TodayPanelViewModel.yesterday", today::yesterday);
        calls.put("TodayPanelViewModel.previousDay", today::previousDay);
        calls.put("TodayPanelViewModel.nextDay", today::nextDay);
        calls.put("TodayPanelViewModel.showPage", () -> today.showPage(TodayPanelViewModel.Page.REPRINT));
        calls.put("TodayPanelViewModel.reprint", () -> today.reprint("print-1"));
        // appointments
        calls.put("BookViewModel.open", book::open);
        calls.put("BookViewModel.item", () -> book.item("x"));
        calls.put("BookViewModel.day", () -> book.day(LocalDate.of(2026, 12, 8)));
        calls.put("BookViewModel.slot", () -> book.slot("x"));
        calls.put("BookViewModel.shown", book::shown);
        calls.put("BookViewModel.confirm", book::confirm);
        calls.put("BookViewModel.printConfirmation", book::printConfirmation);
        calls.put("BookViewModel.back", book::back);
        calls.put("BookViewModel.reset", book::reset);
        calls.put("MineViewModel.open", mine::open);
        calls.put("MineViewModel.cancel", mine::cancel);
        calls.put("MineViewModel.reset", mine::reset);
        calls.put("CheckInViewModel.open", checkIn::open);
        calls.put("CheckInViewModel.scanned", () -> checkIn.scanned("CHK-X"));
        calls.put("CheckInViewModel.retry", checkIn::retry);
        calls.put("CheckInViewModel.reset", checkIn::reset);
        // progress
        calls.put("ProgressViewModel.start", progress::start);
        calls.put("ProgressViewModel.byPerson", progress::byPerson);
        calls.put("ProgressViewModel.shown", progress::shown);
        calls.put("ProgressViewModel.scanReceipt", progress::scanReceipt);
        calls.put("ProgressViewModel.queryCode", () -> progress.queryCode("SQ20261128000123"));
        calls.put("ProgressViewModel.choose", () -> progress.choose(0));
        calls.put("ProgressViewModel.retry", progress::retry);
        calls.put("ProgressViewModel.scanAgain", progress::scanAgain);
        calls.put("ProgressViewModel.back", progress::back);
        calls.put("ProgressViewModel.reset", progress::reset);
        calls.put("ProgressViewModel.printSlip", progress::printSlip);
        return calls;
    }

    @TestFactory
    Stream<DynamicTest> offTheFxThreadEveryEntryPointFails() {
        return entryPoints().entrySet().stream()
                .map(call -> dynamicTest(
                        call.getKey(),
                        () -> assertThatThrownBy(call.getValue()::run)
                                .isInstanceOf(IllegalStateException.class)
                                .hasMessageStartingWith("Not on the JavaFX application thread")));
    }

    @Test
    void onTheFxThreadTheyRun() throws Exception {
        BackgroundTaskTest.onFx(() -> {
            ticket.reset();
            idLogin.cardPresence(true);
            licence.open();
            panel.touch();
            panel.close();
            payments.touch();
            payments.close();
        });

        assertThat(idLogin.stepProperty().get()).isEqualTo(IdLoginViewModel.Step.READING);
        assertThat(licence.stepProperty().get()).as("no citizen signed in").isEqualTo(LicenceViewModel.Step.NONE);
    }
}
