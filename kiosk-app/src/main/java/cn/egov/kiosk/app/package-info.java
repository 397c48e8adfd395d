/**
 * The launcher (command line: run, diag, bench) and the JavaFX application that shows the kiosk.
 */
package cn.egov.kiosk.app;
