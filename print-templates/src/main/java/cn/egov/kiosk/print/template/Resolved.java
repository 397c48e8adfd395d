package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.text.Align;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A template with its data filled in for one medium and language: texts evaluated (and masked),
 * conditions decided, repeats and tables expanded. What is left is layout, which each renderer
 * does for its paper. Holds the document's data: never log it.
 */
public record Resolved(
        String name,
        String title,
        Template.Paper paper,
        Template.Page page,
        Optional<String> watermark,
        List<Item> items) {

    /** One laid-out-to-be piece. */
    public sealed interface Item {}

    public record Text(String text, Style style) implements Item {}

    public record Pair(String label, String value, Style style) implements Item {}

    public record Rule(boolean dashed) implements Item {}

    public record Feed(int lines) implements Item {}

    public record Qr(String payload, double sizeMm, Align align, Optional<String> caption) implements Item {}

    public record Barcode(String payload, double heightMm, Align align) implements Item {}

    public record Image(byte[] png, double widthMm, Align align, Optional<double[]> at) implements Item {}

    /** {@code headers} empty when the table has no header row. */
    public record Table(List<String> headers, List<List<String>> rows, List<Integer> weights, List<Align> aligns)
            implements Item {}

    public record Cut() implements Item {}

    public record PageBreak() implements Item {}

    /** Fills in {@code template} with {@code data} for {@code medium}, in {@code locale}. */
    public static Resolved of(Template template, JsonNode data, Medium medium, Locale locale) {
        Scope scope = Scope.of(data);
        List<Item> items = new ArrayList<>();
        resolve(template.body(), scope, medium, locale, items);
        return new Resolved(
                template.name(),
                template.title().evaluate(scope, locale),
                template.paper(),
                template.page(),
                template.page().watermark().map(w -> w.evaluate(scope, locale)).filter(w -> !w.isBlank()),
                items);
    }

    private static void resolve(List<Block> blocks, Scope scope, Medium medium, Locale locale, List<Item> out) {
        for (Block b : blocks) {
            if (!b.media().contains(medium)) {
                continue;
            }
            if (b instanceof Block.Text t) {
                out.add(new Text(t.text().evaluate(scope, locale), t.style()));
            } else if (b instanceof Block.Pair p) {
                out.add(new Pair(p.label().evaluate(scope, locale), p.value().evaluate(scope, locale), p.style()));
            } else if (b instanceof Block.Rule r) {
                out.add(new Rule(r.dashed()));
            } else if (b instanceof Block.Feed f) {
                out.add(new Feed(f.lines()));
            } else if (b instanceof Block.Qr q) {
                String payload = q.payload().evaluate(scope, locale);
                if (!payload.isBlank()) {
                    out.add(new Qr(payload, q.sizeMm(), q.align(), q.caption().map(c -> c.evaluate(scope, locale))));
                }
            } else if (b instanceof Block.Barcode bc) {
                String payload = bc.payload().evaluate(scope, locale);
                if (!payload.isBlank()) {
                    out.add(new Barcode(payload, bc.heightMm(), bc.align()));
                }
            } else if (b instanceof Block.Image i) {
                out.add(new Image(i.png(), i.widthMm(), i.align(), i.at()));
            } else if (b instanceof Block.Table tb) {
                out.add(table(tb, scope, locale));
            } else if (b instanceof Block.When w) {
                if (scope.holds(w.path()) != w.negate()) {
                    resolve(w.blocks(), scope, medium, locale, out);
                }
            } else if (b instanceof Block.Repeat r) {
                JsonNode list = scope.get(r.path());
                if (list.isArray()) {
                    for (int k = 0; k < list.size(); k++) {
                        resolve(r.blocks(), scope.row(list.get(k), k), medium, locale, out);
                    }
                }
            } else if (b instanceof Block.Cut) {
                out.add(new Cut());
            } else if (b instanceof Block.PageBreak) {
                out.add(new PageBreak());
            }
        }
    }

    private static Table table(Block.Table tb, Scope scope, Locale locale) {
        List<String> headers = tb.header()
                ? tb.columns().stream()
                        .map(c -> c.header().evaluate(scope, locale))
                        .toList()
                : List.of();
        List<List<String>> rows = new ArrayList<>();
        JsonNode list = scope.get(tb.rows());
        if (list.isArray()) {
            for (int k = 0; k < list.size(); k++) {
                Scope row = scope.row(list.get(k), k);
                rows.add(tb.columns().stream()
                        .map(c -> c.value().evaluate(row, locale))
                        .toList());
            }
        }
        return new Table(
                headers,
                rows,
                tb.columns().stream().map(Block.Column::weight).toList(),
                tb.columns().stream().map(Block.Column::align).toList());
    }

    @Override
    public String toString() {
        return "Resolved[" + name + ", " + items.size() + " items]"; // the texts are the citizen's data
    }
}
