package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.FieldProblem;
import cn.egov.kiosk.platform.api.FormCheck;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The contract's {@code applications} tag: attachments (scanned materials), submitting an
 * application, and the progress of a citizen's applications. Owns the applications received
 * (by the kiosk's own id), their progress by the applicant's ID number, and the numbering; the
 * data set's citizens bring applications of their own. An application is for an item with a kiosk
 * form, and its form passes the form's checks ({@link FormCheck}, as the kiosk makes them).
 */
final class ApplicationsResource implements Resource {
    private final SimContext sim;
    private final CatalogueState catalogue;
    private final Map<String, Applications.Received> received = new ConcurrentHashMap<>();
    private final Map<String, List<Applications.Progress>> submittedBy = new ConcurrentHashMap<>();
    private final AtomicLong applicationSeq = new AtomicLong();

    ApplicationsResource(SimContext sim, CatalogueState catalogue) {
        this.sim = sim;
        this.catalogue = catalogue;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/attachments", true, true, this::attach);
        routes.route(
                "POST",
                "/v1/applications",
                true,
                true,
                c -> Reply.created(submit(c.kioskId(), c.body(Applications.Submit.class), "-", 0, c.path())));
        routes.route("POST", "/v1/progress/search", true, false, this::progress);
    }

    private Reply attach(Call c) {
        String type = c.header("Content-Type").orElse("");
        String bare = type.split(";")[0].strip();
        require(
                Set.of("image/jpeg", "image/png", "application/pdf").contains(bare),
                "attachments are JPEG, PNG or PDF",
                c);
        require(c.body().length > 0 && c.body().length <= 10 * 1024 * 1024, "an attachment is 1 byte to 10 MiB", c);
        return Reply.created(new Applications.Attachment(
                "att-" + UUID.randomUUID(), Signature.sha256Hex(c.body()), c.body().length, bare));
    }

    /** Receives an application, from its own request or a batch record. */
    synchronized Applications.Received submit(
            String kioskId, Applications.Submit s, String stream, long seq, String instance) {
        if (s.applicationId() == null
                || s.itemId() == null
                || s.applicant() == null
                || s.applicant().idNumber() == null
                || s.applicant().name() == null) {
            throw invalid("applicationId, itemId and the applicant's idNumber and name are required", instance);
        }
        var item = catalogue.get(s.itemId());
        if (item == null) {
            throw Reply.problem(
                    422, Problem.VALIDATION, "事项不存在", "item " + s.itemId() + " is not in the catalogue", instance);
        }
        Applications.Received prior = received.get(kioskId + ":" + s.applicationId());
        if (prior != null) {
            // The kiosk's id names the application: sent again (directly or in a batch, under any key), it is the same
            // one.
            return prior;
        }
        if (item.form() == null) {
            throw Reply.problem(
                    422, Problem.VALIDATION, "该事项不能自助申报", "item " + s.itemId() + " has no kiosk form", instance);
        }
        Map<String, FieldProblem> problems =
                FormCheck.check(item.form(), s.form(), s.applicant().idNumber());
        if (!problems.isEmpty()) {
            // the fields and what is wrong, never the values (they are the citizen's)
            throw Reply.problem(
                    400,
                    Problem.VALIDATION,
                    "表单填写有误",
                    problems.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    instance);
        }
        LocalDate day = sim.today();
        String no = "SQ" + day.toString().replace("-", "") + String.format("%06d", applicationSeq.incrementAndGet());
        var r = new Applications.Received(s.applicationId(), no, Applications.Status.RECEIVED, sim.now());
        received.put(kioskId + ":" + s.applicationId(), r);
        var progress = new Applications.Progress(
                no,
                item.id(),
                item.name(),
                Applications.Status.RECEIVED,
                s.submittedAt() == null ? sim.now() : s.submittedAt(),
                day.plusDays(item.promisedLimitDays()),
                List.of(new Applications.Step("收件", sim.now(), "自助终端 " + kioskId, "已接收")),
                null,
                null);
        submittedBy
                .computeIfAbsent(s.applicant().idNumber(), k -> new CopyOnWriteArrayList<>())
                .add(progress);
        sim.applied(
                kioskId,
                Batch.APPLICATION_SUBMIT,
                s.applicationId(),
                stream,
                seq,
                Json.mapper().valueToTree(s));
        return r;
    }

    private Reply progress(Call c) {
        Applications.ProgressSearch s = c.body(Applications.ProgressSearch.class);
        require(s.idNumber() != null || s.applicationNo() != null, "idNumber or applicationNo is required", c);
        List<Applications.Progress> all = new ArrayList<>();
        sim.data.citizens.values().forEach(z -> all.addAll(z.applications()));
        submittedBy.values().forEach(all::addAll);
        List<Applications.Progress> found = new ArrayList<>();
        if (s.idNumber() != null) {
            Optional.ofNullable(sim.data.citizens.get(s.idNumber())).ifPresent(z -> found.addAll(z.applications()));
            found.addAll(submittedBy.getOrDefault(s.idNumber(), List.of()));
        } else {
            all.stream()
                    .filter(p -> p.applicationNo().equals(s.applicationNo()))
                    .forEach(found::add);
        }
        return Reply.ok(new Applications.ProgressList(found));
    }
}
