/**
 * Which citizen features can be offered now, from the devices they need and those devices' health:
 * a feature whose device is not healthy is shown as unavailable, with the reason, before a citizen
 * starts it.
 */
package cn.egov.kiosk.feature;
