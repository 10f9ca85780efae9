-- Schools and the people who sign in to them.
CREATE TABLE tenants (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    slug         VARCHAR(40)  NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    namespace    VARCHAR(63)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_tenants_slug UNIQUE (slug),
    CONSTRAINT uk_tenants_namespace UNIQUE (namespace)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE members (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    subject         VARCHAR(64)  NOT NULL,
    username        VARCHAR(255) NOT NULL,
    display_name    VARCHAR(255) NOT NULL,
    email           VARCHAR(255) NULL,
    tenant_id       BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_sign_in_at DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_members_subject UNIQUE (subject),
    CONSTRAINT uk_members_username UNIQUE (username),
    CONSTRAINT fk_members_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    INDEX ix_members_tenant (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member_roles (
    member_id BIGINT      NOT NULL,
    role      VARCHAR(32) NOT NULL,
    PRIMARY KEY (member_id, role),
    CONSTRAINT fk_member_roles_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
