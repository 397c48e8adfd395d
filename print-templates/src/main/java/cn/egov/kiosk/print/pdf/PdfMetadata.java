package cn.egov.kiosk.print.pdf;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What an archival PDF says about itself, written both into the XMP metadata (Dublin Core, XMP
 * basic, PDF/A identification) and into the document information dictionary, consistently, as
 * PDF/A requires. Keep personal data out of it: a title names the kind of document ("营业执照"), not
 * the citizen.
 *
 * @param title the document's title (dc:title, /Title)
 * @param author who issues it, the office (dc:creator, /Author)
 * @param subject a description, or null (dc:description, /Subject)
 * @param language the natural language of the text as a BCP 47 tag ("zh-CN"), the catalog's /Lang
 * @param created when it was made; written to the second, with its offset (xmp:CreateDate and
 *     xmp:ModifyDate, /CreationDate and /ModDate)
 */
public record PdfMetadata(String title, String author, String subject, String language, ZonedDateTime created) {
    /** The xmp:CreatorTool and /Creator of every document. */
    public static final String CREATOR_TOOL = "E-service hall kiosk (cn.egov.kiosk print-templates)";

    public PdfMetadata {
        requireText(title, "title");
        requireText(author, "author");
        requireText(language, "language");
        Objects.requireNonNull(created, "created");
        created = created.truncatedTo(ChronoUnit.SECONDS);
        if (subject != null && subject.isBlank()) {
            subject = null;
        }
    }

    /** A Chinese (zh-CN) document made now, in the machine's time zone, with no subject. */
    public static PdfMetadata of(String title, String author) {
        return new PdfMetadata(title, author, null, "zh-CN", ZonedDateTime.now(ZoneId.systemDefault()));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
