package cn.egov.kiosk.config;

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
