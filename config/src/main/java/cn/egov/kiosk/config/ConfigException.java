package cn.egov.kiosk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used. It carries every problem the loader found, not only
 * the first; {@link #getMessage()} lists them one per line, each naming the file, the line where
 * known, the full key path, what was expected and what was found. The accessors {@link #file()},
 * {@link #line()}, {@link #key()}, {@link #expected()} and {@link #found()} describe the first.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  /** Every problem found, in the order found (section by section). */
  public List<ConfigProblem> problems() {
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

  private ConfigProblem first() {
    return problems.get(0);
  }
}
