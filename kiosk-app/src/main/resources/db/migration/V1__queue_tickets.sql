-- Queue tickets (排队号票): one row per number handed out or voided.
-- A number is ALLOCATED in the same transaction that advances the day's counter, then PRINTED once
-- the printer reports the ticket on paper, or VOIDED when the printer refused or failed the job.
-- A number still ALLOCATED when the kiosk starts was being printed when it stopped (a crash, a
-- power cut): nobody knows whether the ticket came out, so it becomes INTERRUPTED for staff to
-- see, neither called nor forgotten. CALLED is set when the hall calls the number.
CREATE TABLE queue_counter (
  service_day   TEXT    NOT NULL,
  business_type TEXT    NOT NULL,
  last_seq      INTEGER NOT NULL,
  PRIMARY KEY (service_day, business_type)
);

CREATE TABLE queue_ticket (
  id            TEXT    PRIMARY KEY,
  service_day   TEXT    NOT NULL,
  business_type TEXT    NOT NULL,
  seq           INTEGER NOT NULL,
  number        TEXT    NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('ALLOCATED', 'PRINTED', 'VOIDED', 'INTERRUPTED', 'CALLED')),
  waiting_ahead INTEGER, -- known only when the hall's calls are known (some number CALLED)
  issued_at     TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  void_reason   TEXT,
  UNIQUE (service_day, business_type, seq)
);

CREATE INDEX queue_ticket_day_type_status ON queue_ticket (service_day, business_type, status);
