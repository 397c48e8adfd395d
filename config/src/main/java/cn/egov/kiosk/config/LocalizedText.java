package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text in the kiosk's languages, keyed by language tag ({@code zh-CN}, {@code en}). A non-empty
 * text always has a {@code zh-CN} entry, the fallback for every other language.
 *
 * @param byLanguageTag text by language tag; only the tags in {@link #LANGUAGE_TAGS}
 */
public record LocalizedText(Map<String, String> byLanguageTag) {
    /** The language tags a text may have, the fallback first. */
    public static final List<String> LANGUAGE_TAGS = List.of("zh-CN", "en");

    /** The fallback language tag. */
    public static final String FALLBACK_TAG = "zh-CN";

    private static final LocalizedText EMPTY = new LocalizedText(Map.of());

    /** How a text by language is written in the configuration: {@code {zh-CN: 综合受理, en: General services}}. */
    public static final Schema<LocalizedText> SCHEMA = new TextByLanguage();

    public LocalizedText {
        Objects.requireNonNull(byLanguageTag, "byLanguageTag");
        Map<String, String> copy = new LinkedHashMap<>();
        for (String tag : LANGUAGE_TAGS) {
            String text = byLanguageTag.get(tag);
            if (text != null) {
                if (text.isBlank()) {
                    throw new IllegalArgumentException("the " + tag + " text is blank");
                }
                copy.put(tag, text);
            }
        }
        for (String tag : byLanguageTag.keySet()) {
            if (!LANGUAGE_TAGS.contains(tag)) {
                throw new IllegalArgumentException("language " + tag + " is not one of " + LANGUAGE_TAGS);
            }
        }
        if (!copy.isEmpty() && !copy.containsKey(FALLBACK_TAG)) {
            throw new IllegalArgumentException("a text needs a " + FALLBACK_TAG + " entry, the fallback");
        }
        byLanguageTag = Collections.unmodifiableMap(copy);
    }

    /** A text with a Chinese and, when {@code en} is not null, an English version. */
    public static LocalizedText of(String zhCn, String en) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("zh-CN", zhCn);
        if (en != null) {
            map.put("en", en);
        }
        return new LocalizedText(map);
    }

    /** No text at all, for optional texts such as a business type's description. */
    public static LocalizedText empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return byLanguageTag.isEmpty();
    }

    /**
     * The text for a locale: its exact tag ({@code en}), else the same language ({@code en-US} finds
     * {@code en}, {@code zh-TW} finds {@code zh-CN}), else {@code zh-CN}, else any; "" when empty.
     */
    public String get(Locale locale) {
        if (locale != null) {
            String exact = byLanguageTag.get(locale.toLanguageTag());
            if (exact != null) {
                return exact;
            }
            for (Map.Entry<String, String> e : byLanguageTag.entrySet()) {
                if (Locale.forLanguageTag(e.getKey()).getLanguage().equals(locale.getLanguage())) {
                    return e.getValue();
                }
            }
        }
        String fallback = byLanguageTag.get(FALLBACK_TAG);
        if (fallback != null) {
            return fallback;
        }
        return byLanguageTag.values().stream().findFirst().orElse("");
    }

    /** The schema of a text by language: the languages known, none blank, Chinese always. */
    private static final class TextByLanguage extends Schema<LocalizedText> {
        @Override
        public LocalizedText read(Node node, String path, Reading r) {
            if (!(node instanceof MapNode map)) {
                throw r.invalid(path, node, expected(), Reading.describe(node));
            }
            boolean ok = !r.unknownKeys(map, path, LANGUAGE_TAGS);
            Map<String, String> texts = new LinkedHashMap<>();
            for (String tag : LANGUAGE_TAGS) {
                if (!map.entries().containsKey(tag)) {
                    continue;
                }
                Node v = map.entries().get(tag).value();
                String text = Reading.text(v);
                if (Reading.isAbsent(v) || (text != null && text.isBlank())) {
                    r.invalid(Reading.join(path, tag), v, "a text that is not empty", Reading.describe(v));
                    ok = false;
                } else if (text == null) {
                    r.invalid(Reading.join(path, tag), v, "a text", Reading.describe(v));
                    ok = false;
                } else {
                    texts.put(tag, text);
                }
            }
            if (ok && !texts.containsKey(FALLBACK_TAG)) {
                r.required(
                        Reading.join(path, FALLBACK_TAG),
                        null,
                        null,
                        "the Chinese text, the one shown when there is none in the citizen's language");
                ok = false;
            }
            if (!ok) {
                throw Reading.rejected();
            }
            return new LocalizedText(texts);
        }

        @Override
        public String expected() {
            return "a text by language with at least zh-CN, such as {zh-CN: 综合受理, en: General services}";
        }

        @Override
        public String toYaml(LocalizedText value) {
            if (value.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder("{");
            value.byLanguageTag()
                    .forEach((tag, text) -> sb.append(sb.length() > 1 ? ", " : "")
                            .append(tag)
                            .append(": ")
                            .append(text));
            return sb.append('}').toString();
        }

        @Override
        public ObjectNode jsonSchema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (String tag : LANGUAGE_TAGS) {
                properties.putObject(tag).put("type", "string").put("pattern", "\\S");
            }
            schema.putArray("required").add(FALLBACK_TAG);
            schema.put("additionalProperties", false);
            return schema;
        }
    }
}
