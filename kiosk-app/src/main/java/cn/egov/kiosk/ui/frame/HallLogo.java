package cn.egov.kiosk.ui.frame;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;

/** The hall's logo ({@code ui.logo}) as a picture for the screens. */
public final class HallLogo {
    /** Tall enough for the attract screen in the elderly theme; the top bar scales it down. */
    static final double HEIGHT = 360;

    private HallLogo() {}

    /**
     * Reads and decodes the PNG, scaled to at most {@link #HEIGHT} pixels high. Blocks on the file:
     * never on the JavaFX thread.
     *
     * @throws IOException when it cannot be read or is not a picture JavaFX can show
     */
    public static Image read(Path png) throws IOException {
        Image image = new Image(png.toUri().toString(), 0, HEIGHT, true, true, false);
        if (image.isError() || image.getWidth() <= 0) {
            Exception cause = image.getException();
            throw new IOException(
                    "the logo " + png + " cannot be shown" + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
        return image;
    }
}
