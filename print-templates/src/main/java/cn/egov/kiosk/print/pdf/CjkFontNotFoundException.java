package cn.egov.kiosk.print.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** No usable CJK TrueType font was found; the message names every path tried and why each failed. */
public final class CjkFontNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<Path> tried;

    CjkFontNotFoundException(String message, List<Path> tried) {
        super(message);
        this.tried = List.copyOf(tried);
    }

    /** The font files that were tried, in order. */
    public List<Path> tried() {
        return tried;
    }
}
