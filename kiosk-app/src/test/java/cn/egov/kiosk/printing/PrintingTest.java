package cn.egov.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printing from templates on the real ESC/POS driver (over a pipe to the virtual printer) and the
 * simulated licence printer, with the audit trail in SQLite.
 */
class PrintingTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private Database db;
    private PrintRecordRepository log;
    private PrinterRig rig;
    private SimulatedDocumentPrinter licencePrinter;
    private final TemplateLibrary templates = TestTemplates.library();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        log = new PrintRecordRepository(db, "K01");
    }

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
        if (licencePrinter != null) {
            licencePrinter.close();
        }
        db.close();
    }

    private Printing service(Optional<ReceiptPrinter> receipt, Optional<DocumentPrinter> document) {
        return new Printing(templates, new Renderings(null), () -> receipt, () -> document, log, Clock.systemUTC());
    }

    private Printing withReceiptPrinter(Duration poll) throws Exception {
        rig = new PrinterRig(48, poll);
        return service(Optional.of(rig.printer), Optional.empty());
    }

    private Printing withLicencePrinter() throws Exception {
        licencePrinter = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        licencePrinter.open();
        licencePrinter.claim(Duration.ofSeconds(1));
        licencePrinter.enable();
        return service(Optional.empty(), Optional.of(licencePrinter));
    }

    private JsonNode sample(String name) throws Exception {
        return templates.sample(name);
    }

    @Test
    void aReceiptIsPrintedAndRecordedWithoutItsContent() throws Exception {
        Printing printing = withReceiptPrinter(Duration.ofHours(1));

        Printing.Outcome outcome =
                printing.print("payment-receipt", sample("payment-receipt"), ZH, "PAY20261128142533000456", false);

        assertThat(outcome).isInstanceOf(Printing.Printed.class);
        assertThat(rig.printed().lines()).contains("缴款人：王*明", "金额：¥80.00");
        assertThat(rig.printed().barcodePayloads()).containsExactly("PAY20261128142533000456");
        PrintRecord r = log.find(outcome.record().id()).orElseThrow();
        assertThat(r.result()).isEqualTo(PrintRecord.Result.PRINTED);
        assertThat(r.template()).isEqualTo("payment-receipt");
        assertThat(r.reference()).isEqualTo("PAY20261128142533000456");
        assertThat(r.deviceId()).contains("ticket-printer");
        assertThat(r.medium()).isEqualTo(Medium.ESCPOS);
        assertThat(r.reprint()).isFalse();
    }

    @Test
    void aReprintSaysSoOnThePaperAndInTheRecord() throws Exception {
        Printing printing = withReceiptPrinter(Duration.ofHours(1));

        Printing.Outcome outcome =
                printing.print("payment-receipt", sample("payment-receipt"), ZH, "PAY20261128142533000456", true);

        assertThat(rig.printed().lines()).contains("【重打凭证】");
        assertThat(log.find(outcome.record().id()).orElseThrow().reprint()).isTrue();
    }

    @Test
    void paperKnownToBeOutRefusesTheJobBeforeAnythingComesOut() throws Exception {
        Printing printing = withReceiptPrinter(Duration.ofMillis(200));
        rig.virtual.setPaperOut(true);
        Await.until(
                () -> rig.printer.conditions().contains(Condition.PAPER_OUT),
                Duration.ofSeconds(5),
                "the poll to see paper out");

        Printing.NotPrinted refused = (Printing.NotPrinted)
                printing.print("transaction-receipt", sample("transaction-receipt"), ZH, "SL-1", false);

        assertThat(refused.problem()).isEqualTo(Printing.Problem.PAPER_OUT);
        assertThat(refused.partly()).isFalse();
        assertThat(rig.virtual.received()).isEmpty();
        PrintRecord r = log.find(refused.record().id()).orElseThrow();
        assertThat(r.result()).isEqualTo(PrintRecord.Result.REFUSED);
        assertThat(r.reason()).contains("PAPER_OUT");
    }

    @Test
    void paperFoundOutWhenTheJobStartsRefusesIt() throws Exception {
        Printing printing = withReceiptPrinter(Duration.ofHours(1)); // the poll has not seen it
        rig.virtual.setPaperOut(true);

        Printing.NotPrinted refused = (Printing.NotPrinted)
                printing.print("transaction-receipt", sample("transaction-receipt"), ZH, "SL-1", false);

        assertThat(refused.problem()).isEqualTo(Printing.Problem.PAPER_OUT);
        assertThat(refused.partly()).isFalse();
        assertThat(log.find(refused.record().id()).orElseThrow().result()).isEqualTo(PrintRecord.Result.REFUSED);
    }

    @Test
    void paperRunningOutDuringTheJobFailsItAndSaysPartOfItCameOut() throws Exception {
        Printing printing = withReceiptPrinter(Duration.ofHours(1));
        rig.virtual.runOutAfter(200);

        Printing.NotPrinted failed = (Printing.NotPrinted)
                printing.print("transaction-receipt", sample("transaction-receipt"), ZH, "SL-1", false);

        assertThat(failed.problem()).isEqualTo(Printing.Problem.PAPER_OUT);
        assertThat(failed.partly()).isTrue();
        PrintRecord r = log.find(failed.record().id()).orElseThrow();
        assertThat(r.result()).isEqualTo(PrintRecord.Result.FAILED);
        assertThat(r.reason()).contains("PAPER_OUT");
    }

    @Test
    void aLicenceGoesToTheLicencePrinterAsAnA4Pdf() throws Exception {
        Printing printing = withLicencePrinter();

        Printing.Outcome outcome =
                printing.print("licence-example", sample("licence-example"), ZH, "92110101MA00DEM06M", false);

        assertThat(outcome).isInstanceOf(Printing.Printed.class);
        assertThat(licencePrinter.printed()).singleElement().satisfies(job -> {
            assertThat(job.media()).isEqualTo(DocumentJob.Media.A4);
            assertThat(job.name()).isEqualTo("licence-example");
            assertThat(job.bytes()).isGreaterThan(10_000);
        });
        assertThat(log.find(outcome.record().id()).orElseThrow().medium()).isEqualTo(Medium.PDF);
    }

    @Test
    void aLicencePrinterOutOfPaperRefusesTheLicence() throws Exception {
        Printing printing = withLicencePrinter();
        licencePrinter.apply("paper-out");

        Printing.NotPrinted refused = (Printing.NotPrinted)
                printing.print("licence-example", sample("licence-example"), ZH, "92110101MA00DEM06M", false);

        assertThat(refused.problem()).isEqualTo(Printing.Problem.PAPER_OUT);
        assertThat(licencePrinter.printed()).isEmpty();
        assertThat(log.find(refused.record().id()).orElseThrow().reason()).contains("PAPER_OUT");
    }

    @Test
    void withoutALicencePrinterALicenceIsRefusedAsNotFitted() throws Exception {
        Printing printing = service(Optional.empty(), Optional.empty());

        Printing.NotPrinted refused = (Printing.NotPrinted)
                printing.print("acceptance-receipt", sample("acceptance-receipt"), ZH, "SL-1", false);

        assertThat(refused.problem()).isEqualTo(Printing.Problem.NO_PRINTER);
        assertThat(log.recent(5))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("NOT_FITTED"));
    }

    @Test
    void theAuditTrailHoldsNoContent() throws Exception {
        Printing printing = withReceiptPrinter(Duration.ofHours(1));
        printing.print("postal-delivery-receipt", sample("postal-delivery-receipt"), ZH, "1190012345678", false);

        String everything = Files.readString(dir.resolve("kiosk.db"), StandardCharsets.ISO_8859_1);
        assertThat(log.recent(5)).hasSize(1);
        assertThat(everything)
                .doesNotContain("13812345678")
                .doesNotContain(new String("王小明".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
}
