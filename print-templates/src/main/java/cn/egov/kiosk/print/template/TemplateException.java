package cn.egov.kiosk.print.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A template (or the data for one) that cannot be used, with every problem found: the file, the
 * line, where in the template and what was expected. Never a value from the data.
 */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  /** One problem: {@code templates/receipt.yaml, line 12: body[3].size: expected ...}. */
  public record Problem(String file, int line, String where, String message) {
    public String describe() {
      return file + (line > 0 ? ", line " + line : "") + ": " + (where.isEmpty() ? "" : where + ": ") + message;
    }
  }

  private final transient List<Problem> problems;

  public TemplateException(List<Problem> problems) {
    super(problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public TemplateException(String file, String message) {
    this(List.of(new Problem(file, 0, "", message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
