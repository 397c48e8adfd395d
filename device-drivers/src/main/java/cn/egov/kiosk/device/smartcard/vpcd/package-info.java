/**
 * A virtual smart card for vsmartcard's {@code vpcd} reader driver of pcscd ({@link
 * cn.egov.kiosk.device.smartcard.vpcd.VirtualVpcdCard}) with pluggable card behaviour, and a
 * social security card to put in it ({@link
 * cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard}): for engineers checking a kiosk's
 * PC/SC stack, and for the tests of the PC/SC driver.
 */
package cn.egov.kiosk.device.smartcard.vpcd;
