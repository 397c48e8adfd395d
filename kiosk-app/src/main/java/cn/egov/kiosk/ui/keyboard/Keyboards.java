package cn.egov.kiosk.ui.keyboard;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * Which keyboard a field takes, declared on the field itself (in its properties), so that a form
 * says it without knowing the keyboard: {@code Keyboards.use(idNumber, KeyboardKind.ID_NUMBER)}. The
 * {@link KeyboardHost} around the form reads it when the field gets the focus. A field without a
 * kind gets no keyboard.
 */
public final class Keyboards {
    static final String KIND = "cn.egov.kiosk.ui.keyboard.kind";
    static final String MAX_LENGTH = "cn.egov.kiosk.ui.keyboard.max-length";

    /** The length of a resident ID number and of a unified social credit code. */
    public static final int EIGHTEEN = 18;

    private Keyboards() {}

    /**
     * The field takes this kind of keyboard. An ID number or credit code field takes at most 18
     * characters unless {@link #maxLength} says otherwise.
     *
     * @return the field, for chaining
     */
    public static <T extends TextInputControl> T use(T field, KeyboardKind kind) {
        field.getProperties().put(KIND, kind);
        if ((kind == KeyboardKind.ID_NUMBER || kind == KeyboardKind.CREDIT_CODE)
                && !field.getProperties().containsKey(MAX_LENGTH)) {
            field.getProperties().put(MAX_LENGTH, EIGHTEEN);
        }
        return field;
    }

    /** The field takes this kind of keyboard and at most {@code maxLength} characters. */
    public static <T extends TextInputControl> T use(T field, KeyboardKind kind, int maxLength) {
        maxLength(field, maxLength);
        return use(field, kind);
    }

    /** The most characters the keyboard types into the field; 0 for no limit. */
    public static void maxLength(TextInputControl field, int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("max length " + maxLength);
        }
        field.getProperties().put(MAX_LENGTH, maxLength);
    }

    /** The keyboard a node takes, if it is a field that has one. */
    public static Optional<KeyboardKind> kindOf(Node node) {
        return node instanceof TextInputControl field && field.getProperties().get(KIND) instanceof KeyboardKind kind
                ? Optional.of(kind)
                : Optional.empty();
    }

    /** The most characters the keyboard types into the field; 0 for no limit. */
    public static int maxLengthOf(TextInputControl field) {
        return field.getProperties().get(MAX_LENGTH) instanceof Integer max ? max : 0;
    }
}
