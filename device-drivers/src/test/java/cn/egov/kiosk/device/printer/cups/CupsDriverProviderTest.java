package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code driver: cups}: found on the class path, its connection and options checked. */
class CupsDriverProviderTest {
    private final CupsDriverProvider provider = new CupsDriverProvider();

    private static DeviceSpec spec(String connection, Map<String, String> options) {
        return new DeviceSpec("licence-printer", DeviceClass.DOCUMENT_PRINTER, "cups", connection, options);
    }

    @Test
    void isARealDriverOfTheDocumentPrinter() {
        DriverRegistry registry = DriverRegistry.load();

        assertThat(registry.find("cups")).get().isInstanceOf(CupsDriverProvider.class);
        assertThat(provider.deviceClasses()).containsExactly(DeviceClass.DOCUMENT_PRINTER);
        assertThat(provider.simulatesHardware()).isFalse();
    }

    @Test
    void acceptsAQueueAndItsOptions() {
        assertThat(provider.validate(spec("cups:kioskpdf", Map.of()))).isEmpty();
        assertThat(provider.validate(spec(
                        "cups:Licence_Printer-2.hall",
                        Map.of("pollMs", "1000", "jobTimeoutMs", "90000", "statusTimeoutMs", "500"))))
                .isEmpty();
    }

    @Test
    void refusesAnythingElseAsTheConnection() {
        for (String bad : List.of(
                "cups:",
                "cups:two words",
                "cups:-dash",
                "cups:a/b",
                "cups:a?b",
                "tcp:10.0.0.5:9100",
                "kioskpdf",
                "cups:" + "q".repeat(128))) {
            List<SpecProblem> problems = provider.validate(spec(bad, Map.of()));
            assertThat(problems)
                    .as(bad)
                    .singleElement()
                    .extracting(SpecProblem::key)
                    .isEqualTo("connection");
            assertThat(problems.get(0).expected()).as(bad).contains("cups:QUEUE");
        }
    }

    @Test
    void refusesBadAndUnknownOptions() {
        List<SpecProblem> problems = provider.validate(
                spec("cups:kioskpdf", Map.of("jobTimeoutMs", "500", "pollMs", "often", "columns", "48")));

        assertThat(problems)
                .extracting(SpecProblem::key)
                .containsExactlyInAnyOrder("options.jobTimeoutMs", "options.pollMs", "options.columns");
        assertThat(problems)
                .filteredOn(p -> p.key().equals("options.jobTimeoutMs"))
                .singleElement()
                .extracting(SpecProblem::expected)
                .isEqualTo("a whole number from 1000 to 600000");
    }

    @Test
    void createsAClosedDevice() {
        Device device = provider.create(spec("cups:kioskpdf", Map.of("pollMs", "500")), DeviceContext.ephemeral());

        assertThat(device).isInstanceOf(DocumentPrinter.class);
        assertThat(device.driverName()).isEqualTo("cups");
        assertThat(device.connection()).isEqualTo("cups:kioskpdf");
        assertThat(device.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(((CupsDocumentPrinter) device).queue()).isEqualTo("kioskpdf");
        assertThatThrownBy(() -> device.claim(Duration.ofMillis(10))).hasMessageContaining("not open");
    }

    @Test
    void mediaAndJobNames() {
        assertThat(CupsMedia.mediaKeyword(DocumentJob.Media.A4)).isEqualTo("iso_a4_210x297mm");
        assertThat(CupsMedia.mediaKeyword(DocumentJob.Media.A5)).isEqualTo("iso_a5_148x210mm");
        assertThat(CupsMedia.mediaKeyword(DocumentJob.Media.A3)).isEqualTo("iso_a3_297x420mm");
        for (DocumentJob.Media m : DocumentJob.Media.values()) {
            assertThat(CupsMedia.mediaMatches(m, CupsMedia.mediaKeyword(m))).isTrue();
        }
        // what a queue offers: a PPD's A5 a fraction of a millimetre off, custom ranges, nothing said
        List<String> ppd = List.of("na_letter_8.5x11in", "iso_a4_210x297mm", "custom_148.52x209.9mm_148.52x209.9mm");
        assertThat(CupsMedia.offers(ppd, DocumentJob.Media.A4)).isTrue();
        assertThat(CupsMedia.offers(ppd, DocumentJob.Media.A5)).isTrue();
        assertThat(CupsMedia.offers(ppd, DocumentJob.Media.A3)).isFalse();
        assertThat(CupsMedia.offers(
                        List.of("na_letter_8.5x11in", "custom_min_0.5x0.5in", "custom_max_300x500mm"),
                        DocumentJob.Media.A3))
                .isTrue();
        assertThat(CupsMedia.offers(
                        List.of("na_letter_8.5x11in", "custom_min_0.5x0.5in", "custom_max_250x300mm"),
                        DocumentJob.Media.A3))
                .isFalse();
        assertThat(CupsMedia.offers(List.of(), DocumentJob.Media.A3)).isTrue();
        assertThat(CupsMedia.mediaMatches(DocumentJob.Media.A4, "A4")).isTrue();
        assertThat(CupsMedia.mediaMatches(DocumentJob.Media.A4, "iso_a4_210x297mm"))
                .isTrue();
        assertThat(CupsMedia.mediaMatches(DocumentJob.Media.A4, "Letter")).isFalse();
        assertThat(CupsMedia.mediaMatches(DocumentJob.Media.A4, "iso_a4-extra_235.5x322.3mm"))
                .isFalse();
        assertThat(CupsMedia.mediaMatches(DocumentJob.Media.A5, "A4")).isFalse();
        assertThat(CupsJobRun.printable("营业执照\n副本\t1")).isEqualTo("营业执照 副本 1");
        assertThat(CupsJobRun.printable("x".repeat(300))).hasSize(100);
    }
}
