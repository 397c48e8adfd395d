-- The day at a glance (issue 15): what the kiosk did not record before. Never who: no person, no
-- session, no personal data in these rows.

-- Citizen flows (取号, 证照打印, 自助申办...) as they start and end: the flow's name, and how it
-- ended (DONE: the flow reached its end; LEFT: the citizen went elsewhere or the session ended).
CREATE TABLE flow_event (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT    NOT NULL,
  flow    TEXT    NOT NULL,
  kind    TEXT    NOT NULL CHECK (kind IN ('START', 'END')),
  outcome TEXT
);
CREATE INDEX flow_event_at ON flow_event (at);

-- Device faults as they start: which device (id and class) and the health model's problem
-- (paper-out, offline, jam...), when.
CREATE TABLE device_fault (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT    NOT NULL,
  device_id    TEXT    NOT NULL,
  device_class TEXT    NOT NULL,
  code         TEXT    NOT NULL
);
CREATE INDEX device_fault_at ON device_fault (at);

-- What a print carried, kept for a staff reprint for two days and then deleted (secure_delete
-- overwrites it): the template's data sealed with the installation's key (it may name the citizen;
-- the template masks it again on paper), bound to the print's id. Licences are not kept: the
-- platform gives them again.
CREATE TABLE print_content (
  print_id   TEXT    PRIMARY KEY,
  printed_at TEXT    NOT NULL,
  template   TEXT    NOT NULL,
  locale     TEXT    NOT NULL,
  body       BLOB    NOT NULL
);
CREATE INDEX print_content_printed_at ON print_content (printed_at);
