package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.CreditCodes;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Enterprises;
import cn.egov.kiosk.platform.api.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The contract's {@code enterprises} tag: a market entity's public registration data by its
 * unified social credit code, and enterprises by (part of) their name. Owns no state: the
 * enterprises are the data set's.
 */
final class EnterprisesResource implements Resource {
    /** How many enterprises a search answers at most. */
    static final int MAX_FOUND = 20;

    /** How well a name matches: the name itself, its beginning, a part of it, its characters in order. */
    private enum Match {
        EXACT,
        PREFIX,
        CONTAINS,
        IN_ORDER
    }

    private record Hit(Enterprise enterprise, Match match, int at, int order) {}

    private final SimContext sim;

    EnterprisesResource(SimContext sim) {
        this.sim = sim;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/enterprises/search", true, false, this::search);
        routes.route("GET", "/v1/enterprises/([^/]+)", true, false, this::enterprise);
    }

    private Reply search(Call c) {
        Enterprises.Search s = c.body(Enterprises.Search.class);
        String words = s.name() == null ? "" : s.name().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        require(words.codePointCount(0, words.length()) >= 2, "name needs at least 2 characters", c);
        List<Hit> hits = new ArrayList<>();
        int order = 0;
        for (Enterprise e : sim.data.enterprises.values()) {
            String name = e.name().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            int at = name.indexOf(words);
            Match m = name.equals(words)
                    ? Match.EXACT
                    : at == 0 ? Match.PREFIX : at > 0 ? Match.CONTAINS : inOrder(words, name) ? Match.IN_ORDER : null;
            if (m != null) {
                hits.add(new Hit(e, m, Math.max(at, 0), order));
            }
            order++;
        }
        hits.sort(Comparator.comparing(Hit::match)
                .thenComparingInt(Hit::at)
                .thenComparingInt(h -> h.enterprise().name().length())
                .thenComparingInt(Hit::order));
        return Reply.ok(new Enterprises.Found(
                hits.stream().limit(MAX_FOUND).map(Hit::enterprise).toList(), hits.size()));
    }

    /** Whether every character of {@code words} is in {@code name}, in the same order. */
    private static boolean inOrder(String words, String name) {
        int from = 0;
        for (int i = 0; i < words.length(); ) {
            int cp = words.codePointAt(i);
            int at = name.indexOf(cp, from);
            if (at < 0) {
                return false;
            }
            from = at + Character.charCount(cp);
            i += Character.charCount(cp);
        }
        return true;
    }

    private Reply enterprise(Call c) {
        String code = c.param(0).toUpperCase(Locale.ROOT);
        if (!CreditCodes.valid(code)) {
            throw Reply.problem(
                    400,
                    Problem.INVALID_CREDIT_CODE,
                    "统一社会信用代码有误",
                    "not a valid unified social credit code (18 characters with a check character)",
                    c.path());
        }
        Enterprise e = sim.data.enterprises.get(code);
        if (e == null) {
            throw Reply.notFound("enterprise " + code, c.path());
        }
        return Reply.ok(e);
    }
}
