package cn.egov.kiosk.printing;

import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.runtime.TestTemplates;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The simulated licence printer, up and claimed, behind a real {@link Printing} over the shipped
 * templates, with the audit trail in memory and the text of every page it printed read back from
 * its PDF.
 */
public final class PagePrinterRig implements AutoCloseable {
    public final SimulatedDocumentPrinter printer;
    public final MemoryPrintLog log = new MemoryPrintLog();
    public final Printing printing;
    private final List<String> texts = new CopyOnWriteArrayList<>();

    public PagePrinterRig() throws Exception {
        printer = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        printer.open();
        printer.claim(Duration.ofSeconds(1));
        printer.enable();
        printer.outputTray(pdf -> texts.add(text(pdf)));
        printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                Optional::empty,
                () -> Optional.of(printer),
                log,
                Clock.systemUTC());
    }

    /** The text of each page printed so far, in order. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        printer.close();
    }
}
