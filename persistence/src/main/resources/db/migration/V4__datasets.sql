-- Datasets of a school, or global (no owner) for every school. Files live on disk below the
-- dataset root in <owner slug or _global>/<name>/; the row keeps their count and size.
CREATE TABLE datasets (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    name             VARCHAR(40)   NOT NULL,
    owner_tenant_id  BIGINT        NULL,
    display_name     VARCHAR(100)  NOT NULL,
    description      VARCHAR(2000) NULL,
    size_bytes       BIGINT        NOT NULL,
    file_count       INT           NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    files_updated_at DATETIME(6)   NULL,
    version          BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_datasets_owner_name UNIQUE (owner_tenant_id, name),
    CONSTRAINT fk_datasets_owner FOREIGN KEY (owner_tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
