package cn.egov.kiosk.ui.home;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Msg;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Lays out the home screen's tiles. */
public final class HomeView {
    private final VBox root = new VBox();

    public HomeView(HomeViewModel vm) {
        root.getStyleClass().add("screen");
        root.setId("home");
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.HOME_TITLE));
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(vm.i18n().bind(Msg.HOME_HINT));

        FlowPane tiles = new FlowPane();
        tiles.getStyleClass().add("tiles");
        for (HomeViewModel.Tile tile : vm.tiles()) {
            tiles.getChildren().add(tile(tile));
        }
        Label platform = new Label();
        platform.setId("home-platform-notice");
        platform.getStyleClass().add("notice");
        platform.setWrapText(true);
        platform.textProperty().bind(vm.platformNotice());
        platform.visibleProperty().bind(vm.platformNotice().isNotEmpty());
        platform.managedProperty().bind(platform.visibleProperty());
        // more tiles than fit (large type on a small screen) scroll, never slip under the bottom bar
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(title, hint, platform, scroll);
    }

    private static Node tile(HomeViewModel.Tile tile) {
        Label name = new Label();
        name.getStyleClass().add("tile-title");
        name.textProperty().bind(tile.title());
        Label description = new Label();
        description.getStyleClass().add("tile-description");
        description.textProperty().bind(tile.description());
        description.visibleProperty().bind(tile.available());
        description.managedProperty().bind(tile.available());
        Label problem = new Label();
        problem.getStyleClass().add("tile-problem");
        problem.setId("tile-problem-" + tile.feature().name().toLowerCase(Locale.ROOT));
        problem.textProperty().bind(tile.problem());
        problem.visibleProperty().bind(tile.available().not());
        problem.managedProperty().bind(tile.available().not());
        Label code = new Label();
        code.getStyleClass().add("error-code");
        code.setId("tile-code-" + tile.feature().name().toLowerCase(Locale.ROOT));
        code.textProperty().bind(tile.code());
        code.visibleProperty().bind(tile.available().not());
        code.managedProperty().bind(tile.available().not());
        VBox box = new VBox(name, description, problem, code);
        box.getStyleClass().add("tile-box");

        Button button = new Button();
        button.setId("tile-" + tile.feature().name().toLowerCase(Locale.ROOT));
        button.getStyleClass().add("tile");
        button.setGraphic(box);
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(tile.available().not());
        button.setOnAction(e -> tile.open());
        button.setFocusTraversable(false);
        Accessible.tile(button);
        return button;
    }

    public Node root() {
        return root;
    }
}
