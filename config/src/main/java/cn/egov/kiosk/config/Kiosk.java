package cn.egov.kiosk.config;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code kiosk} section: which kiosk this is and where it stands.
 *
 * @param id the kiosk's id in the hall and on the platform, {@link #ID}
 * @param hallName the name of the hall, shown on screen and printed on tickets
 * @param hotline the service hotline shown on the help screen; "" for none
 * @param timeZone the time zone of tickets, receipts and opening hours
 * @param locales the languages offered, the first the default
 * @param staffPin the PIN that opens the staff menu, {@link #STAFF_PIN}; {@link #toString()} hides it
 */
public record Kiosk(
    String id, LocalizedText hallName, String hotline, ZoneId timeZone, List<Locale> locales, String staffPin, boolean demo) {

  /** 1 to 16 letters, digits and hyphens. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,16}");

  /** 4 to 12 digits. */
  public static final Pattern STAFF_PIN = Pattern.compile("[0-9]{4,12}");

  /** Up to 20 digits, spaces, hyphens, plus signs and parentheses, for example {@code 0571-12345}. */
  public static final Pattern HOTLINE = Pattern.compile("[0-9+()\\- ]{0,20}");

  /** The languages the kiosk supports, as language tags. */
  public static final List<String> SUPPORTED_LANGUAGE_TAGS = List.of("zh-CN", "en");

  /** The languages offered when the file does not say: Chinese first, then English. */
  public static final List<Locale> DEFAULT_LOCALES = List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en"));

  public Kiosk {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("kiosk.id must be 1 to 16 letters, digits and hyphens: " + id);
    }
    Objects.requireNonNull(hallName, "hallName");
    if (hallName.isEmpty()) {
      throw new IllegalArgumentException("kiosk.hallName is empty");
    }
    hotline = hotline == null ? "" : hotline;
    if (!HOTLINE.matcher(hotline).matches()) {
      throw new IllegalArgumentException("kiosk.hotline must be up to 20 digits, spaces and + - ( ): " + hotline);
    }
    Objects.requireNonNull(timeZone, "timeZone");
    locales = locales == null ? DEFAULT_LOCALES : List.copyOf(locales);
    if (locales.isEmpty()) {
      throw new IllegalArgumentException("kiosk.locales is empty");
    }
    if (new HashSet<>(locales).size() != locales.size()) {
      throw new IllegalArgumentException("kiosk.locales has a language twice: " + locales);
    }
    for (Locale l : locales) {
      if (!SUPPORTED_LANGUAGE_TAGS.contains(l.toLanguageTag())) {
        throw new IllegalArgumentException("kiosk.locales: " + l.toLanguageTag() + " is not one of " + SUPPORTED_LANGUAGE_TAGS);
      }
    }
    Objects.requireNonNull(staffPin, "staffPin");
    if (!STAFF_PIN.matcher(staffPin).matches()) {
      throw new IllegalArgumentException("kiosk.staffPin must be 4 to 12 digits");
    }
  }

  /** The language the kiosk starts in and returns to after every session. */
  public Locale defaultLocale() {
    return locales.get(0);
  }

  /** Whether {@code entered} is the staff PIN, compared in constant time. */
  public boolean staffPinMatches(CharSequence entered) {
    if (entered == null) {
      return false;
    }
    // constant time, and without copying the entry into a String that would outlive the check
    int difference = staffPin.length() ^ entered.length();
    for (int i = 0; i < staffPin.length(); i++) {
      difference |= staffPin.charAt(i) ^ (i < entered.length() ? entered.charAt(i) : 0);
    }
    return difference == 0;
  }

  /** Like the record's own, but with the staff PIN hidden. */
  @Override
  public String toString() {
    return "Kiosk[id=" + id + ", hallName=" + hallName + ", hotline=" + hotline + ", timeZone=" + timeZone
        + ", locales=" + locales + ", staffPin=****]";
  }
}
