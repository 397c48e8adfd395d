package cn.egov.kiosk.ui.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.appointment.Booking;
import cn.egov.kiosk.appointment.FakeAppointmentPlatform;
import cn.egov.kiosk.appointment.OpenDays;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.AppointmentDayRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.appointment.MineViewModel.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 我的预约: the signed-in citizen's appointments to come, one cancelled after one question, its place freed. */
class MineViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final String HOLDER = "11010519491231002X";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-08T01:40:00Z"), ZONE);
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final FakeAppointmentPlatform platform = new FakeAppointmentPlatform();
    private Database db;
    private AppointmentDayRepository days;
    private MineViewModel vm;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("kiosk.db"));
        days = new AppointmentDayRepository(db);
        db.transaction(c -> {
            days.replace(c, List.of(new Appointments.DayAvailability("item", TODAY.plusDays(2), 64, 10)));
            return null;
        });
        platform.holds(
                        HOLDER,
                        FakeAppointmentPlatform.appointment(
                                "later",
                                "item",
                                TODAY.plusDays(2),
                                "14:00",
                                "14:30",
                                Appointments.Status.BOOKED,
                                "CHK-L"))
                .holds(
                        HOLDER,
                        FakeAppointmentPlatform.appointment(
                                "soon", "item", TODAY, "10:00", "10:30", Appointments.Status.BOOKED, "CHK-S"))
                .holds(
                        HOLDER,
                        FakeAppointmentPlatform.appointment(
                                "gone",
                                "item",
                                TODAY.minusDays(1),
                                "10:00",
                                "10:30",
                                Appointments.Status.BOOKED,
                                "CHK-G"))
                .holds(
                        HOLDER,
                        FakeAppointmentPlatform.appointment(
                                "cancelled",
                                "item",
                                TODAY.plusDays(3),
                                "10:00",
                                "10:30",
                                Appointments.Status.CANCELLED,
                                "CHK-C"))
                .holds(
                        "110101201506010029",
                        FakeAppointmentPlatform.appointment(
                                "someone-else", "item", TODAY, "11:00", "11:30", Appointments.Status.BOOKED, "CHK-X"));
        vm = new MineViewModel(
                new I18n(List.of(ZH, Locale.ENGLISH)),
                sessions,
                new Booking(platform, new OpenDays(days, Optional::empty, clock, ZONE), clock, ZONE),
                TaskRunner.DIRECT,
                clock,
                ZONE);
        sessions.start(ZH).put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theAppointmentsStillToComeSoonestFirstInPlainWords() {
        vm.open();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.LIST);
        assertThat(vm.options()).extracting(MineViewModel.Option::id).containsExactly("soon", "later");
        assertThat(vm.options().get(0).when()).isEqualTo("今天 12月8日 星期二 上午10:00至10:30");
        assertThat(vm.options().get(1).when()).isEqualTo("12月10日 星期四 下午2:00至2:30");
    }

    @Test
    void oneCancelledAfterOneQuestionItsPlaceFreed() {
        vm.open();
        vm.choose("later");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);
        assertThat(vm.chosenProperty().get().service()).isEqualTo("出生登记（新生儿落户）");

        vm.cancel();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CANCELLED);
        assertThat(platform.appointment("later").orElseThrow().status()).isEqualTo(Appointments.Status.CANCELLED);
        assertThat(days.days("item", TODAY))
                .singleElement()
                .extracting(Appointments.DayAvailability::remaining)
                .isEqualTo(11);
    }

    @Test
    void keepingItGoesBackToTheList() {
        vm.open();
        vm.choose("soon");

        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.LIST);
        assertThat(platform.calls()).noneMatch(c -> c.startsWith("cancel"));
        assertThat(vm.back()).isFalse();
    }

    @Test
    void offlineItIsSaidAndTriedAgain() {
        vm.open();
        vm.choose("soon");
        platform.failNext(AppointmentProblem.OFFLINE);

        vm.cancel();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.problemText().get()).contains("网络暂时中断").contains("请过一会儿再试");
        assertThat(vm.problemCodeText().get()).isEqualTo("代码 Y-OFFLINE");
        vm.retry();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CANCELLED);
    }

    @Test
    void nothingToComeIsSaid() {
        sessions.current()
                .orElseThrow()
                .put(
                        Identity.SESSION_KEY,
                        Identity.ofProvinceApp(
                                Identity.Document.RESIDENT_ID_CARD,
                                "李四",
                                "110101199003070011",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));

        vm.open();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.NONE);
    }
}
