/**
 * Who may open the kiosk's admin side, as pure logic (no JavaFX, no SQL): the two {@link
 * cn.egov.kiosk.admin.Role}s, each with its own PIN of 6 to 8 digits ({@link
 * cn.egov.kiosk.admin.PinRules}), kept only as a salted slow hash ({@link
 * cn.egov.kiosk.admin.PinHasher}: PBKDF2 with HMAC-SHA256, the iteration count stored with it); the
 * lock-out that grows with wrong PINs and survives a restart ({@link cn.egov.kiosk.admin.Lockout});
 * the one-time set-up code of a first start; and {@link cn.egov.kiosk.admin.AdminGate}, the one door
 * the PIN pad and {@code ./kiosk admin set-pin} use, which writes every attempt, lock-out, entry,
 * exit and PIN change to the audit trail. Its state lives behind the {@link
 * cn.egov.kiosk.admin.AdminRecords} port the store implements. Its calls block (a hash takes a
 * tenth of a second or more): the screens run them off the JavaFX thread.
 */
package cn.egov.kiosk.admin;
