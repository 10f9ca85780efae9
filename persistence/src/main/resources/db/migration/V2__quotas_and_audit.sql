-- Each school's quota on the shared cluster, and the audit log.
ALTER TABLE tenants
    ADD COLUMN quota_gpus            INT NOT NULL DEFAULT 4,
    ADD COLUMN quota_cpu_cores       INT NOT NULL DEFAULT 64,
    ADD COLUMN quota_memory_gib      INT NOT NULL DEFAULT 256,
    ADD COLUMN quota_concurrent_labs INT NOT NULL DEFAULT 50,
    ADD COLUMN quota_storage_gib     INT NOT NULL DEFAULT 100,
    ADD COLUMN quota_gpu_hours_month INT NOT NULL DEFAULT 200;

CREATE TABLE audit_events (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    tenant_slug VARCHAR(40)   NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(255)  NOT NULL,
    detail      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_tenant (tenant_slug, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
