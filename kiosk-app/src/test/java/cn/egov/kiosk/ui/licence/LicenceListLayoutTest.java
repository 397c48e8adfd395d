package cn.egov.kiosk.ui.licence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.DemoLicenceSource;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The list of a citizen's licences: a row is as high as its texts, whatever the list's height. */
@ExtendWith(ApplicationExtension.class)
class LicenceListLayoutTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private final TemplateLibrary templates = TestTemplates.library();
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private Scene scene;
    private LicenceViewModel vm;

    {
        // the texts of both languages read here, not on the JavaFX thread
        i18n.warmUp(ZoneId.of("Asia/Shanghai"));
    }

    @Start
    void start(Stage stage) {
        vm = new LicenceViewModel(
                i18n,
                new LicenceViewModelTest.Standing(new DemoLicenceSource(templates)),
                templates,
                new Renderings(null),
                null,
                TaskRunner.DIRECT,
                sessions);
        FinishedViewModel finished =
                new FinishedViewModel(i18n, sessions, new Navigator(), Clock.systemUTC(), Duration.ofSeconds(15));
        StackPane root = new StackPane(new LicenceView(vm, finished).root());
        scene = new Scene(root, 1920, 1080);
        new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.ELDERLY).apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rowsAreAsHighAsTheirTexts() {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            sessions.start(ZH).put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
            vm.open();
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 4; i++) {
            Node row = scene.lookup("#licence-row-" + i);
            double h = row.getBoundsInParent().getHeight();
            assertThat(h).as("row %d", i).isBetween(80.0, 400.0);
        }
    }
}
