package cn.egov.kiosk.progress;

import cn.egov.kiosk.platform.api.Applications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 办件进度: the platform's answer and what this kiosk holds, together, newest first. By person: the
 * platform's applications and the ones made here that it does not have yet. By a receipt's query
 * code: the platform's, else what the kiosk holds under that code. When the platform cannot be
 * asked, what the kiosk holds is still shown, and the answer says the platform was not asked. Logs
 * counts and outcomes only: never the ID number, never a name. Blocks: off the JavaFX thread.
 */
public final class ProgressService {
    private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

    private final ProgressSource platform;
    private final HeldApplications held;

    public ProgressService(ProgressSource platform, HeldApplications held) {
        this.platform = platform;
        this.held = held;
    }

    /**
     * What was found.
     *
     * @param platformAnswered false when the platform could not be asked: the applications are then
     *     only those this kiosk holds, and their latest progress is not known
     */
    public record Lookup(boolean platformAnswered, List<Tracked> applications) {
        public Lookup {
            applications = List.copyOf(applications);
        }
    }

    /** The applications of the person with this ID number. */
    public Lookup ofApplicant(String idNumber) {
        List<HeldApplications.Held> here = held.notWithPlatformOf(idNumber);
        List<Tracked> found = new ArrayList<>();
        boolean answered;
        try {
            List<Applications.Progress> there = platform.ofApplicant(idNumber);
            Set<String> numbers = new HashSet<>();
            there.forEach(p -> {
                found.add(Tracked.of(p));
                numbers.add(p.applicationNo());
            });
            // a refused or waiting one has no number; one that has is the platform's, shown once
            here.stream()
                    .filter(h ->
                            h.applicationNo().map(n -> !numbers.contains(n)).orElse(true))
                    .forEach(h -> found.add(Tracked.of(h)));
            answered = true;
        } catch (ProgressSource.Unreachable e) {
            here.forEach(h -> found.add(Tracked.of(h)));
            answered = false;
            log.info("Progress by person: the platform cannot be asked ({})", e.getMessage());
        }
        log.info(
                "Progress by person: {} application(s), {} of them held here{}",
                found.size(),
                here.size(),
                answered ? "" : ", platform not asked");
        return new Lookup(answered, newestFirst(found));
    }

    /** The application(s) a receipt's query code names. */
    public Lookup ofQueryCode(String queryCode) {
        List<HeldApplications.Held> here = held.ofQueryCode(queryCode);
        List<Tracked> found = new ArrayList<>();
        boolean answered;
        try {
            platform.ofQueryCode(queryCode).forEach(p -> found.add(Tracked.of(p)));
            // the platform has it: its answer is the latest; the kiosk's own view only when it has not
            if (found.isEmpty()) {
                here.forEach(h -> found.add(Tracked.of(h)));
            }
            answered = true;
        } catch (ProgressSource.Unreachable e) {
            here.forEach(h -> found.add(Tracked.of(h)));
            answered = false;
            log.info("Progress by query code: the platform cannot be asked ({})", e.getMessage());
        }
        log.info(
                "Progress by a query code of {} characters: {} application(s){}",
                queryCode.length(),
                found.size(),
                answered ? "" : ", platform not asked");
        return new Lookup(answered, newestFirst(found));
    }

    private static List<Tracked> newestFirst(List<Tracked> all) {
        return all.stream()
                .sorted(Comparator.comparing((Tracked t) -> t.submittedAt().orElse(Instant.MIN))
                        .reversed())
                .toList();
    }
}
