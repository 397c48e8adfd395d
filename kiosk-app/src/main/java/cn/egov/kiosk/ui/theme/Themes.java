package cn.egov.kiosk.ui.theme;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The themes the kiosk ships. */
public enum Themes implements Theme {
    STANDARD("standard", "base.css", "keyboard.css", "form.css", "address.css", "guide.css", "standard.css"),
    /** 长辈模式: large type, high contrast, larger touch targets. */
    ELDERLY("elderly", "base.css", "keyboard.css", "form.css", "address.css", "guide.css", "elderly.css");

    private final String id;
    private final List<String> files;

    Themes(String id, String... files) {
        this.id = id;
        this.files = List.of(files);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> stylesheets() {
        return files.stream()
                .map(f -> Objects.requireNonNull(
                        Themes.class.getResource(f), "stylesheet " + f + " is missing from the build"))
                .map(URL::toExternalForm)
                .toList();
    }

    public static Theme byId(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no theme \"" + id + "\""));
    }
}
