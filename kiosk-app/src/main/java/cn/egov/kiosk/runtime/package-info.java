/**
 * The composition root of the kiosk's services: store, queue, devices, features and sessions, wired
 * from one configuration, with no UI. The JavaFX screens, diagnostics and benchmarks are built on
 * it.
 */
package cn.egov.kiosk.runtime;
