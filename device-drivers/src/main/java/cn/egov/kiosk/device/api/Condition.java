package cn.egov.kiosk.device.api;

import java.util.List;

/**
 * A condition a device can be in, raised and cleared by status events. The status events of the
 * device model are the changes of these: "offline" is {@code OFFLINE} raised, "online" is it
 * cleared; "card present" is {@code CARD_PRESENT} raised, "card removed" is it cleared.
 */
public enum Condition {
    OFFLINE("offline", "online", true),
    PAPER_LOW("paper-low", "paper-ok", false),
    PAPER_OUT("paper-out", "paper-loaded", true),
    COVER_OPEN("cover-open", "cover-closed", true),
    JAM("jam", "jam-cleared", true),
    CUTTER_ERROR("cutter-error", "cutter-ok", true),
    HARDWARE_FAULT("hardware-fault", "hardware-ok", true),
    CARD_PRESENT("card-present", "card-removed", false);

    /** The conditions that stop service, in the order a person would deal with them. */
    public static final List<Condition> BLOCKING_IN_ORDER =
            List.of(COVER_OPEN, PAPER_OUT, JAM, CUTTER_ERROR, HARDWARE_FAULT, OFFLINE);

    private final String raisedName;
    private final String clearedName;
    private final boolean blocking;

    Condition(String raisedName, String clearedName, boolean blocking) {
        this.raisedName = raisedName;
        this.clearedName = clearedName;
        this.blocking = blocking;
    }

    /** The event name when the condition starts, for example {@code paper-out}. */
    public String raisedName() {
        return raisedName;
    }

    /** The event name when the condition ends, for example {@code paper-loaded}. */
    public String clearedName() {
        return clearedName;
    }

    /** Whether the device cannot serve a citizen while the condition holds. */
    public boolean blocking() {
        return blocking;
    }
}
