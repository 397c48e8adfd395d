package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Rejected;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import cn.egov.kiosk.common.yaml.YamlTree.ScalarNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A template text: one text, or one per language ({@code {zh-CN: 受理回执, en: Acceptance receipt}});
 * each parsed into an {@link Expr}, so a placeholder left open or an unknown formatter is reported
 * with its line.
 */
final class LocalTextSchema extends Schema<LocalText> {
    static final LocalTextSchema INSTANCE = new LocalTextSchema();
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    private LocalTextSchema() {}

    @Override
    public LocalText read(Node node, String path, Reading r) {
        if (node instanceof ScalarNode s && !s.alias()) {
            return LocalText.of(expr(s, path, r));
        }
        if (!(node instanceof MapNode m) || m.entries().isEmpty()) {
            throw r.invalid(path, node, expected(), Reading.describe(node));
        }
        Map<String, Expr> byTag = new LinkedHashMap<>();
        boolean ok = true;
        for (Entry e : m.entries().values()) {
            String tagPath = Reading.join(path, e.key());
            if (!LANGUAGE.matcher(e.key()).matches()) {
                r.invalid(tagPath, e.value(), "a language such as zh-CN or en", Reading.quote(e.key()));
                ok = false;
            } else if (e.value() instanceof ScalarNode s && !s.alias() && !s.isAbsent()) {
                try {
                    byTag.put(e.key(), expr(s, tagPath, r));
                } catch (Rejected bad) {
                    ok = false;
                }
            } else {
                r.invalid(tagPath, e.value(), "a text", Reading.describe(e.value()));
                ok = false;
            }
        }
        if (!ok) {
            throw Reading.rejected();
        }
        return new LocalText(byTag);
    }

    private static Expr expr(ScalarNode s, String path, Reading r) {
        String text = s.text();
        try {
            return Expr.parse(text);
        } catch (IllegalArgumentException e) {
            throw r.invalid(
                    path,
                    s,
                    "a text whose placeholders are well-formed ({path|formatter:argument})",
                    Reading.quote(text) + ": " + e.getMessage());
        }
    }

    @Override
    public String expected() {
        return "a text, or texts by language ({zh-CN: ..., en: ...})";
    }

    @Override
    public String toYaml(LocalText value) {
        return value.toString();
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JSON.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        oneOf.addObject().putArray("type").add("string").add("number").add("boolean");
        ObjectNode byLanguage = oneOf.addObject().put("type", "object").put("minProperties", 1);
        byLanguage.putObject("propertyNames").put("pattern", "^" + LANGUAGE.pattern() + "$");
        byLanguage
                .putObject("additionalProperties")
                .putArray("type")
                .add("string")
                .add("number");
        return schema;
    }
}
