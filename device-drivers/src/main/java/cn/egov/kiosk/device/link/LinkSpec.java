package cn.egov.kiosk.device.link;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a device is connected, parsed from the {@code connection} of a device's configuration:
 *
 * <ul>
 *   <li>{@code serial:/dev/ttyUSB0?baud=115200&dataBits=8&parity=none&stopBits=1}
 *   <li>{@code tcp:192.168.1.50:9100?connectTimeoutMs=3000}
 *   <li>{@code file:/dev/usb/lp0}
 *   <li>{@code sim:} an in-process simulator, no transport
 * </ul>
 */
public record LinkSpec(Scheme scheme, String target, Map<String, String> params) {

    public enum Scheme {
        SERIAL,
        TCP,
        FILE,
        SIM
    }

    public LinkSpec {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(target, "target");
        params = Map.copyOf(params);
    }

    /** Parses a connection string; the message of the exception says what was expected. */
    public static LinkSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "a connection such as serial:/dev/ttyUSB0, tcp:HOST:PORT, file:/dev/usb/lp0 or sim:");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "a connection that starts with serial:, tcp:, file: or sim:, not \"" + text + "\"");
        }
        String schemeName = text.substring(0, colon);
        Scheme scheme;
        try {
            scheme = Scheme.valueOf(schemeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "serial:, tcp:, file: or sim: at the start of the connection, not \"" + schemeName + ":\"");
        }
        String rest = text.substring(colon + 1);
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("name=value parameters in the connection, not \"" + pair + "\"");
                }
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            rest = rest.substring(0, q);
        }
        if (scheme != Scheme.SIM && rest.isBlank()) {
            throw new IllegalArgumentException("a path or address after \"" + schemeName + ":\"");
        }
        if (scheme == Scheme.TCP) {
            int portColon = rest.lastIndexOf(':');
            if (portColon <= 0) {
                throw new IllegalArgumentException("tcp:HOST:PORT, not \"" + text + "\"");
            }
            parsePort(rest.substring(portColon + 1));
        }
        return new LinkSpec(scheme, rest, params);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a TCP port from 1 to 65535, not \"" + text + "\"");
        }
    }

    /** For TCP: the host part. */
    public String host() {
        return target.substring(0, target.lastIndexOf(':'));
    }

    /** For TCP: the port. */
    public int port() {
        return parsePort(target.substring(target.lastIndexOf(':') + 1));
    }

    public int intParam(String name, int defaultValue) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "a whole number for \"" + name + "\" in the connection, not \"" + value + "\"");
        }
    }

    public String param(String name, String defaultValue) {
        return params.getOrDefault(name, defaultValue);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme.name().toLowerCase(Locale.ROOT))
                .append(':')
                .append(target);
        if (!params.isEmpty()) {
            sb.append('?');
            params.forEach((k, v) -> sb.append(k).append('=').append(v).append('&'));
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }
}
