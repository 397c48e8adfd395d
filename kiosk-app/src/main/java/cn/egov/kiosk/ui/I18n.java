package cn.egov.kiosk.ui;

import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The citizen's language and the texts in it. zh-CN first, English second; switching the language
 * updates every bound text at once. Bundles are {@code cn/egov/kiosk/ui/messages*.properties}
 * (UTF-8): the base file is Chinese.
 */
public final class I18n {
    public static final String BUNDLE = "cn.egov.kiosk.ui.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private List<Locale> supported;
    private final ReadOnlyObjectWrapper<Locale> locale;
    private final Map<Locale, ResourceBundle> bundles = new ConcurrentHashMap<>();

    /** @param supported the languages offered, the default first */
    public I18n(List<Locale> supported) {
        if (supported.isEmpty()) {
            throw new IllegalArgumentException("at least one language");
        }
        this.supported = List.copyOf(supported);
        this.locale = new ReadOnlyObjectWrapper<>(supported.get(0));
    }

    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    public Locale locale() {
        return locale.get();
    }

    public Locale defaultLocale() {
        return supported.get(0);
    }

    public List<Locale> supported() {
        return supported;
    }

    /**
     * The languages offered from now on, the default first (staff changed them); on the JavaFX
     * thread. The language on screen stays if it is still offered, else it becomes the default.
     */
    public void offer(List<Locale> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language");
        }
        supported = List.copyOf(languages);
        if (!supported.contains(locale.get())) {
            locale.set(supported.get(0));
        }
    }

    public void setLocale(Locale next) {
        if (!supported.contains(next)) {
            throw new IllegalArgumentException(next + " is not offered");
        }
        locale.set(next);
    }

    /** The next language offered after the current one. */
    public void cycleLocale() {
        int i = supported.indexOf(locale.get());
        locale.set(supported.get((i + 1) % supported.size()));
    }

    /** The text of a key in the current language, with its arguments filled in. */
    public String text(Msg key, Object... args) {
        ResourceBundle bundle = bundles.computeIfAbsent(locale.get(), I18n::load);
        return new MessageFormat(bundle.getString(key.key()), locale.get()).format(args);
    }

    /**
     * A day in plain words in the current language, with its weekday: 2026年12月8日 星期二 /
     * Tue 8 Dec 2026.
     */
    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(text(Msg.DATE_PATTERN), locale.get()).format(day);
    }

    /**
     * The text of a key with its arguments, dates and times in {@code zone} (the hall's time zone)
     * rather than the JVM's default zone.
     */
    public String textInZone(Msg key, ZoneId zone, Object... args) {
        ResourceBundle bundle = bundles.computeIfAbsent(locale.get(), I18n::load);
        MessageFormat format = new MessageFormat(bundle.getString(key.key()), locale.get());
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        for (Format f : format.getFormats()) {
            if (f instanceof DateFormat d) {
                d.setTimeZone(timeZone);
            }
        }
        return format.format(args);
    }

    /**
     * Loads every offered language's texts and the locale data their dates need, off the UI thread,
     * so that the first screen does not wait for them. Leaves the language as it was.
     */
    public void warmUp(ZoneId zone) {
        Locale current = locale.get();
        for (Locale l : supported) {
            locale.set(l);
            textInZone(Msg.FRAME_DATE, zone, new Date());
            text(Msg.TICKET_WAITING, 2);
        }
        locale.set(current);
    }

    /** A binding that follows the language. */
    public StringBinding bind(Msg key, Object... args) {
        return Bindings.createStringBinding(() -> text(key, args), locale);
    }
}
