package cn.egov.kiosk.device.payment;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;

/** A bank-card payment terminal (POS). The real driver comes with the payment issue. */
public interface PaymentTerminal extends Device {

    /** Asks the citizen to present a card and pay; waits for the outcome. */
    PaymentResult sale(SaleRequest request) throws DeviceException;

    /** The outcome of an earlier sale, by the kiosk's order reference. */
    PaymentResult query(String orderReference) throws DeviceException;

    /** Cancels an earlier sale (after a timeout or a failure to record it). */
    PaymentResult reverse(String orderReference) throws DeviceException;
}
