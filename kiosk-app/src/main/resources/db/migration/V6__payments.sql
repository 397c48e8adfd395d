-- Payments (issue 14, "never twice, never lost"): one row per payment attempt, in its current state,
-- and every step it took, each step written in the same transaction as the state it set. The row is
-- written NEW before anything is asked, and SENT before any call that may charge: a row left SENT by
-- a crash is in doubt, and the recovery at start-up asks the terminal or the platform about it.
-- No personal data: what is paid for (the catalogue item and the platform's id of the due, never an
-- ID number), the amount in fen, the answers' ids, the card number masked (first 6, last 4 at most).
CREATE TABLE payment (
  order_ref    TEXT    PRIMARY KEY,
  service_id   TEXT    NOT NULL,
  due_id       TEXT    NOT NULL,
  description  TEXT    NOT NULL,
  amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
  method       TEXT    NOT NULL CHECK (method IN ('CARD', 'QR_SHOWN', 'QR_SCANNED')),
  state        TEXT    NOT NULL CHECK (state IN ('NEW', 'SENT', 'APPROVED', 'DELIVERED', 'DECLINED', 'CANCELLED',
                                                 'REVERSAL_PENDING', 'REVERSED', 'REFUND_PENDING', 'REFUNDED', 'MANUAL')),
  created_at   TEXT    NOT NULL,
  sent_at      TEXT,
  approved_at  TEXT,
  updated_at   TEXT    NOT NULL,
  receipt_no   TEXT,    -- the terminal's receipt number, or the platform's of a wallet payment
  trace_no     TEXT,    -- the terminal's trace number
  payment_id   TEXT,    -- the platform's order id
  card_masked  TEXT,
  auth_code    TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0, -- tries without an answer in the current state
  note         TEXT
);
-- One payment at a time holds a service's due: paid, in doubt, or its money on the way back.
CREATE UNIQUE INDEX payment_holds_due ON payment (service_id, due_id)
  WHERE state NOT IN ('DECLINED', 'CANCELLED', 'REVERSED', 'REFUNDED');
CREATE INDEX payment_created ON payment (created_at);
CREATE INDEX payment_state ON payment (state);
CREATE INDEX payment_trace ON payment (trace_no);
CREATE INDEX payment_sent ON payment (method, sent_at);

CREATE TABLE payment_step (
  order_ref   TEXT    NOT NULL REFERENCES payment (order_ref),
  seq         INTEGER NOT NULL,
  at          TEXT    NOT NULL,
  from_state  TEXT,
  to_state    TEXT    NOT NULL,
  actor       TEXT    NOT NULL CHECK (actor IN ('KIOSK', 'RECOVERY', 'STAFF')),
  receipt_no  TEXT,
  trace_no    TEXT,
  payment_id  TEXT,
  card_masked TEXT,
  auth_code   TEXT,
  result_code TEXT,
  note        TEXT,
  PRIMARY KEY (order_ref, seq)
);

-- A day's reconciliation (日结/对账), the latest of the day, and its differences for staff.
CREATE TABLE payment_reconciliation (
  day                     TEXT    PRIMARY KEY,
  made_at                 TEXT    NOT NULL,
  payments                INTEGER NOT NULL,
  paid_count              INTEGER NOT NULL,
  paid_fen                INTEGER NOT NULL,
  card_sale_count         INTEGER NOT NULL,
  card_sale_fen           INTEGER NOT NULL,
  card_reversal_count     INTEGER NOT NULL,
  card_reversal_fen       INTEGER NOT NULL,
  terminal_sale_count     INTEGER, -- null: the terminal gave no totals
  terminal_sale_fen       INTEGER,
  terminal_reversal_count INTEGER,
  terminal_reversal_fen   INTEGER,
  platform_orders         INTEGER  -- null: the platform did not answer
);

CREATE TABLE payment_difference (
  day         TEXT    NOT NULL REFERENCES payment_reconciliation (day),
  seq         INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  order_ref   TEXT,
  method      TEXT,
  kiosk_fen   INTEGER NOT NULL,
  other_fen   INTEGER NOT NULL,
  kiosk_state TEXT,
  other_state TEXT,
  note        TEXT    NOT NULL,
  PRIMARY KEY (day, seq)
);
