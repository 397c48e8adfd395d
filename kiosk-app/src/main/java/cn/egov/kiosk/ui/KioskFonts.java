package cn.egov.kiosk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the CJK font the stylesheets name first ("WenQuanYi Zen Hei", Debian's {@code
 * fonts-wqy-zenhei}, installed by {@code scripts/install-deps}). Without a CJK font JavaFX draws
 * boxes for Chinese and nothing fails, so the kiosk loads it explicitly and says loudly when it is
 * missing.
 */
public final class KioskFonts {
    private static final Logger log = LoggerFactory.getLogger(KioskFonts.class);

    public static final String FAMILY = "WenQuanYi Zen Hei";
    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/local/share/fonts/wqy-zenhei.ttc"));

    private KioskFonts() {}

    /** Loads the CJK font; returns its family when it is available. */
    public static Optional<String> load() {
        if (Font.getFamilies().contains(FAMILY)) {
            return Optional.of(FAMILY);
        }
        for (Path candidate : CANDIDATES) {
            if (Files.isReadable(candidate)) {
                Font[] fonts = Font.loadFonts(candidate.toUri().toString(), 20);
                if (fonts != null && fonts.length > 0) {
                    log.info("Loaded CJK font {} from {}", fonts[0].getFamily(), candidate);
                    return Optional.of(fonts[0].getFamily());
                }
            }
        }
        log.error("No CJK font found ({}): Chinese text will not display. Run scripts/install-deps.", CANDIDATES);
        return Optional.empty();
    }
}
