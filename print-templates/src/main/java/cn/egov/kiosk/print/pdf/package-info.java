/**
 * The low-level archival PDF toolkit that the template system's PDF renderer draws with: PDF/A-2b
 * documents (XMP metadata, sRGB output intent, language) on A4 or A5 pages ({@link
 * cn.egov.kiosk.print.pdf.ArchivalPdf}), a CJK TrueType font embedded as a subset with text
 * measurement and line wrapping ({@link cn.egov.kiosk.print.pdf.CjkFont}), drawing helpers on a
 * page ({@link cn.egov.kiosk.print.pdf.PdfPage}: text, rules, table rows, images with
 * transparency, QR codes, Code 128 barcodes, watermarks), "page N of M" footers and a preview
 * renderer ({@link cn.egov.kiosk.print.pdf.PdfPreview}).
 *
 * <p>Coordinates are PDF points (1/72 inch) with the origin at the bottom left of the page, as in
 * PDF itself; a text's {@code y} is its baseline. Nothing here logs document content: only font
 * files, page counts, sizes and timings.
 *
 * <p>The public API uses no PDFBox or ZXing types, so that templates depend on this package only.
 */
package cn.egov.kiosk.print.pdf;
