package cn.egov.kiosk.ui.keyboard;

import cn.egov.kiosk.ui.Msg;
import java.util.Optional;

/**
 * What a screen reader says of a key that types a sign rather than a letter or a digit (顿号, not
 * "、"): the key's accessible name. Letters, digits and the function keys say their own text.
 */
final class KeyNames {
    private KeyNames() {}

    static Optional<Msg> of(Key key) {
        if (key.type() != Key.Type.CHARACTER) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (key.id()) {
                    case "key-hyphen" -> Msg.A11Y_KEY_HYPHEN;
                    case "key-middle-dot" -> Msg.A11Y_KEY_MIDDLE_DOT;
                    case "key-left-parenthesis" -> Msg.A11Y_KEY_LEFT_PARENTHESIS;
                    case "key-right-parenthesis" -> Msg.A11Y_KEY_RIGHT_PARENTHESIS;
                    case "key-slash" -> Msg.A11Y_KEY_SLASH;
                    case "key-hash" -> Msg.A11Y_KEY_HASH;
                    case "key-comma" -> Msg.A11Y_KEY_COMMA;
                    case "key-dot" -> Msg.A11Y_KEY_DOT;
                    case "key-colon" -> Msg.A11Y_KEY_COLON;
                    case "key-underscore" -> Msg.A11Y_KEY_UNDERSCORE;
                    case "key-full-stop" -> Msg.A11Y_KEY_FULL_STOP;
                    case "key-enumeration-comma" -> Msg.A11Y_KEY_ENUMERATION_COMMA;
                    default -> null;
                });
    }
}
