package cn.egov.kiosk.print.template;

/** What a template is rendered for: a thermal receipt printer, or a page (PDF). */
public enum Medium {
    ESCPOS,
    PDF
}
