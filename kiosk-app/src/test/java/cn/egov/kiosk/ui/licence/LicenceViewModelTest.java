package cn.egov.kiosk.ui.licence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.DemoLicenceSource;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 证照打印 on the simulated licence printer, with the demo licence made out to the signed-in citizen. */
class LicenceViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    private final TemplateLibrary templates = TestTemplates.library();
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final MemoryPrintLog log = new MemoryPrintLog();
    private SimulatedDocumentPrinter printer;
    private LicenceViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        printer = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
        Renderings renderings = new Renderings(null);
        Printing printing = new Printing(
                templates, renderings, Optional::empty, () -> Optional.of(printer), log, Clock.systemUTC());
        vm = new LicenceViewModel(
                i18n, new DemoLicenceSource(templates), templates, renderings, printing, TaskRunner.DIRECT, sessions);
    }

    @AfterEach
    void tearDown() {
        printer.close();
    }

    private Session signIn() {
        Session s = sessions.start(ZH);
        s.put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
        return s;
    }

    @Test
    void theCitizensLicenceIsPreviewedThenPrintedOnA4() {
        signIn();

        vm.open();
        assertThat(vm.stepProperty().get()).isEqualTo(LicenceViewModel.Step.LIST);
        assertThat(vm.held()).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(LicenceSource.Status.WAITING);
            assertThat(vm.statusText(h)).isEqualTo("待领取：可以打印，也可以免费邮寄");
        });
        vm.choose(vm.held().get(0));

        assertThat(vm.stepProperty().get()).isEqualTo(LicenceViewModel.Step.PREVIEW);
        WritableImage page = vm.previewProperty().get();
        assertThat(page.getWidth()).isGreaterThan(780); // A4 at 100 dpi: 827 x 1169
        assertThat(page.getHeight()).isGreaterThan(page.getWidth());
        assertThat(LicenceViewModel.blank(page)).isFalse();

        vm.print();

        assertThat(vm.stepProperty().get()).isEqualTo(LicenceViewModel.Step.DONE);
        assertThat(printer.printed())
                .singleElement()
                .satisfies(j -> assertThat(j.media()).isEqualTo(DocumentJob.Media.A4));
        assertThat(log.all()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(PrintRecord.Result.PRINTED);
            assertThat(r.template()).isEqualTo("licence-example");
        });
        // back at the list it shows collected: a copy may be printed, marked so
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(LicenceViewModel.Step.LIST);
        LicenceSource.Held now = vm.held().get(0);
        assertThat(now.status()).isEqualTo(LicenceSource.Status.COLLECTED);
        assertThat(vm.statusText(now)).isEqualTo("已领取：可以再打印一份副本");
        vm.choose(now);
        assertThat(now.printsCopy()).isTrue();
    }

    @Test
    void paperOutSaysWhyAndNothingIsPrinted() {
        signIn();
        vm.open();
        vm.choose(vm.held().get(0));
        printer.apply("paper-out");

        vm.print();

        assertThat(vm.stepProperty().get()).isEqualTo(LicenceViewModel.Step.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo(Printing.Problem.PAPER_OUT);
        assertThat(vm.problemText().get()).isEqualTo("证照没有打印出来。 打印机没纸了。 请到人工窗口，工作人员会帮您打印。");
        assertThat(vm.problemCodeText().get()).isEqualTo("代码 P-PAPER-OUT");
        assertThat(vm.partlyProperty().get()).isFalse();
        assertThat(printer.printed()).isEmpty();

        printer.apply("paper-ok");
        vm.print(); // the retry button
        assertThat(vm.stepProperty().get()).isEqualTo(LicenceViewModel.Step.DONE);
    }

    @Test
    void withoutALicenceTheCitizenIsToldSo() {
        signIn();
        LicenceViewModel none = new LicenceViewModel(
                i18n, LicenceSource.NONE, templates, new Renderings(null), null, TaskRunner.DIRECT, sessions);

        none.open();

        assertThat(none.stepProperty().get()).isEqualTo(LicenceViewModel.Step.NONE);
    }

    @Test
    void theEndOfTheSessionOverwritesThePreview() {
        signIn();
        vm.open();
        vm.choose(vm.held().get(0));
        WritableImage page = vm.previewProperty().get();

        vm.reset();

        assertThat(vm.previewProperty().get()).isNull();
        assertThat(LicenceViewModel.blank(page)).as("the preview's pixels").isTrue();
    }

    /** A platform's answers as the screen needs them: one licence of each standing. */
    static final class Standing implements LicenceSource {
        final List<String> collected = new ArrayList<>();
        final LicenceSource demo;
        Refusal refuse;

        Standing(LicenceSource demo) {
            this.demo = demo;
        }

        static Held held(String id, boolean printable, Status status, boolean copy, String tracking) {
            return new Held(
                    id,
                    "licence-example",
                    "证照" + id,
                    "演示区市场监督管理局",
                    Optional.of(LocalDate.of(2026, 11, 2)),
                    Optional.empty(),
                    printable,
                    status,
                    copy,
                    Optional.ofNullable(tracking));
        }

        @Override
        public List<Held> heldBy(Identity citizen) {
            return List.of(
                    held("A", true, Status.WAITING, false, null),
                    held("B", false, Status.WAITING, false, null),
                    held("C", true, Status.COLLECTED, false, null),
                    held("D", true, Status.MAILED, false, "117800000111"));
        }

        @Override
        public Licence printData(Held h) {
            if (refuse != null) {
                throw new RefusedException(refuse, "refused");
            }
            return demo.printData(h);
        }

        @Override
        public void collected(Held h, boolean copy) {
            collected.add(h.licenceId() + (copy ? " copy" : ""));
        }

        @Override
        public Mailed mail(Held h, Recipient r, String orderRef) {
            throw new UnavailableException("not here", null);
        }
    }

    @Test
    void everyLicenceIsListedWithWhereItStandsAndWhatCanBeDoneHere() {
        signIn();
        Standing source = new Standing(new DemoLicenceSource(templates));
        Renderings renderings = new Renderings(null);
        Printing printing = new Printing(
                templates, renderings, Optional::empty, () -> Optional.of(printer), log, Clock.systemUTC());
        LicenceViewModel all =
                new LicenceViewModel(i18n, source, templates, renderings, printing, TaskRunner.DIRECT, sessions);
        List<LicenceSource.Held> mailedTo = new ArrayList<>();
        all.onMail(mailedTo::add);

        all.open();

        assertThat(all.held())
                .extracting(all::statusText)
                .containsExactly("待领取：可以打印，也可以免费邮寄", "待领取：本机不能打印，可以免费邮寄，或到窗口领取", "已领取", "已邮寄，运单号 117800000111");
        assertThat(all.issuedText(all.held().get(0))).isEqualTo("演示区市场监督管理局　2026年11月2日 星期一发证");
        // a kind not printed here: what it is, and the post
        all.choose(all.held().get(1));
        assertThat(all.stepProperty().get()).isEqualTo(LicenceViewModel.Step.PREVIEW);
        assertThat(all.previewProperty().get()).isNull();
        assertThat(all.chosenText().get()).contains("本机不能打印");
        all.mail();
        assertThat(mailedTo).extracting(LicenceSource.Held::licenceId).containsExactly("B");
        // collected, no copy allowed: refused in words, no print, no post
        all.back();
        all.choose(all.held().get(2));
        assertThat(all.chosenText().get()).contains("不能再次打印");
        all.print();
        all.mail();
        assertThat(printer.printed()).isEmpty();
        assertThat(mailedTo).hasSize(1);
        // mailed
        all.back();
        all.choose(all.held().get(3));
        assertThat(all.chosenText().get()).contains("已经邮寄");
        // waiting, printed: the platform hears of the collection
        all.back();
        all.choose(all.held().get(0));
        all.print();
        assertThat(all.stepProperty().get()).isEqualTo(LicenceViewModel.Step.DONE);
        assertThat(source.collected).containsExactly("A");
    }

    @Test
    void aLicenceCollectedElsewhereMeanwhileIsRefusedInPlainWords() {
        signIn();
        Standing source = new Standing(new DemoLicenceSource(templates));
        source.refuse = LicenceSource.Refusal.COLLECTED;
        LicenceViewModel all =
                new LicenceViewModel(i18n, source, templates, new Renderings(null), null, TaskRunner.DIRECT, sessions);
        all.open();

        all.choose(all.held().get(0));

        assertThat(all.stepProperty().get()).isEqualTo(LicenceViewModel.Step.PREVIEW);
        assertThat(all.refusedProperty().get()).isEqualTo(LicenceSource.Refusal.COLLECTED);
        assertThat(all.chosenText().get()).contains("刚刚已经领取");
        assertThat(all.held().get(0).status()).isEqualTo(LicenceSource.Status.COLLECTED);
    }
}
