package cn.egov.kiosk.admin;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the admin side's state is kept (the store implements it: {@code store.AdminRepository}):
 * each role's PIN hash, the one-time set-up code's hash, and the lock-out. Never a PIN. Calls block.
 */
public interface AdminRecords {

    /** The lock-out as kept: wrong PINs in a row since the last right one, and the end of the lock. */
    record LockState(int wrongInARow, Instant lockedUntil) {
        public static final LockState NONE = new LockState(0, Instant.EPOCH);
    }

    /** The role's PIN hash, if its PIN is set. */
    Optional<String> pinHash(Role role);

    /** Sets the role's PIN hash; {@code source} says how ({@code screen}, {@code shell}, {@code setup}, {@code demo}). */
    void setPinHash(Role role, String hash, Instant at, String source);

    /** The set-up code's hash, while a first start waits for its set-up. */
    Optional<String> setupHash();

    /** Keeps the hash of a new set-up code (replacing any other). */
    void setSetupHash(String hash, Instant at);

    /** Both roles' PIN hashes set and the set-up code forgotten, in one transaction. */
    void completeSetup(String staffHash, String engineerHash, Instant at);

    /** Forgets the set-up code. */
    void clearSetup();

    LockState lockState();

    void saveLockState(LockState state);
}
