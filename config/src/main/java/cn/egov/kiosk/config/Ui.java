package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
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

    public static final Key<Boolean> FULL_SCREEN = Key.optional("fullScreen", Types.bool(), true)
            .doc(
                    "窗口铺满整个屏幕：终端上为 true，开发时为 false",
                    "The window covers the whole screen: true on a kiosk, false to develop");

    public static final Key<String> THEME = Key.optional("theme", Types.oneOf(THEMES), STANDARD)
            .doc(
                    "启动时的界面：standard，或 elderly（适老化：大字、高对比度）；市民可以切换",
                    "The look the kiosk starts in: standard, or elderly (适老化: large type, high contrast); citizens can switch");

    /** The {@code ui} section. */
    public static final ObjectSchema<Ui> SCHEMA =
            ObjectSchema.of("a mapping", List.of(FULL_SCREEN, THEME), v -> new Ui(v.get(FULL_SCREEN), v.get(THEME)));

    /** What an omitted {@code ui} section means. */
    public static final Ui DEFAULTS = new Ui(true, STANDARD);

    public Ui {
        Objects.requireNonNull(theme, "theme");
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("ui.theme must be one of " + THEMES + ": " + theme);
        }
    }
}
