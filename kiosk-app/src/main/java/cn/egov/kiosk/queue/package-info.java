/**
 * Queue numbers (取号): the local queue service that allocates numbers per business type and per
 * day, and the ticket issuer that prints a ticket and hands a number out only when the printer
 * reports the ticket done.
 */
package cn.egov.kiosk.queue;
