package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Set;

/** The citizen features of the kiosk and the devices each needs. */
public enum Feature {
  /** 取号: take a queue number, printed on a ticket. */
  QUEUE_TICKET(Set.of(DeviceClass.RECEIPT_PRINTER)),
  /** 证照打印: print one's licence on the licence printer, after a preview. */
  LICENCE_PRINT(Set.of(DeviceClass.DOCUMENT_PRINTER, DeviceClass.ID_CARD_READER));

  private final Set<DeviceClass> requires;

  Feature(Set<DeviceClass> requires) {
    this.requires = requires;
  }

  public Set<DeviceClass> requires() {
    return requires;
  }
}
