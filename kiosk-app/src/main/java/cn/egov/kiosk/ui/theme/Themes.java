package cn.egov.kiosk.ui.theme;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The themes the kiosk ships. */
public enum Themes implements Theme {
    /**
     * Government blue on white: text from 22 px, targets from 60 px, contrast WCAG 2.2 AA (4.5:1),
     * taken to a kiosk's viewing distance.
     */
    STANDARD(
            "standard",
            22,
            new Legible(22, 22, 60, 4.5, 1.3),
            "base.css",
            "keyboard.css",
            "form.css",
            "address.css",
            "guide.css",
            "records.css",
            // appointments
            "appointment.css",
            "progress.css",
            // enterprise
            "enterprise.css",
            "pay.css",
            // the engineer's diagnostics
            "diag.css",
            "standard.css"),
    /**
     * 长辈模式: yellow and white on black; text from 32 px, headings from 40 px, targets from 90 px,
     * contrast 7:1 (WCAG AAA), after the national guidance for elderly-friendly interfaces.
     */
    ELDERLY(
            "elderly",
            32,
            new Legible(32, 40, 90, 7.0, 1.3),
            "base.css",
            "keyboard.css",
            "form.css",
            "address.css",
            "guide.css",
            "records.css",
            // appointments
            "appointment.css",
            "progress.css",
            // enterprise
            "enterprise.css",
            "pay.css",
            // the engineer's diagnostics
            "diag.css",
            "elderly.css");

    private final String id;
    private final double basePx;
    private final Legible legible;
    private final List<String> files;

    Themes(String id, double basePx, Legible legible, String... files) {
        this.id = id;
        this.basePx = basePx;
        this.legible = legible;
        this.files = List.of(files);
    }

    @Override
    public double basePx() {
        return basePx;
    }

    @Override
    public Legible legible() {
        return legible;
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
