-- Where a template's image allows it, its labs run on a read-only root file system.
ALTER TABLE lab_templates ADD COLUMN read_only_root BOOLEAN NOT NULL DEFAULT FALSE;
