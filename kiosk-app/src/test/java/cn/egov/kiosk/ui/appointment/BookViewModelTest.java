package cn.egov.kiosk.ui.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.appointment.Booking;
import cn.egov.kiosk.appointment.FakeAppointmentPlatform;
import cn.egov.kiosk.appointment.OpenDays;
import cn.egov.kiosk.catalogue.SampleCatalogue;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.AppointmentDayRepository;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.CatalogueUseRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.appointment.BookViewModel.PrintState;
import cn.egov.kiosk.ui.appointment.BookViewModel.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 预约 without the JavaFX toolkit: the sample catalogue and two weeks of places in a real SQLite
 * store, the platform in memory (its HTTP side is {@code AppointmentsOverPlatformTest}), the
 * confirmation out of the simulated licence printer, read back as text.
 */
class BookViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ITEM = "110101-GA-0001"; // 出生登记（新生儿落户）, 演示区公安分局
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8); // a Tuesday
    private static final LocalDate FULL = TODAY.plusDays(1);
    private static final LocalDate OPEN = TODAY.plusDays(2);
    private static final String PHONE = "13800138000";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-08T01:40:00Z"), ZONE); // 09:40
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final FakeAppointmentPlatform platform = new FakeAppointmentPlatform();
    private final SimpleBooleanProperty offline = new SimpleBooleanProperty(false);
    private final List<byte[]> pdfs = new ArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger mine = new AtomicInteger();
    private Database db;
    private AppointmentDayRepository days;
    private SimulatedDocumentPrinter printer;
    private BookViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        CatalogueRepository catalogue = new CatalogueRepository(db);
        SyncStateRepository state = new SyncStateRepository(db);
        days = new AppointmentDayRepository(db);
        db.transaction(c -> {
            catalogue.apply(c, SampleCatalogue.items(), List.of());
            days.replace(
                    c,
                    List.of(
                            new Appointments.DayAvailability(ITEM, TODAY, 64, 3),
                            new Appointments.DayAvailability(ITEM, FULL, 64, 0),
                            new Appointments.DayAvailability(ITEM, OPEN, 64, 60)));
            return null;
        });
        state.synced("catalogue", 1, Optional.empty(), clock.instant());
        ServiceGuide guide = new ServiceGuide(catalogue, state, new CatalogueUseRepository(db), clock, ZONE);
        platform.slots(
                ITEM,
                OPEN,
                new Appointments.Slot(ITEM + "@" + OPEN + "T09:00", "09:00", "09:30", 4, 2),
                new Appointments.Slot(ITEM + "@" + OPEN + "T09:30", "09:30", "10:00", 4, 0),
                new Appointments.Slot(ITEM + "@" + OPEN + "T14:00", "14:00", "14:30", 4, 4));
        printer = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
        printer.outputTray(pdf -> pdfs.add(pdf.clone()));
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                Optional::empty,
                () -> Optional.of(printer),
                new MemoryPrintLog(),
                Clock.systemUTC());
        vm = new BookViewModel(
                i18n,
                sessions,
                new Booking(
                        platform,
                        new OpenDays(days, () -> Optional.of(Instant.parse("2026-12-08T01:30:00Z")), clock, ZONE),
                        clock,
                        ZONE),
                Optional.of(guide),
                printing,
                TaskRunner.DIRECT,
                clock,
                ZONE,
                l -> "演示区政务服务中心",
                logins::incrementAndGet,
                mine::incrementAndGet,
                offline);
    }

    @AfterEach
    void tearDown() {
        printer.close();
        db.close();
    }

    /** Opened, by department, the police's first item: at its days. */
    private void atTheDays() {
        vm.open();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.START);
        vm.browseDepartments();
        BookViewModel.DepartmentOption police = vm.departments().stream()
                .filter(d -> d.name().equals("演示区公安分局"))
                .findFirst()
                .orElseThrow();
        vm.department(police.id());
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DEPARTMENT);
        vm.item(ITEM);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DAYS);
    }

    /** At the days, the open day and its first time chosen, through the login step with the demo card. */
    private void atTheSlotSignedIn(Identity who) {
        atTheDays();
        vm.day(OPEN);
        vm.slot(ITEM + "@" + OPEN + "T09:00");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.IDENTIFYING);
        assertThat(logins).hasValue(1);
        sessions.start(ZH).put(Identity.SESSION_KEY, who);
        vm.shown(); // back from the login step
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBookableItemsAreByDepartmentWithHowManyEach() {
        vm.open();

        assertThat(vm.mostUsed()).as("nothing used at this kiosk yet").isEmpty();
        vm.browseDepartments();
        long bookable =
                SampleCatalogue.items().stream().filter(i -> i.appointable()).count();
        assertThat(vm.departments()).hasSize(24);
        assertThat(vm.departments().stream()
                        .mapToInt(d -> Integer.parseInt(d.count().replaceAll("\\D", "")))
                        .sum())
                .isEqualTo((int) bookable);
    }

    @Test
    void theDaysComeFromTheLocalCopyInPlainWordsAndAFullDayTakesNoTouch() {
        atTheDays();

        assertThat(vm.days())
                .extracting(
                        BookViewModel.DayOption::day, BookViewModel.DayOption::places, BookViewModel.DayOption::full)
                .containsExactly(
                        tuple("今天 12月8日 星期二", "还有 3 个名额", false),
                        tuple("明天 12月9日 星期三", "已约满", true),
                        tuple("12月10日 星期四", "还有 60 个名额", false));
        assertThat(vm.daysNote().get()).isEqualTo("名额是 今天 12月8日 星期二 上午9:30 的情况，以实际预约为准。");
        vm.day(FULL);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DAYS);
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void offlineTheDaysStillShowAndTheTimesSayBookingNeedsTheNetwork() {
        offline.set(true);
        platform.failAlways(AppointmentProblem.OFFLINE);
        atTheDays();

        assertThat(vm.days()).hasSize(3);
        assertThat(vm.daysNote().get()).startsWith("网络暂时中断").contains("预约需要联网");
        vm.day(OPEN);

        assertThat(vm.stepProperty().get()).isEqualTo(Step.OFFLINE);
        assertThat(vm.problemText().get()).contains("网络暂时中断").contains("预约需要联网");
        assertThat(vm.problemCodeText().get()).isEqualTo("代码 Y-OFFLINE");

        platform.failAlways(null); // back
        vm.retrySlots();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.SLOTS);
        assertThat(vm.slots())
                .extracting(
                        BookViewModel.SlotOption::time,
                        BookViewModel.SlotOption::places,
                        BookViewModel.SlotOption::full)
                .containsExactly(
                        tuple("上午9:00至9:30", "还剩 2 个", false),
                        tuple("上午9:30至10:00", "已约满", true),
                        tuple("下午2:00至2:30", "还剩 4 个", false));
    }

    @Test
    void todaysTimesThatHaveBegunAreNotOffered() {
        platform.slots(
                ITEM,
                TODAY,
                new Appointments.Slot(ITEM + "@" + TODAY + "T09:30", "09:30", "10:00", 4, 4),
                new Appointments.Slot(ITEM + "@" + TODAY + "T10:00", "10:00", "10:30", 4, 4));
        atTheDays();

        vm.day(TODAY); // 09:40 now

        assertThat(vm.slots()).extracting(BookViewModel.SlotOption::time).containsExactly("上午10:00至10:30");
    }

    @Test
    void theCardGivesNoPhoneSoItIsTypedAndCheckedThenTheBookingIsReadBackMasked() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));

        assertThat(vm.stepProperty().get()).isEqualTo(Step.PHONE);
        vm.phoneProperty().set("1380013");
        vm.phoneDone();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PHONE);
        assertThat(vm.phoneProblemProperty().get()).isNotBlank();
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);
        assertThat(vm.maskedNameProperty().get()).isEqualTo("王*明");
        assertThat(vm.maskedNumberProperty().get()).isEqualTo("110105********002X");
        assertThat(vm.maskedPhoneProperty().get()).isEqualTo("138****8000");
        assertThat(vm.slotTextProperty().get()).isEqualTo("12月10日 星期四 上午9:00至9:30");
    }

    @Test
    void thePhoneTheAppGaveIsUsedAsItIs() {
        atTheSlotSignedIn(Identity.ofProvinceApp(
                Identity.Document.RESIDENT_ID_CARD,
                "王小明",
                "11010519491231002X",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(PHONE)));

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);
        assertThat(vm.maskedPhoneProperty().get()).isEqualTo("138****8000");
    }

    @Test
    void bookedTheDoneScreenSaysWhenAndWhereAndTheConfirmationPrintsMasked() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();

        vm.confirm();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        Appointments.Appointment booked = vm.bookedProperty().get();
        assertThat(platform.calls()).contains("book:" + booked.appointmentId());
        assertThat(vm.bookedWhen().get()).isEqualTo("12月10日 星期四 上午9:00至9:30");
        assertThat(vm.bookedPlace().get()).isEqualTo("演示区政务服务中心一楼 户籍业务 1-4号窗口");
        assertThat(vm.bookedAdvice().get()).contains("预约确认单或身份证").contains("上午8:30起");
        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.PRINTED);
        assertThat(pdfs).hasSize(1);
        String paper = text(pdfs.get(0));
        assertThat(paper)
                .contains("预约确认单")
                .contains("出生登记（新生儿落户）")
                .contains("2026年12月10日星期四上午9:00至上午9:30")
                .contains("演示区政务服务中心一楼户籍业务1-4号窗口")
                .contains("王*明")
                .contains("110105********002X")
                .contains("138****8000")
                .contains(booked.checkInCode().substring(4))
                .contains("请携带");
        assertThat(paper)
                .doesNotContain("王小明")
                .doesNotContain("11010519491231002X")
                .doesNotContain(PHONE);
        // the place is taken in the local copy before the next sync
        assertThat(days.days(ITEM, OPEN))
                .singleElement()
                .extracting(Appointments.DayAvailability::remaining)
                .isEqualTo(59);
    }

    @Test
    void aSlotTakenMeanwhileIsSaidPlainlyAndTheTimesShowAgain() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();
        platform.failNext(AppointmentProblem.SLOT_FULL);

        vm.confirm();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.SLOTS);
        assertThat(vm.slotTakenProperty().get()).isTrue();
        assertThat(platform.calls()).last().isEqualTo("slots"); // asked again
        assertThat(pdfs).isEmpty();
    }

    @Test
    void aBookingWhoseAnswerWasLostIsAskedAgainUnderTheSameId() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();
        platform.failNext(AppointmentProblem.OFFLINE);

        vm.confirm();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.problemText().get()).contains("网络暂时中断").contains("没有提交");
        assertThat(vm.problemCodeText().get()).isEqualTo("代码 Y-OFFLINE");
        vm.confirm();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        List<String> books =
                platform.calls().stream().filter(c -> c.startsWith("book:")).toList();
        assertThat(books).hasSize(2);
        assertThat(books.get(0)).isEqualTo(books.get(1));
    }

    @Test
    void theSameTimeChosenAgainAfterALostAnswerIsTheSameBookingAnotherTimeANewOne() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();
        platform.failNext(AppointmentProblem.OFFLINE);
        vm.confirm();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);

        // back to the times, the same one again: the platform may hold the first try, so the same id
        while (vm.stepProperty().get() != Step.SLOTS) {
            assertThat(vm.back()).isTrue();
        }
        vm.slot(ITEM + "@" + OPEN + "T09:00");
        vm.phoneDone();
        vm.confirm();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        List<String> books =
                platform.calls().stream().filter(c -> c.startsWith("book:")).toList();
        assertThat(books).hasSize(2);
        assertThat(books.get(1)).isEqualTo(books.get(0));
    }

    @Test
    void aConfirmationThatDidNotPrintIsSaidAndPrintsAgainOnceThePrinterIsBack() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();
        printer.apply("paper-out", "");

        vm.confirm();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE); // booked all the same
        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.FAILED);
        assertThat(vm.printText().get()).contains("预约已经成功").contains("没纸").contains("身份证");
        assertThat(vm.printCodeText().get()).isEqualTo("代码 P-PAPER-OUT");
        printer.apply("paper-ok", "");
        vm.printConfirmation();
        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.PRINTED);
        assertThat(pdfs).hasSize(1);
    }

    @Test
    void backGoesAStepBackAndTheStartLeavesTheScreen() {
        atTheDays();
        vm.day(OPEN);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DAYS);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DEPARTMENT);
        assertThat(vm.back()).isTrue();
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.START);
        assertThat(vm.back()).isFalse();
    }

    @Test
    void theNextCitizenFindsNothingOfThisOne() {
        atTheSlotSignedIn(Identity.of(DemoCards.resident()));
        vm.phoneProperty().set(PHONE);
        vm.phoneDone();
        vm.confirm();

        vm.resetForNextCitizen();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.LOADING);
        assertThat(vm.phoneProperty().get()).isEmpty();
        assertThat(vm.maskedNameProperty().get()).isEmpty();
        assertThat(vm.bookedProperty().get()).isNull();
        assertThat(vm.days()).isEmpty();
        assertThat(vm.slots()).isEmpty();
    }
}
