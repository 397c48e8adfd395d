package cn.egov.kiosk.form;

import cn.egov.kiosk.device.idcard.Sex;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.FieldProblem;
import cn.egov.kiosk.platform.api.FormCheck;
import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One citizen's form for one catalogue item, as they fill it in: the item's fields, each value as
 * it was prefilled or typed (checking never changes it), where it came from, and what is wrong with
 * it in the platform's own terms ({@link FormCheck}, {@link FieldProblem}). Made from the item, the
 * citizen's {@link Identity} and their business licence when the platform holds one.
 *
 * <p>What the card says (name, number, sex, birth date) is filled in and locked: it is read from
 * the chip and is the applicant's; the card's address is filled in and may be changed (people move).
 * Personal data: {@link #wipe()} drops the values; {@code toString()} shows none.
 */
public final class FormState {
    /** Where a field's value came from. */
    public enum Source {
        TYPED,
        CARD,
        LICENCE
    }

    /**
     * A form that passes every check: the item, the values as they are sent (trimmed, upper-case X,
     * days {@code yyyy-MM-dd}; optional empty fields left out), and the applicant.
     */
    public record Completed(String itemId, ObjectNode form, Applications.Applicant applicant) {
        @Override
        public String toString() {
            return "Completed[" + itemId + ", personal data]";
        }
    }

    private final Catalogue.Item item;
    private final Identity identity;
    private final Map<String, Catalogue.Field> fields = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, String> prefilled = new LinkedHashMap<>();

    /**
     * @param licence the citizen's business licence, when the platform holds one ({@link
     *     HeldLicence#businessLicence})
     * @throws IllegalArgumentException when the item has no kiosk form
     */
    public FormState(Catalogue.Item item, Identity identity, Optional<HeldLicence> licence) {
        if (item.form() == null) {
            throw new IllegalArgumentException("item " + item.id() + " has no kiosk form");
        }
        this.item = item;
        this.identity = identity;
        for (Catalogue.Field f : item.form().fields()) {
            fields.put(f.id(), f);
            Optional<String> first = prefill(f, identity, licence);
            values.put(f.id(), first.orElse(""));
            sources.put(f.id(), first.isEmpty() ? Source.TYPED : f.prefill().fromCard() ? Source.CARD : Source.LICENCE);
            first.ifPresent(v -> prefilled.put(f.id(), v));
        }
    }

    private static Optional<String> prefill(Catalogue.Field f, Identity who, Optional<HeldLicence> licence) {
        Optional<String> v = switch (f.prefill()) {
            case NONE -> Optional.empty();
            case CARD_NAME -> Optional.of(who.name());
            case CARD_ID_NUMBER -> Optional.of(who.number());
            case CARD_SEX -> who.sex().flatMap(FormState::sexCode);
            case CARD_BIRTH_DATE -> who.birthDate().map(Object::toString);
            case CARD_ADDRESS -> who.address();
            case LICENCE_CREDIT_CODE -> licence.map(HeldLicence::creditCode);
            case LICENCE_BUSINESS_NAME -> licence.map(HeldLicence::businessName);
        };
        return v.filter(s -> !s.isBlank());
    }

    /** GB/T 2261.1, as the forms' sex choices are coded. */
    private static Optional<String> sexCode(Sex sex) {
        return switch (sex) {
            case MALE, FEMALE -> Optional.of(sex.code());
            case UNKNOWN, UNSPECIFIED -> Optional.empty();
        };
    }

    public Catalogue.Item item() {
        return item;
    }

    /** The fields in the order the citizen fills them in. */
    public List<Catalogue.Field> fields() {
        return List.copyOf(fields.values());
    }

    public Catalogue.Field field(String id) {
        Catalogue.Field f = fields.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no field " + id + " in the form of " + item.id());
        }
        return f;
    }

    /** The value as prefilled or typed, exactly. */
    public String value(String id) {
        field(id);
        return values.get(id);
    }

    /** The citizen typed (or chose) {@code text}; kept as it is. */
    public void set(String id, String text) {
        if (locked(id)) {
            throw new IllegalStateException("field " + id + " holds what the card says");
        }
        String v = text == null ? "" : text;
        values.put(id, v);
        String first = prefilled.get(id);
        sources.put(id, first != null && first.equals(v) ? sourceOf(field(id)) : Source.TYPED);
    }

    private static Source sourceOf(Catalogue.Field f) {
        return f.prefill().fromCard() ? Source.CARD : Source.LICENCE;
    }

    /** Where the value now in the field came from; TYPED once the citizen changed it. */
    public Source source(String id) {
        field(id);
        return sources.get(id);
    }

    /** Whether the value in the field is the one read from the card (shown as such). */
    public boolean fromCard(String id) {
        return source(id) == Source.CARD;
    }

    /** Whether the field holds what the card says about the citizen, which is not typed again. */
    public boolean locked(String id) {
        return switch (field(id).prefill()) {
            case CARD_NAME, CARD_ID_NUMBER, CARD_SEX, CARD_BIRTH_DATE -> prefilled.containsKey(id);
            default -> false;
        };
    }

    /** What is wrong with the field's value now; empty when nothing is. */
    public Optional<FieldProblem> problem(String id) {
        Catalogue.Field f = field(id);
        String v = values.get(id);
        if (f.prefill() == Catalogue.Prefill.CARD_ID_NUMBER && v.strip().equalsIgnoreCase(identity.number())) {
            return Optional.empty(); // the card's own number (a foreign resident card's has another shape)
        }
        return FormCheck.check(f, v);
    }

    /** Every field's problem, in the form's order. */
    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> out = new LinkedHashMap<>();
        for (String id : fields.keySet()) {
            problem(id).ifPresent(p -> out.put(id, p));
        }
        return out;
    }

    /** The form to submit, when every field passes. */
    public Optional<Completed> complete() {
        if (!problems().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode form = Json.mapper().createObjectNode();
        for (Catalogue.Field f : fields.values()) {
            String v = FormCheck.normalise(f, values.get(f.id()));
            if (!v.isEmpty()) {
                form.put(f.id(), v);
            }
        }
        String phone = form.path("phone").asText("");
        String address = form.has("address")
                ? form.get("address").asText()
                : identity.address().orElse("");
        return Optional.of(new Completed(
                item.id(),
                form,
                new Applications.Applicant(
                        idType(identity.document()), identity.number(), identity.name(), phone, address)));
    }

    static Applications.IdType idType(Identity.Document document) {
        return switch (document) {
            case RESIDENT_ID_CARD, SOCIAL_SECURITY_CARD -> Applications.IdType.RESIDENT;
            case FOREIGN_PERMANENT_RESIDENT_CARD -> Applications.IdType.FOREIGN;
            case RESIDENCE_PERMIT -> Applications.IdType.PERMIT;
        };
    }

    /** Drops every value (the session ends). */
    public void wipe() {
        values.replaceAll((id, v) -> "");
        prefilled.clear();
        sources.replaceAll((id, s) -> Source.TYPED);
    }

    @Override
    public String toString() {
        return "FormState[" + item.id() + ", " + fields.size() + " fields, personal data]";
    }
}
