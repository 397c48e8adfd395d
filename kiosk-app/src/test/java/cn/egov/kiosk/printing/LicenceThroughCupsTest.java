package cn.egov.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.Cupsd;
import cn.egov.kiosk.print.pdf.PdfPreview;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.runtime.TestTemplates;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The licence, from its template through the printing service and the CUPS driver into a real
 * cupsd with a cups-pdf queue (whose default paper is Letter): what comes out of the queue is one
 * A4 page with the licence's QR code on it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LicenceThroughCupsTest {

    @Test
    void aLicenceComesOutOfTheQueueOnA4() throws Exception {
        Path outDir = Cupsd.ensurePdfQueue();
        Cupsd.resetQueue();
        long before = System.currentTimeMillis();
        DocumentPrinter printer = (DocumentPrinter) DriverRegistry.load()
                .create(
                        new DeviceSpec(
                                "licence-printer",
                                DeviceClass.DOCUMENT_PRINTER,
                                "cups",
                                "cups:" + Cupsd.QUEUE,
                                Map.of()),
                        new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()));
        MemoryPrintLog log = new MemoryPrintLog();
        try {
            printer.open();
            printer.claim(Duration.ofSeconds(2));
            printer.enable();
            TemplateLibrary templates = TestTemplates.library();
            Printing printing = new Printing(
                    templates,
                    new Renderings(null),
                    Optional::empty,
                    () -> Optional.of(printer),
                    log,
                    Clock.systemUTC());

            Printing.Outcome outcome = printing.print(
                    "licence-example",
                    templates.sample("licence-example"),
                    Locale.SIMPLIFIED_CHINESE,
                    "92110101MA00DEM06M",
                    false);

            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(Printing.Printed.class);
            assertThat(log.all())
                    .singleElement()
                    .satisfies(r -> assertThat(r.deviceId()).contains("licence-printer"));
            Path out = newestPdf(outDir, before);
            try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, Offset.offset(2f));
                assertThat(pdf.getPage(0).getMediaBox().getHeight()).isCloseTo(841.89f, Offset.offset(2f));
                // the path through cups-pdf draws the text as outlines (nothing to extract): the licence is
                // known by its QR code, read from the page as it came out
                assertThat(qrOn(Files.readAllBytes(out))).isEqualTo("https://gsxt.example.gov.cn/v/92110101MA00DEM06M");
            }
        } finally {
            printer.close();
            Cupsd.resetQueue();
        }
    }

    private static String qrOn(byte[] pdf) throws Exception {
        BufferedImage page = PdfPreview.render(pdf, 0, 150);
        int[] px = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap =
                new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), px)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return new MultiFormatReader().decode(bitmap, hints).getText();
    }

    private static Path newestPdf(Path dir, long after) {
        Path[] found = new Path[1];
        Await.until(
                () -> {
                    try (Stream<Path> files = Files.list(dir)) {
                        found[0] = files.filter(p -> p.toString().endsWith(".pdf"))
                                .filter(p -> p.toFile().lastModified() >= after - 1000)
                                .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                                .orElse(null);
                    } catch (IOException e) {
                        return false;
                    }
                    return found[0] != null && found[0].toFile().length() > 0;
                },
                Duration.ofSeconds(30),
                "the licence's PDF out of the cups-pdf queue in " + dir);
        return found[0];
    }
}
