-- Every print, for the audit trail: what, when, on which device, with what result. Never the
-- document's content: only the template and the reference that finds it again on the platform
-- (an application number, a payment's transaction number, a queue ticket's id).
CREATE TABLE print_record (
  id          TEXT    PRIMARY KEY,
  printed_at  TEXT    NOT NULL,
  template    TEXT    NOT NULL,
  reference   TEXT    NOT NULL,
  device_id   TEXT,
  medium      TEXT    NOT NULL CHECK (medium IN ('ESCPOS', 'PDF')),
  result      TEXT    NOT NULL CHECK (result IN ('PRINTED', 'FAILED', 'REFUSED')),
  reason      TEXT,
  reprint     INTEGER NOT NULL DEFAULT 0,
  kiosk_id    TEXT    NOT NULL
);
CREATE INDEX print_record_reference ON print_record (reference);
CREATE INDEX print_record_printed_at ON print_record (printed_at);
