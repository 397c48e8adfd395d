package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.idcard.sam.SamFrameMasker;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.payment.zvt.ZvtFrameMasker;
import cn.egov.kiosk.device.printer.escpos.EscPosFrameMasker;
import cn.egov.kiosk.device.scanner.serial.ScannerFrameMasker;

/** The masker of each device class's byte protocol: a new one (it keeps state) per monitor. */
public final class FrameMaskers {
    private FrameMaskers() {}

    public static FrameMasker of(DeviceClass deviceClass) {
        return switch (deviceClass) {
            case ID_CARD_READER -> new SamFrameMasker();
            case BARCODE_SCANNER -> new ScannerFrameMasker();
            case PAYMENT_TERMINAL -> new ZvtFrameMasker();
            // receipts are masked when they are made: their text may be shown, but not a code's data
            case RECEIPT_PRINTER -> new EscPosFrameMasker();
            // no byte protocol of ours: show nothing but sizes
            case SMART_CARD_READER, DOCUMENT_PRINTER -> FrameMasker.hideAll();
        };
    }
}
