package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A business type of the hall's queue (排队业务类型): queue numbers are its letter and a number, {@code A012}.
 *
 * @param code one capital letter A-Z, unique in the queue
 * @param name the name on the button and the ticket
 * @param description an optional line under the name; {@link LocalizedText#empty()} for none
 */
public record BusinessType(String code, LocalizedText name, LocalizedText description) {
    public static final Pattern CODE = Pattern.compile("[A-Z]");

    public static final Key<String> CODE_KEY = Key.required("code", Types.text(CODE, "one capital letter A-Z"))
            .doc(
                    "一个大写字母 A–Z，各业务类型不同；排队号形如 A012",
                    "One capital letter A-Z, different for every business type; queue numbers are A012")
            .example("A");

    public static final Key<LocalizedText> NAME = Key.required("name", LocalizedText.SCHEMA)
            .doc("按钮和排队票上的名称", "The text of the button and the ticket")
            .example("{zh-CN: 综合受理, en: General services}");

    public static final Key<LocalizedText> DESCRIPTION = Key.optional(
                    "description", LocalizedText.SCHEMA, LocalizedText.empty())
            .doc("名称下方可选的一行说明", "An optional line under the name");

    /** One business type of {@code queue.businessTypes}. */
    public static final ObjectSchema<BusinessType> SCHEMA = ObjectSchema.of(
            "a business type",
            List.of(CODE_KEY, NAME, DESCRIPTION),
            v -> new BusinessType(v.get(CODE_KEY), v.get(NAME), v.get(DESCRIPTION)));

    public BusinessType {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a business type's code must be one capital letter A-Z: " + code);
        }
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("business type " + code + " has no name");
        }
        description = description == null ? LocalizedText.empty() : description;
    }
}
