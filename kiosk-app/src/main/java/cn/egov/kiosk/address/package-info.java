/**
 * Addresses as Chinese forms write them: the administrative divisions (province, city, district,
 * street, with the statistics bureau's codes) bundled with the kiosk ({@link
 * cn.egov.kiosk.address.Divisions}), an {@link cn.egov.kiosk.address.Address} (a division and the
 * detail the citizen typed), and the reading of an ID card's one-line address into both ({@link
 * cn.egov.kiosk.address.CardAddressParser}). Plain logic: no JavaFX, no device, no personal data in
 * a log or an exception message.
 */
package cn.egov.kiosk.address;
