package cn.egov.kiosk.tour;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.theme.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javax.imageio.ImageIO;

/**
 * Walks the kiosk's real screens as a citizen would: finds a control by its id where it is shown,
 * moves the pointer to it and taps (the platform's robot, so the event goes through the scene like a
 * finger's), waits for what the citizen waits for, and photographs each screen it passes, with how
 * long the screen took to be ready after the tap that led to it. Everything it reads of the scene,
 * it reads on the JavaFX thread; it waits on its own thread.
 */
final class Walker {
    /** One screen photographed: the file, when it was taken, how long it took to show after the last tap. */
    record Shot(String file, String screen, long readyMs, int nodes) {}

    private final List<Legibility.Screen> measured = new ArrayList<>();

    /** A flow stopped: it did not reach what it was waiting for. */
    static final class Stopped extends Exception {
        private final String step;

        Stopped(String step, String why) {
            super(why);
            this.step = step;
        }

        String step() {
            return step;
        }
    }

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Scene scene;
    private final Path out;
    private final String prefix;
    private final List<Shot> shots = new ArrayList<>();
    private int taps;
    private long lastTapNanos = System.nanoTime();
    private String step = "start";

    private final Theme.Legible limits;

    Walker(Scene scene, Path out, String prefix, Theme.Legible limits) {
        this.scene = scene;
        this.limits = limits;
        this.out = out;
        this.prefix = prefix;
    }

    int taps() {
        return taps;
    }

    List<Shot> shots() {
        return List.copyOf(shots);
    }

    /** What each photographed screen measured, in the order they were passed. */
    List<Legibility.Screen> screens() {
        return List.copyOf(measured);
    }

    String step() {
        return step;
    }

    /** Says what the walk is about to do, for the report when it stops there. */
    void step(String what) {
        this.step = what;
    }

    /** Taps the shown control with this id, once it is shown and enabled. */
    void tap(String id) throws Stopped {
        tap("#" + id, () -> shown(id).filter(n -> !n.isDisabled()));
    }

    /**
     * Taps the control a citizen knows by what it says: the one shown and enabled with this
     * accessible role and name (a tile by its title), as a screen reader would find it.
     */
    void tapNamed(AccessibleRole role, String name) throws Stopped {
        tap(role + " \"" + name + "\"", () -> Accessible.find(scene.getRoot(), role, name));
    }

