package cn.egov.kiosk.tour;

import cn.egov.kiosk.ui.theme.Theme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;

/**
 * What a citizen's eyes and fingers meet on one screen, measured on the screen as it is drawn: the
 * smallest text (in device pixels), the smallest heading, the smallest thing a finger can tap (the
 * shorter side of every enabled control in sight), the lowest contrast of text against what is
 * behind it (the WCAG 2.x ratio, the text's colour against the colour most of its box is painted in
 * the snapshot), and the tightest line height of text that runs over several lines. Each minimum
 * comes with what it was measured on, so that a failing screen says where to look.
 *
 * <p>Read on the JavaFX thread, from the scene and a snapshot of it taken in the same pulse.
 */
final class Legibility {
    /** Style classes of the texts that head a screen or a dialog. */
    static final Set<String> HEADINGS =
            Set.of("screen-title", "dialog-title", "attract-hall", "tile-title", "ticket-number", "login-name");

    /** One screen's figures; a figure is 0 (and its place null) when the screen had nothing of that kind. */
    record Screen(
            String name,
            double minTextPx,
            String minTextAt,
            double minHeadingPx,
            String minHeadingAt,
            double minTargetPx,
            String minTargetAt,
            double minContrast,
            String minContrastAt,
            double minLineHeight,
            String minLineHeightAt,
            int texts,
            int targets,
            List<String> unnamed,
            List<String> below,
            List<String> cut) {}

    private Legibility() {}

    /** Measures the scene as the snapshot shows it. */
    static Screen measure(String name, Scene scene, WritableImage snapshot, Theme.Legible limits) {
        Measure m = new Measure(scene, snapshot, limits);
        m.walk(scene.getRoot(), 1.0);
        return new Screen(
                name,
                round(m.minText.value),
                m.minText.at,
                round(m.minHeading.value),
                m.minHeading.at,
                round(m.minTarget.value),
                m.minTarget.at,
                round(m.minContrast.value),
                m.minContrast.at,
                round(m.minLine.value),
                m.minLine.at,
                m.texts,
                m.targets,
                List.copyOf(m.unnamed),
                List.copyOf(m.below),
                List.copyOf(m.cut));
    }

    private static double round(double v) {
        return Double.isInfinite(v) ? 0 : Math.round(v * 100) / 100.0;
    }

    /** A running minimum and where it was. */
    private static final class Least {
        double value = Double.POSITIVE_INFINITY;
        String at;

        void offer(double v, String where) {
            if (v < value) {
                value = v;
                at = where;
            }
        }
    }

    private static final class Measure {
        private final Scene scene;
        private final PixelReader pixels;
        private final int width;
        private final int height;
        private final double scale;
        /** The overlays shown (a dialog over the screen): what lies under them is not read. */
        private final List<Node> overlays = new ArrayList<>();

        final Least minText = new Least();
        final Least minHeading = new Least();
        final Least minTarget = new Least();
        final Least minContrast = new Least();
        final Least minLine = new Least();
        final List<String> unnamed = new ArrayList<>();
        /** Every text and target below the limits, with its figure: what to fix, not only the worst. */
        final Set<String> below = new LinkedHashSet<>();

        /** Texts cut off where nothing scrolls (the window's or a pane's edge): words a citizen cannot read. */
        final Set<String> cut = new LinkedHashSet<>();

        private final Theme.Legible limits;
        int texts;
        int targets;
        private final Map<String, Double> naturalLines = new HashMap<>();

        Measure(Scene scene, WritableImage snapshot, Theme.Legible limits) {
            this.scene = scene;
            this.limits = limits;
            this.pixels = snapshot.getPixelReader();
            this.width = (int) snapshot.getWidth();
            this.height = (int) snapshot.getHeight();
            this.scale = scene.getWindow() == null ? 1.0 : scene.getWindow().getRenderScaleY();
            for (Node o : scene.getRoot().lookupAll(".overlay")) {
                if (shown(o)) {
                    overlays.add(o);
                }
            }
        }

        void walk(Node node, double opacity) {
            if (!node.isVisible() || node.getOpacity() == 0 || hiddenUnderOverlay(node)) {
                return;
            }
            double alpha = opacity * node.getOpacity();
            if (node instanceof Text t) {
                text(t, alpha);
            }
            if (tappable(node)) {
                target(node);
            }
            if (node instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    walk(child, alpha);
                }
            }
        }

