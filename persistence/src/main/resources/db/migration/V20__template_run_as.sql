-- The user and group a template's image runs as: lab pods run as non-root (Pod Security "restricted").
ALTER TABLE lab_templates
    ADD COLUMN run_as_user  INT NOT NULL DEFAULT 1000,
    ADD COLUMN run_as_group INT NOT NULL DEFAULT 100;

-- The catalog's images: Jupyter's jovyan is 1000:100 (the default), code-server's coder 1000:1000,
-- accetto's desktop images run as 1000 in group 0 (their home folders are group-writable for any UID).
UPDATE lab_templates SET run_as_group = 1000 WHERE name = 'vscode' AND owner_tenant_id IS NULL;
UPDATE lab_templates SET run_as_group = 0 WHERE name = 'desktop' AND owner_tenant_id IS NULL;
