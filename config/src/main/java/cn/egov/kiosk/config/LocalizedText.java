package cn.egov.kiosk.config;

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
    byLanguageTag = java.util.Collections.unmodifiableMap(copy);
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
}
