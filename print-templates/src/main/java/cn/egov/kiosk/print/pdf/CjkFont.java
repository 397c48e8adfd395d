package cn.egov.kiosk.print.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CJK TrueType font embedded in one PDF document as a subset (Type 0, CIDFontType2, Identity-H,
 * with a ToUnicode map so that text extraction gives the characters back), with text measurement
 * and line wrapping by width.
 *
 * <p>Only TrueType outlines ({@code glyf}) can be subset by PDFBox: the Noto CJK fonts are CFF
 * based and are refused. A TrueType collection ({@code .ttc}) stays open until the document is
 * saved and closed (the subset is made on save); {@link ArchivalPdf} owns that. Not thread-safe,
 * like the document it belongs to.
 */
public final class CjkFont implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    /**
     * Where a CJK TrueType font is looked for after the configured one, in order: WenQuanYi Zen Hei
     * (Debian {@code fonts-wqy-zenhei}, the kiosk's font), WenQuanYi Micro Hei, AR PL UMing. (Droid
     * Sans Fallback is TrueType too but has no Latin letters or digits: {@link ArchivalPdf#create}
     * refuses it.)
     */
    public static final List<Path> FALLBACK_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    /** What a font must draw to be used: printable ASCII and common Chinese with its punctuation. */
    private static final String REQUIRED = requiredCharacters();

    /** Characters that may not begin a line: closing punctuation. */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〉〕〗〙〛｝］…—～·%,.;:?!)]}”’";
    /** Characters that may not end a line: opening punctuation. */
    private static final String NO_LINE_END = "（《「『【〈〔〖〘〚｛［([{“‘";

    private final PDType0Font font;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final Closeable source;
    private final Path file;
    private final float ascent;
    private final float descent;

    private CjkFont(PDType0Font font, TrueTypeFont ttf, Closeable source, Path file) throws IOException {
        this.font = font;
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
        this.source = source;
        this.file = file;
        float units = ttf.getUnitsPerEm();
        this.ascent = ttf.getHorizontalHeader().getAscender() * 1000f / units;
        this.descent = -ttf.getHorizontalHeader().getDescender() * 1000f / units;
    }

    /**
     * The CJK font file to use: {@code configured} if it is given and readable, else the first
     * readable file of {@link #FALLBACK_LOCATIONS}.
     *
     * @param configured the font file the configuration names, or null
     * @throws CjkFontNotFoundException naming every path tried, when none is readable
     */
    public static Path locate(Path configured) throws CjkFontNotFoundException {
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(configured);
        }
        candidates.addAll(FALLBACK_LOCATIONS);
        return locateFirst(candidates);
    }

    /** The first readable file of {@code candidates}; see {@link #locate(Path)}. */
    static Path locateFirst(List<Path> candidates) throws CjkFontNotFoundException {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                if (candidates.indexOf(candidate) > 0) {
                    log.warn("CJK font: {} not found, using {}", candidates.get(0), candidate);
                }
                return candidate;
            }
        }
        throw new CjkFontNotFoundException(
                "no CJK TrueType font found; tried "
                        + candidates
                        + ". Install fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei) or configure the path"
                        + " of a TrueType (glyf) CJK font",
                candidates);
    }

    /** A parsed font file's TrueType face, kept open for the process: parsing a CJK font costs ~100 ms. */
    private record Face(TrueTypeFont ttf, Closeable source, String name) {}

    private static final Map<Path, Face> FACES = new ConcurrentHashMap<>();

    /**
     * Loads the TrueType font (or the first TrueType face of the collection) in {@code file} into
     * {@code document}, to be embedded as a subset. The file is parsed once per process and its face
     * shared by the documents built afterwards; build documents one at a time (the face's data is
     * read when each document is saved).
     *
     * @throws IOException when the file cannot be read or is not a TrueType font (CFF-based
     *     OpenType fonts such as Noto CJK cannot be subset)
     */
    static CjkFont load(PDDocument document, Path file) throws IOException {
        long start = System.nanoTime();
        Face face = FACES.get(file);
        if (face == null) {
            face = parse(file);
            Face earlier = FACES.putIfAbsent(file, face);
            if (earlier != null) {
                face.source().close();
                face = earlier;
            }
        }
        CjkFont loaded = new CjkFont(PDType0Font.load(document, face.ttf(), true), face.ttf(), () -> {}, file);
        log.debug("CJK font {} ({}) loaded in {} ms", face.name(), file, (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    private static Face parse(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Face face;
        if (name.endsWith(".ttc") || name.endsWith(".otc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            try {
                TrueTypeFont[] found = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (found[0] == null && f.getTableMap().containsKey("glyf")) {
                        found[0] = f;
                    }
                });
                if (found[0] == null) {
                    throw new IOException(
                            file
                                    + " has no TrueType (glyf) face: CFF-based CJK fonts (Noto CJK) cannot be subset; use fonts-wqy-zenhei");
                }
                face = new Face(found[0], collection, found[0].getName());
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
        } else {
            TrueTypeFont single = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            try {
                if (!single.getTableMap().containsKey("glyf")) {
                    throw new IOException(
                            file
                                    + " is not a TrueType (glyf) font: CFF-based CJK fonts (Noto CJK) cannot be subset; use fonts-wqy-zenhei");
                }
                face = new Face(single, single, single.getName());
            } catch (IOException | RuntimeException e) {
                single.close();
                throw e;
            }
        }
        int missing = firstMissing(face.ttf().getUnicodeCmapLookup(), REQUIRED);
        if (missing >= 0) {
            face.source().close();
            throw new IOException(String.format(
                    "%s (%s) cannot draw the kiosk's documents: it has no glyph for U+%04X; it needs Latin letters, digits and Chinese (use fonts-wqy-zenhei)",
                    file, face.name(), REQUIRED.codePointAt(missing)));
        }
        return face;
    }

    private static String requiredCharacters() {
        StringBuilder required = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            required.append(c);
        }
        return required.append("中华人民共和国政务服务，。、；：？！（）《》“”").toString();
    }

    /** The font file. */
    public Path file() {
        return file;
    }

    /** The PostScript name of the face in use ("WenQuanYiZenHei"). */
    public String faceName() {
        try {
            return ttf.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width of {@code text} in points at {@code size} points (control characters count as spaces). */
    public float width(String text, float size) {
        try {
            return font.getStringWidth(drawable(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far the font rises above the baseline at {@code size} points. */
    public float ascent(float size) {
        return ascent / 1000f * size;
    }

    /** How far the font descends below the baseline at {@code size} points (positive). */
    public float descent(float size) {
        return descent / 1000f * size;
    }

    /** Whether the font has a glyph for every character of {@code text}. */
    public boolean canDraw(String text) {
        return firstMissing(text) < 0;
    }

    /**
     * Breaks {@code text} into lines no wider than {@code maxWidth} points at {@code size} points.
     * Line breaks in the text are kept; CJK text breaks between any two characters, Latin words at
     * spaces (a word longer than a line is cut); closing punctuation never starts a line and
     * opening punctuation never ends one. Spaces at the ends of lines are dropped.
     */
    public List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            wrapParagraph(drawable(paragraph), size, maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String text, float size, float maxWidth, List<String> lines) {
        List<String> units = units(text);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        String pendingSpace = null;
        for (String unit : units) {
            if (unit.charAt(0) == ' ') {
                if (line.length() > 0) {
                    pendingSpace = unit;
                }
                continue;
            }
            float w = width(unit, size);
            float spaceWidth = pendingSpace == null ? 0 : width(pendingSpace, size);
            if (line.length() > 0 && lineWidth + spaceWidth + w <= maxWidth) {
                if (pendingSpace != null) {
                    line.append(pendingSpace);
                }
                line.append(unit);
                lineWidth += spaceWidth + w;
            } else if (line.length() == 0 && w <= maxWidth) {
                line.append(unit);
                lineWidth = w;
            } else {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (w <= maxWidth) {
                    line.append(unit);
                    lineWidth = w;
                } else { // longer than a line: cut it
                    for (int i = 0; i < unit.length(); ) {
                        int cp = unit.codePointAt(i);
                        String c = new String(Character.toChars(cp));
                        float cw = width(c, size);
                        if (line.length() > 0 && lineWidth + cw > maxWidth) {
                            lines.add(line.toString());
                            line.setLength(0);
                            lineWidth = 0;
                        }
                        line.append(c);
                        lineWidth += cw;
                        i += Character.charCount(cp);
                    }
                }
            }
            pendingSpace = null;
        }
        lines.add(line.toString());
    }

    /**
     * The text cut into units that are never broken: a run of spaces, a CJK character, a run of
     * other characters (a Latin word with its punctuation); closing punctuation joined to the unit
     * before it, opening punctuation to the unit after it.
     */
    static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (cp == ' ') {
                while (end < text.length() && text.charAt(end) == ' ') {
                    end++;
                }
            } else if (!isCjk(cp)) {
                while (end < text.length()) {
                    int next = text.codePointAt(end);
                    if (next == ' ' || isCjk(next)) {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            units.add(text.substring(i, end));
            i = end;
        }
        // glue punctuation: closing marks to what precedes them, opening marks to what follows
        List<String> glued = new ArrayList<>();
        boolean glueNext = false;
        for (String unit : units) {
            boolean space = unit.charAt(0) == ' ';
            int first = unit.codePointAt(0);
            int last = unit.codePointBefore(unit.length());
            if (!space
                    && !glued.isEmpty()
                    && (glueNext || NO_LINE_START.indexOf(first) >= 0)
                    && glued.get(glued.size() - 1).charAt(0) != ' ') {
                glued.set(glued.size() - 1, glued.get(glued.size() - 1) + unit);
            } else {
                glued.add(unit);
            }
            glueNext = !space && NO_LINE_END.indexOf(last) >= 0;
        }
        return glued;
    }

    /** Whether a code point is CJK (Han, kana, Hangul, Bopomofo, CJK or full-width punctuation): a line may break around it. */
    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS;
    }

    /** Control characters (tabs, line breaks) as spaces: a single line of drawable text. */
    static String drawable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? text : out.toString();
    }

    /** The index of the first character the font has no glyph for, or -1. */
    int firstMissing(String text) {
        return firstMissing(cmap, drawable(text));
    }

    private static int firstMissing(CmapLookup cmap, String drawable) {
        for (int i = 0; i < drawable.length(); ) {
            int cp = drawable.codePointAt(i);
            if (cmap.getGlyphId(cp) == 0) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Throws when the font cannot draw {@code text}: PDF/A forbids the .notdef glyph. The message
     * names the code point and its position, not the text (which may be a citizen's name).
     */
    void requireDrawable(String text) {
        int missing = firstMissing(text);
        if (missing >= 0) {
            throw new IllegalArgumentException(String.format(
                    "the font %s has no glyph for U+%04X (character %d of a text of %d)",
                    faceName(),
                    text.codePointAt(missing),
                    text.codePointCount(0, missing) + 1,
                    text.codePointCount(0, text.length())));
        }
    }

    PDType0Font pdFont() {
        return font;
    }

    /** Closes the font file (or collection); only after the document has been saved. */
    @Override
    public void close() throws IOException {
        source.close();
    }
}
