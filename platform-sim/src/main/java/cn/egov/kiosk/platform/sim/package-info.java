/**
 * The platform simulator: {@link cn.egov.kiosk.platform.sim.PlatformSimulator} is a real HTTP
 * server (the JDK's) on a port of its own that checks every signature, keeps nonces against
 * replays, answers again from its idempotency store, holds what kiosks send in its {@link
 * cn.egov.kiosk.platform.sim.Ledger}, serves the sample data set ({@link
 * cn.egov.kiosk.platform.sim.SimData}), and misbehaves on command ({@link
 * cn.egov.kiosk.platform.sim.Faults}).
 */
package cn.egov.kiosk.platform.sim;
