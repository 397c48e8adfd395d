package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;
import java.util.Optional;

/**
 * An ISO 7816 smart-card reader. {@code card-present}/{@code card-removed} status events follow the
 * card.
 */
public interface SmartCardReader extends Device {

    /** The answer-to-reset of the card in the reader, if there is one. */
    Optional<byte[]> atr() throws DeviceException;

    /**
     * Sends a command APDU to the card and returns the response APDU (data and SW1 SW2).
     *
     * @throws DeviceException {@code USER_ERROR} when no card is present
     */
    byte[] transmit(byte[] commandApdu) throws DeviceException;
}
