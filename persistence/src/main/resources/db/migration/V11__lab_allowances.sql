-- What one member may ask for, set by the school's admin: a default per role (students, teachers)
-- and overrides for single members. NULL in a column: no limit of its own (the template's maximum,
-- the school's quota); labs_at_once falls back to one.
CREATE TABLE lab_allowances (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT       NOT NULL,
    role             VARCHAR(32)  NULL,
    member_id        BIGINT       NULL,
    max_cpu_millis   INT          NULL,
    max_memory_mib   INT          NULL,
    max_gpus         INT          NULL,
    labs_at_once     INT          NULL,
    gpu_hours_month  INT          NULL,
    updated_by       VARCHAR(255) NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lab_allowances_role (tenant_id, role),
    UNIQUE KEY uk_lab_allowances_member (member_id),
    CONSTRAINT fk_lab_allowances_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT fk_lab_allowances_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE,
    CONSTRAINT ck_lab_allowances_scope CHECK ((role IS NULL) <> (member_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
