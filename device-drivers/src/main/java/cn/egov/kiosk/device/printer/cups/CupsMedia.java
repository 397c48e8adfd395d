package cn.egov.kiosk.device.printer.cups;

import cn.egov.kiosk.device.printer.DocumentJob;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper sizes as IPP names them: the PWG self-describing keyword a job is submitted with
 * ({@code iso_a4_210x297mm}), whether a queue's {@code media-supported} offers a size, and whether
 * the media CUPS reports for a job is the size asked for.
 */
final class CupsMedia {
    private CupsMedia() {}

    private static final Pattern PWG_SIZE = Pattern.compile(".*_([0-9.]+)x([0-9.]+)(mm|in)");

    /**
     * Whether a queue's {@code media-supported} offers a size: a name of its dimensions within a
     * millimetre (a PPD's A5 is {@code custom_148.52x209.9mm...}), or a custom range that holds it.
     * A server that lists nothing is not second-guessed: CUPS's own answer is checked after.
     */
    static boolean offers(List<String> offered, DocumentJob.Media media) {
        if (offered.isEmpty()) {
            return true;
        }
        double[] wanted = dimensions(mediaKeyword(media)).orElseThrow();
        double[] min = null;
        double[] max = null;
        for (String m : offered) {
            Optional<double[]> d = dimensions(m);
            if (d.isEmpty()) {
                continue;
            }
            if (m.startsWith("custom_min_")) {
                min = d.get();
            } else if (m.startsWith("custom_max_")) {
                max = d.get();
            } else if (Math.abs(d.get()[0] - wanted[0]) <= 1 && Math.abs(d.get()[1] - wanted[1]) <= 1) {
                return true;
            }
        }
        return min != null
                && max != null
                && wanted[0] >= min[0]
                && wanted[1] >= min[1]
                && wanted[0] <= max[0]
                && wanted[1] <= max[1];
    }

    /** Width and height in millimetres of a PWG self-describing media name. */
    static Optional<double[]> dimensions(String keyword) {
        Matcher m = PWG_SIZE.matcher(keyword);
        if (!m.matches()) {
            return Optional.empty();
        }
        double unit = m.group(3).equals("in") ? 25.4 : 1;
        try {
            return Optional.of(
                    new double[] {Double.parseDouble(m.group(1)) * unit, Double.parseDouble(m.group(2)) * unit});
        } catch (NumberFormatException e) {
            return Optional.empty(); // "1.2.3x4mm": not a size
        }
    }

    /** The PWG self-describing name of a size, as IPP's {@code media} takes it. */
    static String mediaKeyword(DocumentJob.Media media) {
        return switch (media) {
            case A4 -> "iso_a4_210x297mm";
            case A5 -> "iso_a5_148x210mm";
            case A3 -> "iso_a3_297x420mm";
        };
    }

    /**
     * Whether CUPS's {@code media} keyword for a job is the size asked for: the PPD name ({@code A4})
     * or the PWG self-describing name ({@code iso_a4_210x297mm}).
     */
    static boolean mediaMatches(DocumentJob.Media media, String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        String m = media.name().toLowerCase(Locale.ROOT);
        return k.equals(m) || k.startsWith("iso_" + m + "_") || k.equals("iso_" + m) || k.equals("iso-" + m);
    }
}
