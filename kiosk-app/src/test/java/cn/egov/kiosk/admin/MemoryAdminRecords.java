package cn.egov.kiosk.admin;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The admin side's records in memory, for tests of the gate and the screens. */
public final class MemoryAdminRecords implements AdminRecords {
    private final Map<Role, String> pins = new EnumMap<>(Role.class);
    private final Map<Role, String> sources = new EnumMap<>(Role.class);
    private String setup;
    private LockState lock = LockState.NONE;

    @Override
    public synchronized Optional<String> pinHash(Role role) {
        return Optional.ofNullable(pins.get(role));
    }

    @Override
    public synchronized void setPinHash(Role role, String hash, Instant at, String source) {
        pins.put(role, hash);
        sources.put(role, source);
    }

    /** How the role's PIN was last set. */
    public synchronized Optional<String> source(Role role) {
        return Optional.ofNullable(sources.get(role));
    }

    @Override
    public synchronized Optional<String> setupHash() {
        return Optional.ofNullable(setup);
    }

    @Override
    public synchronized void setSetupHash(String hash, Instant at) {
        setup = hash;
    }

    @Override
    public synchronized void completeSetup(String staffHash, String engineerHash, Instant at) {
        setPinHash(Role.STAFF, staffHash, at, "setup");
        setPinHash(Role.ENGINEER, engineerHash, at, "setup");
        setup = null;
    }

    @Override
    public synchronized void clearSetup() {
        setup = null;
    }

    @Override
    public synchronized LockState lockState() {
        return lock;
    }

    @Override
    public synchronized void saveLockState(LockState state) {
        lock = state;
    }
}
