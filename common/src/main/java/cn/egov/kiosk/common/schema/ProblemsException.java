package cn.egov.kiosk.common.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A file that cannot be used, with every problem found in it, not only the first. {@link
 * #getMessage()} lists them one per line, each naming the file, the line where known, the full key
 * path, what was expected and what was found; the accessors describe the first.
 */
public class ProblemsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ProblemsException(List<Problem> problems) {
        super(problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProblemsException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    public Path file() {
        return first().file();
    }

    public OptionalInt line() {
        return first().line();
    }

    public String key() {
        return first().key();
    }

    public String expected() {
        return first().expected();
    }

    public Optional<String> found() {
        return first().found();
    }

    private Problem first() {
        return problems.get(0);
    }
}
