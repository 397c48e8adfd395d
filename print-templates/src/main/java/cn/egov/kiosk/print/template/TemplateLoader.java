package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.yaml.YamlTree;
import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.ListNode;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import cn.egov.kiosk.common.yaml.YamlTree.ScalarNode;
import cn.egov.kiosk.common.text.Align;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a template file (YAML) into a {@link Template}, checking everything a renderer relies on:
 * known keys and block kinds, sizes and alignments, placeholders and formatters, image files, and
 * that every personal field is printed through a mask formatter (or {@code full}, on purpose). All
 * problems are reported at once, each with the file, the line and the place in the template.
 *
 * <p>The format, with an example of each block, is in {@code templates/README.md}.
 */
public final class TemplateLoader {
  private static final List<String> ROOT_KEYS = List.of("name", "title", "paper", "personal", "page", "body");
  private static final List<String> PAGE_KEYS = List.of("margin", "fontSize", "watermark", "pageNumbers");
  private static final List<String> KINDS =
      List.of("text", "label", "rule", "feed", "qr", "barcode", "image", "table", "when", "unless", "repeat", "cut", "pageBreak");
  private static final List<String> COMMON = List.of("only");

  private final String file;
  private final Path dir;
  private final List<TemplateException.Problem> problems = new ArrayList<>();

  private TemplateLoader(Path source) {
    this.file = source.toString();
    this.dir = source.toAbsolutePath().getParent();
  }

  /** Loads and checks one template file; images are read from the file's folder. */
  public static Template load(Path source) throws TemplateException {
    String yaml;
    try {
      yaml = Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TemplateException(source.toString(), "cannot be read (" + e.getMessage() + ")");
    }
    return new TemplateLoader(source).read(yaml, source);
  }

  private Template read(String yaml, Path source) throws TemplateException {
    YamlTree.Parsed parsed;
    try {
      parsed = YamlTree.parse(yaml);
    } catch (YamlTree.SyntaxError e) {
      throw new TemplateException(List.of(new TemplateException.Problem(file, e.line(), "", "not valid YAML: " + e.getMessage())));
    }
    parsed.duplicates().forEach(d -> add(d.line(), d.path(), "each key once (first given at line " + d.firstLine() + ")"));
    if (!(parsed.root() instanceof MapNode root)) {
      throw new TemplateException(List.of(new TemplateException.Problem(file, 1, "", "expected a mapping with the keys " + ROOT_KEYS)));
    }
    unknownKeys(root, "", ROOT_KEYS);
    String name = requiredText(root, "name", "");
    if (name != null && !name.matches("[a-z0-9][a-z0-9-]{0,47}")) {
      add(root.entries().get("name").keyLine(), "name", "lowercase letters, digits and hyphens, found \"" + name + "\"");
    }
    LocalText title = root.entries().containsKey("title") ? localText(root.entries().get("title").value(), "title") : null;
    Template.Paper paper = choice(root, "paper", "", Template.Paper.class, Template.Paper.RECEIPT);
    Set<String> personal = personal(root);
    Template.Page page = page(root);
    List<Block> body = new ArrayList<>();
    Entry bodyEntry = root.entries().get("body");
    if (bodyEntry == null) {
      add(root.line(), "body", "required: the list of blocks");
    } else {
      body = blocks(bodyEntry.value(), "body");
    }
    if (!problems.isEmpty()) {
      throw new TemplateException(problems);
    }
    Template t = new Template(name, title == null ? LocalText.of(Expr.literal(name)) : title, paper, personal, page, body, source);
    checkPersonal(t);
    if (!problems.isEmpty()) {
      throw new TemplateException(problems);
    }
    return t;
  }

  // ---- sections --------------------------------------------------------------------------------

