-- Whether the school's admins may open any lab of the school (each visit audited and shown to the student):
-- the school's own choice, off unless its admin turns it on.
ALTER TABLE tenants ADD COLUMN admins_open_labs BOOLEAN NOT NULL DEFAULT FALSE;
