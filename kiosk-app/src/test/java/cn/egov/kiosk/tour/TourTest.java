package cn.egov.kiosk.tour;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance walk, in the build: the guide and apply flows walked in the real screens
 * (headless, as {@code ./kiosk tour} does) on the demo configuration's simulated devices and embedded
 * platform. The platform receives exactly one application; the acceptance receipt, read back from
 * the PDF the licence printer got, shows the applicant's ID number masked and never whole.
 */
class TourTest {
    private static final String DEMO_ID_NUMBER = "11010519491231002X";

    @TempDir
    Path scratch;

    /** The screenshots: kept when a test fails, to look at where it stopped. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path out;

    private static KioskConfig demo() throws Exception {
        return ConfigLoader.load(
                Path.of("..", "config", "demo.yaml").toAbsolutePath().normalize());
    }

    @Test
    void theGuideAndApplyFlowsCompleteAsACitizenWalksThem() throws Exception {
        List<TourReport.FlowReport> reports = new Tour(demo(), scratch, out, "standard", Locale.SIMPLIFIED_CHINESE)
                .walk(List.of(
                        Flows.named("guide").orElseThrow(), Flows.named("apply").orElseThrow()));

        TourReport.FlowReport guide = reports.get(0);
        TourReport.FlowReport apply = reports.get(1);
        assertThat(guide.completed())
                .as("guide: %s %s", guide.stoppedAt(), guide.reason())
                .isTrue();
        assertThat(apply.completed())
                .as("apply: %s %s", apply.stoppedAt(), apply.reason())
                .isTrue();

        // the guide: searched by initials, the item's guide printed on one page
        assertThat(guide.printed()).singleElement().satisfies(p -> {
            assertThat(p.template()).isEqualTo("service-guide");
            assertThat(p.result()).isEqualTo("PRINTED");
            assertThat(p.text()).contains("办 事 指 南", "营业执照");
        });
        assertThat(guide.platformReceived()).doesNotContainKey("application.submit");

        // the application: one, received by the platform; the receipt masks the ID number
        assertThat(apply.platformReceived()).containsEntry("application.submit", 1);
        assertThat(apply.printed()).singleElement().satisfies(p -> {
            assertThat(p.template()).isEqualTo("acceptance-receipt");
            assertThat(p.medium()).isEqualTo("PDF");
            assertThat(p.text()).contains("受理回执", "110105********002X", "受理编号").doesNotContain(DEMO_ID_NUMBER);
        });

        // every screen passed is a picture of the whole screen in the output folder
        assertThat(apply.screenshots()).extracting(Walker.Shot::screen).contains("check", "form", "confirm", "done");
        BufferedImage first =
                ImageIO.read(out.resolve(guide.screenshots().get(0).file()).toFile());
        assertThat(first.getWidth()).isBetween(1280, Tour.WIDTH);
        for (TourReport.FlowReport f : reports) {
            for (Walker.Shot shot : f.screenshots()) {
                BufferedImage png = ImageIO.read(out.resolve(shot.file()).toFile());
                assertThat(png.getWidth()).isEqualTo(first.getWidth());
                assertThat(png.getHeight()).isEqualTo(first.getHeight());
            }
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
                    .as("a screenshot per screen, and a picture of each page printed")
                    .hasSize(reports.stream()
                                    .mapToInt(r -> r.screenshots().size())
                                    .sum()
                            + 2)
                    .contains("guide-print-01-service-guide.png", "apply-print-01-acceptance-receipt.png");
        }
    }

    @Test
    void aFlowThatCannotGoOnIsReportedWithTheScreenWhereItStopped() throws Exception {
        // the licence printer is out of paper before the walk: the guide cannot come out
        Tour tour = new Tour(demo(), scratch, out, "elderly", Locale.ENGLISH);
        List<TourReport.FlowReport> reports = tour.walk(List.of(
                new Flows.Flow("guide-no-paper", "the guide with the licence printer out of paper", c -> {
                    c.runtime()
                            .simulators()
                            .find("licence-printer")
                            .orElseThrow()
                            .apply("paper-out", "");
                    Flows.named("guide").orElseThrow().walk(c);
                })));

        TourReport.FlowReport f = reports.get(0);
        assertThat(f.completed()).isFalse();
        assertThat(f.stoppedAt()).startsWith("GUIDE");
        assertThat(f.reason()).contains("the guide printed");
        assertThat(f.screenshots()).extracting(Walker.Shot::screen).last().isEqualTo("stopped");
        assertThat(f.printed())
                .singleElement()
                .satisfies(p -> assertThat(p.result()).isNotEqualTo("PRINTED"));
    }
}
