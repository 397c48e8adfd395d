package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.settings.Settings;
import cn.egov.kiosk.ui.KioskUi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hall's logo ({@code ui.logo}) over the whole runtime, headless: shown on the attract screen
 * above the hall's name and in the top bar, read off the JavaFX thread; a new logo staff save shows
 * at once; one that is a PNG by its signature but cannot be decoded leaves the screens without a
 * logo (and the kiosk running).
 */
@ExtendWith(ApplicationExtension.class)
class LogoOnScreenTest {
    @TempDir
    Path dir;

    private KioskRuntime runtime;
    private KioskUi ui;
    private KioskOnScreen kiosk;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static Path png(Path file, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8102E));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @BeforeEach
    void startKiosk(FxRobot robot) throws Exception {
        png(dir.resolve("logo.png"), 400, 200);
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                kiosk:
                  id: K01
                  hallName: {zh-CN: 测试区政务服务中心, en: Test District Service Centre}
                  timeZone: Asia/Shanghai
                  demo: true
                ui:
                  fullScreen: false
                  # the hall's logo (大厅标志)
                  logo: logo.png
                storage: {database: var/kiosk.db, dataDir: var}
                queue:
                  businessTypes:
                    - {code: A, name: {zh-CN: 综合受理, en: General services}}
                devices:
                  ticket-printer: {class: receipt-printer, driver: sim, connection: "sim:"}
                """);
        kiosk = KioskOnScreen.start(robot, stage, file);
        runtime = kiosk.runtime();
        ui = kiosk.ui();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static void await(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static Image shown(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ImageView.class).getImage();
    }

    @Test
    void theLogoShowsAboveTheHallsNameAndANewOneAtOnce(FxRobot robot) throws Exception {
        await(() -> shown(robot, "#attract-logo") != null, "the logo on the attract screen");
        ImageView attract = robot.lookup("#attract-logo").queryAs(ImageView.class);
        assertThat(attract.isVisible()).isTrue();
        assertThat(attract.getImage().getWidth() / attract.getImage().getHeight())
                .isEqualTo(2.0);
        assertThat(attract.getBoundsInParent().getHeight())
                .as("in proportion to the hall's name, not the file's size")
                .isGreaterThan(40)
                .isLessThan(300);
        assertThat(shown(robot, "#frame-logo")).as("the top bar has it too").isSameAs(attract.getImage());

        Settings settings = runtime.settings(() -> "STAFF");
        Path square = png(dir.resolve("square.png"), 120, 120);
        assertThat(settings.save(List.of(new Settings.Change<>(Settings.LOGO, Optional.of(square)))))
                .isInstanceOf(Settings.Saved.class);
        await(
                () -> shown(robot, "#attract-logo") != null
                        && shown(robot, "#attract-logo").getWidth()
                                == shown(robot, "#attract-logo").getHeight(),
                "the new logo shown without a restart");

        // a PNG by its first bytes that cannot be decoded: no logo, rather than a broken picture
        Path broken = dir.resolve("broken.png");
        byte[] bytes = Files.readAllBytes(square);
        Files.write(broken, Arrays.copyOf(bytes, 40));
        assertThat(settings.save(List.of(new Settings.Change<>(Settings.LOGO, Optional.of(broken)))))
                .isInstanceOf(Settings.Saved.class);
        await(() -> shown(robot, "#attract-logo") == null, "no logo for a picture that cannot be shown");
        assertThat(robot.lookup("#attract-logo").queryAs(ImageView.class).isVisible())
                .isFalse();

        assertThat(settings.save(List.of(new Settings.Change<>(Settings.LOGO, Optional.<Path>empty()))))
                .isInstanceOf(Settings.Saved.class);
        assertThat(Files.readString(runtime.config().source())).doesNotContain("logo:");
    }
}
