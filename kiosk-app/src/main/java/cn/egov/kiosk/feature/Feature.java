package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Set;

/**
 * The citizen features of the kiosk, the devices each needs, and whether it needs the platform to
 * answer (a queue number does not: the kiosk has its own range while the platform is away).
 */
public enum Feature {
    /** 取号: take a queue number, printed on a ticket. */
    QUEUE_TICKET(Set.of(DeviceClass.RECEIPT_PRINTER), false),
    /** 证照打印: print one's licence on the licence printer, after a preview. */
    LICENCE_PRINT(Set.of(DeviceClass.DOCUMENT_PRINTER, DeviceClass.ID_CARD_READER), true);

    private final Set<DeviceClass> requires;
    private final boolean needsPlatform;

    Feature(Set<DeviceClass> requires, boolean needsPlatform) {
        this.requires = requires;
        this.needsPlatform = needsPlatform;
    }

    /** Whether the feature cannot be served while the platform cannot be reached. */
    public boolean needsPlatform() {
        return needsPlatform;
    }

    public Set<DeviceClass> requires() {
        return requires;
    }
}
