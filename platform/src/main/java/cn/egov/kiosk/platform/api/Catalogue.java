package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

/** The service catalogue (事项目录), synchronised incrementally by version. */
public final class Catalogue {
    private Catalogue() {}

    public enum Audience {
        PERSONAL,
        ENTERPRISE,
        BOTH
    }

    /** How often the citizen must come: 零跑腿, 只跑一次, more. */
    public enum Trips {
        ZERO,
        ONCE,
        MULTIPLE
    }

    /**
     * One material (申请材料).
     *
     * @param electronic whether the platform already holds it as an electronic licence (电子证照), so
     *     that the citizen need not bring it (免提交); false in a catalogue that does not say
     */
    public record Material(String name, boolean required, int copies, String note, boolean electronic) {}

    /** What a form field holds, and so how it is checked ({@link FormCheck}) and typed. */
    public enum FieldType {
        /** Free text. */
        TEXT,
        /** A person's name: Chinese characters, letters, the middle dot, spaces. */
        NAME,
        /** A citizen ID number (GB 11643: 18 characters, a birth date, a check character). */
        ID_NUMBER,
        /** A mainland mobile number or a landline with its area code. */
        PHONE,
        /** A day, {@code yyyy-MM-dd}. */
        DATE,
        ADDRESS,
        /** A unified social credit code (GB 32100). */
        CREDIT_CODE,
        /** A number, at most two decimals. */
        NUMBER,
        /** One of the field's {@code choices}. */
        CHOICE;

        /** A type this kiosk does not know yet (a newer platform's) is read as {@link #TEXT}. */
        @JsonCreator
        public static FieldType of(String name) {
            return named(values(), name, TEXT);
        }
    }

    /** Where a field's first value comes from: the citizen's card, or a licence the platform holds. */
    public enum Prefill {
        NONE,
        CARD_NAME,
        CARD_ID_NUMBER,
        /** The sex on the card, as the GB/T 2261.1 code: {@code 1} male, {@code 2} female. */
        CARD_SEX,
        CARD_BIRTH_DATE,
        CARD_ADDRESS,
        /** The credit code of the citizen's business licence (营业执照) the platform holds. */
        LICENCE_CREDIT_CODE,
        /** The name of the business on that licence. */
        LICENCE_BUSINESS_NAME;

        /** A source this kiosk does not know yet is read as {@link #NONE}. */
        @JsonCreator
        public static Prefill of(String name) {
            return named(values(), name, NONE);
        }

        /** Whether the value comes from the citizen's card. */
        public boolean fromCard() {
            return name().startsWith("CARD_");
        }
    }

    /** One answer of a {@link FieldType#CHOICE} field: the value sent, and what the citizen reads. */
    public record Choice(String value, String label, String labelEn) {
        /** The label in {@code locale}'s language (English for any but Chinese), Chinese when there is no other. */
        public String label(Locale locale) {
            return english(locale) && labelEn != null && !labelEn.isBlank() ? labelEn : label;
        }
    }

    /**
     * One field of a kiosk form.
     *
     * @param id the key of its value in the submitted form
     * @param maxLength at most this many characters; 0: no limit but the type's
     * @param choices the answers of a {@link FieldType#CHOICE} field, none otherwise
     * @param hint what to enter, an example ("" when none)
     */
    public record Field(
            String id,
            String label,
            String labelEn,
            FieldType type,
            boolean required,
            Prefill prefill,
            int maxLength,
            List<Choice> choices,
            String hint,
            String hintEn) {
        public Field {
            type = type == null ? FieldType.TEXT : type;
            prefill = prefill == null ? Prefill.NONE : prefill;
            choices = choices == null ? List.of() : List.copyOf(choices);
            hint = hint == null ? "" : hint;
            hintEn = hintEn == null ? "" : hintEn;
        }

        public String label(Locale locale) {
            return english(locale) && labelEn != null && !labelEn.isBlank() ? labelEn : label;
        }

        public String hint(Locale locale) {
            return english(locale) && !hintEn.isBlank() ? hintEn : hint;
        }
    }

    /** An item's kiosk form (自助申报表单): the fields, in the order the citizen fills them in. */
    public record Form(List<Field> fields) {
        public Form {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    private static <E extends Enum<E>> E named(E[] values, String name, E otherwise) {
        for (E e : values) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return otherwise;
    }

    private static boolean english(Locale locale) {
        return !"zh".equals(locale.getLanguage());
    }

    /**
     * One service item (事项).
     *
     * @param version the catalogue version in which the item last changed
     * @param businessType the hall's queue business type for it
     * @param form what the citizen fills in at a kiosk; null when the item has no kiosk form
     * @param portalUrl the item's page in the province's online service portal (shown as a QR code)
     */
    public record Item(
            String id,
            long version,
            String departmentId,
            String departmentName,
            String name,
            String category,
            Audience audience,
            List<String> lifeEvents,
            Trips trips,
            List<Material> materials,
            int feeFen,
            String feeNote,
            int legalLimitDays,
            int promisedLimitDays,
            boolean kioskCapable,
            boolean appointable,
            String businessType,
            Form form,
            String portalUrl) {
        public Item {
            lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        /** The same item as changed in catalogue version {@code changedIn}. */
        public Item withVersion(long changedIn) {
            return new Item(
                    id,
                    changedIn,
                    departmentId,
                    departmentName,
                    name,
                    category,
                    audience,
                    lifeEvents,
                    trips,
                    materials,
                    feeFen,
                    feeNote,
                    legalLimitDays,
                    promisedLimitDays,
                    kioskCapable,
                    appointable,
                    businessType,
                    form,
                    portalUrl);
        }
    }

    /**
     * {@code GET /v1/catalogue?since=V}: the items changed since {@code V} and the ids deleted, paged
     * by {@code nextCursor} (null on the last page); {@code version} is the catalogue's now.
     */
    public record Page(long version, List<Item> items, List<String> deleted, String nextCursor) {}
}
