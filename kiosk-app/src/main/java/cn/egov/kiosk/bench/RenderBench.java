package cn.egov.kiosk.bench;

import cn.egov.kiosk.device.printer.escpos.EscPosEncoder;
import cn.egov.kiosk.print.template.Template;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.ConfigFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rendering speed and size: the queue ticket and a receipt to ESC/POS bytes, the licence to an
 * archival PDF, each from its template and sample data. The licence's first rendering (class
 * loading, the font file read and subset) is reported apart from the warm ones; the PDF's size,
 * seal image included, too.
 */
final class RenderBench {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final int runs;

    RenderBench(int runs) {
        this.runs = runs;
    }

    List<Figure> run() throws TemplateException, IOException {
        TemplateLibrary library = TemplateLibrary.load(ConfigFiles.templatesDir());
        List<Figure> figures = new ArrayList<>();

        Template licence = library.get("licence-example");
        JsonNode licenceData = library.sample("licence-example");
        long start = System.nanoTime();
        Renderings renderings = new Renderings(null);
        byte[] first = renderings.pdf(licence, licenceData, ZH);
        double cold = (System.nanoTime() - start) / 1e6;

        figures.add(escpos(renderings, library, "queue-ticket", 5));
        figures.add(escpos(renderings, library, "transaction-receipt", 10));

        double[] warm = new double[runs];
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            size = renderings.pdf(licence, licenceData, ZH).length;
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        figures.add(
                Figure.of(
                        "render.licence-pdf.cold",
                        cold,
                        "ms",
                        "first licence in this JVM: PDFBox classes, the CJK font read and subset, the seal decoded (target < 1500 ms)"));
        figures.add(Figure.of(
                "render.licence-pdf.warm",
                Stats.median(warm),
                "ms",
                "median of " + runs + ", p95 " + String.format(Locale.ROOT, "%.1f", Stats.percentile(warm, 95))
                        + " ms (target < 150 ms)"));
        figures.add(Figure.of(
                "render.licence-pdf.size",
                size / 1024.0,
                "KiB",
                "PDF/A-2b, font subset and seal image embedded (target < 300 KB); first one " + first.length / 1024
                        + " KiB"));
        return figures;
    }

    private Figure escpos(Renderings renderings, TemplateLibrary library, String name, double target)
            throws TemplateException {
        Template t = library.get(name);
        JsonNode data = library.sample(name);
        EscPosEncoder encoder = new EscPosEncoder();
        for (int i = 0; i < 20; i++) { // warm-up
            encoder.encode(renderings.receipt(t, data, ZH, 48));
        }
        double[] ms = new double[runs * 10];
        int bytes = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            bytes = encoder.encode(renderings.receipt(t, data, ZH, 48)).length;
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return Figure.of(
                "render." + name + ".escpos",
                Stats.median(ms),
                "ms",
                "template + sample to " + bytes + " ESC/POS bytes on 80 mm paper, warm, median of " + ms.length
                        + ", p95 " + String.format(Locale.ROOT, "%.2f", Stats.percentile(ms, 95)) + " ms (target < "
                        + (int) target + " ms)");
    }
}
