/**
 * The resident ID card reader (二代证 reader with a SAM module): the device interface and the card
 * data it reads. The serial SAM protocol driver comes with the identity issue.
 */
package cn.egov.kiosk.device.idcard;
