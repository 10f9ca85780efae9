-- Members created by a school admin (one by one or from a class list) exist before their first
-- sign-in; the class they were imported with is kept for the classrooms to come.
ALTER TABLE members
    MODIFY COLUMN last_sign_in_at DATETIME(6) NULL,
    ADD COLUMN class_name VARCHAR(100) NULL;
CREATE INDEX ix_members_tenant_username ON members (tenant_id, username);
