package cn.egov.kiosk.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A device's connection as the settings screen edits it: a kind and the fields of that kind, made
 * into the configuration's connection text ({@code serial:/dev/ttyUSB0?baud=115200}, {@code
 * tcp:HOST:PORT}, {@code cups:QUEUE}, {@code file:/dev/usb/lp0}, {@code keyboard:}, {@code sim:}).
 * What it cannot show field by field (other serial parameters) stays as {@link Kind#OTHER}, the text
 * as it is.
 *
 * @param target the serial port or file path, the TCP host, or the CUPS queue
 * @param number the baud rate (serial) or the TCP port; 0 when not given
 */
public record Connection(Kind kind, String target, int number) {
    /** The baud rates offered; another one in the file is kept. */
    public static final List<Integer> BAUD_RATES = List.of(9600, 19200, 38400, 57600, 115200);

    /** How a device is reached. */
    public enum Kind {
        SERIAL,
        TCP,
        CUPS,
        FILE,
        KEYBOARD,
        SIM,
        /** A connection the screen does not take apart: edited as text. */
        OTHER
    }

    public Connection {
        Objects.requireNonNull(kind, "kind");
        target = target == null ? "" : target.strip();
    }

    /** The configuration's connection text taken apart. */
    public static Connection parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String scheme = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? t : t.substring(colon + 1);
        switch (scheme) {
            case "serial" -> {
                int q = rest.indexOf('?');
                if (q < 0) {
                    return new Connection(Kind.SERIAL, rest, 0);
                }
                String query = rest.substring(q + 1);
                if (query.matches("baud=[0-9]{1,7}")) {
                    return new Connection(Kind.SERIAL, rest.substring(0, q), Integer.parseInt(query.substring(5)));
                }
                return new Connection(Kind.OTHER, t, 0);
            }
            case "tcp" -> {
                int last = rest.lastIndexOf(':');
                if (last > 0 && rest.substring(last + 1).matches("[0-9]{1,5}")) {
                    return new Connection(
                            Kind.TCP, rest.substring(0, last), Integer.parseInt(rest.substring(last + 1)));
                }
                return new Connection(Kind.OTHER, t, 0);
            }
            case "cups" -> {
                return new Connection(Kind.CUPS, rest, 0);
            }
            case "file" -> {
                return new Connection(Kind.FILE, rest, 0);
            }
            case "keyboard" -> {
                return new Connection(Kind.KEYBOARD, "", 0);
            }
            case "sim" -> {
                return new Connection(Kind.SIM, "", 0);
            }
            default -> {
                return new Connection(Kind.OTHER, t, 0);
            }
        }
    }

    /** The configuration's text of this connection. */
    public String text() {
        return switch (kind) {
            case SERIAL -> "serial:" + target + (number > 0 ? "?baud=" + number : "");
            case TCP -> "tcp:" + target + ":" + number;
            case CUPS -> "cups:" + target;
            case FILE -> "file:" + target;
            case KEYBOARD -> "keyboard:";
            case SIM -> "sim:";
            case OTHER -> target;
        };
    }
}
