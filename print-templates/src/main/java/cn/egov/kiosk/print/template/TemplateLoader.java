package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.YamlFiles;
import java.nio.file.Path;

/**
 * Reads a template file (YAML) into a {@link Template} against the declared {@link TemplateSchema}:
 * known keys and block kinds, sizes and alignments, placeholders and formatters, image files, and
 * that every personal field is printed through a mask formatter (or {@code full}, on purpose). All
 * problems are reported at once, each with the file, the line and the place in the template.
 *
 * <p>The format, with an example of each block, is in {@code templates/README.md}.
 */
public final class TemplateLoader {
    private TemplateLoader() {}

    /** Loads and checks one template file; images are read from the file's folder. */
    public static Template load(Path source) throws TemplateException {
        String yaml = YamlFiles.readText(source, TemplateException::new);
        return YamlFiles.read(
                yaml, TemplateSchema.root(), Reading.missingKeysAtTheirMapping(source), TemplateException::new);
    }
}
