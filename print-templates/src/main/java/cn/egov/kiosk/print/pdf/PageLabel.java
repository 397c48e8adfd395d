package cn.egov.kiosk.print.pdf;

/**
 * The text of a page footer, from the page number (from 1) and the page count; see {@link
 * ArchivalPdf#numberPages(PageLabel, TextStyle, float)}.
 */
@FunctionalInterface
public interface PageLabel {
    /** "第 1 页 共 2 页". */
    PageLabel CHINESE = (page, total) -> "第 " + page + " 页 共 " + total + " 页";
    /** "Page 1 of 2". */
    PageLabel ENGLISH = (page, total) -> "Page " + page + " of " + total;
    /** "第 1 页 共 2 页 / Page 1 of 2". */
    PageLabel BILINGUAL = (page, total) -> CHINESE.label(page, total) + " / " + ENGLISH.label(page, total);

    /** The footer text of page {@code page} (from 1) of {@code total}. */
    String label(int page, int total);
}
