package cn.egov.kiosk.payment;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment's {@link PaymentOrder#dueId()} names, told by its prefix: a social insurance due
 * ({@code insurance:} and the platform's due id, from {@code POST /v1/insurance-dues/search}) or the
 * fee of an application ({@code fee:} and the application's number or the kiosk's reference of
 * it). The platform's order names the one ({@code dueId}) or the other ({@code itemId}, {@code
 * applicationNo}); the deliveries are registered by {@link Kind}. A due id without a known prefix
 * is an item's fee with no application, and no delivery is registered for it.
 */
public final class DueRef {
    private DueRef() {}

    /** What was paid for. */
    public enum Kind {
        /** A year's contribution to a residents' insurance scheme (社保缴费): the platform books it. */
        INSURANCE_DUE("insurance:"),
        /** The fee of a catalogue item for an application (工本费, 签注费...). */
        APPLICATION_FEE("fee:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** The order's due id for {@code id}. */
        public String dueId(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a " + name().toLowerCase(Locale.ROOT) + " names its id");
            }
            return prefix + id;
        }
    }

    /** The due id of the platform's social insurance due {@code platformDueId}. */
    public static String insuranceDue(String platformDueId) {
        return Kind.INSURANCE_DUE.dueId(platformDueId);
    }

    /** The due id of the fee of the application {@code applicationRef} (its number, or the kiosk's reference). */
    public static String applicationFee(String applicationRef) {
        return Kind.APPLICATION_FEE.dueId(applicationRef);
    }

    /** What {@code dueId} names; empty for a due id of no known kind. */
    public static Optional<Kind> kindOf(String dueId) {
        if (dueId != null) {
            for (Kind k : Kind.values()) {
                if (dueId.startsWith(k.prefix) && dueId.length() > k.prefix.length()) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }

    /** The id after the prefix (the platform's due id, the application's reference); the whole id for no known kind. */
    public static String idOf(String dueId) {
        return kindOf(dueId).map(k -> dueId.substring(k.prefix.length())).orElse(dueId);
    }
}
