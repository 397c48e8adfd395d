/**
 * Request signing, the same on both sides: the canonical string, HMAC-SHA256, the headers, and
 * the kiosk's credentials file. See {@code docs/platform-api.md}, "Signing".
 */
package cn.egov.kiosk.platform.auth;
