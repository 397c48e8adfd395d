package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.schema.Problem.Kind;
import cn.egov.kiosk.common.schema.Reading;
import java.util.ArrayList;
import java.util.List;

/** The rule a template is checked against once read: every personal field goes through a mask. */
final class PersonalData {
    private PersonalData() {}

    /**
     * Every placeholder of a path the template declares personal goes through a mask formatter, or
     * {@code full} where the document must show it in full; each one that does not is reported.
     */
    static void check(Template t, Reading r) {
        List<Expr> all = new ArrayList<>();
        t.page().watermark().ifPresent(w -> w.all().forEach(all::add));
        collect(t.body(), all);
        boolean ok = true;
        for (Expr e : all) {
            for (Expr.Placeholder p : e.placeholders()) {
                boolean personal = t.personal().contains(p.path());
                boolean masked = p.calls().stream().anyMatch(c -> Formatters.MASKS.contains(c.name()));
                if (personal && !masked) {
                    r.add(
                            "",
                            0,
                            Kind.INVALID,
                            "every personal field through |maskName, |maskId, |maskPhone, |maskAddress, or |full where the document must show it in full",
                            Reading.quote(e.source()) + " prints the personal field " + p.path() + " as it is");
                    ok = false;
                }
            }
        }
        if (!ok) {
            throw Reading.rejected();
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
}
