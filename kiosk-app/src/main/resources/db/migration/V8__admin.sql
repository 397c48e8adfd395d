-- The admin side (issue 15): each role's PIN as a salted slow hash (never the PIN), the one-time
-- set-up code of a first start as a hash too (role SETUP), and the PIN pad's lock-out, kept here so
-- that a restart does not reset it.
-- hash: pbkdf2-sha256$ITERATIONS$SALT$HASH (admin.PinHasher); set_by: setup, demo, shell, screen, rehash
CREATE TABLE admin_credential (
    role TEXT PRIMARY KEY CHECK (role IN ('STAFF', 'ENGINEER', 'SETUP')),
    hash TEXT NOT NULL,
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
);

-- one row: wrong PINs in a row since the last right one, and the end of the current lock
CREATE TABLE admin_lockout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    wrong_in_a_row INTEGER NOT NULL CHECK (wrong_in_a_row >= 0),
    locked_until TEXT NOT NULL
);