        /** Under a dialog that covers the screen's middle, and not part of it. */
        private boolean hiddenUnderOverlay(Node node) {
            for (Node o : overlays) {
                if (o.getParent() != null && inside(node, o.getParent()) && !inside(node, o) && !inside(o, node)) {
                    return true;
                }
            }
            return false;
        }

        private void text(Text t, double alpha) {
            String s = t.getText();
            if (s == null || s.isBlank()) {
                return;
            }
            Bounds seen = visiblePart(t);
            if (seen == null) {
                return;
            }
            texts++;
            String where = describe(t);
            Bounds whole = t.localToScene(t.getBoundsInLocal());
            if (!scrolls(t) && (seen.getHeight() < whole.getHeight() - 2 || seen.getWidth() < whole.getWidth() - 2)) {
                cut.add(String.format(
                        Locale.ROOT, "%.0f of %.0f px high shown %s", seen.getHeight(), whole.getHeight(), where));
            }
            double px = t.getFont().getSize() * transformScale(t) * scale;
            minText.offer(px, where);
            if (px < limits.textPx() - TOLERANCE) {
                below.add(String.format(Locale.ROOT, "text %.1f px %s", px, where));
            }
            if (heading(t)) {
                minHeading.offer(px, where);
                if (px < limits.headingPx() - TOLERANCE) {
                    below.add(String.format(Locale.ROOT, "heading %.1f px %s", px, where));
                }
            }
            contrast(t, seen, alpha, where);
            lineHeight(t, px, where);
        }

