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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The contract's {@code applications} tag: attachments (scanned materials), submitting an
 * application, and the progress of applications (a citizen's, or one by its number or by the
 * query code of its acceptance receipt). Owns the applications received
 * (by the kiosk's own id), their progress by the applicant's ID number, and the numbering; the
 * data set's citizens bring applications of their own. An application is for an item with a kiosk
 * form, and its form passes the form's checks ({@link FormCheck}, as the kiosk makes them).
 */
final class ApplicationsResource implements Resource {
    /** The platform's application number: SQ, the day, six digits. */
    private static final Pattern APPLICATION_NO = Pattern.compile("SQ\\d{14}");
    /** A kiosk's reference of an application it had no number for: the first 12 hex digits of its id. */
    private static final Pattern KIOSK_REFERENCE = Pattern.compile("KS-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");

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
                "等待" + item.departmentName() + "受理，承诺于" + chinese(day.plusDays(item.promisedLimitDays())) + "前办结",
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

    /** A day as the citizen reads it: 2026年12月8日. */
    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }

    private Reply progress(Call c) {
        Applications.ProgressSearch s = c.body(Applications.ProgressSearch.class);
        int ways = (given(s.idNumber()) ? 1 : 0) + (given(s.applicationNo()) ? 1 : 0) + (given(s.queryCode()) ? 1 : 0);
        require(ways == 1, "exactly one of idNumber, applicationNo and queryCode is required", c);
        List<Applications.Progress> all = new ArrayList<>();
        sim.data.citizens.values().forEach(z -> all.addAll(z.applications()));
        submittedBy.values().forEach(all::addAll);
        List<Applications.Progress> found = new ArrayList<>();
        if (given(s.idNumber())) {
            Optional.ofNullable(sim.data.citizens.get(s.idNumber())).ifPresent(z -> found.addAll(z.applications()));
            found.addAll(submittedBy.getOrDefault(s.idNumber(), List.of()));
            return Reply.ok(new Applications.ProgressList(found));
        }
        Set<String> numbers = given(s.applicationNo())
                ? Set.of(s.applicationNo().strip())
                : numbersOf(s.queryCode().strip().toUpperCase(Locale.ROOT), c);
        all.stream().filter(p -> numbers.contains(p.applicationNo())).forEach(found::add);
        return Reply.ok(new Applications.ProgressList(found));
    }

    /**
     * The application numbers a receipt's query code names: the number itself, or those of the
     * applications submitted here whose id begins with the kiosk's reference's twelve hex digits.
     */
    private Set<String> numbersOf(String queryCode, Call c) {
        if (APPLICATION_NO.matcher(queryCode).matches()) {
            return Set.of(queryCode);
        }
        if (!KIOSK_REFERENCE.matcher(queryCode).matches()) {
            throw invalid(
                    "queryCode is an application number (SQ and 14 digits) or a kiosk's reference (KS-XXXX-XXXX-XXXX)",
                    c);
        }
        String twelve = queryCode.substring(3).replace("-", "");
        return received.values().stream()
                .filter(r -> r.applicationId()
                        .replace("-", "")
                        .toUpperCase(Locale.ROOT)
                        .startsWith(twelve))
                .map(Applications.Received::applicationNo)
                .collect(Collectors.toSet());
    }
}
