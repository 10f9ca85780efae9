-- A teacher keeps one student's session lab running past the session's end, until this moment.
ALTER TABLE labs ADD COLUMN kept_until DATETIME(6) NULL;
