package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.Condition;

/**
 * Why a device cannot serve a citizen now, as the health model says it: the device is starting or
 * offline, one of the blocking conditions holds, or it is in error without a named condition.
 */
public enum HealthProblem {
    /** Not yet opened: the first connection attempt is under way. */
    STARTING("starting"),
    /** Closed, unplugged or not answering. */
    OFFLINE("offline"),
    COVER_OPEN("cover-open"),
    PAPER_OUT("paper-out"),
    JAM("jam"),
    CUTTER_ERROR("cutter-error"),
    HARDWARE_FAULT("hardware-fault"),
    /** In error, with no condition that says which. */
    HARDWARE_ERROR("hardware_error");

    private final String wireName;

    HealthProblem(String wireName) {
        this.wireName = wireName;
    }

    /** The name in heartbeats, diagnostics and logs: {@code paper-out}. */
    public String wireName() {
        return wireName;
    }

    /** The problem a blocking condition makes. */
    public static HealthProblem of(Condition blocking) {
        return switch (blocking) {
            case OFFLINE -> OFFLINE;
            case PAPER_OUT -> PAPER_OUT;
            case COVER_OPEN -> COVER_OPEN;
            case JAM -> JAM;
            case CUTTER_ERROR -> CUTTER_ERROR;
            case HARDWARE_FAULT -> HARDWARE_FAULT;
            case PAPER_LOW, CARD_PRESENT -> throw new IllegalArgumentException(blocking + " does not stop service");
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
