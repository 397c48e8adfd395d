package cn.egov.kiosk.ui.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.platform.api.CreditCodes;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.printing.PagePrinterRig;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel.InputProblem;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel.PrintState;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 企业信息查询's logic with {@link TaskRunner#DIRECT} and an in-memory register (the register over the
 * real simulator is {@code EnterpriseOverPlatformTest}); the page printed on the simulated licence
 * printer through the real templates, read back from the PDF.
 */
class EnterpriseViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final Enterprise SHIYUAN = new Enterprise(
            "91110101MA0E3PWQ0E",
            "北京示远数据科技有限公司",
            "有限责任公司",
            "刘海川",
            "存续",
            "500万元人民币",
            LocalDate.of(2019, 4, 16),
            "北京市演示区示例大街18号3层302室",
            "技术开发、技术咨询、技术服务；软件开发；数据处理和存储支持服务；计算机系统服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
            "演示区市场监督管理局");
    static final Enterprise SHOP = new Enterprise(
            "92110101MA08JJ9D3X",
            "演示区好运来便利店",
            "个体工商户",
            "杜好运",
            "吊销",
            "",
            LocalDate.of(2015, 12, 21),
            "北京市东城区示例大街9号",
            "日用百货销售。",
            "演示区市场监督管理局");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:20:05Z"));
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final FakeRegister register = new FakeRegister();
    private PagePrinterRig paper;
    private EnterpriseViewModel vm;

    /** The register in memory: what it holds, whether it answers, what it was asked. */
    static final class FakeRegister implements EnterpriseRegister {
        final Map<String, Enterprise> byCode = new LinkedHashMap<>();
        final List<String> asked = new ArrayList<>();
        Optional<Reason> failing = Optional.empty();

        @Override
        public Optional<Enterprise> byCode(String creditCode) {
            asked.add("code " + creditCode);
            failing.ifPresent(r -> {
                throw new UnavailableException(r, "test: " + r, null);
            });
            return Optional.ofNullable(byCode.get(creditCode));
        }

        @Override
        public Matches byName(String name) {
            asked.add("name " + name);
            failing.ifPresent(r -> {
                throw new UnavailableException(r, "test: " + r, null);
            });
            List<Enterprise> found = byCode.values().stream()
                    .filter(e -> e.name().contains(name))
                    .toList();
            return new Matches(found.subList(0, Math.min(MOST_MATCHES, found.size())), found.size());
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        register.byCode.put(SHIYUAN.creditCode(), SHIYUAN);
        register.byCode.put(SHOP.creditCode(), SHOP);
        paper = new PagePrinterRig();
        vm = new EnterpriseViewModel(i18n, register, paper.printing, TaskRunner.DIRECT, clock, ZONE, () -> "演示区政务服务中心");
        vm.open();
    }

    @AfterEach
    void tearDown() {
        paper.close();
    }

    private void typeCode(String code) {
        vm.byCode();
        vm.codeProperty().set(code);
        vm.lookUpCode();
    }

    // ---- by credit code --------------------------------------------------------------------------

    @Test
    void aValidCodeShowsTheEntitysPublicRegistration() {
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        vm.byCode();
        vm.codeProperty().set("91110101MA0E3PWQ0E");
        assertThat(vm.codeCountText().get()).isEqualTo("已输入 18 位，共 18 位");

        vm.lookUpCode();

        assertThat(register.asked).containsExactly("code 91110101MA0E3PWQ0E");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);
        assertThat(vm.resultProperty().get()).isEqualTo(SHIYUAN);
        assertThat(vm.facts())
                .extracting(EnterpriseViewModel.Fact::label, EnterpriseViewModel.Fact::value)
                .containsExactly(
                        tuple("统一社会信用代码", "91110101MA0E3PWQ0E"),
                        tuple("登记状态", "存续（正常经营）"),
                        tuple("类型", "有限责任公司"),
                        tuple("法定代表人", "刘海川"),
                        tuple("注册资本", "500万元人民币"),
                        tuple("成立日期", "2019年4月16日"),
                        tuple("住所", "北京市演示区示例大街18号3层302室"),
                        tuple("登记机关", "演示区市场监督管理局"),
                        tuple("经营范围", SHIYUAN.businessScope()));
        assertThat(vm.facts()).noneMatch(EnterpriseViewModel.Fact::warning);
        assertThat(vm.queriedAtText().get()).startsWith("查询时间：2026年11月28日 14:20。");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(vm.facts().get(1).value()).isEqualTo("存续 (in business)");
        assertThat(vm.queriedAtText().get()).startsWith("Looked up 28 Nov 2026 14:20.");
    }

    @Test
    void aSoleTradersOperatorAndARevokedLicenceAreSaidAsTheRegisterMeansThem() {
        typeCode("92110101ma08jj9d3x"); // as a scanner may type it

        assertThat(register.asked).containsExactly("code 92110101MA08JJ9D3X");
        assertThat(vm.facts())
                .extracting(EnterpriseViewModel.Fact::label)
                .contains("经营者", "资金数额", "经营场所")
                .doesNotContain("法定代表人", "住所");
        assertThat(vm.facts())
                .filteredOn(f -> f.id().equals(EnterpriseViewModel.STATUS_FACT))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("吊销（营业执照已被吊销，不能再经营）");
                    assertThat(f.warning()).isTrue();
                });
        assertThat(vm.facts())
                .filteredOn(f -> f.id().equals("enterprise-capital"))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.value()).as("blank in the register").isEqualTo("未公示"));

        vm.print();
        assertThat(paper.texts().get(0).replaceAll("\\s+", ""))
                .as("the page calls them the same")
                .contains("经营者：杜好运", "吊销（营业执照已被吊销）", "经营场所：")
                .doesNotContain("资金数额");
    }

    @Test
    void aCodeOfTheWrongLengthIsSaidWithoutAskingTheRegister() {
        typeCode("91110101MA0E3PWQ");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CODE);
        assertThat(vm.problemProperty().get()).isEqualTo(InputProblem.CODE_LENGTH);
        assertThat(vm.problemText().get()).isEqualTo("统一社会信用代码是18位，您输入了16位。请对照营业执照核对。");
        assertThat(register.asked).isEmpty();

        vm.codeProperty().set("91110101MA0E3PWQ0");
        assertThat(vm.problemText().get()).as("typing again: the old words go").isEmpty();
    }

    @Test
    void aLetterThatIsNeverInSuchCodesIsNamedWithItsPlace() {
        typeCode("91110101MAOE3PWQ0E"); // the letter O for the digit 0

        assertThat(vm.problemProperty().get()).isEqualTo(InputProblem.CODE_CHARACTER);
        assertThat(vm.problemText().get()).startsWith("第11位的“O”不会出现在统一社会信用代码里").endsWith("请核对第11位。");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(vm.problemText().get()).startsWith("The \"O\" in place 11 is never in a unified social credit code");
        assertThat(register.asked).isEmpty();
    }

    @Test
    void aWrongCheckCharacterAsksToCheckTheLastOne() {
        typeCode("91110101MA0E3PWQ0A");

        assertThat(vm.problemProperty().get()).isEqualTo(InputProblem.CODE_CHECK);
        assertThat(vm.problemText().get()).contains("请核对最后一位");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CODE);
        assertThat(vm.codeProperty().get())
                .as("what was typed stays, to be corrected")
                .isEqualTo("91110101MA0E3PWQ0A");
        assertThat(register.asked).isEmpty();
    }

    @Test
    void aValidCodeTheRegisterDoesNotHoldIsSaidPlainly() {
        String unknown = "91110101MA0E3PWQ1" + CreditCodes.checkCharacter("91110101MA0E3PWQ1");

        typeCode(unknown);

        assertThat(register.asked).containsExactly("code " + unknown);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CODE);
        assertThat(vm.problemProperty().get()).isEqualTo(InputProblem.CODE_NOT_FOUND);
        assertThat(vm.problemText().get()).isEqualTo("没有找到代码为 " + unknown + " 的企业。请核对代码，或者按企业名称查询。");
    }

    // ---- by name ---------------------------------------------------------------------------------

    @Test
    void aNameOfOneCharacterIsTooShortToAsk() {
        vm.byName();
        vm.nameProperty().set(" 科 ");
        vm.searchName();

        assertThat(vm.problemProperty().get()).isEqualTo(InputProblem.NAME_TOO_SHORT);
        assertThat(vm.problemText().get()).isEqualTo("请至少输入名称中的两个字。");
        assertThat(register.asked).isEmpty();
    }

    @Test
    void aNameNothingMatchesIsSaidWithWhatWasTyped() {
        vm.byName();
        vm.nameProperty().set("火星");
        vm.searchName();

        assertThat(register.asked).containsExactly("name 火星");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NAME);
        assertThat(vm.problemProperty().get()).isEqualTo(InputProblem.NAME_NOT_FOUND);
        assertThat(vm.problemText().get()).startsWith("没有找到名称里有“火星”的企业。");
    }

    @Test
    void theMatchesAreListedAndOneChosenShowsItsPage() {
        vm.byName();
        vm.nameProperty().set("便利店");
        vm.searchName();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.MATCHES);
        assertThat(vm.matches()).containsExactly(SHOP);
        assertThat(vm.matchesTitle().get()).isEqualTo("找到 1 家企业，请选择");
        assertThat(vm.moreText().get()).as("all are listed").isEmpty();
        assertThat(vm.statusText(SHOP)).startsWith("吊销");
        assertThat(vm.matchDetail(SHOP)).isEqualTo("经营者：杜好运　　代码：92110101MA08JJ9D3X");

        vm.choose(SHOP);

        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);
        assertThat(vm.resultProperty().get()).isEqualTo(SHOP);
        assertThat(register.asked).as("the search gave all of it").containsExactly("name 便利店");
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).as("back to the matches").isEqualTo(Step.MATCHES);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NAME);
        assertThat(vm.nameProperty().get()).isEqualTo("便利店");
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.back()).as("at the choice, back leaves the screen").isFalse();
    }

    @Test
    void moreThanTwentyMatchesAskForMoreOfTheName() {
        for (int i = 1; i <= 25; i++) {
            String first17 = String.format("9111010100000%04d", i);
            Enterprise e = new Enterprise(
                    first17 + CreditCodes.checkCharacter(first17),
                    "北京演示第" + i + "商贸有限公司",
                    "有限责任公司",
                    "张" + i,
                    "存续",
                    "10万元人民币",
                    LocalDate.of(2020, 1, 1),
                    "北京市演示区",
                    "日用百货销售。",
                    "演示区市场监督管理局");
            register.byCode.put(e.creditCode(), e);
        }
        vm.byName();
        vm.nameProperty().set("商贸");
        vm.searchName();

        assertThat(vm.matches()).hasSize(EnterpriseRegister.MOST_MATCHES);
        assertThat(vm.totalProperty().get()).isEqualTo(25);
        assertThat(vm.matchesTitle().get()).isEqualTo("找到 20 家企业，请选择");
        assertThat(vm.moreText().get()).isEqualTo("一共找到 25 家，这里列出最接近的 20 家。请多输入几个字，缩小范围。");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(vm.moreText().get()).startsWith("25 found in all; the 20 closest are listed.");
    }

    // ---- the platform away -----------------------------------------------------------------------

    @Test
    void thePlatformAwayIsSaidPlainlyWhatWasTypedIsKeptAndAskingAgainWorksOnceItIsBack() {
        register.failing = Optional.of(EnterpriseRegister.Reason.AWAY);
        typeCode("91110101MA0E3PWQ0E");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.UNAVAILABLE);
        assertThat(vm.unavailableText().get())
                .startsWith("现在连不上政务服务平台，企业信息暂时查不到。")
                .contains("请过一会儿再试");
        assertThat(vm.unavailableCodeText().get()).isEqualTo("代码 N-PLATFORM-AWAY");
        assertThat(vm.codeProperty().get()).isEqualTo("91110101MA0E3PWQ0E");

        vm.retry();
        assertThat(vm.stepProperty().get()).as("still away").isEqualTo(Step.UNAVAILABLE);
        register.failing = Optional.empty();
        vm.retry();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);
        assertThat(register.asked).hasSize(3);
    }

    @Test
    void aSearchByNameThePlatformRefusesHasAStaffCodeAndBackReturnsToTheName() {
        register.failing = Optional.of(EnterpriseRegister.Reason.REFUSED);
        vm.byName();
        vm.nameProperty().set("科技");
        vm.searchName();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.UNAVAILABLE);
        assertThat(vm.unavailableCodeText().get()).isEqualTo("代码 E-REFUSED");
        assertThat(vm.unavailableText().get()).contains("请到人工窗口");
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NAME);
        assertThat(vm.nameProperty().get()).isEqualTo("科技");

        register.failing = Optional.of(EnterpriseRegister.Reason.NOT_REGISTERED);
        vm.searchName();
        assertThat(vm.unavailableCodeText().get()).isEqualTo("代码 N-NOT-REGISTERED");
        register.failing = Optional.empty();
        vm.retry();
        assertThat(vm.stepProperty().get()).as("asked by name again").isEqualTo(Step.MATCHES);
    }

    // ---- printing --------------------------------------------------------------------------------

    @Test
    void theResultPrintsOnAnA4PageWithTheTimeOfTheQueryEvenWithThePlatformGone() {
        typeCode("91110101MA0E3PWQ0E");
        register.failing = Optional.of(EnterpriseRegister.Reason.AWAY); // gone after the answer
        clock.advance(Duration.ofSeconds(26));

        vm.print();

        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.PRINTED);
        assertThat(vm.printStatusText().get()).isEqualTo("查询结果已打印，请在出纸口取走。");
        assertThat(paper.printer.printed()).hasSize(1);
        PrintRecord r = paper.log.recent(1).get(0);
        assertThat(r.template()).isEqualTo("enterprise-info");
        assertThat(r.reference())
                .as("the query's reference, not the entity's code")
                .matches("EQ-[0-9A-F]{8}");
        String text = paper.texts().get(0).replaceAll("\\s+", "");
        assertThat(text)
                .contains(
                        "企业信息查询结果",
                        "北京示远数据科技有限公司",
                        "91110101MA0E3PWQ0E",
                        "刘海川",
                        "存续（正常经营）",
                        "查询时间：2026-11-2814:20:05",
                        "演示区政务服务中心",
                        r.reference());
        assertThat(register.asked).as("printing asks nothing").hasSize(1);
    }

    @Test
    void paperOutIsSaidInTheCitizensWordsWithTheStaffCode() {
        typeCode("91110101MA0E3PWQ0E");
        paper.printer.apply("paper-out", "");

        vm.print();

        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.FAILED);
        assertThat(vm.printStatusText().get())
                .startsWith("查询结果没有打印出来。")
                .contains("没纸了")
                .contains("请到人工窗口");
        assertThat(vm.printCodeText().get()).isEqualTo("代码 P-PAPER-OUT");
        assertThat(vm.stepProperty().get()).as("the page stays to print again").isEqualTo(Step.RESULT);

        paper.printer.apply("paper-ok", "");
        vm.print();
        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.PRINTED);
        assertThat(vm.printCodeText().get()).isEmpty();
    }

    @Test
    void theNextCitizenFindsNothingOfThisOne() {
        typeCode("91110101MA0E3PWQ0E");
        vm.print();

        vm.resetForNextCitizen();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.codeProperty().get()).isEmpty();
        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.matches()).isEmpty();
        assertThat(vm.printStateProperty().get()).isEqualTo(PrintState.IDLE);
        assertThat(vm.facts()).isEmpty();
    }
}
