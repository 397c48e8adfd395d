package cn.egov.kiosk.print.ticket;

import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import java.nio.file.Path;

/** The templates the kiosk ships ({@code templates/} at the top of the repository), for tests. */
public final class Templates {
    private Templates() {}

    public static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (p.resolve("templates").resolve("queue-ticket.yaml").toFile().isFile()) {
                return p.resolve("templates");
            }
        }
        throw new IllegalStateException("no templates/ folder above " + here);
    }

    public static TemplateLibrary shipped() throws TemplateException {
        return TemplateLibrary.load(folder());
    }
}
