package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ListSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code queue} section: taking queue numbers (排队叫号).
 *
 * @param printMaskedId whether the ticket shows the citizen's masked ID number (e.g. {@code 1101**********123X})
 * @param businessTypes 1 to 26 business types, in the order of the buttons, codes unique
 */
public record Queue(boolean printMaskedId, List<BusinessType> businessTypes) {
    public static final int MAX_BUSINESS_TYPES = 26;

    public static final Key<Boolean> PRINT_MASKED_ID = Key.optional("printMaskedId", Types.bool(), false)
            .doc(
                    "true：市民用身份证登录后，排队票上打印其脱敏身份证号（1101**********123X）；取号流程于是先要身份证（没有可用的身份证读卡器时停用）",
                    "true prints the citizen's masked ID number (1101**********123X) on the ticket; the ticket flow then asks for the ID card first"
                            + " (and is out of service without a working ID card reader)");

    public static final Key<List<BusinessType>> BUSINESS_TYPES = Key.required(
                    "businessTypes",
                    ListSchema.of(
                                    BusinessType.SCHEMA,
                                    "a list of 1 to " + MAX_BUSINESS_TYPES
                                            + " business types, each with a code and a name",
                                    1,
                                    MAX_BUSINESS_TYPES,
                                    "business types")
                            .unique(
                                    "code",
                                    code -> BusinessType.CODE.matcher(code).matches(),
                                    (code, line) -> "a letter no other business type has (" + code
                                            + " is already used at line " + line + ")"))
            .doc("业务类型，按按钮顺序排列", "The business types, in the order of the buttons");

    /** The {@code queue} section. */
    public static final ObjectSchema<Queue> SCHEMA = ObjectSchema.of(
            "a mapping",
            List.of(PRINT_MASKED_ID, BUSINESS_TYPES),
            v -> new Queue(v.get(PRINT_MASKED_ID), v.get(BUSINESS_TYPES)));

    public Queue {
        businessTypes = List.copyOf(businessTypes);
        if (businessTypes.isEmpty() || businessTypes.size() > MAX_BUSINESS_TYPES) {
            throw new IllegalArgumentException(
                    "queue.businessTypes must have 1 to 26 entries, not " + businessTypes.size());
        }
        Set<String> codes = new HashSet<>();
        for (BusinessType t : businessTypes) {
            if (!codes.add(t.code())) {
                throw new IllegalArgumentException("queue.businessTypes: code " + t.code() + " is used twice");
            }
        }
    }

    /** The business type with this code. */
    public Optional<BusinessType> businessType(String code) {
        return businessTypes.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
