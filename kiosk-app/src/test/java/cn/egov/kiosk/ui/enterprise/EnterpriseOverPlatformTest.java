package cn.egov.kiosk.ui.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.printing.PagePrinterRig;
import cn.egov.kiosk.sync.PlatformLink;
import cn.egov.kiosk.sync.PlatformRig;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 企业信息查询 end to end below the screen: the ViewModel, the kiosk's register over real HTTP
 * against the platform simulator's data set, the page printed on the simulated licence printer. The
 * platform going away mid-flow: said plainly, the result already shown still prints.
 */
class EnterpriseOverPlatformTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformRig platform;
    private PlatformSimulator sim;
    private PagePrinterRig paper;
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH));
    private EnterpriseViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        platform = new PlatformRig("KSK-ENT-02");
        sim = platform.sim;
        paper = new PagePrinterRig();
        vm = new EnterpriseViewModel(
                i18n,
                platform.enterprises(),
                paper.printing,
                TaskRunner.DIRECT,
                Clock.systemUTC(),
                ZONE,
                () -> "演示区政务服务中心");
        vm.open();
    }

    @AfterEach
    void tearDown() {
        paper.close();
        platform.close();
    }

    @Test
    void aCodeTypedShowsTheRegistersEntityAndItPrints() {
        vm.byCode();
        vm.codeProperty().set("91110101MA0E3PWQ0E");
        vm.lookUpCode();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);
        assertThat(vm.resultProperty().get().name()).isEqualTo("北京示远数据科技有限公司");
        assertThat(vm.facts()).extracting(EnterpriseViewModel.Fact::value).contains("刘海川", "存续（正常经营）");

        vm.print();

        assertThat(vm.printStateProperty().get()).isEqualTo(EnterpriseViewModel.PrintState.PRINTED);
        assertThat(paper.texts())
                .singleElement()
                .satisfies(t -> assertThat(t.replaceAll("\\s+", ""))
                        .contains("企业信息查询结果", "北京示远数据科技有限公司", "统一社会信用代码：91110101MA0E3PWQ0E", "演示区市场监督管理局"));
    }

    @Test
    void aSlipIsCaughtBeforeThePlatformIsAskedAndAnUnknownCodeIsNotFound() {
        long before = sim.requests();
        vm.byCode();
        vm.codeProperty().set("91110101MA0E3PWQ0A");
        vm.lookUpCode();
        assertThat(vm.problemText().get()).contains("请核对最后一位");
        assertThat(sim.requests())
                .as("nothing asked of a code that cannot be one")
                .isEqualTo(before);

        vm.codeProperty().set("914403001922038216"); // a valid code of another province's register
        vm.lookUpCode();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CODE);
        assertThat(vm.problemProperty().get()).isEqualTo(EnterpriseViewModel.InputProblem.CODE_NOT_FOUND);
    }

    @Test
    void partOfANameGivesTheMatchesAndTheOneChosenItsPage() {
        vm.byName();
        vm.nameProperty().set("便利店");
        vm.searchName();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.MATCHES);
        assertThat(vm.matches()).extracting(e -> e.name()).containsExactlyInAnyOrder("北京新街坊便利店有限公司", "演示区好运来便利店");
        assertThat(vm.moreText().get()).isEmpty();
        var shop = vm.matches().stream()
                .filter(e -> e.name().equals("演示区好运来便利店"))
                .findFirst()
                .orElseThrow();
        assertThat(vm.matchDetail(shop)).startsWith("经营者：杜好运");

        vm.choose(shop);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);
        assertThat(vm.facts())
                .filteredOn(f -> f.id().equals(EnterpriseViewModel.STATUS_FACT))
                .singleElement()
                .satisfies(f -> assertThat(f.warning()).as("吊销").isTrue());

        vm.back();
        vm.back();
        vm.nameProperty().set("有限公司");
        vm.searchName();
        assertThat(vm.matches()).hasSize(20);
        assertThat(vm.moreText().get()).startsWith("一共找到").contains("请多输入几个字");
    }

    @Test
    void thePlatformGoingAwayMidFlowIsSaidPlainlyAndWhatWasShownStillPrints() {
        vm.byCode();
        vm.codeProperty().set("91110101MA0E3PWQ0E");
        vm.lookUpCode();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);

        sim.down(Duration.ofMinutes(5));
        vm.print();
        assertThat(vm.printStateProperty().get())
                .as("the page shown needs no platform to print")
                .isEqualTo(EnterpriseViewModel.PrintState.PRINTED);

        vm.back();
        vm.codeProperty().set("92110101MA00DEM06M");
        vm.lookUpCode();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.UNAVAILABLE);
        assertThat(vm.unavailableText().get()).startsWith("现在连不上政务服务平台");
        assertThat(vm.unavailableCodeText().get()).isEqualTo("代码 N-PLATFORM-AWAY");
        assertThat(platform.link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(vm.back()).isTrue();
        assertThat(vm.codeProperty().get()).as("what was typed is kept").isEqualTo("92110101MA00DEM06M");
    }
}
