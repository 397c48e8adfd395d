/**
 * Configuration on the kiosk's own screen, as pure logic (no JavaFX): {@link
 * cn.egov.kiosk.settings.LiveConfig} is the running kiosk's configuration, which can change;
 * {@link cn.egov.kiosk.settings.Settings} is what the staff's screens use: the devices fitted and
 * how they connect (the machine's serial ports, CUPS's queues, TCP addresses), a device tested with
 * settings not yet saved, and what the kiosk offers; every change checked by the configuration's
 * declarations before it is saved, saved atomically with the file's comments kept, audited
 * ({@code config.change}), and put into effect at once where the kiosk can.
 */
package cn.egov.kiosk.settings;
