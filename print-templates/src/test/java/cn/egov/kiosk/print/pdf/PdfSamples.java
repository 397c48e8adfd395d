package cn.egov.kiosk.print.pdf;

import cn.egov.kiosk.common.text.Align;
import java.awt.Color;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Sample documents drawn with every helper of the toolkit: a two-page A4 licence and an A5
 * acceptance receipt. All names and numbers are made up (the credit code is the published example
 * of GB 32100).
 */
final class PdfSamples {
    private PdfSamples() {}

    static final String VERIFICATION_CODE = "7Q2M-9D84-TR5K-3XWA";
    static final String DOCUMENT_NUMBER = "GX2026-1128-00123";
    static final String RECEIPT_NUMBER = "SL20261128-0042";
    static final String OFFICE = "某某市市场监督管理局";
    static final String TITLE = "营业执照";
    static final String SUBTITLE = "BUSINESS LICENCE (副本 Duplicate)";
    static final String SCOPE = "软件开发；信息技术咨询服务；数据处理和存储支持服务；计算机系统服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）。"
            + "Software development, IT consulting, data processing and storage support services.";
    static final String NOTICE = "本执照为电子营业执照的打印件，与纸质营业执照具有同等法律效力。请扫描左下方二维码或登录“国家企业信用信息公示系统”核验本执照的真实性。"
            + " This copy is printed from the electronic business licence and has the same legal effect as the paper licence;"
            + " scan the QR code or visit the national enterprise credit information system to verify it.";
    static final List<String> NOTES = List.of(
            "一、企业应当于每年1月1日至6月30日，通过国家企业信用信息公示系统报送上一年度年度报告，并向社会公示。",
            "二、营业执照记载事项发生变更的，企业应当自作出变更决议、决定或者法定变更事项发生之日起30日内向登记机关申请变更登记。",
            "三、Companies must file their annual report between 1 January and 30 June each year; changes to the registered particulars"
                    + " must be filed within 30 days.",
            "四、本打印件仅供核验使用，复制、涂改无效。Copies and altered prints are not valid.");
    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 11, 28, 10, 30, 15, 0, ZoneId.of("Asia/Shanghai"));

    static final Color SEAL_RED = new Color(200, 16, 46);
    static final float MARGIN = PaperSize.mm(20);

    /** Where the QR code sits on page 1 of the licence (x, y, size in points). */
    static final float[] LICENCE_QR = {MARGIN, MARGIN + 70, 96};

    /** The two-page A4 licence. */
    static byte[] licence(Path font, byte[] seal) throws Exception {
        PdfMetadata metadata =
                new PdfMetadata("营业执照（副本）打印件", OFFICE, "电子营业执照打印件 Business licence print", "zh-CN", CREATED);
        try (ArchivalPdf pdf = ArchivalPdf.create(metadata, font)) {
            try (PdfPage page = pdf.addPage(PaperSize.A4)) {
                float w = page.width();
                float content = w - 2 * MARGIN;
                page.watermark("仅供核验 VERIFICATION COPY", TextStyle.bold(46).withColor(SEAL_RED), 0.10f);
                float y = page.height() - MARGIN - 12;
                page.text(OFFICE, MARGIN, y, content, Align.CENTER, TextStyle.regular(12));
                y -= 44;
                page.text(TITLE, MARGIN, y, content, Align.CENTER, TextStyle.bold(32));
                y -= 24;
                page.text(
                        SUBTITLE,
                        MARGIN,
                        y,
                        content,
                        Align.CENTER,
                        TextStyle.regular(12).withColor(Color.DARK_GRAY));
                y -= 16;
                page.rule(MARGIN, w - MARGIN, y, 1.2f, SEAL_RED);
                page.text("编号 No. " + DOCUMENT_NUMBER, MARGIN, y - 16, content, Align.RIGHT, TextStyle.regular(9));
                y -= 28;
                float[] columns = {content * 0.32f, content * 0.68f};
                TextStyle cell = TextStyle.regular(11);
                String[][] rows = {
                    {"统一社会信用代码\nUnified social credit code", "914403001922038216"},
                    {"名称 Name", "深圳市示例科技有限公司\nExample Technology (Shenzhen) Co., Ltd."},
                    {"类型 Type", "有限责任公司（自然人投资或控股）Limited liability company"},
                    {"法定代表人 Legal representative", "张三"},
                    {"经营范围 Business scope", SCOPE},
                    {"注册资本 Registered capital", "人民币壹佰万元整 (RMB 1,000,000)"},
                    {"成立日期 Date of establishment", "2026年11月28日"},
                    {"住所 Domicile", "深圳市南山区示例路1号 No. 1 Example Road, Nanshan District, Shenzhen"},
                };
                for (String[] row : rows) {
                    y -= page.tableRow(MARGIN, y, columns, List.of(row), cell, 6, true);
                }
                y -= 14;
                y = page.paragraph(NOTICE, MARGIN, y, content, Align.LEFT, TextStyle.regular(10), 15);

                float[] qr = LICENCE_QR;
                page.qrCode(VERIFICATION_CODE, qr[0], qr[1], qr[2]);
                page.text("扫码核验 Scan to verify", qr[0], qr[1] - 12, qr[2], Align.CENTER, TextStyle.regular(8));
                page.text(VERIFICATION_CODE, qr[0], qr[1] - 23, qr[2], Align.CENTER, TextStyle.regular(8));
                page.code128(DOCUMENT_NUMBER, MARGIN, MARGIN + 10, 180, 34);
                page.text(DOCUMENT_NUMBER, MARGIN, MARGIN, 180, Align.CENTER, TextStyle.regular(8));

                float sealSize = 120;
                float sealX = w - MARGIN - sealSize - 10;
                float sealY = MARGIN + 40;
                page.text(
                        "登记机关 Registration authority",
                        sealX - 40,
                        sealY + 70,
                        sealSize + 50,
                        Align.RIGHT,
                        TextStyle.bold(11));
                page.text(OFFICE, sealX - 40, sealY + 52, sealSize + 50, Align.RIGHT, TextStyle.regular(11));
                page.text("2026年11月28日", sealX - 40, sealY + 34, sealSize + 50, Align.RIGHT, TextStyle.regular(11));
                page.image(seal, sealX, sealY, sealSize, sealSize);
            }
            try (PdfPage page = pdf.addPage(PaperSize.A4)) {
                float w = page.width();
                float content = w - 2 * MARGIN;
                page.watermark("仅供核验 VERIFICATION COPY", TextStyle.bold(46).withColor(SEAL_RED), 0.10f);
                float y = page.height() - MARGIN;
                y = page.paragraph("说明 Notes", MARGIN, y, content, Align.LEFT, TextStyle.bold(16), 24) - 8;
                for (String note : NOTES) {
                    y = page.paragraph(note, MARGIN, y, content, Align.LEFT, TextStyle.regular(11), 17) - 8;
                }
                page.rule(MARGIN, w - MARGIN, y, 0.5f, Color.GRAY);
                y -= 12;
                float[] columns = {content * 0.25f, content * 0.45f, content * 0.30f};
                y -= page.tableRow(
                        MARGIN,
                        y,
                        columns,
                        List.of("年度 Year", "报告 Report", "公示日期 Published"),
                        TextStyle.bold(10),
                        5,
                        true);
                y -= page.tableRow(
                        MARGIN,
                        y,
                        columns,
                        List.of("2026", "首次年度报告（待报送）First annual report (due)", "—"),
                        TextStyle.regular(10),
                        5,
                        true);
                page.image(seal, w - MARGIN - 90, MARGIN + 30, 90, 90);
            }
            pdf.numberPages(PageLabel.BILINGUAL, TextStyle.regular(8).withColor(Color.DARK_GRAY), MARGIN / 2);
            return pdf.toBytes();
        }
    }

    /** Where the QR code sits on the A5 receipt (x, y, size in points). */
    static final float[] RECEIPT_QR = {MARGIN, MARGIN + 20, 80};

    /** Where the barcode sits on the A5 receipt (x, y, module width, height in points). */
    static final float[] RECEIPT_BARCODE = {MARGIN, MARGIN + 160, 0.8f, 30};

    /** The one-page A5 acceptance receipt. */
    static byte[] receipt(Path font, byte[] seal) throws Exception {
        PdfMetadata metadata = new PdfMetadata("受理回执", "某某市政务服务中心", null, "zh-CN", CREATED);
        try (ArchivalPdf pdf = ArchivalPdf.create(metadata, font)) {
            try (PdfPage page = pdf.addPage(PaperSize.A5)) {
                float w = page.width();
                float content = w - 2 * MARGIN;
                float y = page.height() - MARGIN - 20;
                page.text("受理回执", MARGIN, y, content, Align.CENTER, TextStyle.bold(22));
                y -= 18;
                page.text("Acceptance receipt", MARGIN, y, content, Align.CENTER, TextStyle.regular(10));
                y -= 12;
                page.rule(MARGIN, w - MARGIN, y, 0.8f, Color.BLACK);
                y -= 10;
                float[] columns = {content * 0.35f, content * 0.65f};
                String[][] rows = {
                    {"受理编号 No.", RECEIPT_NUMBER},
                    {"事项名称 Service", "企业设立登记 Company registration"},
                    {"申请人 Applicant", "王*明"},
                    {"受理时间 Accepted", "2026-11-28 10:30"},
                    {"承诺办结 Due", "3个工作日内 within 3 working days"},
                };
                for (String[] row : rows) {
                    y -= page.tableRow(MARGIN, y, columns, List.of(row), TextStyle.regular(10), 5, false);
                }
                y -= 6;
                page.paragraph(
                        "请凭本回执及身份证件到3号窗口领取结果。Please collect the result at window 3 with this receipt and your ID card.",
                        MARGIN,
                        y,
                        content,
                        Align.LEFT,
                        TextStyle.regular(9),
                        13);
                float[] qr = RECEIPT_QR;
                page.qrCode(RECEIPT_NUMBER, qr[0], qr[1], qr[2]);
                float[] bar = RECEIPT_BARCODE;
                page.code128(RECEIPT_NUMBER, bar[0], bar[1], PdfPage.code128Width(RECEIPT_NUMBER, bar[2]), bar[3]);
                page.image(seal, w - MARGIN - 90, MARGIN + 15, 90, 90);
            }
            pdf.numberPages(PageLabel.CHINESE, TextStyle.regular(8), MARGIN / 2);
            return pdf.toBytes();
        }
    }
}
