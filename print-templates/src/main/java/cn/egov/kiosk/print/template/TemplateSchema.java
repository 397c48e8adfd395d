package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.schema.JsonSchemas;
import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.KeyTables;
import cn.egov.kiosk.common.schema.ListSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.OneOfKeys;
import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Ref;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.schema.Types;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The template file's schema, every key declared once: the root (name, title, paper, personal data,
 * page), and the blocks of the body, one kind per block key. The format's tables in {@code
 * templates/README.md} and {@code templates/template.schema.json} are made from it.
 */
public final class TemplateSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
    private static final int MANY = 10_000;

    private TemplateSchema() {}

    // ---- values ----

    /** A text, or a text per language; placeholders checked. */
    static final Schema<LocalText> TEXT = LocalTextSchema.INSTANCE;

    /** A path into the document's data: {@code applicant.idNumber}, {@code items}. */
    static final Schema<String> DATA_PATH = Types.scalar(
            "a data path such as items",
            JSON.objectNode().put("type", "string"),
            (text, node, path, r) -> {
                if (!Scope.validPath(text)) {
                    throw r.invalid(path, node, "a data path such as items", Reading.quote(text));
                }
                return text;
            },
            s -> s);

    private static final Schema<Align> ALIGN = Types.oneOf(Align.class, TemplateSchema::lowerCamel);

    private static Key<Align> align(Align fallback) {
        return Key.optional("align", ALIGN, fallback).doc("对齐", "Alignment");
    }

    private static final Key<Set<Medium>> ONLY = Key.optional(
                    "only",
                    Types.oneOf(List.of("escpos", "pdf"), "escpos or pdf")
                            .map(
                                    m -> (Set<Medium>) EnumSet.of(Medium.valueOf(m.toUpperCase(Locale.ROOT))),
                                    set -> set.iterator().next().name().toLowerCase(Locale.ROOT)),
                    r -> Optional.of(EnumSet.allOf(Medium.class)),
                    "both")
            .doc("只在一种介质上出现：escpos（热敏小票）或 pdf（页面）", "Only on one medium: escpos (a thermal receipt) or pdf (a page)");

    private static final Key<Style.Size> SIZE = Key.optional(
                    "size", Types.oneOf(Style.Size.class, TemplateSchema::lowerCamel), Style.Size.NORMAL)
            .doc("字号；fit：一行能放下的最大字号", "The size; fit: as large as fits one line");
    private static final Key<Boolean> BOLD =
            Key.optional("bold", Types.bool(), false).doc("粗体", "Bold");
    private static final Key<Align> TEXT_ALIGN = align(Align.LEFT);

    private static Style style(ObjectSchema.Values v) {
        return new Style(v.get(SIZE), v.get(BOLD), v.get(TEXT_ALIGN));
    }

    // ---- blocks ----

    private static final Ref<List<Block>> BLOCKS = Ref.to("blocks", () -> TemplateSchema.blocksList());

    private static final Key<LocalText> TEXT_KEY = Key.required("text", TEXT)
            .doc(
                    "一段文字，按宽度换行（小票上一个汉字占两列）",
                    "A paragraph, wrapped to the width (a Chinese character is two columns on a receipt)")
            .example("\"{office}\"");
    private static final ObjectSchema<Block> TEXT_BLOCK = ObjectSchema.of(
            "a text block",
            List.of(TEXT_KEY, SIZE, BOLD, TEXT_ALIGN, ONLY),
            v -> new Block.Text(v.get(TEXT_KEY), style(v), v.get(ONLY)));

    private static final Key<LocalText> LABEL = Key.required("label", TEXT)
            .doc("标签，后接它的值：受理编号：SL-…", "A label, followed by its value: 受理编号：SL-…")
            .example("{zh-CN: 受理编号, en: Receipt no.}");
    private static final Key<LocalText> VALUE = Key.required("value", TEXT)
            .doc("标签后打印的值，过长时换到下一行", "The value printed after the label, wrapped under it when long")
            .example("\"{receiptNo}\"");
    private static final ObjectSchema<Block> LABEL_BLOCK = ObjectSchema.of(
            "a label block",
            List.of(LABEL, VALUE, SIZE, BOLD, TEXT_ALIGN, ONLY),
            v -> new Block.Pair(v.get(LABEL), v.get(VALUE), style(v), v.get(ONLY)));

    private static final Key<String> RULE = Key.required(
                    "rule", Types.oneOf(List.of("solid", "dashed"), "solid or dashed"))
            .doc("一条横线", "A line across")
            .example("dashed");
    private static final ObjectSchema<Block> RULE_BLOCK = ObjectSchema.of(
            "a rule", List.of(RULE, ONLY), v -> new Block.Rule(v.get(RULE).equals("dashed"), v.get(ONLY)));

    private static final Key<Integer> FEED = Key.required("feed", Types.wholeNumber(1, 20))
            .doc("空行数", "Blank lines")
            .example("2");
    private static final ObjectSchema<Block> FEED_BLOCK =
            ObjectSchema.of("a feed", List.of(FEED, ONLY), v -> new Block.Feed(v.get(FEED), v.get(ONLY)));

    private static final Key<LocalText> QR =
            Key.required("qr", TEXT).doc("二维码的内容", "What the QR code holds").example("\"{verifyUrl}\"");
    private static final Key<Double> QR_SIZE =
            Key.optional("size", Types.number(10, 80), 30.0).doc("页面上的边长（毫米）", "Its side on a page, in mm");
    private static final Key<Align> CENTERED = align(Align.CENTER);
    private static final Key<Optional<LocalText>> CAPTION =
            Key.optional("caption", TEXT).doc("二维码下的说明", "A caption under the code");
    private static final ObjectSchema<Block> QR_BLOCK = ObjectSchema.of(
            "a QR code",
            List.of(QR, QR_SIZE, CENTERED, CAPTION, ONLY),
            v -> new Block.Qr(v.get(QR), v.get(QR_SIZE), v.get(CENTERED), v.get(CAPTION), v.get(ONLY)));

    private static final Key<LocalText> BARCODE = Key.required("barcode", TEXT)
            .doc("Code 128 条码（ASCII）及其下方文字", "A Code 128 barcode (ASCII) with its text under it")
            .example("\"{waybillNo}\"");
    private static final Key<Double> BARCODE_HEIGHT =
            Key.optional("height", Types.number(5, 40), 12.0).doc("高度（毫米）", "Its height, in mm");
    private static final ObjectSchema<Block> BARCODE_BLOCK = ObjectSchema.of(
            "a barcode",
            List.of(BARCODE, BARCODE_HEIGHT, CENTERED, ONLY),
            v -> new Block.Barcode(v.get(BARCODE), v.get(BARCODE_HEIGHT), v.get(CENTERED), v.get(ONLY)));

    private static final Key<Png> IMAGE = Key.required("image", PngSchema.INSTANCE)
            .doc(
                    "模板旁的 PNG 图片：随内容排列（徽标），或放在页面某处（印章，保留透明度；仅页面）",
                    "A PNG file next to the template: in the flow (a logo), or at a spot over the page (a seal, with its transparency; pages only)")
            .example("seal.png");
    private static final Key<Double> IMAGE_WIDTH =
            Key.optional("width", Types.number(5, 190), 30.0).doc("宽度（毫米）", "Its width, in mm");
    private static final Key<Optional<List<Double>>> AT = Key.optional(
                    "at",
                    ListSchema.of(
                            Types.number(-1000, 1000),
                            "[x, y] in millimetres from the page's top left",
                            2,
                            2,
                            "numbers"))
            .doc("放置位置：距页面左上角的 [x, y] 毫米", "Where it goes: [x, y] in millimetres from the page's top left")
            .example("[140, 230]");
    private static final ObjectSchema<Block> IMAGE_BLOCK = ObjectSchema.of(
            "an image",
            List.of(IMAGE, IMAGE_WIDTH, CENTERED, AT, ONLY),
            v -> new Block.Image(
                    v.get(IMAGE).file(),
                    v.get(IMAGE).bytes(),
                    v.get(IMAGE_WIDTH),
                    v.get(CENTERED),
                    v.get(AT).map(xy -> new double[] {xy.get(0), xy.get(1)}),
                    v.get(ONLY)));

    private static final Key<LocalText> HEADER_TEXT =
            Key.optional("header", TEXT, LocalText.of(Expr.literal(""))).doc("列标题", "The column's heading");
    private static final Key<LocalText> CELL = Key.required("value", TEXT)
            .doc("单元格的文字，在该行的数据范围内", "The cell's text, in the row's scope")
            .example("\"{name}\"");
    private static final Key<Integer> WEIGHT =
            Key.optional("weight", Types.wholeNumber(1, 10), 1).doc("列宽的比重", "The column's share of the width");
    private static final Key<Align> CELL_ALIGN = align(Align.LEFT);
    private static final ObjectSchema<Block.Column> COLUMN = ObjectSchema.of(
            "a column",
            List.of(HEADER_TEXT, CELL, WEIGHT, CELL_ALIGN),
            v -> new Block.Column(v.get(HEADER_TEXT), v.get(CELL), v.get(WEIGHT), v.get(CELL_ALIGN)));

    private static final Key<String> TABLE = Key.required("table", DATA_PATH)
            .doc(
                    "表格：数据中该列表的每一项一行；单元格中的 {name} 属于该行",
                    "A table: one row per item of this list; {name} in a cell is the row's")
            .example("items");
    private static final Key<List<Block.Column>> COLUMNS = Key.required(
                    "columns",
                    ListSchema.of(
                            COLUMN,
                            "a list of columns, each {header: ..., value: ..., weight: 1, align: left}",
                            1,
                            20,
                            "columns"))
            .doc("各列", "The columns");
    private static final Key<Boolean> HEADER =
            Key.optional("header", Types.bool(), true).doc("打印标题行", "Print the heading row");
    private static final ObjectSchema<Block> TABLE_BLOCK = ObjectSchema.of(
            "a table",
            List.of(TABLE, COLUMNS, HEADER, ONLY),
            v -> new Block.Table(v.get(TABLE), v.get(COLUMNS), v.get(HEADER), v.get(ONLY)));

    private static final Key<List<Block>> INNER = Key.required("blocks", BLOCKS).doc("里面的块", "The blocks inside");
    private static final Key<String> WHEN = Key.required("when", DATA_PATH)
            .doc(
                    "数据中该处有内容（存在、非空、非 false、非 0）时才打印里面的块",
                    "The blocks inside are printed only when the data here holds something (present, not empty, not false, not 0)")
            .example("note");
    private static final ObjectSchema<Block> WHEN_BLOCK = ObjectSchema.of(
            "a when block",
            List.of(WHEN, INNER, ONLY),
            v -> new Block.When(v.get(WHEN), false, v.get(INNER), v.get(ONLY)));
    private static final Key<String> UNLESS = Key.required("unless", DATA_PATH)
            .doc("数据中该处没有内容时才打印里面的块", "The blocks inside are printed only when the data here holds nothing")
            .example("paid");
    private static final ObjectSchema<Block> UNLESS_BLOCK = ObjectSchema.of(
            "an unless block",
            List.of(UNLESS, INNER, ONLY),
            v -> new Block.When(v.get(UNLESS), true, v.get(INNER), v.get(ONLY)));
    private static final Key<String> REPEAT = Key.required("repeat", DATA_PATH)
            .doc(
                    "对该列表的每一项打印一次里面的块；{#} 为项的序号",
                    "The blocks inside, once per item of this list; {#} is the item's number")
            .example("items");
    private static final ObjectSchema<Block> REPEAT_BLOCK = ObjectSchema.of(
            "a repeat block",
            List.of(REPEAT, INNER, ONLY),
            v -> new Block.Repeat(v.get(REPEAT), v.get(INNER), v.get(ONLY)));

    private static final Schema<Boolean> TRUE = Types.scalar(
            "true",
            JSON.objectNode().put("const", true),
            (text, node, path, r) -> {
                if (!"true".equalsIgnoreCase(text)) {
                    throw r.invalid(path, node, "true", Reading.describe(node));
                }
                return true;
            },
            String::valueOf);
    private static final Key<Boolean> CUT = Key.required("cut", TRUE)
            .doc("切纸（页面上无效果）", "Cut the receipt (nothing on a page)")
            .example("true");
    private static final ObjectSchema<Block> CUT_BLOCK =
            ObjectSchema.of("a cut", List.of(CUT, ONLY), v -> new Block.Cut(v.get(ONLY)));
    private static final Key<Boolean> PAGE_BREAK = Key.required("pageBreak", TRUE)
            .doc("换页（小票上无效果）", "A new page (nothing on a receipt)")
            .example("true");
    private static final ObjectSchema<Block> PAGE_BREAK_BLOCK =
            ObjectSchema.of("a page break", List.of(PAGE_BREAK, ONLY), v -> new Block.PageBreak(v.get(ONLY)));

    /** A block of the body: one of the kinds, by its key. */
    public static final OneOfKeys<Block> BLOCK = OneOfKeys.<Block>of("a block")
            .kind("text", TEXT_BLOCK)
            .kind("label", LABEL_BLOCK)
            .kind("rule", RULE_BLOCK)
            .kind("feed", FEED_BLOCK)
            .kind("qr", QR_BLOCK)
            .kind("barcode", BARCODE_BLOCK)
            .kind("image", IMAGE_BLOCK)
            .kind("table", TABLE_BLOCK)
            .kind("when", WHEN_BLOCK)
            .kind("unless", UNLESS_BLOCK)
            .kind("repeat", REPEAT_BLOCK)
            .kind("cut", CUT_BLOCK)
            .kind("pageBreak", PAGE_BREAK_BLOCK)
            .build();

    private static Schema<List<Block>> blocksList() {
        return ListSchema.of(BLOCK, "a list of blocks (each a mapping such as {text: ...})", 0, MANY, "blocks");
    }

    // ---- the page and the root ----

    public static final Key<Double> MARGIN = Key.optional(
                    "margin", Types.number(5, 40), Template.Page.DEFAULT.marginMm())
            .doc("页边距（毫米）", "The margins, in mm");
    public static final Key<Double> FONT_SIZE = Key.optional(
                    "fontSize", Types.number(6, 24), Template.Page.DEFAULT.fontPt())
            .doc("基本字号（磅）", "The base font size, in pt");
    public static final Key<Optional<LocalText>> WATERMARK = Key.optional("watermark", TEXT)
            .doc("每页上的水印", "A watermark across every page")
            .example("\"{office}\"");
    public static final Key<Boolean> PAGE_NUMBERS =
            Key.optional("pageNumbers", Types.bool(), false).doc("页脚“第 N 页 共 M 页”", "\"Page N of M\" in the footer");
    static final ObjectSchema<Template.Page> PAGE = ObjectSchema.of(
            "a mapping",
            List.of(MARGIN, FONT_SIZE, WATERMARK, PAGE_NUMBERS),
            v -> new Template.Page(v.get(MARGIN), v.get(FONT_SIZE), v.get(WATERMARK), v.get(PAGE_NUMBERS)));

    public static final Key<String> NAME = Key.required(
                    "name",
                    Types.text(NAME_PATTERN, "lowercase letters, digits and hyphens, at most 48, such as queue-ticket"))
            .doc("模板名，与文件名相同", "The template's name, as the file's")
            .example("acceptance-receipt");
    public static final Key<Optional<LocalText>> TITLE = Key.optional("title", TEXT)
            .doc("文档标题（PDF 的标题）；默认为模板名", "The document's title (the PDF's); the name when left out")
            .example("{zh-CN: 受理回执, en: Acceptance receipt}");
    public static final Key<Template.Paper> PAPER = Key.optional(
                    "paper", Types.oneOf(Template.Paper.class, TemplateSchema::lowerCamel), Template.Paper.RECEIPT)
            .doc("纸张：receipt（热敏卷纸）、a4 或 a5", "The paper: receipt (a thermal roll), a4 or a5");
    public static final Key<List<String>> PERSONAL = Key.optional(
                    "personal",
                    ListSchema.of(
                            DATA_PATH,
                            "a list of data paths, such as [applicant.name, applicant.idNumber]",
                            0,
                            MANY,
                            "paths"),
                    List.of())
            .doc(
                    "个人数据的路径：打印时必须经过脱敏格式化（或有意用 full）",
                    "Data paths that hold personal data: printed only through a mask formatter (or full, on purpose)")
            .example("[applicant.name, applicant.idNumber]");
    public static final Key<Template.Page> PAGE_KEY =
            Key.defaults("page", PAGE).doc("页面设置（PDF）", "The page's set-up (PDF)");
    public static final Key<List<Block>> BODY =
            Key.required("body", BLOCKS).doc("各块，从上到下", "The blocks, top to bottom");

    /** The whole file; {@code build} checks that personal data is masked. */
    static ObjectSchema<Template> root() {
        return ObjectSchema.of("a mapping", List.of(NAME, TITLE, PAPER, PERSONAL, PAGE_KEY, BODY), v -> {
            String name = v.get(NAME);
            Template t = new Template(
                    name,
                    v.get(TITLE).orElse(LocalText.of(Expr.literal(name))),
                    v.get(PAPER),
                    new LinkedHashSet<>(v.get(PERSONAL)),
                    v.get(PAGE_KEY),
                    v.get(BODY),
                    v.reading().file());
            PersonalData.check(t, v.reading());
            return t;
        });
    }

    /** The JSON Schema of a template file, for editors ({@code templates/template.schema.json}). */
    public static String jsonSchema() {
        return JsonSchemas.document(
                root(),
                "https://kiosk.egov.cn/schema/template.schema.json",
                "打印模板 / Print template",
                "A print template: templates/README.md explains every block. 各块的说明见 templates/README.md。",
                BLOCKS);
    }

    /**
     * A key table of templates/README.md: {@code template} (the top level), {@code page}, or {@code
     * block.KIND} (one kind of block).
     */
    public static String table(String path) {
        if (path.equals("template")) {
            return KeyTables.tableOfKeys(
                    root().keys().stream().filter(k -> k != PAGE_KEY).toList(), "");
        }
        if (path.equals("page")) {
            return KeyTables.sectionTable(PAGE_KEY);
        }
        if (path.startsWith("block.") && BLOCK.kinds().containsKey(path.substring(6))) {
            return KeyTables.tableOfKeys(BLOCK.kinds().get(path.substring(6)).keys(), "");
        }
        throw new IllegalArgumentException("no table " + path);
    }

    static String lowerCamel(Enum<?> constant) {
        String[] parts = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    /** An image file and its bytes. */
    record Png(String file, byte[] bytes) {}

    /** A PNG file in the template's folder, read when the template is. */
    private static final class PngSchema {
        static final Schema<Png> INSTANCE = Types.scalar(
                "the name of a PNG file next to the template",
                JSON.objectNode().put("type", "string").put("pattern", "^[^/]+\\.png$"),
                PngSchema::read,
                Png::file);

        private static Png read(String text, Node node, String path, Reading r) {
            Path dir = r.folder();
            Path png = dir.resolve(text).normalize();
            if (!png.startsWith(dir)) {
                throw r.invalid(path, node, "a file in the template's folder", Reading.quote(text));
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(png);
            } catch (IOException e) {
                throw r.invalid(
                        path, node, "a PNG file next to the template", Reading.quote(text) + " (cannot be read)");
            }
            if (bytes.length < 8 || bytes[0] != (byte) 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
                throw r.invalid(
                        path, node, "a PNG file next to the template", Reading.quote(text) + " (not a PNG file)");
            }
            return new Png(text, bytes);
        }
    }
}
