package cn.egov.kiosk.enterprise;

import cn.egov.kiosk.platform.api.Enterprise;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a market entity's public registration data comes from: the platform's register. Public
 * data, not the citizen's; still, whoever implements it logs no more of it than how a lookup ended.
 * Blocks on the network: call it off the JavaFX thread.
 */
public interface EnterpriseRegister {
    /** The most entities a search by name gives (the contract's page). */
    int MOST_MATCHES = 20;

    /**
     * The entity with this unified social credit code (18 characters, already checked); empty when
     * the register has none.
     *
     * @throws UnavailableException when the register cannot be asked now, or refused to answer
     */
    Optional<Enterprise> byCode(String creditCode);

    /**
     * The entities whose names contain {@code name} (at least two characters), best first, at most
     * {@link #MOST_MATCHES}, with how many the register found in all.
     *
     * @throws UnavailableException when the register cannot be asked now, or refused to answer
     */
    Matches byName(String name);

    /** What a search by name found: the first ones, and how many in all. */
    record Matches(List<Enterprise> enterprises, int total) {
        public Matches {
            enterprises = List.copyOf(enterprises);
            total = Math.max(total, enterprises.size());
        }

        /** Whether the register found more than it gave: the citizen should type more of the name. */
        public boolean more() {
            return total > enterprises.size();
        }
    }

    /** Why the register gave no answer. */
    enum Reason {
        /** The platform does not answer (no connection, a timeout, a 5xx, too busy): try later. */
        AWAY,
        /** The platform does not know this kiosk: staff must register it again. */
        NOT_REGISTERED,
        /** The platform answered but refused the question (a 4xx the kiosk did not expect). */
        REFUSED
    }

    /** The register gave no answer; the reason says whether later may do. */
    final class UnavailableException extends RuntimeException {
        private final Reason reason;

        public UnavailableException(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        public Reason reason() {
            return reason;
        }
    }
}
