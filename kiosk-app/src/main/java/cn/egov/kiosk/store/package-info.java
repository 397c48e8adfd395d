/**
 * The local store: one SQLite file in WAL mode, versioned migrations applied at start-up, and the
 * repositories. The only package with SQL. Writes that matter are durable ({@code synchronous=FULL})
 * before the kiosk tells the citizen they happened.
 */
package cn.egov.kiosk.store;
