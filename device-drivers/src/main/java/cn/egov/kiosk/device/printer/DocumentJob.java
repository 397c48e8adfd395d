package cn.egov.kiosk.device.printer;

import java.util.Objects;

/** A PDF document for the licence printer, with the media it must be printed on. */
public record DocumentJob(String name, byte[] pdf, Media media, int copies) {

    /** Paper sizes a licence printer is asked for; set explicitly (A4 is not Letter). */
    public enum Media {
        A4,
        A5,
        A3
    }

    public DocumentJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(media, "media");
        if (copies < 1 || copies > 99) {
            throw new IllegalArgumentException("1..99 copies, not " + copies);
        }
    }

    @Override
    public String toString() {
        return "DocumentJob[" + name + ", " + pdf.length + " bytes, " + media + " x" + copies + "]";
    }
}
