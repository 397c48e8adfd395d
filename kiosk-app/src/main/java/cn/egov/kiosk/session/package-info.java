/**
 * Citizen sessions: every interaction belongs to one; inactivity warns with a countdown the citizen
 * can dismiss, then ends it; the end of a session wipes everything it held.
 */
package cn.egov.kiosk.session;
