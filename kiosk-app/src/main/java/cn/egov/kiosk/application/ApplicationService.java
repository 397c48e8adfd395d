package cn.egov.kiosk.application;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.ApplicationRepository.Application;
import cn.egov.kiosk.store.ApplicationRepository.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Submits applications through the outbox. {@link #submit} returns once the application is
 * durable locally (it will reach the platform whatever happens next); {@link #awaitReceipt} waits
 * a little for the platform's application number, which the citizen gets on the spot when the
 * platform is there, and later (progress query, SMS) when it is not. Blocks: off the JavaFX thread.
 */
public final class ApplicationService {
    private final ApplicationRepository applications;
    private final Runnable wakeSender;
    private final Clock clock;
    private final ZoneId zone;

    public ApplicationService(ApplicationRepository applications, Runnable wakeSender, Clock clock, ZoneId zone) {
        this.applications = applications;
        this.wakeSender = wakeSender;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records the application durably and hands it to the outbox; returns it (QUEUED). */
    public Application submit(
            String itemId, Applications.Applicant applicant, JsonNode form, List<String> attachments) {
        return submit(UUID.randomUUID().toString(), itemId, applicant, form, attachments);
    }

    /** As {@link #submit(String, Applications.Applicant, JsonNode, List)} with the kiosk's id of it given. */
    public Application submit(
            String id, String itemId, Applications.Applicant applicant, JsonNode form, List<String> attachments) {
        var body = new Applications.Submit(
                id, itemId, applicant, form, List.copyOf(attachments), OffsetDateTime.ofInstant(clock.instant(), zone));
        Application a = applications.queue(id, itemId, Json.bytes(body));
        wakeSender.run();
        return a;
    }

    public Optional<Application> find(String id) {
        return applications.find(id);
    }

    /**
     * The applications made here that the platform does not hold yet (waiting in the outbox, or
     * refused by it and set aside for staff) of the applicant with this ID number, newest first: what
     * a progress search must show besides the platform's answer. Reads the store: off the JavaFX thread.
     */
    public List<Application> notWithPlatformOf(String idNumber) {
        return applications.notWithPlatformOf(idNumber);
    }

    /**
     * The applications made here that a receipt's query code names: the kiosk's own reference
     * ({@code KS-XXXX-XXXX-XXXX}, printed while the platform's number had not come) or the platform's
     * number. Reads the store: off the JavaFX thread.
     */
    public List<Application> ofQueryCode(String queryCode) {
        String code = queryCode.strip().toUpperCase(Locale.ROOT);
        if (code.startsWith(AcceptanceReceipt.REFERENCE_PREFIX)) {
            String hex =
                    code.substring(AcceptanceReceipt.REFERENCE_PREFIX.length()).replace("-", "");
            return applications.withIdStarting(hex).stream()
                    .filter(a -> AcceptanceReceipt.reference(a.id()).equals(code))
                    .toList();
        }
        return applications.numbered(code);
    }

    /**
     * Where an application stands, for the citizen: saved here (always, once submitted), taken by the
     * platform with its number, or refused by it (why, for the log and staff).
     */
    public record Standing(String id, boolean received, Optional<String> applicationNo, Optional<String> refused) {}

    /**
     * Submits the application and waits a little (at most {@code max}) for the platform's number: on
     * the spot when the platform is there; when it is not, the application is saved and goes later.
     * Blocks: off the JavaFX thread.
     */
    public Standing submitAndWait(String itemId, Applications.Applicant applicant, JsonNode form, Duration max)
            throws InterruptedException {
        Application queued = submit(itemId, applicant, form, List.of());
        Application a = awaitReceipt(queued.id(), max);
        return new Standing(
                a.id(),
                a.state() == State.RECEIVED,
                a.applicationNo(),
                a.state() == State.REJECTED ? a.problem().or(() -> Optional.of("refused")) : Optional.empty());
    }

    /** The application once the platform has answered, or as it stands after {@code max}. */
    public Application awaitReceipt(String id, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            Application a =
                    applications.find(id).orElseThrow(() -> new IllegalArgumentException("no application " + id));
            if (a.state() != State.QUEUED || System.nanoTime() >= deadline) {
                return a;
            }
            Thread.sleep(100);
        }
    }
}
