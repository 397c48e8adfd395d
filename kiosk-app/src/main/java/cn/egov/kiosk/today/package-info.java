/**
 * The day at a glance, for staff (no JavaFX): a day's figures in the hall's time zone from the store
 * ({@link cn.egov.kiosk.today.DayFigures}: tickets per hour by business type, the interrupted
 * numbers, flows started and finished, device faults, applications, payments with the day's
 * reconciliation, prints with their failures), what the kiosk records for them that nothing else did
 * ({@link cn.egov.kiosk.today.DayRecorder}: flows and device faults, never who), and staff's reprint
 * of a document from its record ({@link cn.egov.kiosk.today.Reprints}). Its screen is {@code
 * ui.today}.
 */
package cn.egov.kiosk.today;
