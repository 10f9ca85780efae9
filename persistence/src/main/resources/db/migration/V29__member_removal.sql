-- A school admin removes a member: from then on they may only download their workspace; at
-- delete_after their account, workspace and records are deleted.
ALTER TABLE members ADD COLUMN leaving_since DATETIME(6) NULL;
ALTER TABLE members ADD COLUMN delete_after DATETIME(6) NULL;
CREATE INDEX ix_members_delete_after ON members (delete_after);

-- The subjects of deleted accounts: a token issued before the deletion, still valid for minutes,
-- must not make the person a member again. Keycloak never gives a subject twice.
CREATE TABLE deleted_accounts (
    subject    VARCHAR(64) NOT NULL,
    deleted_at DATETIME(6) NOT NULL,
    PRIMARY KEY (subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
