package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's {@code licences} tag: a citizen's licences with where each stands, the data to
 * print one, and verifying a printed licence by its code. Owns where each licence of the data
 * set's citizens stands now (waiting, collected, mailed; the data set's state when the simulator
 * starts): a {@code licence.collected} outbox record marks one collected, a postal order for one
 * mails it.
 */
final class LicencesResource implements Resource {
    /** Where a licence stands now. */
    private record Standing(Licences.Status status, OffsetDateTime collectedAt, String trackingNumber) {}

    private final SimContext sim;
    private final Map<String, SimData.Licence> licences = new LinkedHashMap<>();
    private final Map<String, Standing> standing = new LinkedHashMap<>();
    private final Set<String> collections = new HashSet<>();

    LicencesResource(SimContext sim) {
        this.sim = sim;
        for (SimData.Citizen z : sim.data.citizens.values()) {
            for (SimData.Licence l : z.licences()) {
                Licences.Summary s = l.summary();
                licences.put(s.licenceId(), l);
                standing.put(
                        s.licenceId(),
                        new Standing(
                                s.status() == null ? Licences.Status.WAITING : s.status(),
                                s.collectedAt(),
                                s.trackingNumber()));
            }
        }
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/licences/search", true, false, this::search);
        routes.route("GET", "/v1/licences/([^/]+)/print-data", true, false, this::printData);
        routes.route("GET", "/v1/licences/verify/([^/]+)", true, false, this::verify);
    }

    private static Licences.Reprint reprint(SimData.Licence l) {
        return l.summary().reprint() == null
                ? Licences.Reprint.REFUSE
                : l.summary().reprint();
    }

    /**
     * The licence as it stands: {@code printable} when its kind can be printed at a kiosk and it
     * is waiting, or collected with copies allowed.
     */
    private synchronized Licences.Summary summary(SimData.Licence l) {
        Licences.Summary s = l.summary();
        Standing now = standing.get(s.licenceId());
        boolean printable = s.printable()
                && (now.status() == Licences.Status.WAITING
                        || (now.status() == Licences.Status.COLLECTED && reprint(l) == Licences.Reprint.COPY));
        return new Licences.Summary(
                s.licenceId(),
                s.type(),
                s.title(),
                s.issuer(),
                s.issuedOn(),
                s.validUntil(),
                printable,
                now.status(),
                reprint(l),
                now.collectedAt(),
                now.trackingNumber());
    }

    private Reply search(Call c) {
        Licences.Search s = c.body(Licences.Search.class);
        require(s.idNumber() != null, "idNumber is required", c);
        List<Licences.Summary> found = new ArrayList<>();
        Optional.ofNullable(sim.data.citizens.get(s.idNumber()))
                .ifPresent(z -> z.licences().forEach(l -> found.add(summary(l))));
        return Reply.ok(new Licences.Found(found));
    }

    private Reply printData(Call c) {
        SimData.Licence l = licences.get(c.param(0));
        if (l == null) {
            throw Reply.notFound("licence " + c.param(0), c.path());
        }
        if (!l.summary().printable()) {
            throw Reply.problem(
                    422,
                    Problem.VALIDATION,
                    "该证照不支持自助打印",
                    "licence " + c.param(0) + " cannot be printed at a kiosk",
                    c.path());
        }
        Licences.Summary now = summary(l);
        if (now.status() == Licences.Status.MAILED) {
            throw mailed(now, c.path());
        }
        boolean copy = now.status() == Licences.Status.COLLECTED;
        if (copy && now.reprint() == Licences.Reprint.REFUSE) {
            throw collected(now, c.path());
        }
        return Reply.ok(new Licences.PrintData(now.licenceId(), l.template(), l.data(), l.verificationCode(), copy));
    }

    private static Reply.Failure mailed(Licences.Summary l, String instance) {
        return Reply.problem(
                409,
                Problem.LICENCE_MAILED,
                "证照已邮寄",
                "licence " + l.licenceId() + " was mailed (tracking number " + l.trackingNumber() + ")",
                instance);
    }

    private static Reply.Failure collected(Licences.Summary l, String instance) {
        return Reply.problem(
                409,
                Problem.LICENCE_COLLECTED,
                "证照已领取",
                "licence " + l.licenceId() + " was collected at " + l.collectedAt() + " and is not issued twice",
                instance);
    }

    private SimData.Licence known(String licenceId, String instance) {
        SimData.Licence l = licenceId == null ? null : licences.get(licenceId);
        if (l == null) {
            throw Reply.problem(422, Problem.VALIDATION, "证照不存在", "licence " + licenceId + " is not known", instance);
        }
        return l;
    }

    /**
     * A {@code licence.collected} record: the licence printed at a kiosk. A waiting licence becomes
     * collected then; a collected one (a copy printed) stays as it was, as does a mailed one. The
     * same collection reported again (under any key) is applied once. {@code body} as sent, for the
     * ledger.
     */
    synchronized void collected(
            String kioskId, Licences.Collected r, String stream, long seq, JsonNode body, String instance) {
        if (r.collectionId() == null || r.licenceId() == null || r.at() == null) {
            throw invalid("collectionId, licenceId and at are required", instance);
        }
        known(r.licenceId(), instance);
        if (!collections.add(kioskId + ":" + r.collectionId())) {
            return;
        }
        Standing now = standing.get(r.licenceId());
        if (now.status() == Licences.Status.WAITING) {
            standing.put(r.licenceId(), new Standing(Licences.Status.COLLECTED, r.at(), null));
        }
        sim.applied(kioskId, Batch.LICENCE_COLLECTED, r.collectionId(), stream, seq, body);
    }

    /**
     * A postal order for the licence: a waiting licence becomes mailed with the order's tracking
     * number; one collected or mailed already is a 409 (nothing is mailed twice), an unknown one a
     * 422.
     */
    synchronized void mail(String licenceId, String trackingNumber, String instance) {
        SimData.Licence l = known(licenceId, instance);
        Licences.Summary now = summary(l);
        if (now.status() == Licences.Status.MAILED) {
            throw mailed(now, instance);
        }
        if (now.status() == Licences.Status.COLLECTED) {
            throw collected(now, instance);
        }
        standing.put(licenceId, new Standing(Licences.Status.MAILED, null, trackingNumber));
    }

    private Optional<SimData.Licence> byCode(String code) {
        return licences.values().stream()
                .filter(l -> l.verificationCode().equals(code))
                .findFirst();
    }

    private Reply verify(Call c) {
        Optional<SimData.Licence> l = byCode(c.param(0));
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
