package cn.egov.kiosk.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.catalogue.Guide;
import cn.egov.kiosk.catalogue.SampleCatalogue;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.CatalogueUseRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.DownSync;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.PlainWords;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.theme.Themes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An item's page shows each official term with its everyday words right after it, from the bundled
 * glossary, in the elderly theme, on the sample catalogue in a real store: 承诺时限（就是最多要等多久）,
 * the 授权委托书 in a material's name, 免提交; in English the screen's own wording and the
 * catalogue's Chinese terms get English plain words.
 */
@ExtendWith(ApplicationExtension.class)
class GuidePlainWordsTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 出生登记（新生儿落户）: 20 and 5 working days, a 授权委托书 among its materials, some held electronically. */
    private static final String ITEM = "110101-GA-0001";

    @TempDir
    static Path dir;

    private static I18n i18n;
    private static Database db;
    private static ServiceGuide source;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private FxTaskRunner tasks;
    private GuideViewModel vm;

    @BeforeAll
    static void load() throws Exception {
        // what the kiosk does off the JavaFX thread before its screens: the font, the texts, the local copy
        KioskFonts.load();
        i18n = new I18n(List.of(ZH, Locale.ENGLISH));
        i18n.warmUp(ZONE);
        db = Database.open(dir.resolve("kiosk.db"));
        CatalogueRepository catalogue = new CatalogueRepository(db);
        SyncStateRepository state = new SyncStateRepository(db);
        db.transaction(c -> {
            catalogue.apply(c, SampleCatalogue.items(), List.of());
            state.synced(c, DownSync.CATALOGUE, 9, Optional.empty(), clock.instant());
            return null;
        });
        // made here: an empty guide builds the search index, whose class reads its synonyms
        source = new ServiceGuide(catalogue, state, new CatalogueUseRepository(db), clock, ZONE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner();
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                Optional::empty,
                Optional::empty,
                new MemoryPrintLog(),
                Clock.systemUTC());
        vm = new GuideViewModel(
                i18n,
                source,
                printing,
                tasks,
                clock,
                ZONE,
                Guide::applicableHere,
                item -> {},
                code -> {},
                code -> false,
                (code, locale) -> "",
                () -> "演示区政务服务中心");
        GuideView view = new GuideView(vm, new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
        Scene scene = new Scene(new StackPane(view.root()), 1920, 1080);
        scene.getStylesheets().setAll(Themes.ELDERLY.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> i18n.setLocale(ZH));
        tasks.close();
    }

    @Test
    void theItemPageShowsThePlainWordsRightAfterEachTerm(FxRobot robot) {
        open(robot);

        // the facts' labels: the term as the hall says it, then its plain words
        assertThat(after(robot, "承诺时限")).isEqualTo("（就是最多要等多久）");
        assertThat(after(robot, "法定时限")).isEqualTo("（就是法律规定最多多久）");
        // inside a material's name, right after the term, the rest of the name after them
        assertThat(after(robot, "授权委托书")).isEqualTo("（就是请别人替您办事时写的委托书）");
        // a badge
        assertThat(after(robot, "免提交")).isEqualTo("（就是不用带）");
        // the plain words are no smaller than the term
        Label words = plainWords(robot).get(0);
        assertThat(words.getFont().getSize()).isGreaterThanOrEqualTo(32);
        // a term is explained once on a page: 免提交 recurs on every electronic material
        assertThat(plainWords(robot)).extracting(Label::getText).doesNotHaveDuplicates();
    }

    @Test
    void inEnglishTheScreensWordingAndTheCataloguesChineseTermsGetEnglishPlainWords(FxRobot robot) {
        open(robot);
        robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(after(robot, "Promised time limit")).isEqualTo("(meaning: the longest you wait)");
        assertThat(after(robot, "授权委托书")).isEqualTo("(meaning: a signed letter letting someone act for you)");
    }

    private void open(FxRobot robot) {
        robot.interact(vm::shown);
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> vm.stepProperty().get() == GuideViewModel.Step.START);
        } catch (TimeoutException e) {
            throw new AssertionError("the guide did not open", e);
        }
        robot.interact(() -> assertThat(vm.openItem(ITEM)).isTrue());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label right after the item page's first label that says {@code text}. */
    private static String after(FxRobot robot, String text) {
        Label term = robot.lookup("#guide-item")
                .lookup((Label l) -> text.equals(l.getText()))
                .queryAs(Label.class);
        Parent flow = term.getParent();
        List<Node> siblings = flow.getChildrenUnmodifiable();
        Node next = siblings.get(siblings.indexOf(term) + 1);
        assertThat(next.getStyleClass()).as("after %s", text).contains(PlainWords.STYLE);
        return ((Label) next).getText();
    }

    private static List<Label> plainWords(FxRobot robot) {
        return List.copyOf(
                robot.lookup("#guide-item").lookup("." + PlainWords.STYLE).queryAllAs(Label.class));
    }
}
