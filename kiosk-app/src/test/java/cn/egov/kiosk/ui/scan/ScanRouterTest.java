package cn.egov.kiosk.ui.scan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.scan.ScanCode;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which screen acts on a scanned code; a code nobody takes is said plainly. */
class ScanRouterTest {
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
    private final Navigator navigator = new Navigator();
    private final AtomicBoolean session = new AtomicBoolean(true);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicBoolean busy = new AtomicBoolean(false);
    private final ScanRouter router = new ScanRouter(
            i18n,
            navigator,
            TaskRunner.DIRECT,
            session::get,
            () -> {
                started.incrementAndGet();
                session.set(true);
                navigator.go(Screen.HOME);
            },
            busy::get);

    @Test
    void theScreenShownTakesACodeFirstThenTheFlowItStarts() {
        List<String> took = new ArrayList<>();
        navigator.go(Screen.ID_LOGIN);
        router.onScreen(Screen.ID_LOGIN, code -> code instanceof ScanCode.AppLogin && took.add("login"));
        router.startsFrom(ScanCode.CheckInCode.class, code -> took.add("check-in " + code.code()));

        router.scanned(ScanCode.classify("ZWAPP1.abc"));
        router.scanned(ScanCode.classify("CHK-YY20261202-0931-017"));

        assertThat(took).containsExactly("login", "check-in CHK-YY20261202-0931-017");
        assertThat(router.shownProperty().get()).isFalse();
    }

    @Test
    void aCodeNobodyTakesIsSaidInPlainWords() {
        navigator.go(Screen.HOME);
        router.scanned(ScanCode.classify("6901234567892"));
        assertThat(router.shownProperty().get()).isTrue();
        assertThat(router.titleText().get()).isEqualTo("本机不认识这个码");
        assertThat(router.bodyText().get()).contains("预约确认单").contains("受理回执").contains("登录码");

        router.dismiss();
        router.scanned(ScanCode.classify("134567890123456789"));
        assertThat(router.noticeProperty().get()).isEqualTo(ScanRouter.Notice.PAYMENT_NOT_NOW);
        assertThat(router.bodyText().get()).contains("没有扣款");

        router.startsFrom(ScanCode.QueryCode.class, code -> false); // progress out of service
        router.scanned(ScanCode.classify("SQ20261128000001"));
        assertThat(router.noticeProperty().get()).isEqualTo(ScanRouter.Notice.NOT_NOW);
        i18n.setLocale(Locale.forLanguageTag("en"));
        assertThat(router.titleText().get()).isEqualTo("This code cannot be used now");
    }

    @Test
    void aScanOnTheAttractScreenStartsASessionAndABusyScreenIgnoresIt() {
        session.set(false);
        router.startsFrom(ScanCode.QueryCode.class, code -> {
            navigator.go(Screen.GUIDE);
            return true;
        });
        router.scanned(ScanCode.classify("SQ20261128000001"));
        assertThat(started).hasValue(1);
        assertThat(navigator.current()).isEqualTo(Screen.GUIDE);

        busy.set(true);
        router.scanned(ScanCode.classify("nonsense"));
        assertThat(router.shownProperty().get()).isFalse();
    }

    @Test
    void theNoticeGoesWithTheSession() {
        router.scanned(ScanCode.classify("nonsense"));
        router.resetForNextCitizen();
        assertThat(router.shownProperty().get()).isFalse();
        assertThat(router.titleText().get()).isEmpty();
    }
}
