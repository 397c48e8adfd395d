package cn.egov.kiosk.print.pdf;

import cn.egov.kiosk.common.text.Align;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An archival (PDF/A-2b) PDF document being built: XMP metadata consistent with the information
 * dictionary, an sRGB output intent (the JDK's sRGB ICC profile), the document language, the CJK
 * font embedded as a subset, and pages to draw on.
 *
 * <pre>{@code
 * try (ArchivalPdf pdf = ArchivalPdf.create(PdfMetadata.of("受理回执", "某某市政务服务中心"), CjkFont.locate(null))) {
 *   try (PdfPage page = pdf.addPage(PaperSize.A5)) {
 *     page.text("受理回执", 0, 540, page.width(), Align.CENTER, TextStyle.bold(18));
 *   }
 *   pdf.numberPages(PageLabel.CHINESE, TextStyle.regular(8), 20);
 *   byte[] bytes = pdf.toBytes();
 * }
 * }</pre>
 *
 * <p>Close every {@link PdfPage} before {@link #numberPages} and {@link #toBytes}; {@code toBytes}
 * may be called once (the font subset is made then). Not thread-safe: one document, one thread.
 */
public final class ArchivalPdf implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(ArchivalPdf.class);

    /** The /Producer and pdf:Producer of every document. */
    public static final String PRODUCER = "Apache PDFBox 3 (cn.egov.kiosk print-templates)";

    private static final String SRGB = "sRGB IEC61966-2.1";

    private final PDDocument document;
    private final CjkFont font;
    private final Set<PdfPage> openPages = new LinkedHashSet<>();
    private final Map<String, PDImageXObject> images = new HashMap<>();
    private boolean saved;
    private boolean closed;

    private ArchivalPdf(PDDocument document, CjkFont font) {
        this.document = document;
        this.font = font;
    }

    /**
     * A new empty PDF/A-2b document described by {@code metadata}, drawing text with the CJK
     * TrueType font in {@code fontFile} (see {@link CjkFont#locate(Path)}).
     *
     * @throws IOException when the font cannot be loaded
     */
    public static ArchivalPdf create(PdfMetadata metadata, Path fontFile) throws IOException {
        Objects.requireNonNull(metadata, "metadata");
        PDDocument document = new PDDocument();
        try {
            document.setVersion(1.7f);
            describe(document, metadata);
            CjkFont font = CjkFont.load(document, fontFile);
            return new ArchivalPdf(document, font);
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    /** Metadata (info dictionary and XMP), output intent, language. */
    private static void describe(PDDocument document, PdfMetadata metadata) throws IOException {
        Calendar created = GregorianCalendar.from(metadata.created());

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(metadata.title());
        info.setAuthor(metadata.author());
        if (metadata.subject() != null) {
            info.setSubject(metadata.subject());
        }
        info.setCreator(PdfMetadata.CREATOR_TOOL);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(metadata.title());
        dc.addCreator(metadata.author());
        if (metadata.subject() != null) {
            dc.setDescription(metadata.subject());
        }
        dc.setFormat("application/pdf");
        dc.addLanguage(metadata.language());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PdfMetadata.CREATOR_TOOL);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        basic.setMetadataDate(created);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(2);
        try {
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream xmpBytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xmpBytes, true);
        } catch (Exception e) { // a javax.xml.transform.TransformerException
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata stream = new PDMetadata(document);
        stream.importXMPMetadata(xmpBytes.toByteArray());

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setMetadata(stream);
        catalog.setLanguage(metadata.language());
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(icc));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /** The document's CJK font: measurement and wrapping in the units the pages draw with. */
    public CjkFont font() {
        return font;
    }

    /** Adds a page of {@code size} and opens it for drawing; close it when it is drawn. */
    public PdfPage addPage(PaperSize size) throws IOException {
        requireWritable();
        PDPage page = new PDPage(size.rectangle());
        document.addPage(page);
        PdfPage drawing = new PdfPage(
                this, page, new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true));
        openPages.add(drawing);
        return drawing;
    }

    /** The number of pages so far. */
    public int pageCount() {
        return document.getNumberOfPages();
    }

    /**
     * Draws a footer on every page, centred, its baseline {@code baseline} points above the bottom
     * edge: {@code label} gives the text from the page number and count ("第 1 页 共 2 页"). Call it
     * once all pages are added and closed.
     */
    public void numberPages(PageLabel label, TextStyle style, float baseline) throws IOException {
        requireWritable();
        requireNoOpenPage();
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PdfPage footer = new PdfPage(
                    this,
                    page,
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true))) {
                footer.text(label.label(i + 1, total), 0, baseline, footer.width(), Align.CENTER, style);
            }
        }
    }

    /**
     * Saves the document (subsetting and embedding the font) and returns its bytes. Once only: the
     * document cannot be drawn on afterwards.
     */
    public byte[] toBytes() throws IOException {
        requireWritable();
        requireNoOpenPage();
        if (document.getNumberOfPages() == 0) {
            throw new IllegalStateException("a PDF needs at least one page");
        }
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        saved = true;
        log.debug(
                "PDF/A-2b document saved: {} pages, {} bytes, {} ms",
                document.getNumberOfPages(),
                out.size(),
                (System.nanoTime() - start) / 1_000_000);
        return out.toByteArray();
    }

    /** Closes the document and the font file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (PdfPage page : Set.copyOf(openPages)) {
                page.closeQuietly();
            }
            document.close();
        } finally {
            font.close();
        }
    }

    PDDocument document() {
        return document;
    }

    void pageClosed(PdfPage page) {
        openPages.remove(page);
    }

    /** The image XObject for PNG (or other ImageIO-readable) bytes; the same bytes make one object. */
    PDImageXObject image(byte[] png) throws IOException {
        String key = sha256(png);
        PDImageXObject image = images.get(key);
        if (image == null) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            if (decoded == null) {
                throw new IOException("not an image ImageIO can read (" + png.length + " bytes)");
            }
            image = LosslessFactory.createFromImage(document, decoded);
            images.put(key, image);
        }
        return image;
    }

    /** Marks a page as using transparency: a transparency group with an sRGB blending space. */
    static void useTransparency(PDPage page) {
        COSDictionary dictionary = page.getCOSObject();
        if (dictionary.getDictionaryObject(COSName.GROUP) == null) {
            COSDictionary group = new COSDictionary();
            group.setItem(COSName.TYPE, COSName.GROUP);
            group.setItem(COSName.S, COSName.TRANSPARENCY);
            group.setItem(COSName.CS, COSName.DEVICERGB);
            dictionary.setItem(COSName.GROUP, group);
        }
    }

    private void requireWritable() {
        if (closed) {
            throw new IllegalStateException("the document is closed");
        }
        if (saved) {
            throw new IllegalStateException("the document has been saved");
        }
    }

    private void requireNoOpenPage() {
        if (!openPages.isEmpty()) {
            throw new IllegalStateException(openPages.size() + " page(s) still open: close every PdfPage first");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
