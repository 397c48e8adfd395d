package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The checks every resource makes alike: a malformed request is a 400, a well-formed one that
 * cannot be carried out a 422, and query parameters are read as numbers and dates or refused.
 */
final class Checks {
    private Checks() {}

    /** A well-formed request the platform cannot carry out in the state things are in: 422. */
    static void unprocessable(boolean ok, String detail, Call c) {
        if (!ok) {
            throw Reply.problem(422, Problem.VALIDATION, "无法办理", detail, c.path());
        }
    }

    static void require(boolean ok, String detail, Call c) {
        if (!ok) {
            throw invalid(detail, c);
        }
    }

    static Reply.Failure invalid(String detail, Call c) {
        return invalid(detail, c.path());
    }

    static Reply.Failure invalid(String detail, String instance) {
        return Reply.problem(400, Problem.VALIDATION, "请求参数有误", detail, instance);
    }

    static long longParam(Call c, String name, long fallback) {
        Optional<String> v = c.queryParam(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw invalid(name + " is not a number", c);
        }
    }

    static LocalDate dateParam(Call c, String name) {
        String v = c.queryParam(name).orElseThrow(() -> invalid(name + " is required", c));
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(name + " is not a date (YYYY-MM-DD)", c);
        }
    }
}
