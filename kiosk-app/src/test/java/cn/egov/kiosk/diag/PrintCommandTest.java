package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.runtime.ConfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk print}: templates to files, without a printer. */
class PrintCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listsTheTemplatesNameFirst() {
        assertThat(run("print", "--list")).isZero();
        assertThat(out.toString().lines().map(l -> l.split("\\s+")[0]))
                .contains("acceptance-receipt", "licence-example", "queue-ticket", "test-page");
    }

    @Test
    void aReceiptSampleToEscPosBytesThatDecode() throws Exception {
        Path file = dir.resolve("t.bin");

        assertThat(run(
                        "print",
                        "queue-ticket",
                        "--sample",
                        "--format",
                        "escpos",
                        "--columns",
                        "32",
                        "--out",
                        file.toString()))
                .as(err.toString())
                .isZero();

        var decoded = new EscPosDecoder().decode(Files.readAllBytes(file));
        assertThat(decoded.unknown()).isEmpty();
        assertThat(decoded.document().lines()).contains("A012", "证件号码：110105********002X");
        assertThat(decoded.document().qrPayloads()).containsExactly("K01-20261128-A012");
        assertThat(decoded.document().cuts()).isEqualTo(1);
    }

    @Test
    void aPageSampleToAPdfWithItsText() throws Exception {
        Path file = dir.resolve("r.pdf");

        assertThat(run("print", "acceptance-receipt", "--sample", "--out", file.toString(), "--lang", "en"))
                .as(err.toString())
                .isZero();

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Acceptance receipt")
                    .contains("SL-20261128-000123");
        }
    }

    @Test
    void ownDataFromAJsonFile() throws Exception {
        Path data = dir.resolve("d.json");
        Files.writeString(
                data,
                Files.readString(ConfigFiles.templatesDir().resolve("payment-receipt.sample.json"))
                        .replace("8000", "12345"));
        Path file = dir.resolve("p.bin");

        assertThat(run("print", "payment-receipt", "--data", data.toString(), "--out", file.toString()))
                .as(err.toString())
                .isZero();

        assertThat(new EscPosDecoder()
                        .decode(Files.readAllBytes(file))
                        .document()
                        .lines())
                .contains("金额：¥123.45");
    }

    @Test
    void mistakesExitTwoWithAClearMessage() throws Exception {
        assertThat(run("print", "no-such", "--sample", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no template \"no-such\"");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"a\": ");
        assertThat(run(
                        "print",
                        "payment-receipt",
                        "--data",
                        bad.toString(),
                        "--out",
                        dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("bad.json").contains("not valid JSON");

        assertThat(run(
                        "print",
                        "payment-receipt",
                        "--sample",
                        "--format",
                        "png",
                        "--out",
                        dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(run("print", "payment-receipt", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);

        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("broken.yaml"), "name: broken\nbody:\n  - text: hi\n    size: tiny\n");
        assertThat(run("print", "--list", "--templates", templates.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.yaml, line 4: body[0].size");
    }
}
