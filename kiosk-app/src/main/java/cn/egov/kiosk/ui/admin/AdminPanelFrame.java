package cn.egov.kiosk.ui.admin;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import javafx.beans.binding.StringExpression;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The frame every admin panel's view is built in: an overlay over the current screen, shown while
 * the panel is open, holding a dialog with the panel's title on top and the parts the view adds
 * below it ({@link #show}); and the parts all panels have, with ids and style classes from the
 * panel's {@link Look}: the message line, the close button, the bars of buttons and the question
 * before an action that changes something, with its yes and no.
 *
 * <p>A panel's ids and style classes live in its {@link Look}: a view may hold no literal but an id or
 * a style class, and only in calls {@code ViewTextsTest} can follow (its own helpers and
 * {@code Controls}'), so a view cannot hand them to this class. A view moving onto the frame (as
 * {@code PaymentsPanelView} did) adds its look here with the ids its tests already use, builds
 * {@code new AdminPanelFrame(i18n, Look.X, Msg.X_TITLE, vm)} (its view model an {@link AdminPanel}),
 * takes the message, close button, bars, buttons that act and the confirmation from it, hands its
 * parts below the title to {@link #show} and returns {@link #root()}.
 */
public final class AdminPanelFrame {

    /**
     * A panel's ids and style classes: the overlay's id, the dialog's class, the prefix of its parts'
     * ids ({@code prefix-message}, {@code -close}, {@code -question}, {@code -confirm},
     * {@code -confirm-cancel}, {@code -confirmation}, {@code -rows}, {@code -rows-scroll},
     * {@code -none}) and of its headings' class ({@code prefix-heading}), the class of its buttons,
     * of its primary buttons, of its bars and of its message line.
     */
    public enum Look {
        PAYMENTS(
                "staff-payments",
                "payments-panel",
                "staff-pay",
                "nav-button",
                "primary-button",
                "staff-pay-actions",
                "pin-message"),
        DIAGNOSTICS("diag-panel", "diag-panel", "diag", "diag-button", "diag-primary", "diag-bar", "diag-message"),
        TODAY("staff-today", "today-panel", "today", "nav-button", "primary-button", "today-bar", "pin-message");

        private final String rootId;
        private final String dialogClass;
        private final String prefix;
        private final String buttonClass;
        private final String primaryClass;
        private final String barClass;
        private final String messageClass;

        Look(
                String rootId,
                String dialogClass,
                String prefix,
                String buttonClass,
                String primaryClass,
                String barClass,
                String messageClass) {
            this.rootId = rootId;
            this.dialogClass = dialogClass;
            this.prefix = prefix;
            this.buttonClass = buttonClass;
            this.primaryClass = primaryClass;
            this.barClass = barClass;
            this.messageClass = messageClass;
        }

        private String id(String part) {
            return prefix + "-" + part;
        }
    }

    private final I18n i18n;
    private final Look look;
    private final AdminPanel panel;
    private final StackPane root = new StackPane();
    private final VBox dialog = new VBox();

    /** The overlay, shown while {@code panel} is open, with the dialog and its title. */
    public AdminPanelFrame(I18n i18n, Look look, Msg title, AdminPanel panel) {
        this.i18n = i18n;
        this.look = look;
        this.panel = panel;
        root.setId(look.rootId);
        root.getStyleClass().add("overlay");
        dialog.getChildren().add(text(i18n, "dialog-title", title));
        dialog.getStyleClass().addAll("dialog", look.dialogClass);
        root.getChildren().add(dialog);
        root.visibleProperty().bind(panel.visibleProperty());
    }

    /** The dialog's parts below the title, top to bottom. */
    public void show(Node... parts) {
        dialog.getChildren().addAll(parts);
    }

    public Node root() {
        return root;
    }

    /** The line that says what staff's last action came to ({@code prefix-message}). */
    public Label message(ObservableValue<String> words) {
        Label message = label(look.messageClass);
        message.setId(look.id("message"));
        message.textProperty().bind(words);
        return message;
    }

    /** The button that closes the panel ({@code prefix-close}). */
    public Button close(Msg words) {
        Button close = button(i18n, look.id("close"), look.buttonClass, words);
        close.setOnAction(e -> panel.close());
        return close;
    }

    /** {@code button} does {@code act}; it cannot while staff's work runs. */
    public Button acting(Button button, Runnable act) {
        button.setOnAction(e -> act.run());
        button.disableProperty().bind(panel.busyProperty());
        return button;
    }

    /** A row of the panel's buttons (or a day switch, or the message beside the close button). */
    public HBox bar(Pos alignment, Node... parts) {
        HBox bar = new HBox(parts);
        bar.getStyleClass().add(look.barClass);
        bar.setAlignment(alignment);
        return bar;
    }

    /**
     * The question before an action that changes something, shown while there is one, with no and
     * yes ({@code prefix-question}, {@code -confirm-cancel}, {@code -confirm}, in {@code -confirmation}).
     */
    public VBox confirmation(Msg yesWords, Msg noWords) {
        StringExpression question = panel.confirmationProperty();
        Label asked = label("pin-message");
        asked.setId(look.id("question"));
        asked.textProperty().bind(question);
        Button yes = button(i18n, look.id("confirm"), look.primaryClass, yesWords);
        yes.setOnAction(e -> panel.confirm());
        Button no = button(i18n, look.id("confirm-cancel"), look.buttonClass, noWords);
        no.setOnAction(e -> panel.cancelConfirmation());
        HBox answers = new HBox(no, yes);
        answers.getStyleClass().add(look.barClass);
        VBox box = new VBox(asked, answers);
        box.setId(look.id("confirmation"));
        box.getStyleClass().add(look.id("confirmation"));
        shownWhen(box, question.isNotEmpty());
        return box;
    }

    /** A heading in the panel ({@code prefix-heading}). */
    public Label heading(Msg words) {
        return text(i18n, look.id("heading"), words);
    }

    /**
     * The panel's list ({@code prefix-rows}, scrolled in {@code prefix-rows-scroll}): its rows drawn
     * by {@code draw} now and again whenever {@code items} or one of {@code values} changes.
     */
    public <E> ScrollPane list(VBox rows, Runnable draw, ObservableList<E> items, ObservableValue<?>... values) {
        rows.setId(look.id("rows"));
        rows.getStyleClass().add(look.id("rows"));
        redrawOn(draw, items, values);
        ScrollPane scroll = scroll(rows);
        scroll.setId(look.id("rows-scroll"));
        return scroll;
    }

    /** What an empty list shows instead of its rows ({@code prefix-none}): nothing found, or still reading. */
    public void nothingIn(VBox rows, Msg words) {
        Label none = text(i18n, "panel-line", words);
        none.setId(look.id("none"));
        rows.getChildren().setAll(none);
    }

    /** Shows {@code node}, taking its room, only while {@code when} holds. */
    public static void shownWhen(Node node, ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Runs {@code draw} now, and again whenever {@code list} or one of {@code values} changes. */
    public static <E> void redrawOn(Runnable draw, ObservableList<E> list, ObservableValue<?>... values) {
        list.addListener((ListChangeListener<E>) c -> draw.run());
        for (ObservableValue<?> value : values) {
            value.addListener((ChangeListener<Object>) (obs, was, now) -> draw.run());
        }
        draw.run();
    }

    /** One wrapping label a line in {@code box}, following {@code lines}. */
    public static void followLines(ObservableList<String> lines, VBox box) {
        Runnable show = () -> {
            box.getChildren().clear();
            for (String line : lines) {
                box.getChildren().add(label("panel-line", line));
            }
        };
        lines.addListener((ListChangeListener<String>) c -> show.run());
        show.run();
    }
}
