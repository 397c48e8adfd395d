package cn.egov.kiosk.ui.keyboard;

import static cn.egov.kiosk.ui.Controls.label;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.keyboard.Key.Size;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Lays out a keyboard: the candidate bar (pinyin only: the letters composing, the candidates, paging)
 * above the rows of keys. No key takes the focus, so the field keeps its caret while the citizen
 * types.
 */
public final class KeyboardView {
    private final VBox root = new VBox();
    private final KeyboardViewModel vm;
    /** What the candidates were last fitted to: the bar's room, the candidates' font and insets. */
    private double fittedRoom = -1;

    private Font fittedFont;
    private Insets fittedInsets;

    public KeyboardView(KeyboardViewModel vm) {
        this.vm = vm;
        root.setId("keyboard");
        root.getStyleClass().add("keyboard");
        root.setFillWidth(true);
        HBox bar = candidateBar();
        VBox rows = new VBox();
        rows.getStyleClass().add("keyboard-rows");
        rows.setAlignment(Pos.CENTER);
        fillRows(rows, vm.layoutProperty().get().rows());
        vm.layoutProperty().addListener((obs, old, now) -> fillRows(rows, now.rows()));
        BooleanBinding pinyin = Bindings.createBooleanBinding(
                () -> vm.layoutProperty().get() == KeyboardLayout.PINYIN, vm.layoutProperty());
        bar.visibleProperty().bind(pinyin);
        bar.managedProperty().bind(pinyin);
        root.getChildren().addAll(bar, rows);
    }

