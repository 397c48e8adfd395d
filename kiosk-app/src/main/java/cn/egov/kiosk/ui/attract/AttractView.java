package cn.egov.kiosk.ui.attract;

import static cn.egov.kiosk.ui.Controls.label;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.frame.FrameViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Lays out the attract screen; a touch anywhere on it starts a session. */
public final class AttractView {
    /** The logo's height in the hall name's type sizes. */
    private static final double LOGO_PER_TYPE = 2.5;

    private final VBox root = new VBox();
    private final VBox services = new VBox();

    public AttractView(AttractViewModel vm, FrameViewModel frame) {
        root.setId("attract");
        root.getStyleClass().add("attract");

        Label hall = label("attract-hall");
        hall.textProperty().bind(vm.hallNameProperty());
        // the hall's logo above its name, in proportion to the name's type (larger in the elderly theme)
        ImageView logo = new ImageView();
        logo.setId("attract-logo");
        logo.setPreserveRatio(true);
        logo.setSmooth(true);
        logo.imageProperty().bind(frame.logoProperty());
        logo.fitHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> hall.getFont().getSize() * LOGO_PER_TYPE, hall.fontProperty()));
        logo.visibleProperty().bind(frame.logoProperty().isNotNull());
        logo.managedProperty().bind(logo.visibleProperty());
        Label subtitle = label("attract-subtitle");
        subtitle.textProperty().bind(vm.i18n().bind(Msg.ATTRACT_SUBTITLE));
        Label clock = label("attract-clock");
        clock.textProperty().bind(frame.timeProperty());
        Label date = label("attract-date");
        date.textProperty().bind(frame.dateProperty());
        Label start = label("attract-start");
        start.setId("touch-to-start");
        start.textProperty().bind(vm.i18n().bind(Msg.ATTRACT_TOUCH_TO_START));
        // still: nothing on the screen moves for the citizen to catch, and the words keep their contrast

        // one large button for older citizens: large type, more time and the voice, and start
        Button elderlyStart = new Button();
        elderlyStart.setId("attract-elderly-start");
        elderlyStart.getStyleClass().add("attract-elderly");
        elderlyStart.textProperty().bind(vm.i18n().bind(Msg.ATTRACT_ELDERLY_START));
        elderlyStart.visibleProperty().bind(frame.elderlyOn().not());
        elderlyStart.managedProperty().bind(elderlyStart.visibleProperty());
        elderlyStart.setOnAction(e -> {
            if (!frame.elderlyOn().get()) {
                frame.toggleElderly();
            }
            vm.start();
        });
        // the tap is the button's: the screen behind it does not start a second session
        elderlyStart.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        elderlyStart.addEventHandler(TouchEvent.TOUCH_RELEASED, TouchEvent::consume);

        Label servicesTitle = label("attract-services-title");
        servicesTitle.setId("attract-services-title");
        servicesTitle.textProperty().bind(vm.servicesTitleProperty());
        services.getStyleClass().add("attract-services");
        services.setId("attract-services");
        services.getChildren().add(servicesTitle);
        vm.servicesProperty().addListener((obs, old, now) -> fill(servicesTitle, now));
        fill(servicesTitle, vm.servicesProperty().get());

        root.getChildren().addAll(logo, hall, subtitle, clock, date, start, elderlyStart, services);
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> vm.start());
        Accessible.named(root, AccessibleRole.BUTTON, vm.i18n().bind(Msg.ATTRACT_TOUCH_TO_START));
        root.addEventHandler(TouchEvent.TOUCH_RELEASED, e -> vm.start());
    }

    private void fill(Label title, List<AttractViewModel.ServiceLine> lines) {
        // side by side where they fit: nine services one under another do not fit a landscape screen in large type
        FlowPane grid = new FlowPane();
        grid.getStyleClass().add("attract-service-grid");
        grid.setAlignment(Pos.CENTER);
        services.getChildren().setAll(title, grid);
        for (AttractViewModel.ServiceLine line : lines) {
            Label l = label("service-state");
            l.setText(line.text());
            l.setGraphic(line.available() ? Icons.check() : Icons.cross());
            l.setGraphicTextGap(12);
            if (!line.available()) {
                l.getStyleClass().add("unavailable");
            }
            l.setId("service-" + line.feature().name().toLowerCase(Locale.ROOT));
            grid.getChildren().add(l);
        }
    }

    public Node root() {
        return root;
    }
}
