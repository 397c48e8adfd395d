package cn.egov.kiosk.print.layout;

import cn.egov.kiosk.common.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Line breaking for fixed-width receipt paper, by display width (a CJK character is two columns).
 * Latin words are kept whole where they fit; CJK text breaks between any two characters, but not
 * before closing punctuation.
 */
public final class TextLayout {
    private TextLayout() {}

    private static final String NO_LINE_START = "，。、；：？！）》」』】,.;:?!)";

    /** Breaks {@code text} into lines of at most {@code columns} columns. */
    public static List<String> wrap(String text, int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("at least 2 columns, not " + columns);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int width = 0;
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (isWordChar(cp)) {
                int end = i;
                while (end < cps.length && isWordChar(cps[end])) {
                    end++;
                }
                String word = new String(cps, i, end - i);
                int w = DisplayWidth.of(word);
                if (width + w > columns && width > 0) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    width = 0;
                }
                if (w > columns) { // a word longer than the line: hard break
                    for (int k = i; k < end; k++) {
                        if (width + 1 > columns) {
                            lines.add(line.toString());
                            line.setLength(0);
                            width = 0;
                        }
                        line.appendCodePoint(cps[k]);
                        width++;
                    }
                } else {
                    line.append(word);
                    width += w;
                }
                i = end;
                continue;
            }
            int w = DisplayWidth.of(cp);
            boolean closing = NO_LINE_START.indexOf(cp) >= 0;
            if (width + w > columns) {
                int carry = closing ? carryStart(line, w, columns) : -1;
                if (carry > 0) {
                    // carry the last character (or the whole Latin word it ends) down with the punctuation
                    String carried = line.substring(carry);
                    line.setLength(carry);
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    line.append(carried);
                    width = DisplayWidth.of(carried);
                } else {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    width = 0;
                }
            }
            if (!(width == 0 && cp == ' ')) {
                line.appendCodePoint(cp);
                width += w;
            }
            i++;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * Where the tail to carry down with a closing punctuation mark starts: the whole Latin word the
     * line ends with, else its last character; -1 when nothing can go down (the line would be left
     * empty, or the tail and the mark would not fit a line).
     */
    private static int carryStart(StringBuilder line, int punctuationWidth, int columns) {
        if (line.length() == 0) {
            return -1;
        }
        int lastStart = line.length() - Character.charCount(line.codePointBefore(line.length()));
        if (isWordChar(line.codePointBefore(line.length()))) {
            int wordStart = lastStart;
            while (wordStart > 0 && isWordChar(line.codePointBefore(wordStart))) {
                wordStart -= Character.charCount(line.codePointBefore(wordStart));
            }
            if (wordStart > 0 && DisplayWidth.of(line.substring(wordStart)) + punctuationWidth <= columns) {
                return wordStart;
            }
        }
        if (lastStart > 0 && DisplayWidth.of(line.substring(lastStart)) + punctuationWidth <= columns) {
            return lastStart;
        }
        return -1;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80
                && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '/' || cp == '.' || cp == '@');
    }

    /** Left text and right text on one line, padded between to {@code columns}. */
    public static String spread(String left, String right, int columns) {
        int gap = columns - DisplayWidth.of(left) - DisplayWidth.of(right);
        return left + " ".repeat(Math.max(1, gap)) + right;
    }
}
