package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The contract's {@code licences} tag: a citizen's licences, the data to print one, and verifying
 * a printed licence by its code. Owns no state: the licences are the data set's citizens'.
 */
final class LicencesResource implements Resource {
    private final SimContext sim;

    LicencesResource(SimContext sim) {
        this.sim = sim;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/licences/search", true, false, this::search);
        routes.route("GET", "/v1/licences/([^/]+)/print-data", true, false, this::printData);
        routes.route("GET", "/v1/licences/verify/([^/]+)", true, false, this::verify);
    }

    private Reply search(Call c) {
        Licences.Search s = c.body(Licences.Search.class);
        require(s.idNumber() != null, "idNumber is required", c);
        List<Licences.Summary> found = new ArrayList<>();
        Optional.ofNullable(sim.data.citizens.get(s.idNumber()))
                .ifPresent(z -> z.licences().forEach(l -> found.add(l.summary())));
        return Reply.ok(new Licences.Found(found));
    }

    private Optional<SimData.Licence> licence(Predicate<SimData.Licence> p) {
        for (SimData.Citizen z : sim.data.citizens.values()) {
            for (SimData.Licence l : z.licences()) {
                if (p.test(l)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    private Reply printData(Call c) {
        SimData.Licence l = licence(x -> x.summary().licenceId().equals(c.param(0)))
                .orElseThrow(() -> Reply.notFound("licence " + c.param(0), c.path()));
        if (!l.summary().printable()) {
            throw Reply.problem(
                    422,
                    Problem.VALIDATION,
                    "该证照不支持自助打印",
                    "licence " + c.param(0) + " cannot be printed at a kiosk",
                    c.path());
        }
        return Reply.ok(
                new Licences.PrintData(l.summary().licenceId(), l.template(), l.data(), l.verificationCode(), false));
    }

    private Reply verify(Call c) {
        Optional<SimData.Licence> l = licence(x -> x.verificationCode().equals(c.param(0)));
        if (l.isEmpty()) {
            return Reply.ok(new Licences.Verification(false, null, null, null, null, null, null));
        }
        Licences.Summary s = l.get().summary();
        String holder =
                l.get().data() == null ? "" : maskName(holderName(l.get().data()));
        boolean expired = s.validUntil() != null && s.validUntil().isBefore(sim.today());
        return Reply.ok(new Licences.Verification(
                !expired,
                s.licenceId(),
                s.title(),
                s.issuer(),
                holder,
                s.issuedOn(),
                expired ? Licences.Validity.EXPIRED : Licences.Validity.VALID));
    }

    private static String holderName(JsonNode data) {
        for (String f : List.of("holderName", "name")) {
            if (data.hasNonNull(f)) {
                return data.get(f).asText();
            }
        }
        return data.path("operator").path("name").asText("");
    }

    static String maskName(String name) {
        if (name.isEmpty()) {
            return "";
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first))
                + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
