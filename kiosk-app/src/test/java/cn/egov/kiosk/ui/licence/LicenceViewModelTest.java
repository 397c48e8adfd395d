package cn.egov.kiosk.ui.licence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.DemoLicenceSource;
import cn.egov.kiosk.printing.LicenceSource;
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
    }

    @Test
    void paperOutSaysWhyAndNothingIsPrinted() {
        signIn();
        vm.open();
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
        WritableImage page = vm.previewProperty().get();

        vm.reset();

        assertThat(vm.previewProperty().get()).isNull();
        assertThat(LicenceViewModel.blank(page)).as("the preview's pixels").isTrue();
    }
}
