package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.printer.escpos.EscPosEncoder;
import cn.egov.kiosk.print.template.Scope;
import cn.egov.kiosk.print.template.Template;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.ConfigFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk print TEMPLATE --data FILE.json --out FILE [--format pdf|escpos]}: renders a template
 * to a file without a printer, so that staff can try a changed template and engineers can inspect
 * the bytes. {@code --sample} uses the template's own sample data; {@code --list} lists the
 * templates.
 */
@Command(
        name = "print",
        mixinStandardHelpOptions = true,
        description = {
            "Renders a print template to a file, without a printer.",
            "  kiosk print --list",
            "  kiosk print acceptance-receipt --sample --out receipt.pdf",
            "  kiosk print queue-ticket --data ticket.json --format escpos --out ticket.bin",
            "Exit 0 written, 2 a bad template, data file or argument."
        })
public final class PrintCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "TEMPLATE", description = "The template's name (see --list).")
    String name;

    @Option(names = "--list", description = "List the templates, one a line, name first.")
    boolean list;

    @Option(names = "--data", paramLabel = "FILE", description = "The document's data: a JSON object.")
    Path data;

    @Option(names = "--sample", description = "Use the sample data that ships with the template.")
    boolean sample;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the result.")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "pdf or escpos (default: pdf for a page template, escpos for a receipt).")
    String format;

    @Option(
            names = "--columns",
            paramLabel = "N",
            description = "Characters per line for escpos: 48 (80 mm, default) or 32 (58 mm).")
    int columns = 48;

    @Option(names = "--lang", paramLabel = "TAG", description = "Language of the texts (default: ${DEFAULT-VALUE}).")
    String lang = "zh-CN";

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            description = "The templates' folder (default: the kiosk's templates/).")
    Path templatesDir;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            TemplateLibrary library =
                    TemplateLibrary.load(templatesDir != null ? templatesDir : ConfigFiles.templatesDir());
            if (list) {
                for (String n : library.names()) {
                    Template t = library.get(n);
                    stdout.printf(
                            Locale.ROOT,
                            "%-26s %-8s %s%n",
                            n,
                            t.paper().name().toLowerCase(Locale.ROOT),
                            t.title().evaluate(Scope.of(null), Locale.forLanguageTag(lang)));
                }
                stdout.flush();
                return 0;
            }
            if (name == null || out == null || (data == null) == !sample) {
                err.println("Give a TEMPLATE, --out FILE and either --data FILE or --sample (or --list).");
                err.flush();
                return 2;
            }
            Template template = library.get(name);
            JsonNode doc = sample ? library.sample(name) : TemplateLibrary.readData(data);
            String fmt = format != null ? format : template.paper() == Template.Paper.RECEIPT ? "escpos" : "pdf";
            byte[] bytes;
            switch (fmt) {
                case "escpos" -> {
                    if (columns < 16 || columns > 96) {
                        err.println("--columns is 16 to 96 (48 on 80 mm paper, 32 on 58 mm)");
                        err.flush();
                        return 2;
                    }
                    bytes = new EscPosEncoder()
                            .encode(new Renderings(null).receipt(template, doc, Locale.forLanguageTag(lang), columns));
                }
                case "pdf" -> bytes = new Renderings(null).pdf(template, doc, Locale.forLanguageTag(lang));
                default -> {
                    err.println("--format is pdf or escpos, not \"" + fmt + "\"");
                    err.flush();
                    return 2;
                }
            }
            Files.write(out, bytes);
            stdout.printf(Locale.ROOT, "%s: %s, %d bytes -> %s%n", name, fmt, bytes.length, out);
            stdout.flush();
            return 0;
        } catch (TemplateException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("Cannot render or write " + out + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
