package cn.egov.kiosk.form;

import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.platform.api.CreditCodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The citizen's business licence (营业执照) as the platform holds it: what a form takes from it
 * ({@code LICENCE_CREDIT_CODE}, {@code LICENCE_BUSINESS_NAME}).
 */
public record HeldLicence(String creditCode, String businessName) {
    public HeldLicence {
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(businessName, "businessName");
    }

    /**
     * The business licence among the citizen's licences, as the licence-print flow finds them
     * ({@link LicenceSource#licencesOf}): the first whose data has a valid unified social credit
     * code (other licences put their own numbers there, which are not).
     */
    public static Optional<HeldLicence> businessLicence(List<LicenceSource.Licence> licences) {
        for (LicenceSource.Licence l : licences) {
            JsonNode data = l.data();
            String code = data.path("creditCode").asText("");
            if (CreditCodes.valid(code)) {
                return Optional.of(
                        new HeldLicence(code, data.path("businessName").asText("")));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "HeldLicence[" + creditCode.substring(0, Math.min(8, creditCode.length())) + "…]";
    }
}
