/**
 * 证照: the licences and certificates a citizen holds and what the kiosk can do with each: print it
 * (once, or a copy marked so where its item allows), or have it mailed free of charge (免费邮寄),
 * after which it is no longer printed here. {@link cn.egov.kiosk.licence.LicenceSource} is the port;
 * {@code sync.PlatformLicenceSource} serves it from the platform, {@link
 * cn.egov.kiosk.licence.DemoLicenceSource} from the shipped example in a demo without a platform.
 */
package cn.egov.kiosk.licence;
