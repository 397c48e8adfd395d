-- The platform (issue 5): the outbox, what was synchronised down, applications waiting to be sent,
-- and queue numbers from the platform beside the kiosk's own.

-- The outbox: every record that must reach the platform, written in the same transaction as the
-- local change it belongs to, deleted only when the platform has acknowledged it (accepted or
-- duplicate). A record the platform rejected for good is DEAD: kept for staff to see and retry.
-- Records of one stream go in stream_seq order. A body holding personal data is sealed (AES-GCM
-- with the installation's key, kept outside this file) and disappears with the row.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  idem_key        TEXT    NOT NULL UNIQUE,
  stream          TEXT    NOT NULL,
  stream_seq      INTEGER NOT NULL,
  kind            TEXT    NOT NULL,
  occurred_at     TEXT    NOT NULL,
  body            BLOB    NOT NULL,
  sealed          INTEGER NOT NULL CHECK (sealed IN (0, 1)),
  state           TEXT    NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DEAD')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL,
  last_error      TEXT,
  UNIQUE (stream, stream_seq)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_ms);
CREATE INDEX outbox_stream_order ON outbox (stream, state, stream_seq);

CREATE TABLE outbox_stream (
  stream   TEXT    PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

-- Down-sync: per resource (catalogue, departments, notices, business-types) the version or ETag
-- the local copy is at, when it was last brought up to date, and the last failure.
CREATE TABLE sync_state (
  resource        TEXT PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 0,
  etag            TEXT,
  synced_at       TEXT,
  last_attempt_at TEXT,
  last_error      TEXT
);

-- The service catalogue (事项), the kiosk's local copy; json is the item as the platform sent it.
CREATE TABLE catalogue_item (
  id            TEXT    PRIMARY KEY,
  version       INTEGER NOT NULL,
  department_id TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  category      TEXT,
  business_type TEXT,
  kiosk_capable INTEGER NOT NULL,
  json          TEXT    NOT NULL
);
CREATE INDEX catalogue_item_department ON catalogue_item (department_id);

-- Whole lists kept as the platform sent them: departments, notices, business types.
CREATE TABLE reference_data (
  name TEXT PRIMARY KEY,
  json TEXT NOT NULL
);

-- Applications (申请) made at this kiosk. No personal data here: the applicant's data travels in
-- the sealed outbox record, which is deleted when the platform has it.
CREATE TABLE application (
  id             TEXT PRIMARY KEY,
  item_id        TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('QUEUED', 'RECEIVED', 'REJECTED')),
  application_no TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  problem        TEXT
);

-- Queue numbers now come from the platform (origin PLATFORM, its number) or, when it cannot be
-- reached, from the kiosk's own range (origin LOCAL, the kiosk's prefix): the sequence is unique
-- per origin. SQLite cannot change a constraint in place, so the table is rebuilt.
CREATE TABLE queue_ticket_v3 (
  id            TEXT    PRIMARY KEY,
  service_day   TEXT    NOT NULL,
  business_type TEXT    NOT NULL,
  origin        TEXT    NOT NULL DEFAULT 'LOCAL' CHECK (origin IN ('LOCAL', 'PLATFORM')),
  seq           INTEGER NOT NULL,
  number        TEXT    NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('ALLOCATED', 'PRINTED', 'VOIDED', 'INTERRUPTED', 'CALLED')),
  waiting_ahead INTEGER,
  issued_at     TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  void_reason   TEXT,
  UNIQUE (service_day, business_type, origin, seq)
);
INSERT INTO queue_ticket_v3 (id, service_day, business_type, origin, seq, number, status, waiting_ahead, issued_at, updated_at, void_reason)
  SELECT id, service_day, business_type, 'LOCAL', seq, number, status, waiting_ahead, issued_at, updated_at, void_reason FROM queue_ticket;
DROP TABLE queue_ticket;
ALTER TABLE queue_ticket_v3 RENAME TO queue_ticket;
CREATE INDEX queue_ticket_day_type_status ON queue_ticket (service_day, business_type, status);
