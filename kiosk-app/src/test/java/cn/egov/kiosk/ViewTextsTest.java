package cn.egov.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Views take every text from the bundles through {@code Msg}: a string literal in a view is a text
 * that no translation reaches. ArchUnit sees calls but not their arguments, so this reads the views'
 * sources ({@code ui/**}{@code /*View.java}) instead. A literal may only be a style class or an id:
 * an argument of {@code getStyleClass().add/addAll} or {@code setId} (also the {@code "tile-" + ...}
 * prefix of a composed id), or of a helper in the same file whose parameter goes only there, and it
 * must look like one ({@code lower-case-words}). SVG path data for {@code SVGPath.setContent} is
 * the one other literal allowed.
 */
class ViewTextsTest {
    private static final Path UI = Path.of("src/main/java/cn/egov/kiosk/ui");
    private static final Pattern CSS_IDENTIFIER = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*-?");
    private static final Pattern SVG_PATH = Pattern.compile("[MLHVCSQTAZmlhvcsqtaz0-9 .,\\-]+");
    private static final Pattern HELPER = Pattern.compile(
            "(?:private|public|protected)?\\s*(?:static\\s+)?[\\w<>\\[\\].]+\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*(?:throws [\\w., ]+)?\\{");

    @Test
    void viewsHoldNoTextLiterals() throws IOException {
        List<Path> views;
        try (Stream<Path> files = Files.walk(UI)) {
            views = files.filter(p -> p.getFileName().toString().endsWith("View.java"))
                    .sorted()
                    .toList();
        }
        assertThat(views)
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "AttractView.java",
                        "FrameView.java",
                        "HomeView.java",
                        "InactivityView.java",
                        "StaffView.java",
                        "TicketView.java");

        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            problems.addAll(check(view.getFileName().toString(), Files.readString(view, StandardCharsets.UTF_8)));
        }

        assertThat(problems)
                .as("string literals in views that are not style classes or ids")
                .isEmpty();
    }

    // ---- the checker checked -------------------------------------------------------------------

    @Test
    void textInAControlIsFound() {
        String source = """
        class XView {
          XView() {
            Label a = new Label("请取号");
            Button b = new Button();
            b.setText("Back");
            b.setId("Back Button");
          }
        }
        """;

        assertThat(check("XView.java", source))
                .containsExactly("XView.java:3: \"请取号\"", "XView.java:5: \"Back\"", "XView.java:6: \"Back Button\"");
    }

    @Test
    void styleClassesIdsAndCommentsPass() {
        String source = """
        class XView {
          // a comment may say "请取号" and (unbalanced
          XView(Item item) {
            Label l = label("screen-title"); /* or "this" */
            l.getStyleClass().add("ticket-line");
            l.getStyleClass().addAll("hint", "big");
            l.setId("tile-" + item.name().toLowerCase(java.util.Locale.ROOT));
            star.setContent("M12 2 L14.9 8.6 Z");
          }

          private static Label label(String styleClass) {
            Label l = new Label();
            l.getStyleClass().add(styleClass);
            return l;
          }
        }
        """;

        assertThat(check("XView.java", source)).isEmpty();
    }

    @Test
    void aHelperThatShowsItsArgumentAsTextIsFound() {
        String source = """
        class XView {
          XView() {
            Label l = text("hello");
            Label m = styled("hint", "wait");
          }

          private static Label text(String s) {
            return new Label(s);
          }

          private static Label styled(String styleClass, String words) {
            Label l = new Label(words);
            l.getStyleClass().add(styleClass);
            return l;
          }
        }
        """;

        assertThat(check("XView.java", source)).containsExactly("XView.java:3: \"hello\"", "XView.java:4: \"wait\"");
    }

    @Test
    void aStyleHandedOnToAnotherHelperPassesAndWordsHandedOnAreFound() {
        String source = """
        class XView {
          XView() {
            Label l = hint("hint");
            Label m = shown("wait");
          }

          private Label hint(String style) {
            return styled(style);
          }

          private Label shown(String words) {
            return worded(words);
          }

          private static Label styled(String styleClass) {
            Label l = new Label();
            l.getStyleClass().add(styleClass);
            return l;
          }

          private static Label worded(String words) {
            return new Label(words);
          }
        }
        """;

        assertThat(check("XView.java", source)).containsExactly("XView.java:4: \"wait\"");
    }

    // ---- the checker -----------------------------------------------------------------------------

    /** One string literal: where it starts (the opening quote) and its text. */
    private record Literal(int start, int end, String text) {}

    static List<String> check(String file, String source) {
        StringBuilder masked = new StringBuilder(source.length());
        List<Literal> literals = new ArrayList<>();
        mask(source, masked, literals);
        String code = masked.toString();
        List<String> problems = new ArrayList<>();
        for (Literal literal : literals) {
            if (!allowed(code, literal)) {
                int line = (int) source.substring(0, literal.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                problems.add(file + ":" + line + ": \"" + literal.text() + "\"");
            }
        }
        return problems;
    }

    /** Copies the source with comments blanked and literal contents replaced, so brackets count true. */
    private static void mask(String s, StringBuilder out, List<Literal> literals) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                boolean textBlock = c == '"' && s.startsWith("\"\"\"", i);
                String close = textBlock ? "\"\"\"" : String.valueOf(c);
                int start = i;
                int j = i + close.length();
                StringBuilder text = new StringBuilder();
                while (j < s.length() && !s.startsWith(close, j)) {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        text.append(s, j, j + 2);
                        j += 2;
                    } else {
                        text.append(s.charAt(j));
                        j++;
                    }
                }
                int end = Math.min(s.length(), j + close.length());
                out.append(close);
                for (int k = start + close.length(); k < end - close.length(); k++) {
                    out.append(s.charAt(k) == '\n' ? '\n' : 'x');
                }
                out.append(close);
                if (c == '"') {
                    literals.add(new Literal(start, end, text.toString()));
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private static boolean allowed(String code, Literal literal) {
        int open = enclosingParenthesis(code, literal.start());
        if (open < 0) {
            return false;
        }
        String before = code.substring(0, open).stripTrailing();
        Matcher name = Pattern.compile("(\\w+)$").matcher(before);
        if (!name.find()) {
            return false;
        }
        String method = name.group(1);
        String lead = before.substring(0, name.start()).stripTrailing();
        String receiver = lead.replaceAll("\\s+", "");
        if (method.equals("setContent")) {
            return SVG_PATH.matcher(literal.text()).matches();
        }
        if (!CSS_IDENTIFIER.matcher(literal.text()).matches()) {
            return false;
        }
        if (method.equals("setId")) {
            return true;
        }
        if ((method.equals("add") || method.equals("addAll")) && receiver.endsWith("getStyleClass().")) {
            return true;
        }
        if (receiver.endsWith(".") && !receiver.endsWith("this.")) {
            return false; // a method of something else: setText, a control's...
        }
        if (lead.matches("(?s).*\\bnew")) {
            return false; // a constructor: new Label("...")
        }
        return helperOnlyStyles(code, method, argumentIndex(code, open, literal.start()));
    }

    /** The '(' of the call whose argument list holds {@code at}, or -1. */
    private static int enclosingParenthesis(String code, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    return c == '(' ? i : -1;
                }
                depth--;
            } else if (c == ';' && depth == 0) {
                return -1;
            }
        }
        return -1;
    }

    private static int argumentIndex(String code, int open, int at) {
        int depth = 0;
        int index = 0;
        for (int i = open + 1; i < at; i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                index++;
            }
        }
        return index;
    }

    /** Whether a method of this file uses its parameter {@code index} only as a style class or id. */
    private static boolean helperOnlyStyles(String code, String method, int index) {
        return helperOnlyStyles(code, method, index, 3);
    }

    /** As above, following a parameter handed on to another such helper, {@code depth} calls deep. */
    private static boolean helperOnlyStyles(String code, String method, int index, int depth) {
        return helperOnlyStylesIn(code, code, method, index, depth)
                || helperOnlyStylesIn(sharedHelpers(), code, method, index, depth);
    }

    /** The ui package's shared view helpers ({@code Controls}), statically imported by views. */
    private static String sharedHelpers() {
        try {
            String source = Files.readString(UI.resolve("Controls.java"), StandardCharsets.UTF_8);
            StringBuilder masked = new StringBuilder();
            mask(source, masked, new ArrayList<>());
            return masked.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean helperOnlyStylesIn(String code, String caller, String method, int index, int depth) {
        Matcher m = HELPER.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals(method)) {
                continue;
            }
            String[] params = m.group(2).split(",");
            if (index >= params.length) {
                return false;
            }
            String[] typeAndName = params[index].trim().split("\\s+");
            if (!typeAndName[0].equals("String")) {
                return false;
            }
            String param = typeAndName[typeAndName.length - 1];
            String body = code.substring(m.end(), blockEnd(code, m.end() - 1));
            Matcher use = Pattern.compile("\\b" + Pattern.quote(param) + "\\b").matcher(body);
            boolean used = false;
            while (use.find()) {
                String lead = body.substring(0, use.start()).replaceAll("\\s+", "");
                String trail = body.substring(use.end()).stripLeading();
                boolean styled =
                        (lead.endsWith("setId(") || lead.endsWith("getStyleClass().add(")) && trail.startsWith(")");
                if (!styled && !handedOnToStyles(code, caller, m.end() + use.start(), depth)) {
                    return false;
                }
                used = true;
            }
            return used;
        }
        return false;
    }

    /**
     * Whether the parameter used at {@code at} is handed, as it is, to a helper of this file or of
     * {@code Controls} that uses it only as a style class or id ({@code Controls.text(i18n, style, msg)}).
     */
    private static boolean handedOnToStyles(String code, String caller, int at, int depth) {
        if (depth == 0) {
            return false;
        }
        int open = enclosingParenthesis(code, at);
        if (open < 0) {
            return false;
        }
        String before = code.substring(0, open).stripTrailing();
        Matcher name = Pattern.compile("(?:Controls\\.)?(\\w+)$").matcher(before);
        if (!name.find()) {
            return false;
        }
        String lead = before.substring(0, name.start()).replaceAll("\\s+", "");
        if (lead.endsWith(".") || lead.endsWith("new")) {
            return false; // a method of something else, or a constructor
        }
        int index = argumentIndex(code, open, at);
        String callee = name.group(1);
        return helperOnlyStylesIn(code, code, callee, index, depth - 1)
                || helperOnlyStylesIn(sharedHelpers(), caller, callee, index, depth - 1);
    }

    /** The index just past the '}' that closes the '{' at {@code open}. */
    private static int blockEnd(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }
}
