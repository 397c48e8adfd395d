package cn.egov.kiosk.device.idcard;

/**
 * The payload of an ID card reader's card-read data event: which kind of card was read. Nothing of
 * the card's data travels in events (listeners log, count, show "reading done"); the card itself
 * goes only to the caller of {@link IdCardReader#read}.
 */
public record CardRead(IdCardType type) {}
