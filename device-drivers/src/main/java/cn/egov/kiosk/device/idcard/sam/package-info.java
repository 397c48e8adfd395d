/**
 * The resident ID card reader's serial SAM protocol (GA/T 467): the frame codec, the status words,
 * the decoders of the card's text block, the driver, and a virtual reader that speaks the protocol
 * on any byte link (the simulator of the tests and of engineers' wiring checks).
 */
package cn.egov.kiosk.device.idcard.sam;
