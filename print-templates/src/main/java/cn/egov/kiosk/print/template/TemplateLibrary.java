package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.schema.Problem;
import cn.egov.kiosk.common.schema.Problem.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates of a folder ({@code templates/} of the kiosk, which staff may edit): every {@code
 * NAME.yaml}, each with its sample data {@code NAME.sample.json} and the images it names. All are
 * loaded and checked together: one bad template is reported with the others' problems, never
 * half-loaded.
 */
public final class TemplateLibrary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, Template> byName;

    private TemplateLibrary(Path dir, Map<String, Template> byName) {
        this.dir = dir;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Loads every template of {@code dir}. */
    public static TemplateLibrary load(Path dir) throws TemplateException {
        if (!Files.isDirectory(dir)) {
            throw new TemplateException(
                    dir, Kind.UNREADABLE, "a folder of templates", Files.exists(dir) ? "a file" : "nothing there");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TemplateException(
                    dir,
                    Kind.UNREADABLE,
                    "a folder that can be listed",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Map<String, Template> byName = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                Template t = TemplateLoader.load(f);
                String expected = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                if (!t.name().equals(expected)) {
                    problems.add(new Problem(
                            f,
                            OptionalInt.empty(),
                            "name",
                            Kind.INVALID,
                            "\"" + expected + "\" like the file",
                            Optional.of("\"" + t.name() + "\"")));
                } else {
                    byName.put(t.name(), t);
                }
            } catch (TemplateException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return new TemplateLibrary(dir, byName);
    }

    /** The templates' names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<Template> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Template get(String name) throws TemplateException {
        Template t = byName.get(name);
        if (t == null) {
            throw new TemplateException(
                    dir, Kind.INVALID, "one of the templates " + names(), "no template \"" + name + "\"");
        }
        return t;
    }

    /** The sample data that ships with a template ({@code NAME.sample.json}). */
    public JsonNode sample(String name) throws TemplateException {
        get(name);
        return readData(dir.resolve(name + ".sample.json"));
    }

    /** A document's data from a JSON file: an object. Errors name the file and line, never a value. */
    public static JsonNode readData(Path file) throws TemplateException {
        JsonNode data;
        try {
            data = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // the parser's words may quote the data: say only where
            throw new TemplateException(List.of(new Problem(
                    file,
                    line > 0 ? OptionalInt.of(line) : OptionalInt.empty(),
                    "",
                    Kind.SYNTAX,
                    "well-formed JSON",
                    Optional.of("not valid JSON"))));
        } catch (IOException e) {
            throw new TemplateException(
                    file,
                    Kind.UNREADABLE,
                    "a readable JSON file",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new TemplateException(
                    file,
                    Kind.INVALID,
                    "a JSON object with the document's data",
                    data == null
                            ? "nothing"
                            : "a JSON " + data.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return data;
    }
}
