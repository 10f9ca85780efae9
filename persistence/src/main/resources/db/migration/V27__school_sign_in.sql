-- A school's own identity providers, brokered by Keycloak: the portal keeps which school owns which
-- provider alias (a sign-in through a provider lands only in its school) and how its claims become
-- roles. Secrets stay in Keycloak.
CREATE TABLE sign_in_providers (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id      BIGINT       NOT NULL,
    alias          VARCHAR(64)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    location       VARCHAR(500) NOT NULL,
    client_id      VARCHAR(255),
    username_claim VARCHAR(100) NOT NULL,
    role_claim     VARCHAR(100),
    teacher_value  VARCHAR(200),
    admin_value    VARCHAR(200),
    default_role   VARCHAR(32)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sign_in_providers_alias (alias),
    CONSTRAINT fk_sign_in_providers_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The e-mail domains that send a person straight to their school's sign-in; a domain belongs to one
-- school only.
CREATE TABLE school_email_domains (
    domain    VARCHAR(253) NOT NULL,
    tenant_id BIGINT       NOT NULL,
    PRIMARY KEY (domain),
    CONSTRAINT fk_school_email_domains_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How a member signs in: through which school provider (null: an account of CampusLab's realm).
ALTER TABLE members ADD COLUMN sign_in_provider VARCHAR(64) NULL;
