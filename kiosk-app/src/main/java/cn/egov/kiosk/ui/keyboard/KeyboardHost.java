package cn.egov.kiosk.ui.keyboard;

import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.Optional;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * A screen's content with the keyboard docked below it: the content scrolls above; when a field of
 * the content that has a {@link Keyboards#use keyboard kind} gets the focus the keyboard slides in
 * with that kind, and it goes when no such field has the focus (or the citizen touches Done). The
 * keyboard takes its own room at the bottom rather than lying over the content, and whenever it
 * shows, or the room above it changes (the elderly theme's larger type), the content scrolls so the
 * focused field is wholly in view: the keyboard never covers the field being typed in. Two hosts
 * may share one keyboard model (a form, and the address picker over it): the keyboard shows under
 * the content whose field has the focus.
 *
 * <p>Physical keys (an engineer's keyboard; a barcode scanner that types) go through the same
 * keyboard as touches: a typed character reaches a field only as the key of its keyboard that types
 * it (case folded: {@code x} is X in an ID number; letters compose pinyin in a pinyin field), and is
 * dropped where the keyboard has no such key, so no field ever holds what its keyboard could not
 * type. Backspace takes back a pinyin letter while composing; Enter is Done; the arrows, Home, End
 * and Delete move and edit in the field as usual. The fields' context menu (paste) is never shown.
 * JavaFX's own virtual keyboard is switched off ({@link SystemKeyboard}).
 */
public final class KeyboardHost {
    private static final Duration SLIDE = Duration.millis(160);

    private final VBox root = new VBox();
    private final Node content;
    private final ScrollPane scroll;
    private final StackPane dock = new StackPane();
    private final KeyboardViewModel vm;
    private final KeyboardView view;
    private final TranslateTransition slide;
    private final Runnable afterLayout = this::afterLayout;
    private final ChangeListener<Node> focusListener = (obs, old, now) -> focusMoved(now);

    private TextInputControl field;
    private FieldTarget target;
    private boolean reveal;
    /**
     * Whether the keyboard types into this host's field: two hosts may share one keyboard (a form and
     * a picker over it), and it shows under the content whose field has the focus, not under both.
     */
    private final BooleanProperty hosting = new SimpleBooleanProperty(false);

    private final BooleanBinding shown;

    /** Wraps content with a keyboard of its own that takes the bundled pinyin dictionary. */
    public KeyboardHost(Node content, I18n i18n, TaskRunner tasks) {
        this(content, new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
    }

    public KeyboardHost(Node content, KeyboardViewModel vm) {
        SystemKeyboard.suppress();
        this.content = content;
        this.vm = vm;
        this.view = new KeyboardView(vm);
        root.setId("keyboard-host");
        root.getStyleClass().add("keyboard-host");
        root.setFillWidth(true);

        scroll = new ScrollPane(content);
        scroll.setId("keyboard-host-scroll");
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        dock.getStyleClass().add("keyboard-dock");
        dock.setId("keyboard-dock");
        dock.getChildren().add(view.root());
        dock.setMinHeight(Region.USE_PREF_SIZE);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(dock.widthProperty());
        clip.heightProperty().bind(dock.heightProperty());
        dock.setClip(clip); // the keyboard slides in from below its own room, never over the frame
        shown = vm.showingProperty().and(hosting);
        dock.visibleProperty().bind(shown);
        dock.managedProperty().bind(shown);
        slide = new TranslateTransition(SLIDE, view.root());
        slide.setToY(0);
        shown.addListener((obs, was, now) -> {
            if (now) {
                slideIn();
            }
        });
        // the room changed (the keyboard came, the window grew): the field is brought into sight again.
        // Not when the citizen scrolls (the viewport moves but keeps its size): they look elsewhere
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old == null || old.getHeight() != now.getHeight() || old.getWidth() != now.getWidth()) {
                reveal = true;
            }
        });
        root.getChildren().addAll(scroll, dock);

        root.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusListener);
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(focusListener);
                now.addPostLayoutPulseListener(afterLayout);
                focusMoved(now.getFocusOwner());
            } else {
                focusMoved(null);
            }
        });
        content.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        content.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        content.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (boundField(e.getTarget()).isPresent()) {
                e.consume();
            }
        });
        // a touch on the focused field after Done brings the keyboard back
        content.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> touched(e.getTarget()));
        content.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> touched(e.getTarget()));
    }

    /** The content and the keyboard: what the screen shows. */
    public Parent root() {
        return root;
    }

    /** True while the keyboard is docked below the content. */
    public BooleanBinding keyboardShown() {
        return shown;
    }

    public KeyboardViewModel keyboard() {
        return vm;
    }

    /** The scroll pane the content scrolls in. */
    public ScrollPane scrollPane() {
        return scroll;
    }

    private void focusMoved(Node owner) {
        Optional<TextInputControl> bound = owner == null ? Optional.empty() : boundField(owner);
        if (bound.isPresent()) {
            attach(bound.get());
        } else if (field != null) {
            field = null;
            hosting.set(false);
            if (vm.typesInto(target)) {
                vm.detach(); // unless another host's field has taken the keyboard already
            }
            target = null;
        }
    }

    private void attach(TextInputControl next) {
        if (!next.isEditable() || next.isDisabled()) {
            return;
        }
        field = next;
        target = new FieldTarget(next);
        vm.attach(Keyboards.kindOf(next).orElseThrow(), target);
        hosting.set(true);
        reveal = true;
        root.requestLayout();
    }

    private void touched(Object target) {
        boundField(target)
                .filter(f -> f == field && f.isFocused() && !shown.get())
                .ifPresent(this::attach);
    }

    private void keyTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (field == null
                || boundField(e.getTarget()).orElse(null) != field
                || ch.isEmpty()
                || ch.charAt(0) < ' '
                || ch.charAt(0) == 127) {
            return; // control characters: the field's own behaviour ignores them
        }
        e.consume();
        if (!shown.get()) {
            attach(field);
        }
        vm.typed(ch);
    }

    private void keyPressed(KeyEvent e) {
        if (field == null || boundField(e.getTarget()).orElse(null) != field) {
            return;
        }
        if (e.getCode() == KeyCode.BACK_SPACE && vm.backspaceComposing()) {
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && shown.get()) {
            e.consume();
            vm.done();
        }
    }

    /** The field with a keyboard kind that is, or holds, the node, inside this host's content. */
    private Optional<TextInputControl> boundField(Object target) {
        Node node = target instanceof Node n ? n : null;
        TextInputControl found = null;
        for (Node n = node; n != null; n = n.getParent()) {
            if (found == null
                    && n instanceof TextInputControl t
                    && Keyboards.kindOf(t).isPresent()) {
                found = t;
            }
            if (n == content) {
                return Optional.ofNullable(found);
            }
        }
        return Optional.empty();
    }

    private void slideIn() {
        Node keyboard = view.root();
        double height = keyboard.getLayoutBounds().getHeight();
        slide.stop();
        slide.setFromY(height > 0 ? height : keyboard.prefHeight(-1));
        keyboard.setTranslateY(slide.getFromY());
        slide.playFromStart();
    }

    /** After each layout: the focused field scrolled into the room above the keyboard, if it moved. */
    private void afterLayout() {
        if (!reveal) {
            return;
        }
        reveal = false;
        if (field == null || field.getScene() == null) {
            return;
        }
        Bounds inScene = field.localToScene(field.getBoundsInLocal());
        Bounds b = content.sceneToLocal(inScene);
        double contentHeight = content.getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        double extra = contentHeight - view;
        if (extra <= 0 || b == null) {
            return;
        }
        double margin = Math.min(field.getFont().getSize(), Math.max(0, (view - b.getHeight()) / 2));
        double top = (scroll.getVvalue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin()) * extra;
        double want = top;
        if (b.getMaxY() + margin > want + view) {
            want = b.getMaxY() + margin - view;
        }
        if (b.getMinY() - margin < want) {
            want = b.getMinY() - margin; // a field taller than the room shows its top
        }
        want = Math.max(0, Math.min(extra, want));
        if (want != top) {
            scroll.setVvalue(scroll.getVmin() + want / extra * (scroll.getVmax() - scroll.getVmin()));
        }
    }

    /** The focused text control, as the keyboard types into it. */
    private final class FieldTarget implements KeyboardTarget {
        private final TextInputControl control;

        FieldTarget(TextInputControl control) {
            this.control = control;
        }

        @Override
        public int length() {
            return control.getLength();
        }

        @Override
        public int selectionLength() {
            return control.getSelection().getLength();
        }

        @Override
        public int maxLength() {
            return Keyboards.maxLengthOf(control);
        }

        @Override
        public void replaceSelection(String text) {
            control.replaceSelection(text);
        }

        @Override
        public void deleteBeforeCaret() {
            control.deletePreviousChar();
        }

        @Override
        public void clear() {
            control.clear();
        }

        @Override
        public void release() {
            if (control.isFocused()) {
                root.requestFocus(); // the field loses the focus, and the keyboard is gone
            }
        }
    }
}
