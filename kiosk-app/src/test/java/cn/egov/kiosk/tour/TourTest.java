package cn.egov.kiosk.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.ui.theme.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance walk, in the build: every flow walked in the real screens (headless, as {@code
 * ./kiosk tour} does) on the demo configuration's simulated devices and embedded platform, in both
 * themes, on a full-HD and on a 1280x800 window. Every flow completes; every screen meets its theme's
 * figures (the table is printed); the elderly theme takes no more taps for a ticket or a licence. The
 * platform receives exactly one application; the acceptance receipt, read back from the PDF the
 * licence printer got, shows the applicant's ID number masked and never whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TourTest {
    private static final String DEMO_ID_NUMBER = "11010519491231002X";

    @TempDir
    static Path scratch;

    /** The screenshots: kept when a test fails, to look at where it stopped. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path out;

    /** One walk of every flow: a theme on a window size. */
    record Walk(String theme, int width, int height, Theme.Legible limits, List<TourReport.FlowReport> flows) {
        String name() {
            return theme + " " + width + "x" + height;
        }

        TourReport.FlowReport flow(String name) {
            return flows.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private final Map<String, Walk> walks = new LinkedHashMap<>();

    private static KioskConfig demo() throws Exception {
        return ConfigLoader.load(
                Path.of("..", "config", "demo.yaml").toAbsolutePath().normalize());
    }

    @BeforeAll
    void walkEveryFlowInBothThemesOnBothSizes() throws Exception {
        for (String theme : List.of("standard", "elderly")) {
            for (int[] size : List.of(new int[] {1920, 1080}, new int[] {1280, 800})) {
                Path dir = Files.createDirectories(out.resolve(theme + "-" + size[0] + "x" + size[1]));
                Path data = Files.createDirectories(scratch.resolve(theme + "-" + size[0]));
                Tour tour = new Tour(demo(), data, dir, theme, Locale.SIMPLIFIED_CHINESE, size[0], size[1]);
                List<TourReport.FlowReport> flows = tour.walk(Flows.ALL);
                Walk w = new Walk(theme, size[0], size[1], tour.limits(), flows);
                walks.put(w.name(), w);
                System.out.println("tour " + w.name() + "\n" + Legibility.table(flows, tour.limits()));
            }
        }
    }

    @Test
    void everyFlowCompletesInBothThemesOnBothSizes() {
        assertThat(walks).hasSize(4);
        for (Walk w : walks.values()) {
            assertThat(w.flows())
                    .extracting(TourReport.FlowReport::name)
                    .containsExactlyElementsOf(
                            Flows.ALL.stream().map(Flows.Flow::name).toList());
            for (TourReport.FlowReport f : w.flows()) {
                assertThat(f.completed())
                        .as("%s, %s: %s %s", w.name(), f.name(), f.stoppedAt(), f.reason())
                        .isTrue();
            }
        }
    }

    @Test
    void everyScreenMeetsItsThemesFiguresScaledToTheWindow() {
        for (Walk w : walks.values()) {
            // the promise scales with the shorter side of the window
            double scale = Math.min(w.width(), w.height()) / 1080.0;
            double base = w.theme().equals("elderly") ? 32 : 22;
            assertThat(w.limits().textPx()).isCloseTo(base * scale, within(0.01));
            List<String> below = Legibility.shortfalls(w.flows(), w.limits());
            assertThat(below)
                    .as("%s: screens below the figures\n%s", w.name(), Legibility.table(w.flows(), w.limits()))
                    .isEmpty();
            for (TourReport.FlowReport f : w.flows()) {
                assertThat(f.screens())
                        .as("%s: every screen photographed is measured", f.name())
                        .hasSameSizeAs(f.screenshots());
                assertThat(f.screens()).allSatisfy(s -> {
                    assertThat(s.texts()).isPositive();
                    assertThat(s.targets()).isPositive();
                });
            }
        }
        // the elderly theme really is larger: its smallest text is at least 32 px on full HD
        Walk elderly = walks.get("elderly 1920x1080");
        assertThat(elderly.flows())
                .flatExtracting(TourReport.FlowReport::screens)
                .allSatisfy(s -> {
                    assertThat(s.minTextPx()).isGreaterThanOrEqualTo(32);
                    assertThat(s.minTargetPx()).isGreaterThanOrEqualTo(90);
                    assertThat(s.minContrast()).isGreaterThanOrEqualTo(7);
                });
    }

    @Test
    void theElderlyThemeTakesNoMoreTapsForATicketOrALicence() {
        for (String flow : List.of("ticket", "licences")) {
            for (String size : List.of("1920x1080", "1280x800")) {
                int standard = walks.get("standard " + size).flow(flow).taps();
                int elderly = walks.get("elderly " + size).flow(flow).taps();
                assertThat(elderly).as("%s on %s", flow, size).isLessThanOrEqualTo(standard);
            }
        }
    }

    @Test
    void theGuideAndApplyFlowsDidWhatACitizenAskedFor() throws Exception {
        Walk standard = walks.get("standard 1920x1080");
        Path shots = out.resolve("standard-1920x1080");
        List<TourReport.FlowReport> reports = List.of(standard.flow("guide"), standard.flow("apply"));
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
                ImageIO.read(shots.resolve(guide.screenshots().get(0).file()).toFile());
        assertThat(first.getWidth()).isEqualTo(Tour.WIDTH);
        assertThat(first.getHeight()).isEqualTo(Tour.HEIGHT);
        for (TourReport.FlowReport f : standard.flows()) {
            for (Walker.Shot shot : f.screenshots()) {
                BufferedImage png = ImageIO.read(shots.resolve(shot.file()).toFile());
                assertThat(png.getWidth()).isEqualTo(first.getWidth());
                assertThat(png.getHeight()).isEqualTo(first.getHeight());
            }
        }
        BufferedImage small = ImageIO.read(out.resolve("elderly-1280x800")
                .resolve(walks.get("elderly 1280x800")
                        .flow("ticket")
                        .screenshots()
                        .get(0)
                        .file())
                .toFile());
        assertThat(small.getWidth()).isEqualTo(1280);
        assertThat(small.getHeight()).isEqualTo(800);
        try (var files = Files.list(shots)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
                    .as("a screenshot per screen, and a picture of each page printed")
                    .hasSize(standard.flows().stream()
                            .mapToInt(r -> r.screenshots().size()
                                    + r.printed().stream()
                                            .mapToInt(p -> p.image() == null ? 0 : 1)
                                            .sum())
                            .sum())
                    .contains("guide-print-01-service-guide.png", "apply-print-01-acceptance-receipt.png");
        }
    }

    // progress
    @Test
    void theProgressFlowShowedTheCitizensApplicationsAndPrintedASlipWithoutPersonalData() {
        for (Walk w : walks.values()) {
            TourReport.FlowReport progress = w.flow("progress");
            assertThat(progress.completed())
                    .as("%s: %s %s", w.name(), progress.stoppedAt(), progress.reason())
                    .isTrue();
            assertThat(progress.screenshots())
                    .extracting(Walker.Shot::screen)
                    .contains("choose", "list", "application-1", "slip-printed", "scanned", "platform-away");
            assertThat(progress.printed()).singleElement().satisfies(p -> {
                assertThat(p.template()).isEqualTo("progress-slip");
                assertThat(p.result()).isEqualTo("PRINTED");
                assertThat(p.text()).contains("办 件 进 度", "受理编号：SQ").doesNotContain(DEMO_ID_NUMBER, "王小明");
            });
            assertThat(progress.platformReceived()).doesNotContainKey("application.submit");
        }
    }

    // enterprise
    @Test
    void theEnterpriseFlowFoundTheCompanyByCodeAndByNameAndItsPageCameOut() {
        for (Walk w : walks.values()) {
            TourReport.FlowReport f = w.flow("enterprise");
            assertThat(f.screenshots())
                    .extracting(Walker.Shot::screen)
                    .as(w.name())
                    .contains("code-check-character", "result", "printed", "matches", "chosen");
            assertThat(f.printed()).as(w.name()).singleElement().satisfies(p -> {
                assertThat(p.template()).isEqualTo("enterprise-info");
                assertThat(p.medium()).isEqualTo("PDF");
                assertThat(p.result()).isEqualTo("PRINTED");
                assertThat(p.text().replaceAll("\\s+", ""))
                        .contains("企业信息查询结果", "北京示远数据科技有限公司", "91110101MA0E3PWQ0E", "查询时间");
            });
            assertThat(f.platformReceived()).as(w.name()).doesNotContainKey("application.submit");
        }
    }

    @Test
    void aFlowThatCannotGoOnIsReportedWithTheScreenWhereItStopped() throws Exception {
        // the licence printer is out of paper before the walk: the guide cannot come out
        Tour tour =
                new Tour(demo(), Files.createDirectories(scratch.resolve("no-paper")), out, "elderly", Locale.ENGLISH);
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

    // appointments

    @Test
    void theAppointmentAndCheckInFlowsBookedCheckedInAndPrinted() {
        for (Walk w : walks.values()) {
            TourReport.FlowReport book = w.flow("appointment");
            TourReport.FlowReport checkIn = w.flow("checkin");
            assertThat(book.completed())
                    .as("%s appointment: %s %s", w.name(), book.stoppedAt(), book.reason())
                    .isTrue();
            assertThat(checkIn.completed())
                    .as("%s checkin: %s %s", w.name(), checkIn.stoppedAt(), checkIn.reason())
                    .isTrue();
            // the platform received the booking; the confirmation came out, masked, its QR the check-in code
            assertThat(book.platformReceived()).containsEntry("appointment.book", 1);
            assertThat(book.printed()).singleElement().satisfies(p -> {
                assertThat(p.template()).isEqualTo("appointment-confirmation");
                assertThat(p.result()).isEqualTo("PRINTED");
                assertThat(p.text()).contains("110105********002X").doesNotContain(DEMO_ID_NUMBER);
                assertThat(p.codes()).singleElement().asString().startsWith("CHK-");
                assertThat(p.text()).contains(p.codes().get(0).substring("CHK-".length()));
            });
            // the platform received the check-in; the ticket came out with the appointment's priority
            assertThat(checkIn.platformReceived())
                    .containsEntry("appointment.check-in", 1)
                    .containsEntry("ticket.issued", 1);
            assertThat(checkIn.printed()).singleElement().satisfies(p -> {
                assertThat(p.template()).isEqualTo("queue-ticket");
                assertThat(p.result()).isEqualTo("PRINTED");
                assertThat(p.text()).contains("预约优先", "预约事项：");
                assertThat(p.codes()).hasSize(1);
            });
            assertThat(checkIn.screenshots()).extracting(Walker.Shot::screen).contains("too-early", "checked-in");
        }
    }
}
