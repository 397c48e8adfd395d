package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.CreditCodes;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Problem;
import java.util.Locale;

/**
 * The contract's {@code enterprises} tag: a market entity's public registration data by its
 * unified social credit code. Owns no state: the enterprises are the data set's.
 */
final class EnterprisesResource implements Resource {
    private final SimContext sim;

    EnterprisesResource(SimContext sim) {
        this.sim = sim;
    }

    @Override
    public void register(Routes routes) {
        routes.route("GET", "/v1/enterprises/([^/]+)", true, false, this::enterprise);
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
