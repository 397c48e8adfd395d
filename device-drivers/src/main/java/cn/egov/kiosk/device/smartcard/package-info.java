/**
 * Smart-card readers (social security cards and other ISO 7816 cards). The PC/SC driver
 * (javax.smartcardio) comes with the identity issue.
 */
package cn.egov.kiosk.device.smartcard;
