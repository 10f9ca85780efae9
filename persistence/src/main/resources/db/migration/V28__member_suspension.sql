-- A school admin suspends a member: they cannot sign in or act until resumed; nothing is deleted.
ALTER TABLE members ADD COLUMN suspended_at DATETIME(6) NULL;
