package cn.egov.kiosk.diag;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration's text with its secrets replaced by {@code <removed>}: the registration code,
 * PINs and PIN hashes, key pins, passwords, secrets and tokens, wherever they stand (a plain value,
 * a flow mapping, a list under the key). Everything else, comments included, stays as written.
 */
final class SecretRedaction {
    static final String REMOVED = "<removed>";

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z0-9_.-]+)(\\s*:)(\\s*)(.*)$");
    private static final Pattern FLOW_PAIR =
            Pattern.compile("([{,]\\s*)([A-Za-z0-9_.-]+)(\\s*:\\s*)(\"[^\"]*\"|'[^']*'|\\[[^\\]]*\\]|[^,{}]*)");

    private SecretRedaction() {}

    /** Whether a key names a secret. */
    static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.equals("registrationcode")
                || k.equals("pin")
                || k.equals("pins")
                || k.endsWith("pin")
                || k.endsWith("pins")
                || k.endsWith("pinhash")
                || k.contains("password")
                || k.contains("secret")
                || k.contains("token")
                || k.contains("salt")
                || k.endsWith("hash")
                || k.equals("apikey");
    }

    static String redact(String yaml) {
        StringBuilder out = new StringBuilder();
        int blockIndent = -1; // inside the value of a secret key given on the next lines
        for (String line : yaml.split("\n", -1)) {
            int indent = indentOf(line);
            boolean blank = line.isBlank() || line.trim().startsWith("#");
            if (blockIndent >= 0) {
                if (blank) {
                    out.append(line).append('\n');
                    continue;
                }
                if (indent > blockIndent
                        || (indent == blockIndent && line.trim().startsWith("- "))) {
                    out.append(line, 0, indent)
                            .append(line.trim().startsWith("- ") ? "- " + REMOVED : REMOVED)
                            .append('\n');
                    continue;
                }
                blockIndent = -1;
            }
            Matcher m = KEY_LINE.matcher(line);
            if (m.matches() && !blank) {
                String key = m.group(3);
                String value = m.group(6);
                if (secret(key)) {
                    if (value.isEmpty() || value.startsWith("#") || value.startsWith("|") || value.startsWith(">")) {
                        blockIndent = m.group(1).length()
                                + (m.group(2) == null ? 0 : m.group(2).length());
                        out.append(m.group(1))
                                .append(m.group(2) == null ? "" : m.group(2))
                                .append(key)
                                .append(m.group(4))
                                .append('\n');
                    } else {
                        out.append(m.group(1))
                                .append(m.group(2) == null ? "" : m.group(2))
                                .append(key)
                                .append(m.group(4))
                                .append(' ')
                                .append(REMOVED)
                                .append('\n');
                    }
                    continue;
                }
                if (value.startsWith("{")) {
                    out.append(line, 0, m.start(6)).append(redactFlow(value)).append('\n');
                    continue;
                }
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String redactFlow(String flow) {
        Matcher m = FLOW_PAIR.matcher(flow);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = secret(m.group(2)) ? m.group(1) + m.group(2) + m.group(3) + REMOVED : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
