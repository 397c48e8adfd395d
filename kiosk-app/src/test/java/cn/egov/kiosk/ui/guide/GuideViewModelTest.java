package cn.egov.kiosk.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.catalogue.Guide;
import cn.egov.kiosk.catalogue.SampleCatalogue;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.CatalogueUseRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.DownSync;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 办事指南 on the sample catalogue in a real store, its guide printed on the simulated licence printer. */
class GuideViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final MemoryPrintLog log = new MemoryPrintLog();
    private final List<String> pdfTexts = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private Database db;
    private SimulatedDocumentPrinter printer;
    private GuideViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        CatalogueRepository catalogue = new CatalogueRepository(db);
        SyncStateRepository state = new SyncStateRepository(db);
        db.transaction(c -> {
            catalogue.apply(c, SampleCatalogue.items(), List.of());
            state.synced(c, DownSync.CATALOGUE, 9, Optional.empty(), clock.instant());
            return null;
        });
        printer = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
        printer.outputTray(pdf -> pdfTexts.add(text(pdf)));
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                Optional::empty,
                () -> Optional.of(printer),
                log,
                Clock.systemUTC());
        vm = new GuideViewModel(
                i18n,
                new ServiceGuide(catalogue, state, new CatalogueUseRepository(db), clock, ZONE),
                printing,
                TaskRunner.DIRECT,
                clock,
                ZONE,
                Guide::applicableHere,
                item -> applied.add(item.id()),
                numbers::add,
                Set.of("A", "B", "C", "D")::contains,
                (code, locale) -> "综合受理",
                () -> "演示区政务服务中心");
    }

    @AfterEach
    void tearDown() {
        printer.close();
        db.close();
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStartOffersTheListsAndSaysHowCurrentTheCopyIs() {
        vm.shown();

        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.START);
        assertThat(vm.asOfText().get()).startsWith("事项信息更新于").contains("11月28日");
        vm.openEntry(GuideViewModel.Entry.ZERO_TRIP);
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.LIST);
        assertThat(vm.listTitleProperty().get()).isEqualTo("零跑腿");
        assertThat(vm.pageItems()).hasSize(GuideViewModel.PAGE_SIZE).allMatch(i -> i.trips() == Catalogue.Trips.ZERO);
        assertThat(vm.pageText().get()).startsWith("第 1/");

        vm.nextPage();
        assertThat(vm.pageText().get()).startsWith("第 2/");
        vm.previousPage();
        vm.previousPage(); // not before the first
        assertThat(vm.pageProperty().get()).isZero();
    }

    @Test
    void backGoesOneStepBackInsideTheGuideThenLeavesIt() {
        vm.shown();
        vm.browse(Guide.Facet.LIFE_EVENT);
        assertThat(vm.groups()).extracting(g -> g.name()).contains("结婚", "退休", "出生");
        vm.openGroup(vm.groups().stream()
                .filter(g -> g.name().equals("结婚"))
                .findFirst()
                .orElseThrow());
        vm.openItem(vm.pageItems().get(0));

        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.LIST);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.GROUPS);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.START);
        assertThat(vm.back()).as("at the start, back leaves the guide").isFalse();
    }

    @Test
    void searchFollowsTypingAndAnItemsPageIsCountedAsUsed() {
        vm.shown();
        vm.openSearch();
        vm.queryProperty().set("yyzz");

        assertThat(vm.hits()).extracting(Catalogue.Item::name).first().isEqualTo("营业执照遗失补领");
        vm.openItem(vm.hits().get(0));
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.ITEM);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).as("back to the search, as typed").isEqualTo(GuideViewModel.Step.SEARCH);
        assertThat(vm.queryProperty().get()).isEqualTo("yyzz");

        vm.shown(); // come back to: as left
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.SEARCH);
        vm.startAt(Optional.empty());
        vm.shown(); // opened from home again: afresh, with the count of the page just seen
        assertThat(vm.guideProperty().get().mostUsed())
                .extracting(Catalogue.Item::name)
                .containsExactly("营业执照遗失补领");
    }

    @Test
    void anItemsPageLeadsToApplyingHereOrANumberForItsCounter() {
        vm.shown();
        Catalogue.Item here = SampleCatalogue.items().stream()
                .filter(Guide::applicableHere)
                .findFirst()
                .orElseThrow();
        Catalogue.Item notHere = SampleCatalogue.items().stream()
                .filter(i -> !Guide.applicableHere(i))
                .findFirst()
                .orElseThrow();

        vm.openItem(notHere);
        assertThat(vm.applicableProperty().get()).isFalse();
        vm.applyHere();
        assertThat(applied).isEmpty();
        vm.takeNumber();
        assertThat(numbers).containsExactly(notHere.businessType());

        vm.openItem(here);
        assertThat(vm.applicableProperty().get()).isTrue();
        vm.applyHere();
        assertThat(applied).containsExactly(here.id());
    }

    @Test
    void theGuidePrintsOnOnePageWithWhatTheCitizenMustBring() {
        vm.shown();
        Catalogue.Item item = vm.guideProperty().get().find("110101-GA-0001").orElseThrow();
        vm.openItem(item);

        vm.printGuide();

        assertThat(vm.printStateProperty().get()).isEqualTo(GuideViewModel.PrintState.PRINTED);
        assertThat(log.recent(1)).extracting(PrintRecord::template).containsExactly("service-guide");
        assertThat(printer.printed()).hasSize(1);
        String text = pdfTexts.get(0).replaceAll("\\s+", "");
        assertThat(text).contains("办事指南", "出生登记（新生儿落户）", "演示区公安分局", "出生医学证明", "结婚证", "综合受理");
    }

    @Test
    void paperOutIsSaidInTheCitizensWords() {
        vm.shown();
        vm.openItem(vm.guideProperty().get().find("110101-GA-0001").orElseThrow());
        printer.apply("paper-out", "");

        vm.printGuide();

        assertThat(vm.printStateProperty().get()).isEqualTo(GuideViewModel.PrintState.FAILED);
        assertThat(vm.printProblemText().get())
                .startsWith("办事指南没有打印出来。")
                .contains("没纸了")
                .contains("请到人工窗口");
        assertThat(vm.printCodeText().get()).isEqualTo("代码 P-PAPER-OUT");
    }

    @Test
    void theNextCitizenFindsNothingOfThisOne() {
        vm.shown();
        vm.openSearch();
        vm.queryProperty().set("医保");
        vm.openItem(vm.hits().get(0));

        vm.resetForNextCitizen();

        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.hits()).isEmpty();
        assertThat(vm.itemProperty().get()).isNull();
        vm.shown();
        assertThat(vm.stepProperty().get()).isEqualTo(GuideViewModel.Step.START);
    }
}
