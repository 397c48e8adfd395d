/**
 * The records of the platform contract ({@code docs/platform-api.yaml}), one class per resource
 * with its requests and responses nested, and the one JSON mapping both sides use ({@link Json}).
 * Field names are the contract's; times are {@link java.time.OffsetDateTime}, money is in fen.
 */
package cn.egov.kiosk.platform.api;
