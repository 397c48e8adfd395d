package cn.egov.kiosk.progress;

import cn.egov.kiosk.platform.api.Applications;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One application as the citizen is shown it: from the platform with its steps, what happens next
 * and how the result comes; or one this kiosk holds and the platform does not (or cannot be asked
 * about now), with what the kiosk knows of it.
 *
 * @param reference the platform's number, or the kiosk's reference of one it has not numbered
 * @param status the platform's status (empty for what only the kiosk knows)
 * @param deadline the promised date: the platform's, or the one the receipt printed
 * @param nextStep what happens next, in the platform's words
 * @param result how the result reaches the citizen, once the platform says
 */
public record Tracked(
        Origin origin,
        String reference,
        String itemName,
        Optional<Applications.Status> status,
        Optional<Instant> submittedAt,
        Optional<LocalDate> deadline,
        List<Applications.Step> steps,
        Optional<String> nextStep,
        Optional<Applications.Result> result) {

    /** Where what is shown comes from. */
    public enum Origin {
        /** The platform's answer now. */
        PLATFORM,
        /** Saved at this kiosk, not sent yet: it goes when the platform answers. */
        SAVED_HERE,
        /** Sent from this kiosk and numbered; the platform cannot be asked about it now. */
        SENT_FROM_HERE,
        /** Sent from this kiosk and refused by the platform: staff must see to it. */
        NOT_TAKEN
    }

    public Tracked {
        steps = List.copyOf(steps);
    }

    /** An application as the platform has it. */
    static Tracked of(Applications.Progress p) {
        return new Tracked(
                Origin.PLATFORM,
                p.applicationNo(),
                p.itemName() == null ? p.itemId() : p.itemName(),
                Optional.ofNullable(p.status()),
                Optional.ofNullable(p.submittedAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(p.deadline()),
                p.steps() == null ? List.of() : p.steps(),
                Optional.ofNullable(p.nextStep()).filter(s -> !s.isBlank()),
                Optional.ofNullable(p.result()));
    }

    /** An application this kiosk holds, as it knows it. */
    static Tracked of(HeldApplications.Held h) {
        return new Tracked(
                switch (h.standing()) {
                    case SAVED -> Origin.SAVED_HERE;
                    case SENT -> Origin.SENT_FROM_HERE;
                    case REFUSED -> Origin.NOT_TAKEN;
                },
                h.applicationNo().orElse(h.reference()),
                h.itemName(),
                Optional.empty(),
                Optional.of(h.submittedAt()),
                h.promisedBy(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }
}
