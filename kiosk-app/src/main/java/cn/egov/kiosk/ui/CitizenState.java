package cn.egov.kiosk.ui;

/**
 * Something on screen that holds what one citizen did, chose or saw, and forgets it when their
 * session ends: every such ViewModel implements this, and {@link KioskUi} registers it in its
 * {@link CitizenScope} where it makes it, so that the next citizen never finds it.
 */
public interface CitizenState {
    /** Back to the start: every field cleared, every pending result dropped. */
    void resetForNextCitizen();
}
