-- A school's GPUs per resource key (a MIG profile, another vendor's GPUs), within its GPUs in total.
-- A key without a row is limited by the total alone.
CREATE TABLE tenant_gpu_quotas (
    tenant_id    BIGINT      NOT NULL,
    resource_key VARCHAR(316) NOT NULL,
    gpus         INT         NOT NULL,
    PRIMARY KEY (tenant_id, resource_key),
    CONSTRAINT fk_tenant_gpu_quotas_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