        /** The text's colour (as seen through the opacity above it) against its box's background. */
        private void contrast(Text t, Bounds seen, double alpha, String where) {
            int x0 = clamp((int) Math.floor(seen.getMinX() * scale), width);
            int y0 = clamp((int) Math.floor(seen.getMinY() * scale), height);
            int x1 = clamp((int) Math.ceil(seen.getMaxX() * scale), width);
            int y1 = clamp((int) Math.ceil(seen.getMaxY() * scale), height);
            if (x1 <= x0 || y1 <= y0) {
                return;
            }
            Color fill = t.getFill() instanceof Color c ? c : null;
            Map<Integer, Integer> counts = new HashMap<>();
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int argb = pixels.getArgb(x, y);
                    if (fill != null && near(argb, fill)) {
                        continue; // the text itself
                    }
                    counts.merge(argb, 1, Integer::sum);
                }
            }
            if (counts.isEmpty()) {
                minContrast.offer(1.0, where); // nothing in the box but the text's own colour
                return;
            }
            int background = counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            Color bg = Color.rgb((background >> 16) & 0xff, (background >> 8) & 0xff, background & 0xff);
            Color fg;
            if (fill != null) {
                fg = over(fill, alpha * fill.getOpacity(), bg);
            } else {
                // a gradient or pattern: the pixel of the box that stands out most
                fg = bg;
                double best = 1;
                for (int argb : counts.keySet()) {
                    Color c = Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
                    double r = ratio(c, bg);
                    if (r > best) {
                        best = r;
                        fg = c;
                    }
                }
            }
            double r = ratio(fg, bg);
            minContrast.offer(r, where);
            if (r < limits.contrast()) {
                below.add(String.format(Locale.ROOT, "contrast %.2f %s", r, where));
            }
        }

        /** For text over more than one line: the distance from line to line, over the type size. */
        private void lineHeight(Text t, double px, String where) {
            double single = natural(t);
            double lines = t.getLayoutBounds().getHeight() / (single + t.getLineSpacing());
            if (lines < 1.5 || t.getFont().getSize() == 0) {
                return;
            }
            double ratio = (single + t.getLineSpacing()) / t.getFont().getSize();
            minLine.offer(ratio, where);
            if (ratio < limits.lineHeight() - 0.005) {
                below.add(String.format(Locale.ROOT, "line height %.2f %s", ratio, where));
            }
        }

        /** The font's own line height (no added spacing): measured once per font. */
        private double natural(Text t) {
            String key = t.getFont().getName() + "/" + t.getFont().getSize();
            return naturalLines.computeIfAbsent(key, k -> {
                Text one = new Text("字");
                one.setFont(t.getFont());
                Text two = new Text("字\n字");
                two.setFont(t.getFont());
                return two.getLayoutBounds().getHeight() - one.getLayoutBounds().getHeight();
            });
        }

        private void target(Node n) {
            if (n.isDisabled() || visiblePart(n) == null || mouseTransparent(n)) {
                return;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            targets++;
            String where = describe(n);
            double side = Math.min(b.getWidth(), b.getHeight()) * scale;
            minTarget.offer(side, where);
            if (side < limits.targetPx() - TOLERANCE) {
                below.add(String.format(
                        Locale.ROOT, "target %.0fx%.0f px %s", b.getWidth() * scale, b.getHeight() * scale, where));
            }
            Object name = n.queryAccessibleAttribute(AccessibleAttribute.TEXT);
            if (!(name instanceof String s) || s.isBlank()) {
                unnamed.add(where);
            }
        }

        /** The part in sight: cut by the scroll panes and clips around it and by the window. */
        private Bounds visiblePart(Node node) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            double minX = b.getMinX(), minY = b.getMinY(), maxX = b.getMaxX(), maxY = b.getMaxY();
            for (Node at = node.getParent(); at != null; at = at.getParent()) {
                Bounds cut = null;
                if (at instanceof ScrollPane pane) {
                    Bounds v = pane.localToScene(pane.getLayoutBounds());
                    Bounds port = pane.getViewportBounds();
                    double left = v.getMinX() + pane.snappedLeftInset();
                    double top = v.getMinY() + pane.snappedTopInset();
                    cut = new BoundingBox(left, top, port.getWidth(), port.getHeight());
                } else if (at.getClip() != null) {
                    cut = at.localToScene(at.getClip().getBoundsInParent());
                }
                if (cut != null) {
                    minX = Math.max(minX, cut.getMinX());
                    minY = Math.max(minY, cut.getMinY());
                    maxX = Math.min(maxX, cut.getMaxX());
                    maxY = Math.min(maxY, cut.getMaxY());
                }
            }
            minX = Math.max(minX, 0);
            minY = Math.max(minY, 0);
            maxX = Math.min(maxX, scene.getWidth());
            maxY = Math.min(maxY, scene.getHeight());
            return maxX - minX < 1 || maxY - minY < 1 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
        }
    }

    /**
     * A control a finger can tap. Scroll bars are not: the kiosk's scroll by dragging the page; nor
     * are the parts a control's skin makes for itself (a scroll pane's viewport takes a press to
     * drag, as part of the scroll pane).
     */
    static boolean tappable(Node n) {
        if (n.getClass().getName().startsWith("javafx.scene.control.skin.")) {
            return false;
        }
        return n instanceof ButtonBase
                || n instanceof TextInputControl
                || n instanceof ComboBoxBase<?>
                || n instanceof ChoiceBox<?>
                || n instanceof Slider
                || n.getOnMouseClicked() != null
                || n.getOnMousePressed() != null
                || n.getOnTouchPressed() != null;
    }

    /** Inside a scroll pane: cut at its edge is where the citizen scrolls to read on. */
    private static boolean scrolls(Node n) {
        for (Node at = n.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static boolean mouseTransparent(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at.isMouseTransparent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean heading(Text t) {
        for (Node at = t; at != null; at = at.getParent()) {
            for (String c : at.getStyleClass()) {
                if (HEADINGS.contains(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible() || at.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** How much the node's transforms up to the scene enlarge it (vertically). */
    private static double transformScale(Node n) {
        Transform t = n.getLocalToSceneTransform();
        return Math.hypot(t.getMxy(), t.getMyy());
    }

    /** A node for the report: its own id or its nearest parent's, its class, and what it says. */
    static String describe(Node n) {
        String id = null;
        for (Node at = n; at != null && id == null; at = at.getParent()) {
            id = at.getId();
        }
        String what = n instanceof Text t
                ? t.getText()
                : n.queryAccessibleAttribute(AccessibleAttribute.TEXT) instanceof String s ? s : "";
        what = what.replace('\n', ' ').strip();
        if (what.length() > 24) {
            what = what.substring(0, 24) + "…";
        }
        String type = n.getClass().getName();
        type = type.substring(type.lastIndexOf('.') + 1);
        return "#" + (id == null ? "?" : id) + " " + type + (what.isEmpty() ? "" : " \"" + what + "\"");
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static boolean near(int argb, Color c) {
        int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        return Math.abs(r - c.getRed() * 255) < 24
                && Math.abs(g - c.getGreen() * 255) < 24
                && Math.abs(b - c.getBlue() * 255) < 24;
    }

    /** The colour seen when {@code top} is drawn with {@code alpha} over {@code bottom}. */
    static Color over(Color top, double alpha, Color bottom) {
        return Color.color(
                top.getRed() * alpha + bottom.getRed() * (1 - alpha),
                top.getGreen() * alpha + bottom.getGreen() * (1 - alpha),
                top.getBlue() * alpha + bottom.getBlue() * (1 - alpha));
    }

    /** The WCAG 2.x contrast ratio of two opaque colours, 1 to 21. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Each screen of each flow below the limits, one line each; empty when every screen meets them. */
    static List<String> shortfalls(List<TourReport.FlowReport> flows, Theme.Legible limits) {
        List<String> out = new ArrayList<>();
        for (TourReport.FlowReport f : flows) {
            for (Screen s : f.screens()) {
                String at = f.name() + "/" + s.name() + ": ";
                if (s.texts() > 0 && s.minTextPx() < limits.textPx() - TOLERANCE) {
                    out.add(at + "text " + s.minTextPx() + " px < " + fmt(limits.textPx()) + " at " + s.minTextAt());
                }
                if (s.minHeadingAt() != null && s.minHeadingPx() < limits.headingPx() - TOLERANCE) {
                    out.add(at + "heading " + s.minHeadingPx() + " px < " + fmt(limits.headingPx()) + " at "
                            + s.minHeadingAt());
                }
                if (s.targets() > 0 && s.minTargetPx() < limits.targetPx() - TOLERANCE) {
                    out.add(at + "target " + s.minTargetPx() + " px < " + fmt(limits.targetPx()) + " at "
                            + s.minTargetAt());
                }
                if (s.minContrastAt() != null && s.minContrast() < limits.contrast()) {
                    out.add(at + "contrast " + s.minContrast() + " < " + fmt(limits.contrast()) + " at "
                            + s.minContrastAt());
                }
                for (String c : s.cut()) {
                    out.add(at + "text cut off: " + c);
                }
                if (s.minLineHeightAt() != null && s.minLineHeight() < limits.lineHeight() - 0.005) {
                    out.add(at + "line height " + s.minLineHeight() + " < " + fmt(limits.lineHeight()) + " at "
                            + s.minLineHeightAt());
                }
            }
        }
        return out;
    }

    /** The figures of every screen as a table, with the limits in its head. */
    static String table(List<TourReport.FlowReport> flows, Theme.Legible limits) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%-32s %8s %8s %8s %8s %6s%n",
                "screen",
                "text px",
                "head px",
                "target",
                "contrast",
                "line"));
        b.append(String.format(
                Locale.ROOT,
                "%-32s %8s %8s %8s %8s %6s%n",
                "(at least)",
                fmt(limits.textPx()),
                fmt(limits.headingPx()),
                fmt(limits.targetPx()),
                fmt(limits.contrast()),
                fmt(limits.lineHeight())));
        for (TourReport.FlowReport f : flows) {
            for (Screen s : f.screens()) {
                b.append(String.format(
                        Locale.ROOT,
                        "%-32s %8s %8s %8s %8s %6s%n",
                        f.name() + "/" + s.name(),
                        s.texts() == 0 ? "-" : fmt(s.minTextPx()),
                        s.minHeadingAt() == null ? "-" : fmt(s.minHeadingPx()),
                        s.targets() == 0 ? "-" : fmt(s.minTargetPx()),
                        s.minContrastAt() == null ? "-" : fmt(s.minContrast()),
                        s.minLineHeightAt() == null ? "-" : fmt(s.minLineHeight())));
            }
        }
        return b.toString();
    }

    /** Sizes are compared to a hundredth of a pixel (the scaled limits are not whole numbers). */
    private static final double TOLERANCE = 0.01;

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
