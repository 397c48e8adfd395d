package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.manage.HealthProblem;

/**
 * Why a citizen feature cannot be used now: a device's problem, a device the kiosk does not have,
 * the platform away, or the hall closed. The screens choose the citizen's words by an exhaustive switch over it.
 */
public enum Unavailable {
    DEVICE_STARTING,
    DEVICE_OFFLINE,
    COVER_OPEN,
    PAPER_OUT,
    JAM,
    CUTTER_ERROR,
    HARDWARE_FAULT,
    HARDWARE_ERROR,
    /** The kiosk is not configured with a device the feature needs. */
    NOT_FITTED,
    /** The platform does not answer. */
    PLATFORM_OFFLINE,
    /** The platform no longer knows this kiosk (it must be registered again). */
    PLATFORM_NOT_REGISTERED,
    /** The hall is closed and the feature is not one of those offered after hours ({@code hours.afterHours}). */
    AFTER_HOURS;

    /** The reason a device's health problem makes. */
    public static Unavailable of(HealthProblem problem) {
        return switch (problem) {
            case STARTING -> DEVICE_STARTING;
            case OFFLINE -> DEVICE_OFFLINE;
            case COVER_OPEN -> COVER_OPEN;
            case PAPER_OUT -> PAPER_OUT;
            case JAM -> JAM;
            case CUTTER_ERROR -> CUTTER_ERROR;
            case HARDWARE_FAULT -> HARDWARE_FAULT;
            case HARDWARE_ERROR -> HARDWARE_ERROR;
        };
    }
}
