package cn.egov.kiosk.device.printer.cups;

import static cn.egov.kiosk.device.printer.cups.IppMessage.CHARSET;
import static cn.egov.kiosk.device.printer.cups.IppMessage.ENUM;
import static cn.egov.kiosk.device.printer.cups.IppMessage.INTEGER;
import static cn.egov.kiosk.device.printer.cups.IppMessage.JOB_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.KEYWORD;
import static cn.egov.kiosk.device.printer.cups.IppMessage.OPERATION_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.PRINTER_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IPP encoding (RFC 8010) of the few requests the driver sends and the answers it reads. */
class CupsIppMessageTest {

    @Test
    void encodesARequestByteForByte() {
        byte[] bytes = IppMessage.request(IppMessage.GET_PRINTER_ATTRIBUTES, 7)
                .add(OPERATION_ATTRIBUTES, URI, "printer-uri", "ipp://h/p")
                .add(OPERATION_ATTRIBUTES, KEYWORD, "requested-attributes", "a", "bc")
                .build()
                .encode();

        String expected = "0200" + "000b" + "00000007" // version 2.0, Get-Printer-Attributes, request 7
                + "01" // operation-attributes
                + "47" + "0012" + hex("attributes-charset") + "0005" + hex("utf-8")
                + "48" + "001b" + hex("attributes-natural-language") + "0002" + hex("en")
                + "45" + "000b" + hex("printer-uri") + "0009" + hex("ipp://h/p")
                + "44" + "0014" + hex("requested-attributes") + "0001" + hex("a")
                + "44" + "0000" + "0002" + hex("bc") // an additional value has no name
                + "03";
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
    }

    @Test
    void putsEachGroupOnceWithOperationAttributesFirst() {
        IppMessage m = IppMessage.request(IppMessage.GET_JOBS, 1)
                .add(JOB_ATTRIBUTES, INTEGER, "copies", 2)
                .add(OPERATION_ATTRIBUTES, URI, "printer-uri", "ipp://h/p")
                .build();

        assertThat(m.groups()).extracting(IppMessage.Group::tag).containsExactly(OPERATION_ATTRIBUTES, JOB_ATTRIBUTES);
        IppMessage back = decode(m.encode());
        assertThat(back.find(OPERATION_ATTRIBUTES, "printer-uri").orElseThrow().first())
                .isEqualTo("ipp://h/p");
        assertThat(back.find(JOB_ATTRIBUTES, "copies").orElseThrow().first()).isEqualTo(2);
    }

