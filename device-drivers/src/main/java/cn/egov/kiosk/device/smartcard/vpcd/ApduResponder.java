package cn.egov.kiosk.device.smartcard.vpcd;

/**
 * The card behind a {@link VirtualVpcdCard}: its ATR and its answers to command APDUs. Called on
 * the virtual card's one connection thread, so an implementation needs no locking of its own.
 */
public interface ApduResponder {

    /** The answer-to-reset, sent when vpcd asks for it. */
    byte[] atr();

    /** The response APDU (data, SW1, SW2) to a command APDU. */
    byte[] respond(byte[] command);

    /** The card was powered on, off or reset: forget what was selected or verified. */
    default void reset() {}
}
