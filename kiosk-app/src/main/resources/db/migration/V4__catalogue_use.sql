-- How often citizens used each service item at this kiosk, per day (the hall's time zone): the
-- guide lists the most used first. Counts only, no person.
CREATE TABLE catalogue_use (
  item_id TEXT    NOT NULL,
  day     TEXT    NOT NULL,
  opened  INTEGER NOT NULL DEFAULT 0,
  applied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, day)
);
CREATE INDEX catalogue_use_day ON catalogue_use (day);
