/**
 * The kiosk's HTTP client of the platform (OkHttp 5): every request signed on each network
 * attempt, TLS with the platform's CA or pinned keys, errors as {@link
 * cn.egov.kiosk.platform.client.PlatformException} with the problem details, and the clock offset
 * learnt from the platform. Blocking: never call it on the JavaFX thread.
 */
package cn.egov.kiosk.platform.client;
