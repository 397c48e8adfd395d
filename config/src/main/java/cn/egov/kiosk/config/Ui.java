package cn.egov.kiosk.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code ui} section.
 *
 * @param fullScreen whether the window covers the whole screen (true on a kiosk; false to develop)
 * @param theme {@code standard}, or {@code elderly} (适老化: large type, high contrast) as the default
 */
public record Ui(boolean fullScreen, String theme) {
  public static final String STANDARD = "standard";
  public static final String ELDERLY = "elderly";
  public static final List<String> THEMES = List.of(STANDARD, ELDERLY);

  /** What an omitted {@code ui} section means. */
  public static final Ui DEFAULTS = new Ui(true, STANDARD);

  public Ui {
    Objects.requireNonNull(theme, "theme");
    if (!THEMES.contains(theme)) {
      throw new IllegalArgumentException("ui.theme must be one of " + THEMES + ": " + theme);
    }
  }
}