  private Set<String> personal(MapNode root) {
    Entry e = root.entries().get("personal");
    Set<String> paths = new LinkedHashSet<>();
    if (e == null) {
      return paths;
    }
    if (!(e.value() instanceof ListNode list)) {
      add(e.keyLine(), "personal", "a list of data paths, such as [applicant.name, applicant.idNumber]");
      return paths;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      if (item instanceof ScalarNode s && !s.isAbsent() && Scope.validPath(s.text())) {
        paths.add(s.text());
      } else {
        add(item.line(), "personal[" + i + "]", "a data path such as applicant.idNumber");
      }
    }
    return paths;
  }

  private Template.Page page(MapNode root) {
    Entry e = root.entries().get("page");
    if (e == null) {
      return Template.Page.DEFAULT;
    }
    if (!(e.value() instanceof MapNode m)) {
      add(e.keyLine(), "page", "a mapping with the keys " + PAGE_KEYS);
      return Template.Page.DEFAULT;
    }
    unknownKeys(m, "page", PAGE_KEYS);
    double margin = number(m, "margin", "page", Template.Page.DEFAULT.marginMm(), 5, 40);
    double font = number(m, "fontSize", "page", Template.Page.DEFAULT.fontPt(), 6, 24);
    Optional<LocalText> watermark = m.entries().containsKey("watermark") ? Optional.ofNullable(localText(m.entries().get("watermark").value(), "page.watermark")) : Optional.empty();
    boolean numbers = bool(m, "pageNumbers", "page", false);
    return new Template.Page(margin, font, watermark, numbers);
  }

  // ---- blocks ----------------------------------------------------------------------------------