    private void tap(String what, Supplier<Optional<Node>> find) throws Stopped {
        step("tap " + what);
        Node node = await(what + " to be shown and enabled", find);
        if (onFx(() -> reveal(node))) {
            onFx(() -> null); // laid out where it was scrolled to
        }
        // a finger waits for what moves (a keyboard sliding in) to stand still
        await(what + " to stand still", new Supplier<Optional<Bounds>>() {
            private Bounds last;

            @Override
            public Optional<Bounds> get() {
                Bounds now = node.localToScreen(node.getBoundsInLocal());
                boolean still = now != null && now.equals(last);
                last = now;
                return still ? Optional.of(now) : Optional.empty();
            }
        });
        onFx(() -> {
            Bounds b = visiblePart(node);
            if (b == null) {
                throw new IllegalStateException(what + " is not in sight");
            }
            Point2D centre = new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
            Robot robot = new Robot();
            robot.mouseMove(centre);
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
        taps++;
        lastTapNanos = System.nanoTime();
    }

    /** Taps the first of these ids that is shown (a key written in upper or lower case, say). */
    void tapAny(String... ids) throws Stopped {
        for (String id : ids) {
            if (isShown(id)) {
                tap(id);
                return;
            }
        }
        tap(ids[0]); // waits for the first, and says so if it never comes
    }

    boolean isShown(String id) throws Stopped {
        return onFx(() -> shown(id).isPresent());
    }

    /** The text of the shown label or field with this id; empty when none is shown. */
    String text(String id) throws Stopped {
        return onFx(() -> shown(id)
                .map(n -> n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : "")
                .orElse(""));
    }

    /** Waits until the shown label or field with this id says something that passes {@code ok}. */
    String awaitText(String id, String what, Predicate<String> ok) throws Stopped {
        return await(
                what,
                () -> shown(id).flatMap(n -> {
                    String t =
                            n instanceof Labeled l ? l.getText() : n instanceof TextInputControl f ? f.getText() : null;
                    return t != null && ok.test(t) ? Optional.of(t) : Optional.empty();
                }));
    }

    /** Waits until one of the controls is shown; the id of the one that is. */
    String awaitAnyShown(String... ids) throws Stopped {
        return await(
                "one of #" + String.join(", #", ids) + " to be shown",
                () -> Arrays.stream(ids).filter(id -> shown(id).isPresent()).findFirst());
    }

    /** Waits until the control with this id is shown. */
    Node awaitShown(String id) throws Stopped {
        return await("#" + id + " to be shown", () -> shown(id));
    }

    /** Waits (off the JavaFX thread) for {@code probe}, evaluated on it, to give something. */
    <T> T await(String what, Supplier<Optional<T>> probe) throws Stopped {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<T> got = onFx(probe::get);
            if (got.isPresent()) {
                return got.get();
            }
            if (System.nanoTime() > deadline) {
                throw new Stopped(step, "waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped(step, "interrupted while waiting for " + what);
            }
        }
    }

    /**
     * What a camera held to the shown node with this id sees: the screen as it is, cut to the part of
     * the node in sight (a code half scrolled away is half a code).
     */
    BufferedImage picture(String id) throws Stopped {
        Node node = awaitShown(id);
        record Seen(WritableImage screen, Bounds part, Bounds root) {}
        Seen seen = onFx(() -> new Seen(
                scene.snapshot(null),
                visiblePart(node),
                scene.getRoot().localToScreen(scene.getRoot().getLayoutBounds())));
        if (seen.part() == null) {
            throw new Stopped(step, "#" + id + " is not in sight");
        }
        BufferedImage whole = SwingFXUtils.fromFXImage(seen.screen(), null);
        double scale = whole.getWidth() / seen.root().getWidth();
        int x = (int)
                Math.max(0, Math.floor((seen.part().getMinX() - seen.root().getMinX()) * scale));
        int y = (int)
                Math.max(0, Math.floor((seen.part().getMinY() - seen.root().getMinY()) * scale));
        int w = (int) Math.min(whole.getWidth() - x, Math.ceil(seen.part().getWidth() * scale));
        int h = (int) Math.min(whole.getHeight() - y, Math.ceil(seen.part().getHeight() * scale));
        return whole.getSubimage(x, y, w, h);
    }

    /**
     * Photographs the screen as it is now: {@code <prefix>-NN-<name>.png} in the output folder, with
     * the time since the last tap (the screen's time to be ready, once the caller waited for it).
     */
    Shot shot(String name) throws Stopped {
        long readyMs = (System.nanoTime() - lastTapNanos) / 1_000_000;
        // two pulses, so that what was just laid out is also painted
        onFx(() -> null);
        onFx(() -> null);
        record Picture(WritableImage image, int nodes, Legibility.Screen measured) {}
        Picture p = onFx(() -> {
            WritableImage image = scene.snapshot(null);
            return new Picture(image, count(scene.getRoot()), Legibility.measure(name, scene, image, limits));
        });
        measured.add(p.measured());
        String file = String.format("%s-%02d-%s.png", prefix, shots.size() + 1, name);
        BufferedImage image = SwingFXUtils.fromFXImage(p.image(), null);
        try {
            Files.createDirectories(out);
            ImageIO.write(image, "png", out.resolve(file).toFile());
        } catch (IOException e) {
            throw new Stopped(step, "could not write " + file + ": " + e.getMessage());
        }
        Shot shot = new Shot(file, name, readyMs, p.nodes());
        shots.add(shot);
        return shot;
    }

    /**
     * Scrolls the node into sight, as a finger drags a page, when less than half of it shows in its
     * scroll pane's viewport; true when it scrolled.
     */
    private static boolean reveal(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane pane && pane.getContent() != null) {
                Bounds whole = node.localToScreen(node.getBoundsInLocal());
                Bounds seen = visiblePart(node);
                if (seen != null && seen.getHeight() * 2 >= whole.getHeight()) {
                    return false;
                }
                Node content = pane.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double viewport = pane.getViewportBounds().getHeight();
                double height = content.getBoundsInLocal().getHeight();
                if (height <= viewport) {
                    return false;
                }
                double wanted = Math.max(0, Math.min(height - viewport, inContent.getMinY() - viewport * 0.2));
                pane.setVvalue(wanted / (height - viewport));
                pane.layout();
                return true;
            }
        }
        return false;
    }

    /**
     * The part of the node a finger can touch, in screen coordinates: its bounds cut by each scroll
     * pane's viewport around it and by the window; null when none of it shows.
     */
    private static Bounds visiblePart(Node node) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        if (b == null) {
            return null;
        }
        double minX = b.getMinX(), minY = b.getMinY(), maxX = b.getMaxX(), maxY = b.getMaxY();
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane pane) {
                Bounds v = pane.localToScreen(pane.getLayoutBounds());
                Bounds port = pane.getViewportBounds();
                double left = v.getMinX() + pane.snappedLeftInset();
                double top = v.getMinY() + pane.snappedTopInset();
                minX = Math.max(minX, left);
                minY = Math.max(minY, top);
                maxX = Math.min(maxX, left + port.getWidth());
                maxY = Math.min(maxY, top + port.getHeight());
            }
        }
        Bounds root = node.getScene()
                .getRoot()
                .localToScreen(node.getScene().getRoot().getLayoutBounds());
        minX = Math.max(minX, root.getMinX());
        minY = Math.max(minY, root.getMinY());
        maxX = Math.min(maxX, root.getMaxX());
        maxY = Math.min(maxY, root.getMaxY());
        return maxX - minX < 1 || maxY - minY < 1 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The node with this id that is shown now: in the scene, visible with all its parents. */
    private Optional<Node> shown(String id) {
        for (Node n : scene.getRoot().lookupAll("#" + id)) {
            if (visible(n) && n.getScene() == scene) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static boolean visible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible() || at.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static int count(Node n) {
        int c = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                c += count(child);
            }
        }
        return c;
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result. */
    <T> T onFx(Callable<T> work) throws Stopped {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(step, "interrupted");
        } catch (ExecutionException e) {
            throw new Stopped(step, "the screen failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new Stopped(step, "the JavaFX thread did not answer within " + WAIT.toSeconds() + " s");
        }
    }
}
