/**
 * The PC/SC smart-card reader driver ({@code driver: pcsc}) on {@code javax.smartcardio} and
 * pcscd: card events, ATR, APDU exchange, and recovery when pcscd restarts (see {@link
 * cn.egov.kiosk.device.smartcard.pcsc.PcscSmartCardReader} for what that takes).
 */
package cn.egov.kiosk.device.smartcard.pcsc;