  private List<Block> blocks(Node node, String where) {
    List<Block> out = new ArrayList<>();
    if (!(node instanceof ListNode list)) {
      add(node.line(), where, "a list of blocks (each a mapping such as {text: ...})");
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Block b = block(list.items().get(i), where + "[" + i + "]");
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  private Block block(Node node, String where) {
    if (!(node instanceof MapNode m)) {
      add(node.line(), where, "a block: a mapping with one of " + KINDS);
      return null;
    }
    List<String> kinds = m.entries().keySet().stream().filter(KINDS::contains).toList();
    if (kinds.size() != 1) {
      add(m.line(), where, kinds.isEmpty() ? "one of " + KINDS : "one kind of block, found " + kinds);
      return null;
    }
    String kind = kinds.get(0);
    Set<Medium> media = media(m, where);
    return switch (kind) {
      case "text" -> {
        allowed(m, where, "text", "size", "bold", "align");
        LocalText text = localText(m.entries().get("text").value(), where + ".text");
        yield text == null ? null : new Block.Text(text, style(m, where), media);
      }
      case "label" -> {
        allowed(m, where, "label", "value", "size", "bold", "align");
        LocalText label = localText(m.entries().get("label").value(), where + ".label");
        Entry value = m.entries().get("value");
        if (value == null) {
          add(m.line(), where + ".value", "required with label: the value printed after it");
          yield null;
        }
        LocalText v = localText(value.value(), where + ".value");
        yield label == null || v == null ? null : new Block.Pair(label, v, style(m, where), media);
      }
      case "rule" -> {
        allowed(m, where, "rule");
        Node v = m.entries().get("rule").value();
        String style = v instanceof ScalarNode s ? s.text() : null;
        if (!"solid".equals(style) && !"dashed".equals(style)) {
          add(v.line(), where + ".rule", "solid or dashed");
        }
        yield new Block.Rule("dashed".equals(style), media);
      }
      case "feed" -> {
        allowed(m, where, "feed");
        yield new Block.Feed((int) number(m, "feed", where, 1, 1, 20), media);
      }
      case "qr" -> {
        allowed(m, where, "qr", "size", "align", "caption");
        LocalText payload = localText(m.entries().get("qr").value(), where + ".qr");
        double size = number(m, "size", where, 30, 10, 80);
        Optional<LocalText> caption = m.entries().containsKey("caption") ? Optional.ofNullable(localText(m.entries().get("caption").value(), where + ".caption")) : Optional.empty();
        yield payload == null ? null : new Block.Qr(payload, size, align(m, where, Align.CENTER), caption, media);
      }
      case "barcode" -> {
        allowed(m, where, "barcode", "height", "align");
        LocalText payload = localText(m.entries().get("barcode").value(), where + ".barcode");
        yield payload == null ? null : new Block.Barcode(payload, number(m, "height", where, 12, 5, 40), align(m, where, Align.CENTER), media);
      }
      case "image" -> image(m, where, media);
      case "table" -> table(m, where, media);
      case "when", "unless" -> {
        allowed(m, where, kind, "blocks");
        String path = path(m, kind, where);
        Entry inner = m.entries().get("blocks");
        if (inner == null) {
          add(m.line(), where + ".blocks", "required: the blocks printed " + (kind.equals("when") ? "when" : "unless") + " " + path + " holds something");
          yield null;
        }
        List<Block> blocks = blocks(inner.value(), where + ".blocks");
        yield path == null ? null : new Block.When(path, kind.equals("unless"), blocks, media);
      }
      case "repeat" -> {
        allowed(m, where, "repeat", "blocks");
        String path = path(m, "repeat", where);
        Entry inner = m.entries().get("blocks");
        if (inner == null) {
          add(m.line(), where + ".blocks", "required: the blocks printed for each item");
          yield null;
        }
        List<Block> blocks = blocks(inner.value(), where + ".blocks");
        yield path == null ? null : new Block.Repeat(path, blocks, media);
      }
      case "cut" -> {
        allowed(m, where, "cut");
        yield new Block.Cut(media);
      }
      case "pageBreak" -> {
        allowed(m, where, "pageBreak");
        yield new Block.PageBreak(media);
      }
      default -> throw new IllegalStateException(kind);
    };
  }

  private Block image(MapNode m, String where, Set<Medium> media) {
    allowed(m, where, "image", "width", "align", "at");
    Node v = m.entries().get("image").value();
    if (!(v instanceof ScalarNode s) || s.isAbsent()) {
      add(v.line(), where + ".image", "the name of a PNG file next to the template");
      return null;
    }
    Path png = dir.resolve(s.text()).normalize();
    if (!png.startsWith(dir)) {
      add(v.line(), where + ".image", "a file in the template's folder, not \"" + s.text() + "\"");
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(png);
    } catch (IOException e) {
      add(v.line(), where + ".image", "a PNG file next to the template; " + s.text() + " cannot be read");
      return null;
    }
    if (bytes.length < 8 || bytes[0] != (byte) 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
      add(v.line(), where + ".image", s.text() + " is not a PNG file");
      return null;
    }
    double width = number(m, "width", where, 30, 5, 190);
    Optional<double[]> at = Optional.empty();
    Entry atEntry = m.entries().get("at");
    if (atEntry != null) {
      if (atEntry.value() instanceof ListNode l && l.items().size() == 2 && l.items().stream().allMatch(i -> i instanceof ScalarNode sc && isNumber(sc.text()))) {
        at = Optional.of(new double[] {Double.parseDouble(((ScalarNode) l.items().get(0)).text()), Double.parseDouble(((ScalarNode) l.items().get(1)).text())});
      } else {
        add(atEntry.keyLine(), where + ".at", "[x, y] in millimetres from the page's top left");
      }
    }
    return new Block.Image(s.text(), bytes, width, align(m, where, Align.CENTER), at, media);
  }

  private Block table(MapNode m, String where, Set<Medium> media) {
    allowed(m, where, "table", "columns", "header");
    String rows = path(m, "table", where);
    Entry cols = m.entries().get("columns");
    List<Block.Column> columns = new ArrayList<>();
    if (cols == null || !(cols.value() instanceof ListNode list) || list.items().isEmpty()) {
      add(cols == null ? m.line() : cols.keyLine(), where + ".columns", "a list of columns, each {header: ..., value: ..., weight: 1, align: left}");
    } else {
      for (int i = 0; i < list.items().size(); i++) {
        String cw = where + ".columns[" + i + "]";
        if (!(list.items().get(i) instanceof MapNode c)) {
          add(list.items().get(i).line(), cw, "a column: {header: ..., value: ...}");
          continue;
        }
        unknownKeys(c, cw, List.of("header", "value", "weight", "align"));
        LocalText header = c.entries().containsKey("header") ? localText(c.entries().get("header").value(), cw + ".header") : LocalText.of(Expr.literal(""));
        Entry value = c.entries().get("value");
        if (value == null) {
          add(c.line(), cw + ".value", "required: the cell's text, such as \"{name}\"");
          continue;
        }
        LocalText v = localText(value.value(), cw + ".value");
        int weight = (int) number(c, "weight", cw, 1, 1, 10);
        if (header != null && v != null) {
          columns.add(new Block.Column(header, v, weight, align(c, cw, Align.LEFT)));
        }
      }
    }
    boolean header = bool(m, "header", where, true);
    return rows == null ? null : new Block.Table(rows, columns, header, media);
  }

  private Set<Medium> media(MapNode m, String where) {
    Entry only = m.entries().get("only");
    if (only == null) {
      return EnumSet.allOf(Medium.class);
    }
    if (only.value() instanceof ScalarNode s && !s.isAbsent()) {
      try {
        return EnumSet.of(Medium.valueOf(s.text().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        // below
      }
    }
    add(only.keyLine(), where + ".only", "escpos or pdf");
    return EnumSet.allOf(Medium.class);
  }

  private Style style(MapNode m, String where) {
    Style.Size size = choice(m, "size", where, Style.Size.class, Style.Size.NORMAL);
    boolean bold = bool(m, "bold", where, false);
    return new Style(size, bold, align(m, where, Align.LEFT));
  }

  private Align align(MapNode m, String where, Align fallback) {
    return choice(m, "align", where, Align.class, fallback);
  }

  // ---- values ----------------------------------------------------------------------------------

  private LocalText localText(Node node, String where) {
    if (node instanceof ScalarNode s && !s.isAbsent()) {
      Expr e = expr(s.text(), s.line(), where);
      return e == null ? null : LocalText.of(e);
    }
    if (node instanceof MapNode m && !m.entries().isEmpty()) {
      Map<String, Expr> byTag = new LinkedHashMap<>();
      for (Entry e : m.entries().values()) {
        if (!e.key().matches("[a-z]{2}(-[A-Z]{2})?")) {
          add(e.keyLine(), where + "." + e.key(), "a language such as zh-CN or en");
          continue;
        }
        if (e.value() instanceof ScalarNode s && !s.isAbsent()) {
          Expr x = expr(s.text(), s.line(), where + "." + e.key());
          if (x != null) {
            byTag.put(e.key(), x);
          }
        } else {
          add(e.value().line(), where + "." + e.key(), "a text");
        }
      }
      return byTag.isEmpty() ? null : new LocalText(byTag);
    }
    add(node.line(), where, "a text, or texts by language ({zh-CN: ..., en: ...})");
    return null;
  }

  private Expr expr(String text, int line, String where) {
    try {
      return Expr.parse(text);
    } catch (IllegalArgumentException e) {
      add(line, where, e.getMessage());
      return null;
    }
  }

  private String path(MapNode m, String key, String where) {
    Node v = m.entries().get(key).value();
    if (v instanceof ScalarNode s && !s.isAbsent() && Scope.validPath(s.text())) {
      return s.text();
    }
    add(v.line(), where + "." + key, "a data path such as items");
    return null;
  }

  private String requiredText(MapNode m, String key, String where) {
    Entry e = m.entries().get(key);
    if (e == null) {
      add(m.line(), join(where, key), "required");
      return null;
    }
    if (e.value() instanceof ScalarNode s && !s.isAbsent()) {
      return s.text();
    }
    add(e.keyLine(), join(where, key), "a text");
    return null;
  }

  private <E extends Enum<E>> E choice(MapNode m, String key, String where, Class<E> type, E fallback) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return fallback;
    }
    String options = String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> lowerCamel(c.name())).toList());
    if (e.value() instanceof ScalarNode s && !s.isAbsent()) {
      for (E c : type.getEnumConstants()) {
        if (lowerCamel(c.name()).equals(s.text())) {
          return c;
        }
      }
      add(e.keyLine(), join(where, key), "one of " + options + ", found \"" + s.text() + "\"");
    } else {
      add(e.keyLine(), join(where, key), "one of " + options);
    }
    return fallback;
  }

