-- By when a queued lab starts at the latest, as the scheduler's last pass estimated it.
ALTER TABLE labs ADD COLUMN starts_by DATETIME(6) NULL;
