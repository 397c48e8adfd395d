package cn.egov.kiosk.device.api;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of device a kiosk can be fitted with; the name is the one used in configuration. */
public enum DeviceClass {
    ID_CARD_READER("id-card-reader"),
    SMART_CARD_READER("smart-card-reader"),
    RECEIPT_PRINTER("receipt-printer"),
    DOCUMENT_PRINTER("document-printer"),
    PAYMENT_TERMINAL("payment-terminal"),
    BARCODE_SCANNER("barcode-scanner");

    private final String configName;

    DeviceClass(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration files and diagnostics output, for example {@code receipt-printer}. */
    public String configName() {
        return configName;
    }

    public static Optional<DeviceClass> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return configName;
    }
}
