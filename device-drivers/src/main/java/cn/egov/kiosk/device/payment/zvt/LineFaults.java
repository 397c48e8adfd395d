package cn.egov.kiosk.device.payment.zvt;

/**
 * What the simulated terminal does wrong on the line itself, asked by its transport at the moment
 * it matters (a fault injected while a read waits applies to what that read brings). The kiosk's
 * driver uses {@link #NONE}.
 */
interface LineFaults {
    LineFaults NONE = new LineFaults() {};

    /** Whether everything that comes is dropped unanswered, not even ACKed: a terminal switched off. */
    default boolean deaf() {
        return false;
    }

    /** Whether this frame, good and just taken, goes without its ACK (so that it is sent again). */
    default boolean withholdAck(Apdu taken) {
        return false;
    }
}
