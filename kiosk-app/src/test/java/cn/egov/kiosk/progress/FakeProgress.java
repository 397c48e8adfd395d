package cn.egov.kiosk.progress;

import cn.egov.kiosk.platform.api.Applications;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory stand-ins for the two ports, for tests of the logic above them (the service, the
 * screen): a platform that knows some applications by person and by code, or is away; and what the
 * kiosk holds. The real ones are tested against the simulator and the store.
 */
public final class FakeProgress {
    private FakeProgress() {}

    /** The platform: applications by ID number and by query code; away while {@link #away} is set. */
    public static final class Platform implements ProgressSource {
        public final Map<String, List<Applications.Progress>> byPerson = new HashMap<>();
        public final Map<String, List<Applications.Progress>> byCode = new HashMap<>();
        public boolean away;
        public final List<String> asked = new ArrayList<>();

        @Override
        public List<Applications.Progress> ofApplicant(String idNumber) throws Unreachable {
            asked.add("person");
            if (away) {
                throw new Unreachable("away", null);
            }
            return byPerson.getOrDefault(idNumber, List.of());
        }

        @Override
        public List<Applications.Progress> ofQueryCode(String queryCode) throws Unreachable {
            asked.add(queryCode);
            if (away) {
                throw new Unreachable("away", null);
            }
            return byCode.getOrDefault(queryCode, List.of());
        }
    }

    /** What the kiosk holds: by ID number (not with the platform) and by query code. */
    public static final class Held implements HeldApplications {
        public final Map<String, List<HeldApplications.Held>> byPerson = new HashMap<>();
        public final Map<String, List<HeldApplications.Held>> byCode = new HashMap<>();
        public RuntimeException failure;

        @Override
        public List<HeldApplications.Held> notWithPlatformOf(String idNumber) {
            if (failure != null) {
                throw failure;
            }
            return byPerson.getOrDefault(idNumber, List.of());
        }

        @Override
        public List<HeldApplications.Held> ofQueryCode(String queryCode) {
            if (failure != null) {
                throw failure;
            }
            return byCode.getOrDefault(queryCode, List.of());
        }
    }

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** A platform application submitted at {@code submitted} (Beijing time), with one step per pair of name and result. */
    public static Applications.Progress progress(
            String no,
            String item,
            Applications.Status status,
            String submitted,
            String nextStep,
            Applications.Result result,
            String... steps) {
        OffsetDateTime at = OffsetDateTime.parse(submitted + "+08:00");
        List<Applications.Step> list = new ArrayList<>();
        for (int i = 0; i + 1 < steps.length; i += 2) {
            list.add(new Applications.Step(steps[i], at.plusHours(i), "演示区政务服务中心", steps[i + 1]));
        }
        return new Applications.Progress(
                no, "item-" + no, item, status, at, at.toLocalDate().plusDays(10), list, nextStep, result);
    }

    /** An application held here, made at {@code submitted} (Beijing time). */
    public static HeldApplications.Held held(
            String reference, String item, String submitted, HeldApplications.Standing standing, String no) {
        Instant at = OffsetDateTime.parse(submitted + "+08:00").toInstant();
        return new HeldApplications.Held(
                reference,
                item,
                at,
                Optional.of(LocalDate.ofInstant(at, CHINA).plusDays(7)),
                standing,
                Optional.ofNullable(no));
    }
}
