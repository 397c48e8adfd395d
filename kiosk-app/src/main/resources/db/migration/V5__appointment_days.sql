-- Appointments (预约, issue 13): the platform's places left per bookable item and open day, for the
-- next two weeks, as the down-sync last brought them, so that the days to choose from show while
-- the platform is away. Counts only, no person; replaced whole by each sync that brings a change.
CREATE TABLE appointment_day (
  item_id   TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  capacity  INTEGER NOT NULL,
  remaining INTEGER NOT NULL,
  PRIMARY KEY (item_id, day)
);
