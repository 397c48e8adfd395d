package cn.egov.kiosk.common.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key tables of a README, made from the declarations: one Markdown table per section, between
 * the markers {@code <!-- keys: PATH -->} and {@code <!-- /keys -->}. A test compares the README
 * with what the declarations say, so a table cannot go stale.
 */
public final class KeyTables {
    private static final Pattern SECTION =
            Pattern.compile("(<!-- keys: ([^ ]+) -->\\n)(.*?)(<!-- /keys -->)", Pattern.DOTALL);

    private KeyTables() {}

    /** The table of the keys below a section ({@code kiosk.id}, {@code devices.<id>.class}...). */
    public static String sectionTable(Key<?> section) {
        return tableOfKeys(
                section.schema().keys(), section.name() + section.schema().childSegment());
    }

    /** The rows of the keys below a mapping (the section's own row left out). */
    public static String tableOfKeys(List<Key<?>> keys, String prefix) {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | default | allowed | 说明 | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Key<?> k : keys) {
            rows(k, prefix, sb);
        }
        return sb.toString();
    }

    private static void rows(Key<?> key, String prefix, StringBuilder sb) {
        String path = Reading.join(prefix, key.name());
        String allowed = cell(key.schema().expected());
        if (!key.example().isEmpty()) {
            allowed += "; e.g. `" + cell(key.example()) + "`";
        }
        String dflt = key.isRequired()
                ? "required"
                : key.defaultText().isEmpty()
                        ? "—"
                        : key.defaultIsValue() ? "`" + cell(key.defaultText()) + "`" : cell(key.defaultText());
        sb.append("| `")
                .append(path)
                .append("` | ")
                .append(dflt)
                .append(" | ")
                .append(allowed)
                .append(" | ")
                .append(cell(key.chinese()))
                .append(" | ")
                .append(cell(key.english()))
                .append(" |\n");
        String below = path + key.schema().childSegment();
        for (Key<?> child : key.schema().keys()) {
            rows(child, below, sb);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * The README with every marked table replaced by what {@code tableFor} makes of its path
     * (unchanged when it already says so).
     */
    public static String refresh(String readme, Function<String, String> tableFor) {
        Matcher m = SECTION.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + tableFor.apply(m.group(2)) + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The paths of the marked tables, in order. */
    public static List<String> markedPaths(String readme) {
        List<String> paths = new ArrayList<>();
        Matcher m = SECTION.matcher(readme);
        while (m.find()) {
            paths.add(m.group(2));
        }
        return paths;
    }
}