    private HBox candidateBar() {
        HBox bar = new HBox();
        bar.setId("keyboard-candidates");
        bar.getStyleClass().add("keyboard-candidates");
        bar.setAlignment(Pos.CENTER_LEFT);
        Label composing = label("keyboard-composing");
        composing.setId("keyboard-composing");
        composing.setWrapText(false);
        composing.textProperty().bind(vm.composingProperty());
        composing.visibleProperty().bind(vm.composingProperty().isNotEmpty());
        composing.managedProperty().bind(composing.visibleProperty());
        Label hint = label("keyboard-hint");
        hint.setId("keyboard-hint");
        hint.setWrapText(false);
        hint.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.i18n()
                                .text(
                                        vm.dictionaryLoadingProperty().get()
                                                ? Msg.KEYBOARD_LOADING
                                                : Msg.KEYBOARD_PINYIN_HINT),
                        vm.dictionaryLoadingProperty(),
                        vm.i18n().localeProperty()));
        hint.visibleProperty().bind(vm.composingProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Button previous = pageButton("candidates-previous", Msg.KEYBOARD_CANDIDATES_PREVIOUS);
        previous.setOnAction(e -> vm.previousCandidates());
        previous.disableProperty().bind(vm.hasPreviousCandidatesProperty().not());
        Button next = pageButton("candidates-next", Msg.KEYBOARD_CANDIDATES_NEXT);
        next.setOnAction(e -> vm.nextCandidates());
        next.disableProperty().bind(vm.hasNextCandidatesProperty().not());
        HBox words = new HBox();
        words.getStyleClass().add("keyboard-candidate-list");
        words.setAlignment(Pos.CENTER_LEFT);
        words.setMinWidth(0);
        HBox.setHgrow(words, Priority.ALWAYS);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(words.widthProperty());
        clip.heightProperty().bind(words.heightProperty());
        words.setClip(clip);
        vm.candidates().addListener((ListChangeListener<String>) c -> fillCandidates(words, vm.candidates()));
        fillCandidates(words, vm.candidates());
        // an unseen candidate, styled as the others, to measure them by: a page holds what fits
        Button probe = new Button();
        probe.getStyleClass().add("keyboard-candidate");
        probe.setVisible(false);
        probe.setManaged(false);
        InvalidationListener fit = o -> fitCandidates(words, probe);
        words.widthProperty().addListener(fit);
        probe.fontProperty().addListener(fit);
        probe.paddingProperty().addListener(fit);
        bar.getChildren().addAll(composing, hint, words, previous, next, probe);
        return bar;
    }

    private void fitCandidates(HBox words, Button probe) {
        double room = words.getWidth();
        Font font = probe.getFont();
        Insets insets = probe.getInsets();
        if (room <= 0 || (room == fittedRoom && font.equals(fittedFont) && insets.equals(fittedInsets))) {
            return;
        }
        fittedRoom = room;
        fittedFont = font;
        fittedInsets = insets;
        double extra = insets.getLeft() + insets.getRight() + words.getSpacing() + font.getSize() * 0.2;
        Text measure = new Text();
        measure.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        vm.fitCandidates(room, text -> {
            measure.setText(text);
            return Math.ceil(measure.getLayoutBounds().getWidth()) + extra;
        });
    }

    private Button pageButton(String id, Msg text) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("keyboard-page");
        b.textProperty().bind(vm.i18n().bind(text));
        b.setFocusTraversable(false);
        b.visibleProperty().bind(vm.composingProperty().isNotEmpty());
        return b;
    }

    private void fillCandidates(HBox words, List<String> candidates) {
        words.getChildren().clear();
        for (int i = 0; i < candidates.size(); i++) {
            int index = i;
            Button b = new Button(candidates.get(i));
            b.setId("candidate-" + i);
            b.getStyleClass().add("keyboard-candidate");
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> vm.choose(index));
            words.getChildren().add(b);
        }
    }

    private void fillRows(VBox rows, List<List<Key>> layout) {
        rows.getChildren().clear();
        for (List<Key> keys : layout) {
            HBox row = new HBox();
            row.getStyleClass().add("keyboard-row");
            row.setAlignment(Pos.CENTER);
            for (Key key : keys) {
                row.getChildren().add(key(key));
            }
            rows.getChildren().add(row);
        }
    }

    private Node key(Key key) {
        if (key.type() == Key.Type.GAP) {
            Label gap = new Label();
            gap.getStyleClass().add("keyboard-gap");
            size(gap, key.size());
            return gap;
        }
        Button b = new Button();
        b.setId(key.id());
        b.getStyleClass().add("keyboard-key");
        b.setFocusTraversable(false);
        switch (key.type()) {
            case CHARACTER -> {
                b.setText(key.text());
                KeyNames.of(key).ifPresent(name -> Accessible.named(b, vm.i18n().bind(name))); // 顿号, not "、"
            }
            case MODE ->
                b.textProperty()
                        .bind(Bindings.createStringBinding(
                                () -> vm.i18n().text(vm.modeKeyLabelProperty().get()),
                                vm.modeKeyLabelProperty(),
                                vm.i18n().localeProperty()));
            default -> b.textProperty().bind(vm.i18n().bind(functionLabel(key.type())));
        }
        if (key.type() != Key.Type.CHARACTER) {
            b.getStyleClass().add("keyboard-function");
        }
        if (key.type() == Key.Type.DONE) {
            b.getStyleClass().add("keyboard-done");
        }
        size(b, key.size());
        b.setOnAction(e -> vm.press(key));
        return b;
    }

    private static void size(Region node, Size size) {
        switch (size) {
            case WIDE -> node.getStyleClass().add("keyboard-key-wide");
            case SPACE -> node.getStyleClass().add("keyboard-key-space");
            case NORMAL -> node.getStyleClass().add("keyboard-key-normal");
        }
    }

    private static Msg functionLabel(Key.Type type) {
        return switch (type) {
            case BACKSPACE -> Msg.KEYBOARD_BACKSPACE;
            case CLEAR -> Msg.KEYBOARD_CLEAR;
            case SPACE -> Msg.KEYBOARD_SPACE;
            case DONE -> Msg.KEYBOARD_DONE;
            case MODE -> Msg.KEYBOARD_MODE_LETTERS;
            case CHARACTER, GAP -> throw new IllegalArgumentException(type.name());
        };
    }

    public Node root() {
        return root;
    }
}
