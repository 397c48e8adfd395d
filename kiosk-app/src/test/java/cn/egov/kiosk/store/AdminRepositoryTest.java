package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.admin.AdminRecords.LockState;
import cn.egov.kiosk.admin.Role;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin side's state in SQLite: PIN hashes, the set-up code's hash, the lock-out; kept across a reopen. */
class AdminRepositoryTest {
    private static final Instant T = Instant.parse("2026-12-07T14:00:00Z");

    @TempDir
    Path dir;

    @Test
    void hashesAndTheLockOutSurviveAReopen() {
        Path file = dir.resolve("kiosk.db");
        try (Database db = Database.open(file)) {
            AdminRepository r = new AdminRepository(db);
            assertThat(r.pinHash(Role.STAFF)).isEmpty();
            assertThat(r.setupHash()).isEmpty();
            assertThat(r.lockState()).isEqualTo(LockState.NONE);

            r.setSetupHash("pbkdf2-sha256$1000$setup$hash", T);
            r.setPinHash(Role.STAFF, "pbkdf2-sha256$1000$a$b", T, "shell");
            r.setPinHash(Role.STAFF, "pbkdf2-sha256$1000$c$d", T.plusSeconds(1), "screen");
            r.saveLockState(new LockState(10, T.plusSeconds(120)));
        }
        try (Database db = Database.open(file)) {
            AdminRepository r = new AdminRepository(db);
            assertThat(r.pinHash(Role.STAFF)).contains("pbkdf2-sha256$1000$c$d");
            assertThat(r.setBy(Role.STAFF)).contains("2026-12-07T14:00:01.000000000Z (screen)");
            assertThat(r.pinHash(Role.ENGINEER)).isEmpty();
            assertThat(r.setupHash()).contains("pbkdf2-sha256$1000$setup$hash");
            assertThat(r.lockState()).isEqualTo(new LockState(10, T.plusSeconds(120)));

            r.completeSetup("pbkdf2-sha256$1000$s$s", "pbkdf2-sha256$1000$e$e", T);
            assertThat(r.pinHash(Role.STAFF)).contains("pbkdf2-sha256$1000$s$s");
            assertThat(r.pinHash(Role.ENGINEER)).contains("pbkdf2-sha256$1000$e$e");
            assertThat(r.setupHash()).isEmpty();
            r.saveLockState(LockState.NONE);
            assertThat(r.lockState()).isEqualTo(LockState.NONE);

            r.setSetupHash("x", T);
            r.clearSetup();
            assertThat(r.setupHash()).isEmpty();
        }
    }
}
