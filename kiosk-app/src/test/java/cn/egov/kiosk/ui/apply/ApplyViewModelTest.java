package cn.egov.kiosk.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.catalogue.SampleCatalogue;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.apply.ApplyViewModel.Line;
import cn.egov.kiosk.ui.apply.ApplyViewModel.ReceiptState;
import cn.egov.kiosk.ui.apply.ApplyViewModel.Step;
import cn.egov.kiosk.ui.form.FormViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 自助申办 without the JavaFX toolkit: the demo resident card's citizen applies for 户籍证明开具 (an
 * item of the simulator's sample catalogue with a kiosk form) in a real SQLite store with its sealed
 * outbox, while the platform is not there (no sender runs: the outbox is never drained), and the
 * acceptance receipt comes out of the simulated licence printer, read back as text.
 */
class ApplyViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ITEM = "110101-GA-0019";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String MASKED_ID_NUMBER = "110105********002X";
    private static final String PHONE = "13800138000";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZONE);
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final MemoryPrintLog printLog = new MemoryPrintLog();
    private final List<byte[]> pdfs = new ArrayList<>();
    private final AtomicInteger wakes = new AtomicInteger();
    /** What the platform does when the sender is woken: nothing (it is not there) unless a test says. */
    private Runnable platform = () -> {};

    private Database db;
    private OutboxRepository outbox;
    private ApplicationRepository applications;
    private SimulatedDocumentPrinter printer;
    private ApplyViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), clock);
        applications = new ApplicationRepository(outbox, clock);
        // the sender is woken, but none runs: the platform is not there
        ApplicationService service = new ApplicationService(
                applications,
                () -> {
                    wakes.incrementAndGet();
                    platform.run();
                },
                clock,
                ZONE);
        printer = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
        // what comes out is read at once: a personal document's bytes are overwritten once printed
        printer.outputTray(pdf -> pdfs.add(pdf.clone()));
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                Optional::empty,
                () -> Optional.of(printer),
                printLog,
                Clock.systemUTC());
        vm = new ApplyViewModel(
                i18n,
                sessions,
                LicenceSource.NONE,
                service,
                Optional.empty(),
                printing,
                TaskRunner.DIRECT,
                clock,
                ZONE,
                new FormViewModel(i18n));
    }

    @AfterEach
    void tearDown() {
        printer.close();
        db.close();
    }

    private static Catalogue.Item item() {
        return SampleCatalogue.items().stream()
                .filter(i -> i.id().equals(ITEM))
                .findFirst()
                .orElseThrow();
    }

    /** The card read, the item chosen, the screen shown: at the card's check. */
    private void atTheCheck() {
        sessions.start(ZH).put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
        vm.prepare(item());
        vm.shown();
    }

    private FormViewModel.FieldModel field(String id) {
        return vm.form().fields().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** At the check, then through the form as the citizen fills it in: at the confirmation. */
    private void atTheConfirmation() {
        atTheCheck();
        vm.confirmIdentity();
        vm.form().choose("purpose", "4"); // 社会保障
        field("phone").textProperty().set(PHONE);
        assertThat(vm.form().next()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCheckShowsTheCardsNameAndNumberMasked() {
        atTheCheck();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHECK);
        assertThat(vm.maskedNameProperty().get()).isEqualTo("王*明");
        assertThat(vm.maskedNumberProperty().get()).isEqualTo(MASKED_ID_NUMBER);
        assertThat(vm.maskedAddressProperty().get()).isEqualTo("北京市西城区****");
        assertThat(vm.form().titleProperty().get()).isEqualTo("户籍证明开具");
        assertThat(field("name").textProperty().get())
                .as("the form prefilled from the card")
                .isEqualTo("王小明");
        assertThat(field("idNumber").locked()).isTrue();
    }

    @Test
    void theCompletedFormGoesToTheConfirmationWhichMasksWhatIsPersonal() {
        atTheCheck();
        vm.confirmIdentity();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);

        assertThat(vm.form().next()).as("the purpose and the phone are missing").isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        assertThat(field("phone").problem().get()).isEqualTo("这一项必须填写");
        vm.form().choose("purpose", "4");
        field("phone").textProperty().set(PHONE);
        assertThat(vm.form().next()).isTrue();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);
        assertThat(vm.confirmation())
                .containsExactly(
                        new Line("name", "姓名", "王*明"),
                        new Line("idNumber", "证件号码", MASKED_ID_NUMBER),
                        new Line("purpose", "证明用途", "社会保障"),
                        new Line("phone", "联系电话", "138****8000"));
        assertThat(vm.confirmation().toString()).doesNotContain(ID_NUMBER, PHONE, "王小明");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(vm.confirmation())
                .extracting(Line::label, Line::value)
                .contains(tuple("Purpose", "Social security"));
    }

    @Test
    void backGoesFromTheConfirmationToTheFormToTheCheckThenLeaves() {
        atTheConfirmation();

        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        assertThat(field("phone").textProperty().get()).as("the form as it was").isEqualTo(PHONE);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHECK);
        assertThat(vm.back()).as("at the check, back leaves the screen").isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHECK);
    }

    @Test
    void withoutThePlatformTheApplicationIsSavedAndTheReceiptSaysSoWithTheKiosksReference() {
        atTheConfirmation();

        vm.submit();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.numberedProperty().get()).isFalse();
        String reference = vm.referenceProperty().get();
        assertThat(reference).matches("KS-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
        assertThat(vm.doneText().get()).isEqualTo("政务服务平台暂时连不上：申请已保存在本机，恢复后自动提交，受理编号将以短信告知。本机编号：" + reference);
        assertThat(wakes.get()).as("the sender was told").isEqualTo(1);

        // durable: the row and its sealed outbox record, read again from the file
        db.close();
        db = Database.open(dir.resolve("kiosk.db"));
        OutboxRepository again = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), clock);
        ApplicationRepository rows = new ApplicationRepository(again, clock);
        List<OutboxRepository.Pending> pending = again.due(clock.millis() + 60_000, 10);
        assertThat(pending).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(Batch.APPLICATION_SUBMIT));
        String id = pending.get(0).idempotencyKey();
        assertThat(id.replace("-", "").toUpperCase(Locale.ROOT))
                .as("the reference finds the application")
                .startsWith(reference.substring(3).replace("-", ""));
        ApplicationRepository.Application row = rows.find(id).orElseThrow();
        assertThat(row.state()).isEqualTo(ApplicationRepository.State.QUEUED);
        assertThat(row.itemId()).isEqualTo(ITEM);

        // the acceptance receipt: masked number, the reference as the query code, never the whole number
        assertThat(vm.receiptProperty().get()).isEqualTo(ReceiptState.PRINTED);
        assertThat(vm.receiptText().get()).startsWith("受理回执已打印");
        assertThat(pdfs).hasSize(1);
        String text = text(pdfs.get(0));
        assertThat(text)
                .contains("行政许可受理回执", "户籍证明开具", MASKED_ID_NUMBER, "王*明", "138****8000")
                .contains("本机编号：" + reference, "查询码" + reference, "已在本机保存")
                .doesNotContain(ID_NUMBER, "王小明", PHONE, "【重打件】");
        assertThat(new String(pdfs.get(0), StandardCharsets.ISO_8859_1))
                .as("nor in the file's metadata")
                .doesNotContain(ID_NUMBER, PHONE);
        assertThat(printLog.all()).singleElement().satisfies(r -> {
            assertThat(r.template()).isEqualTo("acceptance-receipt");
            assertThat(r.reference()).isEqualTo(reference);
            assertThat(r.reprint()).isFalse();
        });
    }

    /** The platform at once: it answers every application the kiosk has queued with {@code answer}. */
    private void platformAnswers(Function<String, OutboxRepository.Settlement> answer) {
        platform = () -> outbox.settle(outbox.due(clock.millis() + 60_000, 10).stream()
                .map(p -> answer.apply(p.idempotencyKey()))
                .toList());
    }

    @Test
    void whenThePlatformAnswersInTimeTheCitizenGetsItsNumberOnTheSpot() {
        atTheConfirmation();
        platformAnswers(id -> new OutboxRepository.Acknowledged(
                id, Batch.APPLICATION_SUBMIT, Optional.of("{\"applicationNo\":\"SQ20261130000042\"}")));

        vm.submit();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.numberedProperty().get()).isTrue();
        assertThat(vm.referenceProperty().get()).isEqualTo("SQ20261130000042");
        assertThat(vm.doneText().get()).isEqualTo("受理编号：SQ20261130000042");
        assertThat(text(pdfs.get(0)))
                .contains("受理编号：SQ20261130000042", "查询码SQ20261130000042", "本机关决定予以受理", MASKED_ID_NUMBER)
                .doesNotContain("本机编号", ID_NUMBER);
    }

    @Test
    void anApplicationThePlatformRefusesIsNotToldAsSavedToGoLater() {
        atTheConfirmation();
        platformAnswers(id ->
                new OutboxRepository.Rejected(id, Batch.APPLICATION_SUBMIT, "validation: form.phone is not valid"));

        vm.submit();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.REFUSED);
        assertThat(vm.doneText().get()).doesNotContain("恢复后自动提交").contains("没有收下");
        assertThat(pdfs)
                .as("no receipt of acceptance for a refused application")
                .isEmpty();
    }

    @Test
    void paperOutIsSaidInTheCitizensWordsAndTheReceiptPrintsWhenPaperIsBack() {
        atTheConfirmation();
        printer.apply("paper-out", "");

        vm.submit();

        assertThat(vm.stepProperty().get())
                .as("the application is saved all the same")
                .isEqualTo(Step.DONE);
        String reference = vm.referenceProperty().get();
        assertThat(vm.receiptProperty().get()).isEqualTo(ReceiptState.FAILED);
        assertThat(vm.receiptText().get()).isEqualTo("受理回执没有打印出来，请记下编号 " + reference + "。 打印机没纸了。 请到人工窗口，工作人员会帮您打印。");
        assertThat(vm.receiptCodeText().get()).isEqualTo("代码 P-PAPER-OUT");
        assertThat(pdfs).isEmpty();

        printer.apply("paper-ok", "");
        vm.printReceipt();

        assertThat(vm.receiptProperty().get()).isEqualTo(ReceiptState.PRINTED);
        assertThat(pdfs).hasSize(1);
        // nothing came out the first time: this is the citizen's first copy, not a reprint
        assertThat(text(pdfs.get(0)))
                .contains("本机编号：" + reference, MASKED_ID_NUMBER)
                .doesNotContain("【重打件】");
        assertThat(printLog.all())
                .extracting(PrintRecord::result, PrintRecord::reprint)
                .containsExactly(tuple(PrintRecord.Result.REFUSED, false), tuple(PrintRecord.Result.PRINTED, false));
    }

    @Test
    void theNextCitizenFindsNothingOfThisOne() {
        atTheConfirmation();
        vm.submit();
        assertThat(vm.referenceProperty().get()).isNotEmpty();
        FormViewModel.FieldModel phone = field("phone");

        vm.resetForNextCitizen();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.IDLE);
        assertThat(vm.itemProperty().get()).isNull();
        assertThat(vm.maskedNameProperty().get()).isEmpty();
        assertThat(vm.maskedNumberProperty().get()).isEmpty();
        assertThat(vm.referenceProperty().get()).isEmpty();
        assertThat(vm.receiptProperty().get()).isEqualTo(ReceiptState.NONE);
        assertThat(vm.form().fields()).isEmpty();
        assertThat(phone.textProperty().get())
                .as("what was typed is overwritten")
                .isEmpty();
        assertThat(vm.form().completedProperty().get()).isNull();
        assertThat(vm.confirmation()).isEmpty();
        vm.printReceipt(); // the receipt's data is gone: nothing to print
        assertThat(pdfs).hasSize(1);
        vm.shown(); // no item: stays idle
        assertThat(vm.stepProperty().get()).isEqualTo(Step.IDLE);
    }
}
