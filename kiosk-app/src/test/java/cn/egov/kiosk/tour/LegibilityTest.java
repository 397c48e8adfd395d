package cn.egov.kiosk.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.egov.kiosk.ui.theme.Theme;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The measurements the tour takes of each screen, on a scene built for it: the WCAG ratio itself,
 * then a small screen with a known smallest text, smallest button, a grey text on white, a faded
 * label, a button under a dialog (not read) and a nameless button.
 */
@ExtendWith(ApplicationExtension.class)
class LegibilityTest {
    private static final Theme.Legible LIMITS = new Theme.Legible(22, 30, 60, 4.5, 1.3);
    private Scene scene;

    @Start
    void start(Stage stage) {
        Label big = new Label("大字");
        big.setId("big");
        big.setStyle("-fx-font-size: 40px; -fx-text-fill: black;");
        Label small = new Label("小字");
        small.setId("small");
        small.setStyle("-fx-font-size: 14px; -fx-text-fill: black;");
        Label grey = new Label("浅灰");
        grey.setId("grey");
        grey.setStyle("-fx-font-size: 30px; -fx-text-fill: #999999;");
        Label faded = new Label("淡");
        faded.setId("faded");
        faded.setStyle("-fx-font-size: 30px; -fx-text-fill: black;");
        faded.setOpacity(0.3);
        Button tall = new Button("好");
        tall.setId("tall");
        tall.setStyle("-fx-font-size: 24px; -fx-min-width: 100px; -fx-min-height: 100px;");
        Button flat = new Button("扁");
        flat.setId("flat");
        flat.setStyle(
                "-fx-font-size: 24px; -fx-min-width: 200px; -fx-min-height: 44px; -fx-max-height: 44px; -fx-pref-height: 44px;");
        Button nameless = new Button();
        nameless.setId("nameless");
        nameless.setStyle("-fx-min-width: 80px; -fx-min-height: 80px;");
        VBox page = new VBox(12, big, small, grey, faded, tall, flat, nameless);
        page.setStyle("-fx-background-color: white; -fx-padding: 20;");
        scene = new Scene(new StackPane(page), 800, 900);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theWcagRatioOfKnownColours() {
        assertThat(Legibility.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(0.01));
        assertThat(Legibility.ratio(Color.WHITE, Color.WHITE)).isCloseTo(1.0, within(0.001));
        // #767676 on white is the classic 4.5:1 grey; #777777 just misses it
        assertThat(Legibility.ratio(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.01));
        assertThat(Legibility.ratio(Color.web("#777777"), Color.WHITE)).isLessThan(4.5);
        // yellow on black, the elderly theme's pair
        assertThat(Legibility.ratio(Color.web("#ffd600"), Color.BLACK)).isGreaterThan(14);
        assertThat(Legibility.over(Color.BLACK, 0.5, Color.WHITE).getRed()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void aScreenReportsItsSmallestTextTargetAndContrastAndWhere() throws Exception {
        Legibility.Screen s = measure();

        assertThat(s.minTextPx()).isEqualTo(14.0);
        assertThat(s.minTextAt()).contains("#small");
        assertThat(s.minTargetPx()).isEqualTo(44.0);
        assertThat(s.minTargetAt()).contains("#flat");
        // black at 30 % over white is a light grey (2.1:1), fainter than the #999 text (2.85:1)
        assertThat(s.minContrast()).isLessThan(2.5);
        assertThat(s.minContrastAt()).contains("#faded");
        assertThat(s.unnamed()).singleElement().asString().contains("#nameless");
        assertThat(s.cut()).as("nothing here is cut off").isEmpty();
        assertThat(s.below())
                .anyMatch(b -> b.startsWith("text 14.0 px") && b.contains("#small"))
                .anyMatch(b -> b.startsWith("target 200x44 px") && b.contains("#flat"))
                .anyMatch(b -> b.startsWith("contrast 2.85") && b.contains("#grey"))
                .noneMatch(b -> b.contains("#big") || b.contains("#tall"));
    }

    @Test
    void whatADialogCoversIsNotRead() throws Exception {
        onFx(() -> {
            Label words = new Label("对话框");
            words.setStyle("-fx-font-size: 36px; -fx-text-fill: black;");
            Button ok = new Button("确定");
            ok.setId("ok");
            ok.setStyle("-fx-font-size: 30px; -fx-min-width: 120px; -fx-min-height: 90px;");
            VBox dialog = new VBox(20, words, ok);
            dialog.setStyle("-fx-background-color: white; -fx-padding: 30; -fx-max-width: 400; -fx-max-height: 300;");
            StackPane overlay = new StackPane(dialog);
            overlay.getStyleClass().add("overlay");
            overlay.setStyle("-fx-background-color: rgba(0,0,0,0.6);");
            ((StackPane) scene.getRoot()).getChildren().add(overlay);
            return null;
        });
        Legibility.Screen s = measure();

        assertThat(s.minTextPx()).isEqualTo(30.0);
        assertThat(s.minTargetPx()).isEqualTo(90.0);
        assertThat(s.targets()).isEqualTo(1);
        assertThat(s.minContrast()).isGreaterThan(7); // dark text on the dialog and its button
        assertThat(s.below()).isEmpty();
    }

    private Legibility.Screen measure() throws Exception {
        return onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return Legibility.measure("test", scene, scene.snapshot(null), LIMITS);
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(work).get();
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }
}