  private double number(MapNode m, String key, String where, double fallback, double min, double max) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return fallback;
    }
    if (e.value() instanceof ScalarNode s && isNumber(s.text())) {
      double v = Double.parseDouble(s.text());
      if (v >= min && v <= max) {
        return v;
      }
    }
    add(e.keyLine(), join(where, key), "a number from " + fmt(min) + " to " + fmt(max) + (e.value() instanceof ScalarNode s ? ", found \"" + s.text() + "\"" : ""));
    return fallback;
  }

  private boolean bool(MapNode m, String key, String where, boolean fallback) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return fallback;
    }
    if (e.value() instanceof ScalarNode s && ("true".equals(s.text()) || "false".equals(s.text()))) {
      return Boolean.parseBoolean(s.text());
    }
    add(e.keyLine(), join(where, key), "true or false");
    return fallback;
  }

  private void allowed(MapNode m, String where, String... keys) {
    List<String> known = new ArrayList<>(List.of(keys));
    known.addAll(COMMON);
    unknownKeys(m, where, known);
  }

  private void unknownKeys(MapNode m, String where, List<String> known) {
    for (Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        add(e.keyLine(), join(where, e.key()), "not a known key here (known: " + known + ")");
      }
    }
  }

  /** Every placeholder of a personal path goes through a mask formatter, or {@code full}. */
  private void checkPersonal(Template t) {
    List<Expr> all = new ArrayList<>();
    t.page().watermark().ifPresent(w -> w.all().forEach(all::add));
    collect(t.body(), all);
    for (Expr e : all) {
      for (Expr.Placeholder p : e.placeholders()) {
        boolean personal = t.personal().contains(p.path());
        boolean masked = p.calls().stream().anyMatch(c -> Formatters.MASKS.contains(c.name()));
        if (personal && !masked) {
          add(0, "", "\"" + e.source() + "\" prints the personal field " + p.path() + " as it is: add |maskName, |maskId, |maskPhone, |maskAddress, or |full where the document must show it in full");
        }
      }
    }
  }

  private static void collect(List<Block> blocks, List<Expr> out) {
    for (Block b : blocks) {
      if (b instanceof Block.Text t) {
        t.text().all().forEach(out::add);
      } else if (b instanceof Block.Pair p) {
        p.label().all().forEach(out::add);
        p.value().all().forEach(out::add);
      } else if (b instanceof Block.Qr q) {
        q.payload().all().forEach(out::add);
        q.caption().ifPresent(c -> c.all().forEach(out::add));
      } else if (b instanceof Block.Barcode bc) {
        bc.payload().all().forEach(out::add);
      } else if (b instanceof Block.Table tb) {
        for (Block.Column c : tb.columns()) {
          c.header().all().forEach(out::add);
          c.value().all().forEach(out::add);
        }
      } else if (b instanceof Block.When w) {
        collect(w.blocks(), out);
      } else if (b instanceof Block.Repeat r) {
        collect(r.blocks(), out);
      }
    }
  }

  private void add(int line, String where, String message) {
    problems.add(new TemplateException.Problem(file, line, where, message));
  }

  private static String join(String where, String key) {
    return where.isEmpty() ? key : where + "." + key;
  }

  private static boolean isNumber(String s) {
    return s != null && s.matches("-?\\d+(\\.\\d+)?");
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String lowerCamel(String constant) {
    String[] parts = constant.toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