    @Test
    void decodesAnAnswerWithSeveralGroupsOfAKind() {
        Bytes b = new Bytes().header(0x0000, 42);
        b.group(OPERATION_ATTRIBUTES)
                .attr(CHARSET, "attributes-charset", "utf-8")
                .attr(0x41, "status-message", "successful-ok");
        b.group(JOB_ATTRIBUTES)
                .attrInt(INTEGER, "job-id", 12)
                .attrInt(ENUM, "job-state", 9)
                .attr(KEYWORD, "job-state-reasons", "job-completed-successfully");
        b.group(JOB_ATTRIBUTES).attrInt(INTEGER, "job-id", 13).attrInt(ENUM, "job-state", 4);
        b.end();

        IppMessage m = decode(b.bytes());

        assertThat(m.code()).isZero();
        assertThat(m.requestId()).isEqualTo(42);
        assertThat(m.successful()).isTrue();
        assertThat(m.statusMessage()).isEqualTo("successful-ok");
        List<IppMessage.Group> jobs = m.groups(JOB_ATTRIBUTES);
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).find("job-id").orElseThrow().first()).isEqualTo(12);
        assertThat(jobs.get(0).find("job-state-reasons").orElseThrow().strings())
                .containsExactly("job-completed-successfully");
        assertThat(jobs.get(1).find("job-state").orElseThrow().first()).isEqualTo(4);
        assertThat(jobs.get(1).find("job-state-reasons")).isEmpty();
    }

    @Test
    void decodesBooleansMultipleValuesLanguageTextsOutOfBandValuesAndSkipsCollections() {
        Bytes b = new Bytes().header(0x0000, 1);
        b.group(OPERATION_ATTRIBUTES).attr(CHARSET, "attributes-charset", "utf-8");
        b.group(PRINTER_ATTRIBUTES)
                .attrInt(ENUM, "printer-state", 5)
                .raw(0x22, "printer-is-accepting-jobs", new byte[] {1})
                .attr(KEYWORD, "printer-state-reasons", "media-empty-error")
                .attr(KEYWORD, "", "cover-open-error")
                // media-col-default = {media-size = {x-dimension = 21000}}: skipped whole, nested
                .raw(0x34, "media-col-default", new byte[0])
                .raw(0x4A, "", "media-size".getBytes(StandardCharsets.US_ASCII))
                .raw(0x34, "", new byte[0])
                .raw(0x4A, "", "x-dimension".getBytes(StandardCharsets.US_ASCII))
                .attrInt(INTEGER, "", 21000)
                .raw(0x37, "", new byte[0])
                .raw(0x37, "", new byte[0])
                .raw(0x35, "printer-state-message", textWithLanguage("zh-CN", "缺纸"))
                .raw(0x13, "printer-info", new byte[0]); // no-value
        b.end();

        IppMessage.Group printer = decode(b.bytes()).groups(PRINTER_ATTRIBUTES).get(0);

        assertThat(printer.find("printer-state").orElseThrow().first()).isEqualTo(5);
        assertThat(printer.find("printer-is-accepting-jobs").orElseThrow().first())
                .isEqualTo(true);
        assertThat(printer.find("printer-state-reasons").orElseThrow().strings())
                .containsExactly("media-empty-error", "cover-open-error");
        assertThat(printer.find("media-col-default")).isPresent();
        assertThat(printer.find("x-dimension"))
                .as("collection members are not attributes")
                .isEmpty();
        assertThat(printer.find("printer-state-message").orElseThrow().first()).isEqualTo("缺纸");
        assertThat(printer.find("printer-info").orElseThrow().first()).isInstanceOf(byte[].class);
        assertThat(printer.attributes())
                .extracting(IppMessage.Attribute::name)
                .containsExactly(
                        "printer-state",
                        "printer-is-accepting-jobs",
                        "printer-state-reasons",
                        "media-col-default",
                        "printer-state-message",
                        "printer-info");
    }

    @Test
    void anErrorStatusIsNotSuccessful() {
        Bytes b = new Bytes().header(0x0406, 3);
        b.group(OPERATION_ATTRIBUTES).attr(0x41, "status-message", "The printer or class does not exist.");
        b.end();

        IppMessage m = decode(b.bytes());

        assertThat(m.successful()).isFalse();
        assertThat(m.code()).isEqualTo(IppStatusException.NOT_FOUND);
        assertThat(m.statusMessage()).contains("does not exist");
    }

    @Test
    void refusesWhatIsNotAWellFormedMessage() {
        Bytes good = new Bytes().header(0, 1);
        good.group(OPERATION_ATTRIBUTES).attr(CHARSET, "attributes-charset", "utf-8");
        good.end();
        byte[] bytes = good.bytes();

        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> IppMessage.decode(truncated))
                    .as("cut at " + cut)
                    .isInstanceOf(IppException.class);
        }
        assertThatThrownBy(() -> IppMessage.decode("HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IppException.class)
                .hasMessageContaining("version");
        Bytes orphan = new Bytes().header(0, 1);
        orphan.group(OPERATION_ATTRIBUTES).attr(KEYWORD, "", "value-without-a-name");
        orphan.end();
        assertThatThrownBy(() -> IppMessage.decode(orphan.bytes())).isInstanceOf(IppException.class);
        Bytes outside = new Bytes().header(0, 1).attr(KEYWORD, "which-jobs", "all");
        outside.end();
        assertThatThrownBy(() -> IppMessage.decode(outside.bytes())).isInstanceOf(IppException.class);
    }

    private static IppMessage decode(byte[] bytes) {
        try {
            return IppMessage.decode(bytes);
        } catch (IppException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] textWithLanguage(String language, String text) {
        byte[] l = language.getBytes(StandardCharsets.US_ASCII);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(l.length >> 8);
        out.write(l.length);
        out.writeBytes(l);
        out.write(t.length >> 8);
        out.write(t.length);
        out.writeBytes(t);
        return out.toByteArray();
    }

    /** An IPP message written field by field, as a server would send it. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes header(int status, int requestId) {
            out.write(2);
            out.write(0);
            out.write(status >> 8);
            out.write(status);
            out.writeBytes(new byte[] {
                (byte) (requestId >> 24), (byte) (requestId >> 16), (byte) (requestId >> 8), (byte) requestId
            });
            return this;
        }

        Bytes group(int tag) {
            out.write(tag);
            return this;
        }

        Bytes attr(int tag, String name, String value) {
            return raw(tag, name, value.getBytes(StandardCharsets.UTF_8));
        }

        Bytes attrInt(int tag, String name, int value) {
            return raw(
                    tag, name, new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value
                    });
        }

        Bytes raw(int tag, String name, byte[] value) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            out.write(tag);
            out.write(n.length >> 8);
            out.write(n.length);
            out.writeBytes(n);
            out.write(value.length >> 8);
            out.write(value.length);
            out.writeBytes(value);
            return this;
        }

        void end() {
            out.write(IppMessage.END_OF_ATTRIBUTES);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
