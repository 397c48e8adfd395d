/**
 * A simulator for every device class, behind the same interfaces as the real drivers and chosen by
 * configuration ({@code driver: sim}) like any driver. Each is controllable while it runs (insert
 * card, paper out, decline payment, disconnect, reconnect...) through {@link
 * cn.egov.kiosk.device.sim.Simulator}, so that demo mode, tests and engineers' training share the
 * same code. The receipt printer's simulator is the real ESC/POS driver talking to a virtual printer
 * over an in-memory pipe.
 */
package cn.egov.kiosk.device.sim;
