/**
 * {@code kiosk tour}: the walk-through of the citizen flows in the real screens, headless, with a
 * screenshot of every screen and a report of what each flow did (taps, what the platform received,
 * what was printed). Offered through {@code app.CommandProvider}, so the command line does not
 * depend on it.
 */
package cn.egov.kiosk.tour;
