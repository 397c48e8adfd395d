package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Problem;
import cn.egov.kiosk.common.schema.ProblemsException;
import java.util.List;

/**
 * A configuration file that cannot be used. It carries every problem the loader found, not only
 * the first; {@link #getMessage()} lists them one per line, each naming the file, the line where
 * known, the full key path, what was expected and what was found.
 */
public final class ConfigException extends ProblemsException {
    private static final long serialVersionUID = 1L;

    public ConfigException(List<Problem> problems) {
        super(problems);
    }

    public ConfigException(Problem problem) {
        this(List.of(problem));
    }
}
