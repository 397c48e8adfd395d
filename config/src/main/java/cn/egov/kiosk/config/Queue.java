package cn.egov.kiosk.config;

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

  public Queue {
    businessTypes = List.copyOf(businessTypes);
    if (businessTypes.isEmpty() || businessTypes.size() > MAX_BUSINESS_TYPES) {
      throw new IllegalArgumentException("queue.businessTypes must have 1 to 26 entries, not " + businessTypes.size());
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
