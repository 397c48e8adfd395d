/**
 * Smart-card readers (social security cards and other ISO 7816 cards): the device class, card
 * identification ({@link cn.egov.kiosk.device.smartcard.SmartCardType}) and what a social security
 * card gives without a PSAM ({@link cn.egov.kiosk.device.smartcard.SocialSecurityCards}). The PC/SC
 * driver is in {@code smartcard.pcsc}, a virtual card for vsmartcard's vpcd in {@code
 * smartcard.vpcd}.
 */
package cn.egov.kiosk.device.smartcard;
