package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.schema.Problem;
import cn.egov.kiosk.common.schema.Problem.Kind;
import cn.egov.kiosk.common.schema.ProblemsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A template (or the data for one) that cannot be used, with every problem found: the file, the
 * line, where in the template, what was expected and what was found. Never a value from the data.
 */
public final class TemplateException extends ProblemsException {
    private static final long serialVersionUID = 1L;

    public TemplateException(List<Problem> problems) {
        super(problems);
    }

    /** One problem with a whole file or folder: {@code FILE: expected WHAT, found WHAT}. */
    public TemplateException(Path file, Kind kind, String expected, String found) {
        this(List.of(new Problem(file, OptionalInt.empty(), "", kind, expected, Optional.ofNullable(found))));
    }
}
